package io.tessera.core.camera;

import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where to look for a ground control point (or a manual tie point) on a project's photos, and how
 * the prediction improves as marks arrive. Built from a snapshot of the photos (cameras from
 * their GPS and attitude), the surveyed points (ENU) and the marks so far; cheap enough to build
 * again after every mark. Not thread-safe (it caches corrections as it computes them).
 *
 * <p>Marks and predictions are in displayed pixels (the photo turned by its EXIF orientation,
 * which is how the viewer shows it), Tessera's pixel convention.
 *
 * <p>For point g on photo k:
 * <ul>
 *   <li>A photo with marks of three or more surveyed points has its pose corrected from them
 *       ({@link PoseCorrection}, full pose, held to its GPS/attitude pose by the prior sigmas of
 *       {@link PoseCorrection.Options}).
 *   <li>Every other photo's camera is corrected by the flight's pose errors as estimated from all
 *       the marks of surveyed points on all photos ({@link FlightErrors}: an error the flight
 *       shares plus each photo's own, the split between them weighed by the marks' evidence). A
 *       photo with one or two marks of surveyed points gets its own estimate ({@link
 *       PoseCorrection.Kind#FLIGHT_AND_MARKS}), one without marks the flight's shared error
 *       ({@link PoseCorrection.Kind#FLIGHT}); without any mark the camera stays as given ({@link
 *       PoseCorrection.Kind#NONE}). So when the errors are mostly shared (a GNSS offset, an
 *       attitude bias), two marks move every photo's prediction onto the point; when each photo's
 *       error is its own, they leave the other photos about where their GPS/attitude put them.
 *   <li>g's surveyed position is projected through the corrected camera.
 *   <li>A point without surveyed coordinates (a tie point) is triangulated through the corrected
 *       cameras of the photos that mark it and projected through photo k's corrected camera.
 * </ul>
 * A photo predicts g when g falls in front of its camera and on its image: where its footprint on
 * ground at g's height holds g. Predictions are ranked by distance from the image centre,
 * nearest first.
 */
public final class GcpPredictor {
  /**
   * A photo of the project.
   *
   * @param id the photo's id (its key)
   * @param camera its camera from GPS and attitude (stored-image pixels)
   * @param orientation EXIF orientation 1..8 (1 when unknown)
   */
  public record Photo(String id, CameraModel camera, int orientation) {}

  /**
   * A mark: where a user placed point {@code pointId} on photo {@code photoId}.
   *
   * @param pixel displayed pixels
   */
  public record Mark(String photoId, String pointId, ImagePoint pixel) {}

  /** Which position of the point was projected. */
  public enum PointBasis {
    /** Its surveyed coordinates. */
    SURVEYED,
    /** A position triangulated from its marks. */
    TRIANGULATED
  }

  /**
   * Where a point should show on one photo.
   *
   * @param photoId the photo
   * @param pixel the predicted position, displayed pixels
   * @param distanceFromCentrePx distance of {@code pixel} from the image centre, pixels
   * @param point which position of the point was projected
   * @param pose how the photo's camera was corrected
   * @param mark the point's mark on this photo if it has one, else null
   */
  public record Prediction(
      String photoId, ImagePoint pixel, double distanceFromCentrePx, PointBasis point,
      PoseCorrection.Kind pose, ImagePoint mark) {}

  private final Map<String, Photo> photos = new LinkedHashMap<>();
  private final Map<String, Vec3> surveyed;
  private final Map<String, List<Mark>> marksByPoint = new HashMap<>();
  private final Map<String, List<Mark>> marksByPhoto = new HashMap<>();
  private final PoseCorrection.Options options;
  private final Map<String, PoseCorrection.Result> corrections = new HashMap<>();
  private final Map<String, Optional<Triangulation.Result>> gpsTriangulations = new HashMap<>();
  private final FlightErrors.Split split;
  private FlightErrors flight;

  private GcpPredictor(Collection<Photo> photos, Map<String, Vec3> surveyed, Collection<Mark> marks,
      PoseCorrection.Options options, FlightErrors.Split split) {
    for (Photo p : photos) {
      if (this.photos.put(p.id(), p) != null) {
        throw new IllegalArgumentException("photo " + p.id() + " appears twice");
      }
    }
    this.surveyed = Map.copyOf(surveyed);
    this.options = options;
    this.split = split;
    for (Mark m : marks) {
      if (!this.photos.containsKey(m.photoId())) {
        throw new IllegalArgumentException("a mark on an unknown photo: " + m.photoId());
      }
      List<Mark> onPhoto = marksByPhoto.computeIfAbsent(m.photoId(), k -> new ArrayList<>());
      if (onPhoto.stream().anyMatch(o -> o.pointId().equals(m.pointId()))) {
        throw new IllegalArgumentException(
            "point " + m.pointId() + " is marked twice on photo " + m.photoId());
      }
      onPhoto.add(m);
      marksByPoint.computeIfAbsent(m.pointId(), k -> new ArrayList<>()).add(m);
    }
  }

  /**
   * A predictor over {@code photos}, with surveyed point positions (ENU, by point id) and the
   * marks so far.
   *
   * @throws IllegalArgumentException for two photos with one id, a mark on an unknown photo, or a
   *     point marked twice on one photo
   */
  public static GcpPredictor of(Collection<Photo> photos, Map<String, Vec3> surveyed,
      Collection<Mark> marks, PoseCorrection.Options options) {
    return new GcpPredictor(photos, surveyed, marks, options, null);
  }

  /**
   * {@link #of(Collection, Map, Collection, PoseCorrection.Options)} with the split of the pose
   * errors between the flight and the photos given instead of weighed by the marks' evidence (for
   * a drone whose errors are known, and for benchmarks).
   */
  public static GcpPredictor of(Collection<Photo> photos, Map<String, Vec3> surveyed,
      Collection<Mark> marks, PoseCorrection.Options options, FlightErrors.Split split) {
    if (split == null) {
      throw new IllegalArgumentException("a split is required");
    }
    return new GcpPredictor(photos, surveyed, marks, options, split);
  }

  /** The photos that should show {@code pointId}, nearest the image centre first. */
  public List<Prediction> predict(String pointId) {
    Vec3 x = surveyed.get(pointId);
    PointBasis basis = PointBasis.SURVEYED;
    if (x == null) {
      Optional<Triangulation.Result> t = correctedTriangulation(pointId);
      if (t.isEmpty()) {
        return List.of();
      }
      x = t.get().point();
      basis = PointBasis.TRIANGULATED;
    }
    List<Prediction> out = new ArrayList<>();
    for (Photo photo : photos.values()) {
      PoseCorrection.Result corr = correction(photo.id());
      CameraModel cam = corr.camera();
      ImagePoint p = cam.projectOrNull(x);
      if (p == null || !cam.intrinsics().contains(p)) {
        continue;
      }
      Intrinsics in = cam.intrinsics();
      ImagePoint shown = ImageOrientation.toDisplayed(p, photo.orientation(), in.widthPx(), in.heightPx());
      double fromCentre = Math.hypot(p.x() - in.widthPx() / 2.0, p.y() - in.heightPx() / 2.0);
      ImagePoint mark = marksByPhoto.getOrDefault(photo.id(), List.of()).stream()
          .filter(m -> m.pointId().equals(pointId)).map(Mark::pixel).findFirst().orElse(null);
      out.add(new Prediction(photo.id(), shown, fromCentre, basis, corr.kind(), mark));
    }
    out.sort(Comparator.comparingDouble(Prediction::distanceFromCentrePx));
    return out;
  }

  /**
   * {@code pointId} triangulated from its marks through the photos' GPS/attitude cameras (the
   * frame of the photos' GPS), or empty with fewer than two usable marks.
   */
  public Optional<Triangulation.Result> gpsTriangulation(String pointId) {
    return gpsTriangulations.computeIfAbsent(pointId, id -> triangulate(id, false));
  }

  /** {@code pointId} triangulated from its marks through the photos' corrected cameras. */
  public Optional<Triangulation.Result> correctedTriangulation(String pointId) {
    return triangulate(pointId, true);
  }

  /** How photo {@code photoId}'s camera is corrected by its marks (see the class comment). */
  public PoseCorrection.Result correction(String photoId) {
    PoseCorrection.Result cached = corrections.get(photoId);
    if (cached != null) {
      return cached;
    }
    Photo photo = photos.get(photoId);
    if (photo == null) {
      throw new IllegalArgumentException("unknown photo " + photoId);
    }
    List<PoseCorrection.Control> controls = controls(photo);
    PoseCorrection.Result result = null;
    if (controls.size() >= 3) {
      PoseCorrection.Result full = PoseCorrection.correct(photo.camera(), controls, options);
      if (full.kind() == PoseCorrection.Kind.FULL_POSE) {
        result = full;
      }
    }
    if (result == null) {
      FlightErrors errors = flightErrors();
      CameraModel cam = errors.corrected(photoId, photo.camera());
      if (errors.isEmpty()) {
        result = new PoseCorrection.Result(cam, PoseCorrection.Kind.NONE, 0, 0);
      } else if (errors.hasOwnMarks(photoId)) {
        result = new PoseCorrection.Result(cam, PoseCorrection.Kind.FLIGHT_AND_MARKS,
            PoseCorrection.rms(cam, controls), 0);
      } else {
        result = new PoseCorrection.Result(cam, PoseCorrection.Kind.FLIGHT, 0, 0);
      }
    }
    corrections.put(photoId, result);
    return result;
  }

  /**
   * The flight's pose errors estimated from every photo's marks of surveyed points (see {@link
   * FlightErrors}); empty without such marks.
   */
  public FlightErrors flightErrors() {
    if (flight == null) {
      Map<String, CameraModel> cameras = new HashMap<>();
      Map<String, List<PoseCorrection.Control>> controls = new LinkedHashMap<>();
      for (Photo p : photos.values()) {
        cameras.put(p.id(), p.camera());
        List<PoseCorrection.Control> cs = controls(p);
        if (!cs.isEmpty()) {
          controls.put(p.id(), cs);
        }
      }
      flight = FlightErrors.estimate(cameras, controls, options, split);
    }
    return flight;
  }

  /** The photo's marks of surveyed points, stored-image pixels. */
  private List<PoseCorrection.Control> controls(Photo photo) {
    List<PoseCorrection.Control> out = new ArrayList<>();
    for (Mark m : marksByPhoto.getOrDefault(photo.id(), List.of())) {
      Vec3 x = surveyed.get(m.pointId());
      if (x != null) {
        out.add(new PoseCorrection.Control(x, stored(photo, m.pixel())));
      }
    }
    return out;
  }

  private Optional<Triangulation.Result> triangulate(String pointId, boolean corrected) {
    List<Observation> obs = new ArrayList<>();
    for (Mark m : marksByPoint.getOrDefault(pointId, List.of())) {
      Photo photo = photos.get(m.photoId());
      CameraModel cam = corrected ? correction(photo.id()).camera() : photo.camera();
      obs.add(new Observation(cam, stored(photo, m.pixel())));
    }
    return Triangulation.triangulate(obs);
  }

  private static ImagePoint stored(Photo photo, ImagePoint displayed) {
    Intrinsics in = photo.camera().intrinsics();
    return ImageOrientation.toStored(displayed, photo.orientation(), in.widthPx(), in.heightPx());
  }
}

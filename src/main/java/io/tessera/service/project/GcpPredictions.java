package io.tessera.service.project;

import io.tessera.core.camera.CameraExif;
import io.tessera.core.camera.CameraExifReader;
import io.tessera.core.camera.CameraModel;
import io.tessera.core.camera.GcpPredictor;
import io.tessera.core.camera.GeoPoint;
import io.tessera.core.camera.GeoPose;
import io.tessera.core.camera.ImageOrientation;
import io.tessera.core.camera.Intrinsics;
import io.tessera.core.camera.LocalFrame;
import io.tessera.core.camera.PoseCorrection;
import io.tessera.core.camera.Resection;
import io.tessera.core.camera.Vec3;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.image.ImagePoint;
import io.tessera.core.project.Mark;
import io.tessera.core.project.Project;
import io.tessera.core.project.ProjectPhoto;
import io.tessera.core.project.TiePoint;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where a tie point should show on each of a project's photos ({@link GcpPredictor}), for the
 * marking workflow. Cameras come from each photo's EXIF and XMP ({@link CameraExifReader}) in an
 * East-North-Up frame at the photos' mean GPS position; a photo without a GPS position and
 * attitude but with marks of three or more GCPs gets its pose from those marks ({@link
 * Resection}). GCP coordinates go from the project's CRS to WGS 84 and then into the frame; their
 * heights are taken in the same reference as the photos' GPS altitudes (see {@link LocalFrame}).
 */
public final class GcpPredictions {

  /** Where the photo's camera came from. */
  public enum PoseSource {
    /** GPS position and attitude in the photo's EXIF/XMP. */
    EXIF,
    /** Resected from the photo's marks of three or more GCPs. */
    MARKS,
    /** Unknown: no prediction. */
    NONE
  }

  /**
   * One photo for a tie point: the prediction when there is one, and the point's mark on it.
   *
   * @param pixel predicted position (displayed pixels, Tessera's convention), or null
   * @param distanceFromCentrePx the prediction's distance from the image centre, or null
   * @param basis which position of the point was projected, or null
   * @param correction how the marks corrected the photo's camera, or null
   * @param poseSource where the camera came from
   * @param mark the point's mark on the photo, or null
   * @param note why there is no prediction, or null
   * @param searchRadiusPx the radius about {@code pixel} that should hold the point with about
   *     95 % probability (displayed pixels, {@link GcpPredictor.Prediction#searchRadiusPx}), or
   *     null without a prediction or when it cannot be stated
   */
  public record PhotoPrediction(ProjectPhoto photo, ImagePoint pixel, Double distanceFromCentrePx,
      GcpPredictor.PointBasis basis, PoseCorrection.Kind correction, PoseSource poseSource,
      Mark mark, String note, Double searchRadiusPx) {}

  private record Camera(CameraExif exif, String problem) {}

  private final ProjectService projects;
  private final TiePointService points;
  private final PhotoService photos;
  /** EXIF by blob: a photo's bytes never change under its hash. */
  private final Map<String, Camera> exifByBlob = new ConcurrentHashMap<>();

  public GcpPredictions(ProjectService projects, TiePointService points, PhotoService photos) {
    this.projects = projects;
    this.points = points;
    this.photos = photos;
  }

  /**
   * The photos that should show tie point {@code name}, nearest the image centre first, then those
   * whose camera is unknown (without a prediction; those marking the point first), then any
   * other photo that holds a mark of it.
   */
  public List<PhotoPrediction> predict(Principal p, long projectId, String name) {
    Project project = projects.get(p, projectId);
    List<TiePoint> all = Stream.concat(points.gcps(p, projectId).stream(),
        points.mtps(p, projectId).stream()).toList();
    TiePoint target = all.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new DomainException.NotFound("tie point", name));
    List<ProjectPhoto> shots = photos.list(p, projectId);
    List<Mark> marks = points.marks(p, projectId);

    Map<String, GeoPoint> surveyedWgs84 = surveyed(project, all);
    Map<Long, CameraExif> exif = new HashMap<>();
    Map<Long, String> problems = new HashMap<>();
    List<GeoPose> poses = new ArrayList<>();
    Map<Long, GeoPose> poseById = new HashMap<>();
    for (ProjectPhoto photo : shots) {
      Camera c = camera(photo);
      if (c.exif() == null) {
        problems.put(photo.id(), c.problem());
        continue;
      }
      exif.put(photo.id(), c.exif());
      Optional<GeoPose> pose = c.exif().geoPose(CameraExif.HeightSource.GPS_ALTITUDE)
          .filter(GeoPose::hasAttitude);
      if (pose.isPresent()) {
        poses.add(pose.get());
        poseById.put(photo.id(), pose.get());
      }
    }
    LocalFrame frame = frame(poses, surveyedWgs84);
    Map<String, Vec3> surveyed = new LinkedHashMap<>();
    if (frame != null) {
      surveyedWgs84.forEach((n, g) -> surveyed.put(n, frame.toEnu(g)));
    }

    Map<Long, List<Mark>> marksByPhoto = new HashMap<>();
    marks.forEach(m -> marksByPhoto.computeIfAbsent(m.photoId(), k -> new ArrayList<>()).add(m));
    List<GcpPredictor.Photo> cameras = new ArrayList<>();
    Map<Long, PoseSource> sources = new HashMap<>();
    for (ProjectPhoto photo : shots) {
      CameraExif e = exif.get(photo.id());
      Optional<Intrinsics> in = e == null ? Optional.empty() : e.intrinsics();
      if (in.isEmpty() || frame == null) {
        problems.putIfAbsent(photo.id(), in.isEmpty() ? "no focal length in the photo's EXIF"
            : "no photo has a GPS position and no GCP has coordinates to place the cameras by");
        continue;
      }
      int orientation = e.orientation() == null ? 1 : e.orientation();
      GeoPose pose = poseById.get(photo.id());
      if (pose != null) {
        cameras.add(new GcpPredictor.Photo(key(photo), new CameraModel(in.get(),
            pose.toPose(frame)), orientation));
        sources.put(photo.id(), PoseSource.EXIF);
        continue;
      }
      List<PoseCorrection.Control> controls = new ArrayList<>();
      for (Mark m : marksByPhoto.getOrDefault(photo.id(), List.of())) {
        Vec3 x = surveyed.get(m.pointName());
        if (x != null) {
          controls.add(new PoseCorrection.Control(x, ImageOrientation.toStored(
              new ImagePoint(m.x(), m.y()), orientation, in.get().widthPx(),
              in.get().heightPx())));
        }
      }
      Optional<PoseCorrection.Result> resected = Resection.fromMarks(in.get(), controls);
      if (resected.isPresent()) {
        cameras.add(new GcpPredictor.Photo(key(photo), resected.get().camera(), orientation));
        sources.put(photo.id(), PoseSource.MARKS);
      } else if (controls.stream().map(PoseCorrection.Control::point).distinct().count() >= 3) {
        problems.put(photo.id(), "no GPS position and camera angles in the photo's EXIF/XMP,"
            + " and its GCP marks do not fit one camera: check that each is on its own target");
      } else {
        problems.put(photo.id(), "no GPS position and camera angles in the photo's EXIF/XMP,"
            + " and fewer than three GCPs marked on it");
      }
    }

    List<GcpPredictor.Mark> known = new ArrayList<>();
    for (Mark m : marks) {
      if (sources.containsKey(m.photoId())) {
        known.add(new GcpPredictor.Mark(Long.toString(m.photoId()), m.pointName(),
            new ImagePoint(m.x(), m.y())));
      }
    }
    GcpPredictor predictor = GcpPredictor.of(cameras, surveyed, known,
        PoseCorrection.Options.defaults());
    Map<Long, ProjectPhoto> byId = new LinkedHashMap<>();
    shots.forEach(s -> byId.put(s.id(), s));
    Map<Long, Mark> targetMarks = new HashMap<>();
    marks.stream().filter(m -> m.tiePointId() == target.id())
        .forEach(m -> targetMarks.put(m.photoId(), m));

    List<PhotoPrediction> out = new ArrayList<>();
    for (GcpPredictor.Prediction pr : predictor.predict(name)) {
      long id = Long.parseLong(pr.photoId());
      out.add(new PhotoPrediction(byId.get(id), pr.pixel(), pr.distanceFromCentrePx(),
          pr.point(), pr.pose(), sources.get(id), targetMarks.remove(id), null,
          Double.isFinite(pr.searchRadiusPx()) ? pr.searchRadiusPx() : null));
      byId.remove(id);
    }
    // photos without a camera: those that already mark the point first, to review them
    List<ProjectPhoto> unposed = byId.values().stream()
        .filter(ph -> problems.containsKey(ph.id()))
        .sorted(java.util.Comparator.comparing(ph -> !targetMarks.containsKey(ph.id())))
        .toList();
    for (ProjectPhoto photo : unposed) {
      out.add(new PhotoPrediction(photo, null, null, null, null, PoseSource.NONE,
          targetMarks.remove(photo.id()), problems.get(photo.id()), null));
    }
    for (Mark m : targetMarks.values()) {
      // marked where the camera says the point is not: the user knows better
      out.add(new PhotoPrediction(byId.get(m.photoId()), null, null, null, null,
          sources.getOrDefault(m.photoId(), PoseSource.NONE), m,
          "the prediction falls outside this photo", null));
    }
    return out;
  }

  /**
   * Where a photo was taken from, in the project's coordinate system (height as the GPS gave it),
   * with the gimbal's angles (yaw clockwise from north, pitch −90 straight down, roll), the
   * field of view across the image and its aspect; for drawing cameras in 3D.
   *
   * @param anglesKnown false when the photo has no gimbal angles (then it is drawn looking down)
   */
  public record Placement(ProjectPhoto photo, double x, double y, double z, double yawDeg,
      double pitchDeg, double rollDeg, double horizontalFovDeg, double aspect,
      boolean anglesKnown) {}

  /** The photos that have a GPS position and a focal length, placed in the project's CRS. */
  public List<Placement> placements(Principal p, long projectId) {
    Project project = projects.get(p, projectId);
    if (project.coordinateSystem() == null || project.coordinateSystem().isBlank()) {
      return List.of();
    }
    CrsTransform toProject;
    try {
      toProject = Crs.wgs84().transformTo(Crs.parse(project.coordinateSystem()));
    } catch (CrsException e) {
      return List.of();
    }
    List<Placement> out = new ArrayList<>();
    for (ProjectPhoto photo : photos.list(p, projectId)) {
      CameraExif e = camera(photo).exif();
      if (e == null || e.lonDeg() == null || e.latDeg() == null || e.gpsAltitudeM() == null) {
        continue;
      }
      Optional<Intrinsics> in = e.intrinsics();
      if (in.isEmpty()) {
        continue;
      }
      Position at;
      try {
        at = toProject.apply(new Position(e.lonDeg(), e.latDeg(), e.gpsAltitudeM()));
      } catch (CrsException ex) {
        continue;
      }
      boolean angles = e.gimbalYawDeg() != null && e.gimbalPitchDeg() != null;
      out.add(new Placement(photo, at.x(), at.y(), e.gpsAltitudeM(),
          angles ? e.gimbalYawDeg() : 0, angles ? e.gimbalPitchDeg() : -90,
          angles && e.gimbalRollDeg() != null ? e.gimbalRollDeg() : 0,
          in.get().horizontalFieldOfViewDeg(),
          in.get().widthPx() / (double) in.get().heightPx(), angles));
    }
    return out;
  }

  private Camera camera(ProjectPhoto photo) {
    return exifByBlob.computeIfAbsent(photo.blobSha256(), k -> {
      try (InputStream in = photos.open(photo)) {
        return new Camera(CameraExifReader.read(in), null);
      } catch (IOException | CameraExifReader.UnreadableImageException e) {
        return new Camera(null, "the photo's metadata cannot be read: " + e.getMessage());
      }
    });
  }

  /** The GCPs with coordinates, in WGS 84 (height as given). */
  private static Map<String, GeoPoint> surveyed(Project project, List<TiePoint> all) {
    Map<String, GeoPoint> out = new LinkedHashMap<>();
    if (project.coordinateSystem() == null || project.coordinateSystem().isBlank()) {
      return out;
    }
    try {
      CrsTransform toWgs84 = Crs.parse(project.coordinateSystem()).transformTo(Crs.wgs84());
      for (TiePoint t : all) {
        if (t.kind().equals("GCP") && t.x() != null && t.y() != null) {
          double z = t.z() == null ? 0 : t.z();
          Position g = toWgs84.apply(new Position(t.x(), t.y(), z));
          out.put(t.name(), new GeoPoint(g.x(), g.y(), z));
        }
      }
    } catch (CrsException e) {
      throw new DomainException.Invalid(String.format(Locale.ROOT,
          "The project's GCPs cannot be placed on the globe from its coordinate system: %s",
          e.getMessage()));
    }
    return out;
  }

  /** ENU at the photos' mean GPS position, else at the GCPs' mean; null with neither. */
  private static LocalFrame frame(List<GeoPose> poses, Map<String, GeoPoint> gcps) {
    List<GeoPoint> at = poses.isEmpty() ? List.copyOf(gcps.values())
        : poses.stream().map(GeoPose::position).toList();
    if (at.isEmpty()) {
      return null;
    }
    double lon = at.stream().mapToDouble(GeoPoint::lonDeg).average().orElseThrow();
    double lat = at.stream().mapToDouble(GeoPoint::latDeg).average().orElseThrow();
    double h = at.stream().mapToDouble(GeoPoint::heightM).average().orElseThrow();
    return LocalFrame.at(lon, lat, h);
  }

  private static String key(ProjectPhoto photo) {
    return Long.toString(photo.id());
  }
}

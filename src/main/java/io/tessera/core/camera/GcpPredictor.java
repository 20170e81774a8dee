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
 *
 * <p>Each prediction states its uncertainty: the covariance of the predicted pixel, the
 * posterior covariance of the photo's pose error (the flight's, {@link FlightErrors#covariance};
 * for a full-pose photo that of its correction, {@link PoseCorrection#covariance}) propagated
 * through the projection's Jacobian (numeric), plus for a triangulated point that of the point
 * (from its marks and the covariances of their photos, taken as independent), plus the marks'
 * sigma; and from it a search radius that holds the true position with about 95 % probability.
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
   * A 2 × 2 covariance of a pixel position, displayed pixels squared.
   *
   * @param xx variance across
   * @param xy covariance
   * @param yy variance down
   */
  public record PixelCovariance(double xx, double xy, double yy) {
    /** The largest eigenvalue: the variance along the most uncertain direction. */
    public double largestEigenvalue() {
      double mean = (xx + yy) / 2;
      return mean + Math.hypot((xx - yy) / 2, xy);
    }
  }

  /** The 95 % quantile of the chi-squared distribution with two degrees of freedom. */
  public static final double CHI2_2_95 = 5.991;

  /**
   * Where a point should show on one photo.
   *
   * @param photoId the photo
   * @param pixel the predicted position, displayed pixels
   * @param distanceFromCentrePx distance of {@code pixel} from the image centre, pixels
   * @param point which position of the point was projected
   * @param pose how the photo's camera was corrected
   * @param mark the point's mark on this photo if it has one, else null
   * @param covariance the predicted position's covariance (see the class comment), or null when
   *     the projection cannot be differentiated there
   * @param searchRadiusPx the radius about {@code pixel} that holds the true position with about
   *     95 % probability, displayed pixels: √({@link #CHI2_2_95} × the largest eigenvalue of
   *     {@code covariance}); NaN without a covariance
   */
  public record Prediction(
      String photoId, ImagePoint pixel, double distanceFromCentrePx, PointBasis point,
      PoseCorrection.Kind pose, ImagePoint mark, PixelCovariance covariance,
      double searchRadiusPx) {}

  /** A photo's camera before its error, the error estimate and its covariance. */
  private record PoseError(CameraModel base, double[] error, double[][] covariance) {}

  private final Map<String, Photo> photos = new LinkedHashMap<>();
  private final Map<String, Vec3> surveyed;
  private final Map<String, List<Mark>> marksByPoint = new HashMap<>();
  private final Map<String, List<Mark>> marksByPhoto = new HashMap<>();
  private final PoseCorrection.Options options;
  private final Map<String, PoseCorrection.Result> corrections = new HashMap<>();
  private final Map<String, PoseError> poseErrors = new HashMap<>();
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
    double[][] pointCov = basis == PointBasis.TRIANGULATED ? pointCovariance(pointId, x) : null;
    List<Prediction> out = new ArrayList<>();
    for (Photo photo : photos.values()) {
      PoseCorrection.Result corr = correction(photo.id());
      CameraModel cam = corr.camera();
      ImagePoint p = cam.projectOrNull(x);
      if (p == null || !cam.intrinsics().contains(p)) {
        continue;
      }
      Intrinsics in = cam.intrinsics();
      ImagePoint shown =
          ImageOrientation.toDisplayed(p, photo.orientation(), in.widthPx(), in.heightPx());
      double fromCentre = Math.hypot(p.x() - in.widthPx() / 2.0, p.y() - in.heightPx() / 2.0);
      ImagePoint mark = marksByPhoto.getOrDefault(photo.id(), List.of()).stream()
          .filter(m -> m.pointId().equals(pointId)).map(Mark::pixel).findFirst().orElse(null);
      PixelCovariance cov = pixelCovariance(photo, x, pointCov);
      double radius = cov == null ? Double.NaN
          : Math.sqrt(CHI2_2_95 * cov.largestEigenvalue());
      out.add(new Prediction(photo.id(), shown, fromCentre, basis, corr.kind(), mark, cov,
          radius));
    }
    out.sort(Comparator.comparingDouble(Prediction::distanceFromCentrePx));
    return out;
  }

  /** {@code pointId} triangulated from its marks through the photos' corrected cameras. */
  public Optional<Triangulation.Result> correctedTriangulation(String pointId) {
    List<Observation> obs = new ArrayList<>();
    for (Mark m : marksByPoint.getOrDefault(pointId, List.of())) {
      Photo photo = photos.get(m.photoId());
      obs.add(new Observation(correction(photo.id()).camera(), stored(photo, m.pixel())));
    }
    return Triangulation.triangulate(obs);
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

  /**
   * The covariance of {@code x}'s projection on {@code photo}, displayed pixels: the pose error's
   * through the Jacobian, the point's ({@code pointCov}, or null for a surveyed point) through
   * its own, plus the marks' variance; null when the projection fails about the estimate.
   */
  private PixelCovariance pixelCovariance(Photo photo, Vec3 x, double[][] pointCov) {
    PoseError pe = poseError(photo.id());
    double[][] j = FlightErrors.jacobian(pe.base(), pe.error(), x);
    if (j == null) {
      return null;
    }
    double markVar = options.markSigmaPx() * options.markSigmaPx();
    double[][] c = propagate(j, pe.covariance());
    c[0][0] += markVar;
    c[1][1] += markVar;
    if (pointCov != null) {
      double[][] jx = pointJacobian(FlightErrors.apply(pe.base(), pe.error()), x);
      if (jx == null) {
        return null;
      }
      double[][] cx = propagate(jx, pointCov);
      for (int r = 0; r < 2; r++) {
        for (int q = 0; q < 2; q++) {
          c[r][q] += cx[r][q];
        }
      }
    }
    // to displayed pixels: the orientation's linear part, a turn or flip
    Intrinsics in = photo.camera().intrinsics();
    ImagePoint o = ImageOrientation.toDisplayed(new ImagePoint(0, 0), photo.orientation(),
        in.widthPx(), in.heightPx());
    ImagePoint ex = ImageOrientation.toDisplayed(new ImagePoint(1, 0), photo.orientation(),
        in.widthPx(), in.heightPx());
    ImagePoint ey = ImageOrientation.toDisplayed(new ImagePoint(0, 1), photo.orientation(),
        in.widthPx(), in.heightPx());
    double[][] t = {{ex.x() - o.x(), ey.x() - o.x()}, {ex.y() - o.y(), ey.y() - o.y()}};
    double[][] d = propagate(t, c);
    return new PixelCovariance(d[0][0], d[0][1], d[1][1]);
  }

  /**
   * The camera photo {@code photoId}'s error applies to, the error's estimate and covariance: for
   * a full-pose photo its corrected camera, no error and the correction's covariance (a floor of
   * the marks' sigma in pixels when the correction states none); else its GPS/attitude camera and
   * the flight's estimate.
   */
  private PoseError poseError(String photoId) {
    PoseError cached = poseErrors.get(photoId);
    if (cached != null) {
      return cached;
    }
    Photo photo = photos.get(photoId);
    PoseCorrection.Result corr = correction(photoId);
    PoseError pe;
    if (corr.kind() == PoseCorrection.Kind.FULL_POSE) {
      double[][] cov = PoseCorrection.covariance(corr.camera(), controls(photo), options);
      if (cov == null) {
        // about a mark's sigma in pixels, as a turn of the camera
        double a = options.markSigmaPx() / corr.camera().intrinsics().focalPx();
        cov = new double[6][6];
        for (int i = 3; i < 6; i++) {
          cov[i][i] = a * a;
        }
      }
      pe = new PoseError(corr.camera(), new double[6], cov);
    } else {
      FlightErrors errors = flightErrors();
      pe = new PoseError(photo.camera(), errors.error(photoId), errors.covariance(photoId));
    }
    poseErrors.put(photoId, pe);
    return pe;
  }

  /**
   * The covariance of a triangulated point (ENU, 3 × 3): from its marks, each with the marks'
   * variance plus its photo's pose error's through the Jacobian, the photos taken as independent
   * (which overstates it where their errors are shared); null when the marks do not fix it.
   */
  private double[][] pointCovariance(String pointId, Vec3 x) {
    double[][] info = new double[3][3];
    double markVar = options.markSigmaPx() * options.markSigmaPx();
    for (Mark m : marksByPoint.getOrDefault(pointId, List.of())) {
      PoseError pe = poseError(m.photoId());
      CameraModel cam = FlightErrors.apply(pe.base(), pe.error());
      double[][] je = FlightErrors.jacobian(pe.base(), pe.error(), x);
      double[][] jx = pointJacobian(cam, x);
      if (je == null || jx == null) {
        continue;
      }
      double[][] k = propagate(je, pe.covariance());
      k[0][0] += markVar;
      k[1][1] += markVar;
      double det = k[0][0] * k[1][1] - k[0][1] * k[1][0];
      double[][] kInv = {{k[1][1] / det, -k[0][1] / det}, {-k[1][0] / det, k[0][0] / det}};
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          for (int r = 0; r < 2; r++) {
            for (int q = 0; q < 2; q++) {
              info[a][b] += jx[r][a] * kInv[r][q] * jx[q][b];
            }
          }
        }
      }
    }
    double[][] l = Linear.cholesky(info);
    if (l == null) {
      return null;
    }
    return Linear.choleskyInverse(l);
  }

  /** d(pixel)/d(point) on {@code cam} at {@code x}, 2 × 3, by central differences. */
  private static double[][] pointJacobian(CameraModel cam, Vec3 x) {
    double step = 1e-3;
    double[][] j = new double[2][3];
    for (int i = 0; i < 3; i++) {
      Vec3 d = new Vec3(i == 0 ? step : 0, i == 1 ? step : 0, i == 2 ? step : 0);
      ImagePoint hp = cam.projectOrNull(x.plus(d));
      ImagePoint hm = cam.projectOrNull(x.minus(d));
      if (hp == null || hm == null) {
        return null;
      }
      j[0][i] = (hp.x() - hm.x()) / (2 * step);
      j[1][i] = (hp.y() - hm.y()) / (2 * step);
    }
    return j;
  }

  /** {@code j c jᵀ}. */
  private static double[][] propagate(double[][] j, double[][] c) {
    int n = j.length;
    int m = c.length;
    double[][] out = new double[n][n];
    for (int r = 0; r < n; r++) {
      for (int q = 0; q < n; q++) {
        double sum = 0;
        for (int a = 0; a < m; a++) {
          for (int b = 0; b < m; b++) {
            sum += j[r][a] * c[a][b] * j[q][b];
          }
        }
        out[r][q] = sum;
      }
    }
    return out;
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

  private static ImagePoint stored(Photo photo, ImagePoint displayed) {
    Intrinsics in = photo.camera().intrinsics();
    return ImageOrientation.toStored(displayed, photo.orientation(), in.widthPx(), in.heightPx());
  }
}

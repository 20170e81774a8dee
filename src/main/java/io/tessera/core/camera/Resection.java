package io.tessera.core.camera;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A photo's pose from its marks alone, for photos whose EXIF gives no position (kite and balloon
 * cameras, scanned aerial photos): a nadir camera fitted to the marks as a 2D similarity (scale
 * gives the height, rotation the heading), then the full pose by {@link PoseCorrection} without a
 * prior. Needs marks of three or more different points; with exactly three the pose fits them
 * exactly, so its error shows only in points that were not used.
 *
 * <p>Marks that no single camera explains (a mark put on the wrong target) leave a reprojection
 * error; above {@link #MAX_RMS_OF_DIAGONAL} of the image diagonal the pose is refused rather than
 * used for predictions. With three marks any two-on-one-ray mistake can still be fitted by a
 * camera lying on that ray, so a pose is also refused when it is below the points or looks more
 * than {@link #MAX_TILT_DEG} away from straight down: aerial survey photos do neither.
 */
public final class Resection {
  /** Largest accepted root-mean-square reprojection error, as a share of the image diagonal. */
  public static final double MAX_RMS_OF_DIAGONAL = 0.005;

  /** Largest accepted angle between the viewing direction and straight down, degrees. */
  public static final double MAX_TILT_DEG = 60;

  private Resection() {}

  /**
   * The camera with {@code intrinsics} whose pose best fits {@code controls} (stored-image pixels),
   * or empty with fewer than three different points or when the solver does not reach a pose in
   * front of every point, or the marks do not fit one camera (see the class comment).
   */
  public static Optional<PoseCorrection.Result> fromMarks(
      Intrinsics intrinsics, List<PoseCorrection.Control> controls) {
    Set<Vec3> points = new HashSet<>();
    controls.forEach(c -> points.add(c.point()));
    if (points.size() < 3) {
      return Optional.empty();
    }
    Pose start = nadirSimilarity(intrinsics, controls);
    if (start == null) {
      return Optional.empty();
    }
    PoseCorrection.Result r = PoseCorrection.correct(
        new CameraModel(intrinsics, start), controls, PoseCorrection.Options.marksOnly(1));
    double maxRms = MAX_RMS_OF_DIAGONAL * Math.hypot(intrinsics.widthPx(), intrinsics.heightPx());
    if (r.kind() != PoseCorrection.Kind.FULL_POSE || !(r.rmsErrorPx() <= maxRms)) {
      return Optional.empty();
    }
    Pose pose = r.camera().pose();
    if (-pose.viewingDirection().z() < Math.cos(Math.toRadians(MAX_TILT_DEG))) {
      return Optional.empty();
    }
    for (PoseCorrection.Control c : controls) {
      if (r.camera().projectOrNull(c.point()) == null || c.point().z() >= pose.centre().z()) {
        return Optional.empty();
      }
    }
    return Optional.of(r);
  }

  /**
   * The nadir camera that maps the points' east/north onto their marks by a similarity: with
   * u = east + i·(−north) and v = x + i·y, v = a·u + b by least squares; |a| is focal / height
   * above the points, arg a is minus the heading, and the principal point's preimage is the
   * camera's ground position. Null when the points coincide.
   */
  static Pose nadirSimilarity(Intrinsics in, List<PoseCorrection.Control> controls) {
    int n = controls.size();
    double ue = 0;
    double un = 0;
    double vx = 0;
    double vy = 0;
    double z = 0;
    for (PoseCorrection.Control c : controls) {
      ue += c.point().x();
      un -= c.point().y();
      vx += c.pixel().x();
      vy += c.pixel().y();
      z += c.point().z();
    }
    ue /= n;
    un /= n;
    vx /= n;
    vy /= n;
    z /= n;
    double re = 0;
    double im = 0;
    double norm = 0;
    for (PoseCorrection.Control c : controls) {
      double a = c.point().x() - ue;
      double b = -c.point().y() - un;
      double p = c.pixel().x() - vx;
      double q = c.pixel().y() - vy;
      // (p + iq)(a − ib)
      re += p * a + q * b;
      im += q * a - p * b;
      norm += a * a + b * b;
    }
    if (!(norm > 0)) {
      return null;
    }
    re /= norm;
    im /= norm;
    double scale = Math.hypot(re, im);
    if (!(scale > 0)) {
      return null;
    }
    // u0 = ū + (principal point − v̄) / a
    double dx = in.principalX() - vx;
    double dy = in.principalY() - vy;
    double d = re * re + im * im;
    double u0e = ue + (dx * re + dy * im) / d;
    double u0n = un + (dy * re - dx * im) / d;
    double headingDeg = -Math.toDegrees(Math.atan2(im, re));
    return Pose.nadir(new Vec3(u0e, -u0n, z + in.focalPx() / scale), headingDeg);
  }
}

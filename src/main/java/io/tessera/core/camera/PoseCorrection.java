package io.tessera.core.camera;

import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Corrects a photo's camera from its own marks of points whose positions are known (surveyed
 * GCPs, or triangulated points).
 *
 * <ul>
 *   <li>Marks of three or more different points: the full pose (position and attitude, six
 *       parameters) by Levenberg–Marquardt on the marks' reprojection error, starting from the
 *       given (GPS and attitude) pose and held to it by a prior with the stated uncertainties,
 *       which keeps three marks close together from swinging the pose wildly. Three exact marks
 *       and a weak prior recover the pose that produced them.
 *   <li>One or two: an image-space shift, the mean of the marks' offsets from their predictions,
 *       applied as a shift of the principal point: it removes most of a small tilt or position
 *       error near the marks, not a rotation about the viewing direction or a scale error.
 *   <li>None: the camera as given.
 * </ul>
 */
public final class PoseCorrection {
  private static final int MAX_ITERATIONS = 50;

  private PoseCorrection() {}

  /** How the camera was corrected. */
  public enum Kind {
    /** No usable marks: the camera as given. */
    NONE,
    /**
     * An image-space shift from one or two marked points ({@link #correct}; {@link GcpPredictor}
     * corrects such photos by {@link #FLIGHT_AND_MARKS} instead).
     */
    SHIFT,
    /** The full pose from three or more marked points. */
    FULL_POSE,
    /**
     * No marks of its own: the pose error the whole flight shares, estimated from the marks on
     * other photos ({@link FlightErrors}).
     */
    FLIGHT,
    /**
     * One or two marked points (or more that fit no full pose): the photo's pose error estimated
     * from them together with the flight's shared error ({@link FlightErrors}).
     */
    FLIGHT_AND_MARKS
  }

  /**
   * A mark of a point whose position is known.
   *
   * @param point ENU metres
   * @param pixel the mark, stored-image pixels
   */
  public record Control(Vec3 point, ImagePoint pixel) {}

  /**
   * Weights: the mark accuracy and the prior pose's uncertainties (one sigma). A prior sigma of
   * {@code Double.POSITIVE_INFINITY} leaves that part of the pose free.
   *
   * @param markSigmaPx mark accuracy, pixels
   * @param horizontalSigmaM prior horizontal position uncertainty, metres
   * @param verticalSigmaM prior vertical position uncertainty, metres
   * @param attitudeSigmaDeg prior attitude uncertainty, degrees
   */
  public record Options(
      double markSigmaPx, double horizontalSigmaM, double verticalSigmaM, double attitudeSigmaDeg) {
    public Options {
      if (!(markSigmaPx > 0) || !(horizontalSigmaM > 0) || !(verticalSigmaM > 0)
          || !(attitudeSigmaDeg > 0)) {
        throw new IllegalArgumentException("sigmas must be positive");
      }
    }

    /** Marks to 1 px; a consumer GNSS and gimbal: 5 m horizontal, 10 m vertical, 5°. */
    public static Options defaults() {
      return new Options(1, 5, 10, 5);
    }

    /** Marks only: no prior on the pose. */
    public static Options marksOnly(double markSigmaPx) {
      double inf = Double.POSITIVE_INFINITY;
      return new Options(markSigmaPx, inf, inf, inf);
    }
  }

  /**
   * The corrected camera.
   *
   * @param camera the corrected camera (the given one for {@link Kind#NONE})
   * @param kind what was corrected
   * @param rmsErrorPx root-mean-square distance between the marks and their projections through
   *     {@code camera}; 0 without marks
   * @param iterations solver iterations (full pose only)
   */
  public record Result(CameraModel camera, Kind kind, double rmsErrorPx, int iterations) {}

  /** Corrects {@code prior} from {@code controls} (marks on this photo). */
  public static Result correct(CameraModel prior, List<Control> controls, Options options) {
    List<Control> usable = new ArrayList<>();
    Set<Vec3> points = new HashSet<>();
    for (Control c : controls) {
      if (prior.projectOrNull(c.point()) != null) {
        usable.add(c);
        points.add(c.point());
      }
    }
    if (usable.isEmpty()) {
      return new Result(prior, Kind.NONE, 0, 0);
    }
    if (points.size() >= 3) {
      Result full = fullPose(prior, usable, options);
      if (full != null) {
        return full;
      }
    }
    return shift(prior, usable);
  }

  /**
   * The image-space shift from {@code controls}, whatever their number: the mean offset of the
   * marks from their predictions (controls behind the camera are left out).
   */
  public static Result shift(CameraModel prior, List<Control> controls) {
    List<Control> usable = new ArrayList<>();
    for (Control c : controls) {
      if (prior.projectOrNull(c.point()) != null) {
        usable.add(c);
      }
    }
    if (usable.isEmpty()) {
      return new Result(prior, Kind.NONE, 0, 0);
    }
    controls = usable;
    double dx = 0;
    double dy = 0;
    for (Control c : controls) {
      ImagePoint p = prior.projectOrNull(c.point());
      dx += c.pixel().x() - p.x();
      dy += c.pixel().y() - p.y();
    }
    dx /= controls.size();
    dy /= controls.size();
    Intrinsics in = prior.intrinsics();
    CameraModel shifted =
        prior.withIntrinsics(in.withPrincipalPoint(in.principalX() + dx, in.principalY() + dy));
    return new Result(shifted, Kind.SHIFT, rms(shifted, controls), 0);
  }

  /**
   * The covariance of the pose error left in {@code corrected}, a camera corrected from {@code
   * controls} by {@link #correct} (full pose): the inverse of the Gauss–Newton normal matrix of
   * the marks and the prior at the corrected pose (Laplace), 6 × 6, for an error that shifts the
   * centre (ENU metres) and turns the camera about its own axes (radians), as {@link
   * FlightErrors} takes it. Null when the marks and the prior do not fix the pose.
   */
  public static double[][] covariance(CameraModel corrected, List<Control> controls,
      Options options) {
    double[][] normal = new double[6][6];
    double wMark = 1 / (options.markSigmaPx() * options.markSigmaPx());
    double sa = Math.toRadians(options.attitudeSigmaDeg());
    double[] prior = {options.horizontalSigmaM(), options.horizontalSigmaM(),
        options.verticalSigmaM(), sa, sa, sa};
    for (int k = 0; k < 6; k++) {
      normal[k][k] = 1 / (prior[k] * prior[k]);
    }
    double[] zero = new double[6];
    for (Control c : controls) {
      double[][] j = FlightErrors.jacobian(corrected, zero, c.point());
      if (j == null) {
        continue;
      }
      for (double[] row : j) {
        Linear.accumulate(normal, new double[6], row, 0, wMark);
      }
    }
    double[][] l = Linear.cholesky(normal);
    if (l == null) {
      return null;
    }
    return Linear.choleskyInverse(l);
  }

  private static Result fullPose(CameraModel prior, List<Control> controls, Options o) {
    Pose p0 = prior.pose();
    Intrinsics in = prior.intrinsics();
    double wMark = 1 / (o.markSigmaPx() * o.markSigmaPx());
    double wH = 1 / (o.horizontalSigmaM() * o.horizontalSigmaM());
    double wV = 1 / (o.verticalSigmaM() * o.verticalSigmaM());
    double sa = Math.toRadians(o.attitudeSigmaDeg());
    double wA = 1 / (sa * sa);

    Pose pose = p0;
    double cost = cost(pose, p0, in, controls, wMark, wH, wV, wA);
    if (!Double.isFinite(cost)) {
      return null;
    }
    double lambda = 1e-3;
    int it = 0;
    for (; it < MAX_ITERATIONS; it++) {
      double[][] normal = new double[6][6];
      double[] rhs = new double[6];
      // parameters: position change (3), then a rotation vector applied on the world side (3)
      for (Control c : controls) {
        Vec3 w = c.point().minus(pose.centre());
        Vec3 cc = pose.cameraToWorld().applyInverse(w);
        double iz = 1 / cc.z();
        double f = in.focalPx();
        double u = in.principalX() + f * cc.x() * iz;
        double v = in.principalY() + f * cc.y() * iz;
        Rotation r = pose.cameraToWorld();
        // cc = rᵀ w with w = point - centre, and a world-side turn omega maps r to exp(omega) r:
        // d cc_k / d centre = -(column k of r), d cc_k / d omega = -(w × column k of r)
        double[] ju = new double[6];
        double[] jv = new double[6];
        for (int k = 0; k < 3; k++) {
          Vec3 dcDCentre = r.column(k).times(-1);
          Vec3 dcDOmega = w.cross(r.column(k)).times(-1);
          double du = k == 0 ? f * iz : k == 2 ? -f * cc.x() * iz * iz : 0;
          double dv = k == 1 ? f * iz : k == 2 ? -f * cc.y() * iz * iz : 0;
          addScaled(ju, dcDCentre, dcDOmega, du);
          addScaled(jv, dcDCentre, dcDOmega, dv);
        }
        Linear.accumulate(normal, rhs, ju, u - c.pixel().x(), wMark);
        Linear.accumulate(normal, rhs, jv, v - c.pixel().y(), wMark);
      }
      Vec3 dc = pose.centre().minus(p0.centre());
      Vec3 da = pose.cameraToWorld().times(p0.cameraToWorld().transpose()).toRotationVector();
      double[] fromPrior = {dc.x(), dc.y(), dc.z(), da.x(), da.y(), da.z()};
      double[] wPrior = {wH, wH, wV, wA, wA, wA};
      for (int k = 0; k < 6; k++) {
        if (wPrior[k] > 0) {
          double[] j = new double[6];
          j[k] = 1;
          Linear.accumulate(normal, rhs, j, fromPrior[k], wPrior[k]);
        }
      }
      boolean improved = false;
      while (lambda < 1e12) {
        double[][] damped = new double[6][6];
        for (int a = 0; a < 6; a++) {
          damped[a] = normal[a].clone();
          damped[a][a] += lambda * Math.max(normal[a][a], 1e-9);
        }
        double[] step = Linear.solve(damped, rhs);
        if (step == null) {
          lambda *= 10;
          continue;
        }
        Pose next = pose.perturbed(new Vec3(step[0], step[1], step[2]),
            new Vec3(step[3], step[4], step[5]));
        double nextCost = cost(next, p0, in, controls, wMark, wH, wV, wA);
        if (nextCost < cost) {
          boolean small = Math.abs(step[0]) + Math.abs(step[1]) + Math.abs(step[2]) < 1e-7
              && Math.abs(step[3]) + Math.abs(step[4]) + Math.abs(step[5]) < 1e-10;
          pose = next;
          cost = nextCost;
          lambda = Math.max(lambda / 10, 1e-9);
          improved = !small;
          break;
        }
        lambda *= 10;
      }
      if (!improved) {
        break;
      }
    }
    CameraModel corrected = prior.withPose(pose);
    for (Control c : controls) {
      if (corrected.projectOrNull(c.point()) == null) {
        return null; // a marked point ended behind the camera: not a pose to trust
      }
    }
    return new Result(corrected, Kind.FULL_POSE, rms(corrected, controls), it);
  }

  private static void addScaled(double[] j, Vec3 dCentre, Vec3 dOmega, double s) {
    if (s == 0) {
      return;
    }
    j[0] += s * dCentre.x();
    j[1] += s * dCentre.y();
    j[2] += s * dCentre.z();
    j[3] += s * dOmega.x();
    j[4] += s * dOmega.y();
    j[5] += s * dOmega.z();
  }

  private static double cost(Pose pose, Pose p0, Intrinsics in, List<Control> controls,
      double wMark, double wH, double wV, double wA) {
    double sum = 0;
    for (Control c : controls) {
      ImagePoint p = in.projectCamera(pose.toCamera(c.point()));
      if (p == null) {
        return Double.POSITIVE_INFINITY;
      }
      sum += wMark * (Math.pow(p.x() - c.pixel().x(), 2) + Math.pow(p.y() - c.pixel().y(), 2));
    }
    Vec3 dc = pose.centre().minus(p0.centre());
    double da = pose.cameraToWorld().angleTo(p0.cameraToWorld());
    return sum + wH * (dc.x() * dc.x() + dc.y() * dc.y()) + wV * dc.z() * dc.z() + wA * da * da;
  }

  static double rms(CameraModel camera, List<Control> controls) {
    double sum = 0;
    for (Control c : controls) {
      ImagePoint p = camera.projectOrNull(c.point());
      if (p == null) {
        return Double.POSITIVE_INFINITY;
      }
      sum += Math.pow(p.x() - c.pixel().x(), 2) + Math.pow(p.y() - c.pixel().y(), 2);
    }
    return Math.sqrt(sum / controls.size());
  }
}

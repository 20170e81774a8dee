package io.tessera.core.camera;

import io.tessera.core.image.ImagePoint;
import java.util.List;
import java.util.Optional;

/**
 * A 3D point from its marks on two or more photos: the point nearest all the marks' rays (least
 * squares, linear), then refined by Gauss–Newton on the reprojection error in pixels, which is
 * the error marks actually have. Exact marks on exact cameras give the point exactly.
 */
public final class Triangulation {
  /** Rays closer to parallel than this (radians, between the most divergent pair) fix no point. */
  static final double MIN_RAY_ANGLE_RAD = 1e-3;
  private static final int MAX_ITERATIONS = 30;

  private Triangulation() {}

  /**
   * A triangulated point.
   *
   * @param point ENU metres
   * @param rmsErrorPx root-mean-square distance between the marks and the point's projections
   * @param iterations Gauss–Newton iterations taken
   */
  public record Result(Vec3 point, double rmsErrorPx, int iterations) {}

  /**
   * The point seen by {@code observations}, or empty when they cannot fix one: fewer than two,
   * rays that are (nearly) parallel, or a solution behind one of the cameras.
   */
  public static Optional<Result> triangulate(List<Observation> observations) {
    if (observations.size() < 2) {
      return Optional.empty();
    }
    Ray[] rays = new Ray[observations.size()];
    for (int i = 0; i < rays.length; i++) {
      Observation o = observations.get(i);
      rays[i] = o.camera().ray(o.pixel());
    }
    if (maxAngle(rays) < MIN_RAY_ANGLE_RAD) {
      return Optional.empty();
    }
    Vec3 x = nearestToRays(rays);
    if (x == null || !inFrontOfAll(observations, x)) {
      return Optional.empty();
    }
    int it = 0;
    for (; it < MAX_ITERATIONS; it++) {
      double[][] normal = new double[3][3];
      double[] rhs = new double[3];
      for (Observation o : observations) {
        residualAndJacobian(o, x, normal, rhs);
      }
      double[] step = Linear.solve(normal, rhs);
      if (step == null) {
        break;
      }
      Vec3 next = x.plus(new Vec3(step[0], step[1], step[2]));
      if (!inFrontOfAll(observations, next)) {
        break;
      }
      x = next;
      if (Math.sqrt(step[0] * step[0] + step[1] * step[1] + step[2] * step[2]) < 1e-9) {
        it++;
        break;
      }
    }
    return Optional.of(new Result(x, rms(observations, x), it));
  }

  /** The point minimising the sum of squared distances to the rays, or null when singular. */
  static Vec3 nearestToRays(Ray[] rays) {
    double[][] a = new double[3][3];
    double[] b = new double[3];
    for (Ray r : rays) {
      double[] d = {r.direction().x(), r.direction().y(), r.direction().z()};
      double[] o = {r.origin().x(), r.origin().y(), r.origin().z()};
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          double p = (i == j ? 1 : 0) - d[i] * d[j];
          a[i][j] += p;
          b[i] += p * o[j];
        }
      }
    }
    double[] x = Linear.solve(a, b);
    return x == null ? null : new Vec3(x[0], x[1], x[2]);
  }

  private static void residualAndJacobian(Observation o, Vec3 x, double[][] normal, double[] rhs) {
    CameraModel cam = o.camera();
    Vec3 c = cam.pose().toCamera(x);
    double f = cam.intrinsics().focalPx();
    double u = cam.intrinsics().principalX() + f * c.x() / c.z();
    double v = cam.intrinsics().principalY() + f * c.y() / c.z();
    Rotation r = cam.pose().cameraToWorld(); // camera coords = rᵀ (x - centre): d c / d x = rᵀ
    Vec3 rx = r.column(0);
    Vec3 ry = r.column(1);
    Vec3 rz = r.column(2);
    double iz = 1 / c.z();
    Vec3 du = rx.times(f * iz).minus(rz.times(f * c.x() * iz * iz));
    Vec3 dv = ry.times(f * iz).minus(rz.times(f * c.y() * iz * iz));
    Linear.accumulate(normal, rhs, new double[] {du.x(), du.y(), du.z()}, u - o.pixel().x(), 1);
    Linear.accumulate(normal, rhs, new double[] {dv.x(), dv.y(), dv.z()}, v - o.pixel().y(), 1);
  }

  static double rms(List<Observation> observations, Vec3 x) {
    double sum = 0;
    for (Observation o : observations) {
      ImagePoint p = o.camera().projectOrNull(x);
      if (p == null) {
        return Double.POSITIVE_INFINITY;
      }
      sum += Math.pow(p.x() - o.pixel().x(), 2) + Math.pow(p.y() - o.pixel().y(), 2);
    }
    return Math.sqrt(sum / observations.size());
  }

  private static boolean inFrontOfAll(List<Observation> observations, Vec3 x) {
    for (Observation o : observations) {
      if (o.camera().pose().toCamera(x).z() <= 1e-6) {
        return false;
      }
    }
    return true;
  }

  private static double maxAngle(Ray[] rays) {
    double best = 0;
    for (int i = 0; i < rays.length; i++) {
      for (int j = i + 1; j < rays.length; j++) {
        Vec3 a = rays[i].direction();
        Vec3 b = rays[j].direction();
        best = Math.max(best, Math.atan2(a.cross(b).norm(), a.dot(b)));
      }
    }
    return best;
  }
}

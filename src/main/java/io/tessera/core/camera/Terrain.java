package io.tessera.core.camera;

/**
 * The ground as a height field over a {@link LocalFrame}: the height in metres (ENU z) at an
 * east, north position. Implementations must be defined everywhere (extrapolate or return a
 * constant outside their data) and should be thread-safe.
 */
@FunctionalInterface
public interface Terrain {
  /** Ground height, metres, at {@code east}, {@code north} (metres). */
  double heightAt(double east, double north);

  /** Level ground at {@code z} metres. */
  static Terrain flat(double z) {
    return new Flat(z);
  }

  /**
   * Where {@code ray} first meets the ground within {@code maxRange} metres, or null when it
   * does not (it starts below the ground, or passes over it). Level ground is solved exactly;
   * other terrain by marching along the ray in steps of at most 2 m and bisecting the step that
   * crosses the surface, to about 1 mm: ridges thinner than a step may be missed.
   */
  default Vec3 intersect(Ray ray, double maxRange) {
    Vec3 o = ray.origin();
    Vec3 d = ray.direction();
    double above0 = o.z() - heightAt(o.x(), o.y());
    if (above0 <= 0) {
      return null;
    }
    double step = Math.min(2.0, Math.max(0.05, maxRange / 2000));
    double t0 = 0;
    for (double t1 = Math.min(step, maxRange); t0 < maxRange; t1 = Math.min(maxRange, t1 + step)) {
      Vec3 p = ray.at(t1);
      double f1 = p.z() - heightAt(p.x(), p.y());
      if (f1 <= 0) {
        double lo = t0;
        double hi = t1;
        for (int i = 0; i < 60 && hi - lo > 1e-3; i++) {
          double mid = (lo + hi) / 2;
          Vec3 m = ray.at(mid);
          if (m.z() - heightAt(m.x(), m.y()) > 0) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        // interpolate within the last bracket, exact for a plane
        Vec3 a = ray.at(lo);
        Vec3 b = ray.at(hi);
        double fa = a.z() - heightAt(a.x(), a.y());
        double fb = b.z() - heightAt(b.x(), b.y());
        double t = fa == fb ? hi : lo + (hi - lo) * fa / (fa - fb);
        return ray.at(t);
      }
      t0 = t1;
      if (t1 >= maxRange) {
        break;
      }
    }
    return null;
  }

  /** Level ground at {@code z} metres. */
  record Flat(double z) implements Terrain {
    public Flat {
      if (!Double.isFinite(z)) {
        throw new IllegalArgumentException("ground height must be finite: " + z);
      }
    }

    @Override
    public double heightAt(double east, double north) {
      return z;
    }

    @Override
    public Vec3 intersect(Ray ray, double maxRange) {
      double above = ray.origin().z() - z;
      double dz = ray.direction().z();
      if (above <= 0 || dz >= 0) {
        return null;
      }
      double t = above / -dz;
      return t <= maxRange ? ray.at(t) : null;
    }
  }
}

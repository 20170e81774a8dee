package io.tessera.core.camera;

/**
 * A vector or point in three dimensions, metres unless a method says otherwise. In a
 * {@link LocalFrame} the axes are East, North and Up; in a camera frame they are image right,
 * image down and the viewing direction (see {@link CameraModel}).
 */
public record Vec3(double x, double y, double z) {
  /** The zero vector. */
  public static final Vec3 ZERO = new Vec3(0, 0, 0);

  public Vec3 {
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
      throw new IllegalArgumentException("vector components must be finite: " + x + ", " + y + ", " + z);
    }
  }

  public Vec3 plus(Vec3 o) {
    return new Vec3(x + o.x, y + o.y, z + o.z);
  }

  public Vec3 minus(Vec3 o) {
    return new Vec3(x - o.x, y - o.y, z - o.z);
  }

  public Vec3 times(double s) {
    return new Vec3(x * s, y * s, z * s);
  }

  public double dot(Vec3 o) {
    return x * o.x + y * o.y + z * o.z;
  }

  public Vec3 cross(Vec3 o) {
    return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
  }

  public double norm() {
    return Math.sqrt(x * x + y * y + z * z);
  }

  /** This vector scaled to length 1; the zero vector has no direction and throws. */
  public Vec3 normalized() {
    double n = norm();
    if (n == 0) {
      throw new ArithmeticException("the zero vector has no direction");
    }
    return times(1 / n);
  }

  /** Distance to {@code o}. */
  public double distance(Vec3 o) {
    return minus(o).norm();
  }

  /** Horizontal distance to {@code o} (x and y only). */
  public double horizontalDistance(Vec3 o) {
    return Math.hypot(x - o.x, y - o.y);
  }
}

package io.tessera.core.camera;

/**
 * A half-line from {@code origin} along the unit vector {@code direction}.
 *
 * @param origin where the ray starts (a camera's centre)
 * @param direction unit vector
 */
public record Ray(Vec3 origin, Vec3 direction) {
  public Ray {
    if (Math.abs(direction.norm() - 1) > 1e-9) {
      throw new IllegalArgumentException("direction must be a unit vector: " + direction);
    }
  }

  /** The point {@code t} metres along the ray. */
  public Vec3 at(double t) {
    return origin.plus(direction.times(t));
  }
}

package io.tessera.core.camera;

/**
 * Where a camera is and how it is turned, in a {@link LocalFrame} (ENU metres).
 *
 * <p>Camera axes: x towards the image's right edge, y towards its bottom edge, z along the
 * viewing direction. {@code cameraToWorld} takes a vector in camera axes to ENU, so its columns
 * are the image-right, image-down and viewing directions in ENU. A nadir camera whose image top
 * faces north has the columns (1, 0, 0), (0, −1, 0), (0, 0, −1).
 *
 * @param centre the projection centre, ENU metres
 * @param cameraToWorld camera axes → ENU axes
 */
public record Pose(Vec3 centre, Rotation cameraToWorld) {
  public Pose {
    if (centre == null || cameraToWorld == null) {
      throw new IllegalArgumentException("centre and rotation are required");
    }
  }

  /**
   * A camera looking straight down from {@code centre} with the top of its image facing
   * {@code headingDeg} (degrees clockwise from north).
   */
  public static Pose nadir(Vec3 centre, double headingDeg) {
    return new Pose(centre, AngleConvention.DJI_GIMBAL.cameraToEnu(headingDeg, -90, 0));
  }

  /** Camera coordinates of the ENU point {@code world}. */
  public Vec3 toCamera(Vec3 world) {
    return cameraToWorld.applyInverse(world.minus(centre));
  }

  /** ENU coordinates of the camera-frame point {@code camera}. */
  public Vec3 toWorld(Vec3 camera) {
    return centre.plus(cameraToWorld.apply(camera));
  }

  /** The viewing direction (unit vector, ENU). */
  public Vec3 viewingDirection() {
    return cameraToWorld.column(2);
  }

  /** This pose moved by {@code delta} (ENU metres) and turned by {@code rotationVector} (radians, ENU axes). */
  public Pose perturbed(Vec3 delta, Vec3 rotationVector) {
    return new Pose(centre.plus(delta), Rotation.ofRotationVector(rotationVector).times(cameraToWorld));
  }
}

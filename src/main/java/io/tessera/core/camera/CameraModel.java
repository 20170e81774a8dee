package io.tessera.core.camera;

import io.tessera.core.image.ImagePoint;
import java.util.Optional;

/**
 * A pinhole camera placed in a {@link LocalFrame}: {@link Intrinsics} and a {@link Pose}. It
 * projects ENU points to pixels (Tessera's pixel convention, the stored image) and back-projects
 * pixels to rays. Immutable and thread-safe.
 */
public record CameraModel(Intrinsics intrinsics, Pose pose) {
  public CameraModel {
    if (intrinsics == null || pose == null) {
      throw new IllegalArgumentException("intrinsics and pose are required");
    }
  }

  /**
   * The pixel where the ENU point {@code world} shows, or empty when it is behind the camera (the
   * pixel may lie outside the image: see {@link #sees}).
   */
  public Optional<ImagePoint> project(Vec3 world) {
    return Optional.ofNullable(projectOrNull(world));
  }

  /** {@link #project} without the Optional, for inner loops; null when behind the camera. */
  public ImagePoint projectOrNull(Vec3 world) {
    return intrinsics.projectCamera(pose.toCamera(world));
  }

  /** True when {@code world} is in front of the camera and projects onto the image. */
  public boolean sees(Vec3 world) {
    ImagePoint p = projectOrNull(world);
    return p != null && intrinsics.contains(p);
  }

  /** The ray from the camera centre through pixel {@code p} (ENU). */
  public Ray ray(ImagePoint p) {
    return new Ray(pose.centre(), pose.cameraToWorld().apply(intrinsics.direction(p)).normalized());
  }

  /**
   * Where the ray through {@code p} meets the horizontal plane at height {@code groundZ}, or empty
   * when it never does (it points at or above the horizon, or away from the plane).
   */
  public Optional<Vec3> groundPoint(ImagePoint p, double groundZ) {
    Ray r = ray(p);
    double dz = r.direction().z();
    double t = (groundZ - r.origin().z()) / dz;
    if (dz == 0 || !(t > 0) || !Double.isFinite(t)) {
      return Optional.empty();
    }
    return Optional.of(r.at(t));
  }

  /** Distance from the image centre, pixels. */
  public double distanceFromCentre(ImagePoint p) {
    return Math.hypot(p.x() - intrinsics.widthPx() / 2.0, p.y() - intrinsics.heightPx() / 2.0);
  }

  public CameraModel withPose(Pose p) {
    return new CameraModel(intrinsics, p);
  }

  public CameraModel withIntrinsics(Intrinsics i) {
    return new CameraModel(i, pose);
  }
}

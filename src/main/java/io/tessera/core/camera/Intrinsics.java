package io.tessera.core.camera;

import io.tessera.core.image.ImagePoint;

/**
 * A pinhole camera's inner geometry, in pixels of the image as stored (before any EXIF
 * orientation is applied; see {@link ImageOrientation}), in Tessera's pixel convention
 * ({@link ImagePoint}: origin at the top-left corner of the top-left pixel, x right, y down).
 * Pixels are square and lenses distortion-free: a model for predicting where to look, not for
 * adjustment.
 *
 * <p>A point at camera coordinates (x right, y down, z along the viewing direction, z > 0) shows
 * at pixel {@code (cx + f x / z, cy + f y / z)}.
 *
 * @param widthPx image width, pixels
 * @param heightPx image height, pixels
 * @param focalPx focal length, pixels
 * @param principalX principal point x, pixels ({@code widthPx / 2} unless the camera says)
 * @param principalY principal point y, pixels ({@code heightPx / 2} unless the camera says)
 * @param source where the focal length came from
 */
public record Intrinsics(
    int widthPx, int heightPx, double focalPx, double principalX, double principalY,
    FocalSource source) {

  /** Where a focal length in pixels came from, most trustworthy first. */
  public enum FocalSource {
    /** Given by the caller (a calibration, a synthetic camera). */
    GIVEN,
    /** A calibrated focal length in pixels from the file (DJI {@code CalibratedFocalLength}). */
    CALIBRATED,
    /** EXIF focal length in mm times the focal plane resolution. */
    FOCAL_PLANE_RESOLUTION,
    /** EXIF focal length in mm and the sensor width of {@link CameraSensors}. */
    SENSOR_TABLE,
    /** EXIF 35-mm-equivalent focal length, through the diagonal of a 36 × 24 mm frame. */
    EQUIVALENT_35MM
  }

  public Intrinsics {
    if (widthPx <= 0 || heightPx <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + widthPx + "×" + heightPx);
    }
    if (!(focalPx > 0) || !Double.isFinite(focalPx)) {
      throw new IllegalArgumentException("focal length must be positive: " + focalPx);
    }
    if (!Double.isFinite(principalX) || !Double.isFinite(principalY)) {
      throw new IllegalArgumentException("principal point must be finite");
    }
    if (source == null) {
      throw new IllegalArgumentException("source is required");
    }
  }

  /** A camera of {@code widthPx} × {@code heightPx} with its principal point at the centre. */
  public static Intrinsics of(int widthPx, int heightPx, double focalPx) {
    return new Intrinsics(widthPx, heightPx, focalPx, widthPx / 2.0, heightPx / 2.0, FocalSource.GIVEN);
  }

  /** A camera whose horizontal field of view (edge to edge) is {@code horizontalFovDeg}. */
  public static Intrinsics ofHorizontalFieldOfView(int widthPx, int heightPx, double horizontalFovDeg) {
    if (!(horizontalFovDeg > 0 && horizontalFovDeg < 180)) {
      throw new IllegalArgumentException("field of view must be in (0, 180) degrees: " + horizontalFovDeg);
    }
    return of(widthPx, heightPx, widthPx / 2.0 / Math.tan(Math.toRadians(horizontalFovDeg) / 2));
  }

  /** The same camera with another principal point. */
  public Intrinsics withPrincipalPoint(double x, double y) {
    return new Intrinsics(widthPx, heightPx, focalPx, x, y, source);
  }

  /** The image centre, {@code (widthPx / 2, heightPx / 2)}. */
  public ImagePoint centre() {
    return new ImagePoint(widthPx / 2.0, heightPx / 2.0);
  }

  /** Horizontal field of view, edge to edge, degrees (for a centred principal point). */
  public double horizontalFieldOfViewDeg() {
    return Math.toDegrees(2 * Math.atan(widthPx / 2.0 / focalPx));
  }

  /** True when {@code p} lies on the image, edges included. */
  public boolean contains(ImagePoint p) {
    return p.within(widthPx, heightPx);
  }

  /**
   * The pixel of camera coordinates {@code c}, or null when the point is not in front of the
   * camera ({@code z} ≤ 1e-9 m).
   */
  ImagePoint projectCamera(Vec3 c) {
    if (c.z() <= 1e-9) {
      return null;
    }
    double u = principalX + focalPx * c.x() / c.z();
    double v = principalY + focalPx * c.y() / c.z();
    if (!Double.isFinite(u) || !Double.isFinite(v)) {
      return null;
    }
    return new ImagePoint(u, v);
  }

  /** The direction (not normalised, z = 1) in camera coordinates of the ray through {@code p}. */
  public Vec3 direction(ImagePoint p) {
    return new Vec3((p.x() - principalX) / focalPx, (p.y() - principalY) / focalPx, 1);
  }
}

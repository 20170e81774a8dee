package io.tessera.core.raster;

/**
 * The affine map from pixel coordinates to the raster's coordinate system, in GDAL's order:
 * {@code x = originX + px * pixelWidth + py * rowRotation},
 * {@code y = originY + px * columnRotation + py * pixelHeight}, where (px, py) = (0, 0) is the
 * top-left corner of the top-left pixel. A north-up raster has both rotations zero and a negative
 * {@code pixelHeight}.
 */
public record GeoTransform(
    double originX,
    double pixelWidth,
    double rowRotation,
    double originY,
    double columnRotation,
    double pixelHeight) {

  public GeoTransform {
    double det = pixelWidth * pixelHeight - rowRotation * columnRotation;
    if (!Double.isFinite(det) || det == 0 || !Double.isFinite(originX) || !Double.isFinite(originY)) {
      throw new IllegalArgumentException("a degenerate geotransform: " + pixelWidth + ", "
          + rowRotation + ", " + columnRotation + ", " + pixelHeight);
    }
  }

  /** A north-up transform with square or rectangular cells. */
  public static GeoTransform northUp(double originX, double originY, double cellWidth,
      double cellHeight) {
    return new GeoTransform(originX, cellWidth, 0, originY, 0, -cellHeight);
  }

  /** Whether both rotation terms are zero. */
  public boolean isNorthUp() {
    return rowRotation == 0 && columnRotation == 0;
  }

  /** The x coordinate of pixel position (px, py). */
  public double x(double px, double py) {
    return originX + px * pixelWidth + py * rowRotation;
  }

  /** The y coordinate of pixel position (px, py). */
  public double y(double px, double py) {
    return originY + px * columnRotation + py * pixelHeight;
  }

  /** The pixel column position of coordinates (x, y): the inverse of {@link #x}/{@link #y}. */
  public double px(double x, double y) {
    double dx = x - originX;
    double dy = y - originY;
    return (dx * pixelHeight - dy * rowRotation) / determinant();
  }

  /** The pixel row position of coordinates (x, y). */
  public double py(double x, double y) {
    double dx = x - originX;
    double dy = y - originY;
    return (dy * pixelWidth - dx * columnRotation) / determinant();
  }

  /** The area of one cell in the CRS's units squared (always positive). */
  public double cellArea() {
    return Math.abs(determinant());
  }

  private double determinant() {
    return pixelWidth * pixelHeight - rowRotation * columnRotation;
  }
}

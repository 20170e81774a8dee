package io.tessera.core.crs;

/**
 * A point in a CRS in Tessera's axis order: {@code x} on the east–west axis, {@code y} on the
 * north–south axis (longitude, latitude in degrees for a geographic CRS), {@code z} the height,
 * all in the CRS's units.
 *
 * @param x east–west coordinate
 * @param y north–south coordinate
 * @param z height; NaN when unknown
 */
public record Position(double x, double y, double z) {
  public Position {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("coordinates must be finite: " + x + ", " + y);
    }
    if (Double.isInfinite(z)) {
      throw new IllegalArgumentException("height must be finite or NaN: " + z);
    }
  }
}

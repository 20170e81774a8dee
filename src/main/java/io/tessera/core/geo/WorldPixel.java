package io.tessera.core.geo;

/**
 * A position in the Web Mercator world image at some zoom, in pixels: origin at the top-left corner
 * of the world (longitude -180°, latitude +85.0511°), x east, y south. The world is
 * {@code 256 · 2^zoom} pixels square; positions outside it (beyond ±180° longitude) are allowed.
 *
 * @param x pixels east of the world's west edge
 * @param y pixels south of the world's north edge
 */
public record WorldPixel(double x, double y) {
  public WorldPixel {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("pixel coordinates must be finite: " + x + ", " + y);
    }
  }

  /** This position offset by (dx, dy) pixels. */
  public WorldPixel plus(double dx, double dy) {
    return new WorldPixel(x + dx, y + dy);
  }

  /** The same ground position at another zoom: coordinates scale by {@code 2^(toZoom - fromZoom)}. */
  public WorldPixel rescale(double fromZoom, double toZoom) {
    double factor = Math.pow(2, toZoom - fromZoom);
    return new WorldPixel(x * factor, y * factor);
  }
}

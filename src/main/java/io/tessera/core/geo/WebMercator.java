package io.tessera.core.geo;

/**
 * Spherical Web Mercator (EPSG:3857) as used by XYZ tile services, with fractional zoom.
 *
 * <p>At zoom {@code z} the world is a square of {@link #worldSizePixels(double) 256 · 2^z} pixels
 * (see {@link WorldPixel}); zoom may be any finite number, including fractions and negatives.
 * Latitudes are clamped to ±{@link #MAX_LATITUDE_DEG} on the way in, where the square ends.
 * Distances measured in this projection are not ground distances: use
 * {@link #groundResolutionMetersPerPixel} or {@link Geodesic} for metres.
 */
public final class WebMercator {
  /** Edge length of one tile, pixels. */
  public static final int TILE_SIZE_PIXELS = 256;

  /** Latitude of the world square's north and south edges, degrees: {@code atan(sinh(π))}. */
  public static final double MAX_LATITUDE_DEG = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

  /** Radius of the Web Mercator sphere (the WGS 84 semi-major axis), metres. */
  public static final double EARTH_RADIUS_METERS = 6_378_137.0;

  private WebMercator() {}

  /** Edge length of the world square at {@code zoom}, pixels. */
  public static double worldSizePixels(double zoom) {
    return TILE_SIZE_PIXELS * Math.pow(2, zoom);
  }

  /**
   * The world pixel of a position at {@code zoom}. Latitude is clamped to ±{@link
   * #MAX_LATITUDE_DEG}; longitude is not wrapped, so 190° lies east of the world square.
   */
  public static WorldPixel toWorldPixel(LonLat position, double zoom) {
    double size = worldSizePixels(zoom);
    double lat = Math.toRadians(clampLatitude(position.latDeg()));
    double x = (position.lonDeg() + 180.0) / 360.0 * size;
    double y = (1.0 - Math.log(Math.tan(lat) + 1.0 / Math.cos(lat)) / Math.PI) / 2.0 * size;
    return new WorldPixel(x, y);
  }

  /**
   * The position at a world pixel at {@code zoom}: the inverse of {@link #toWorldPixel}. Pixels
   * above or below the world square give latitudes clamped to ±{@link #MAX_LATITUDE_DEG}.
   */
  public static LonLat toLonLat(WorldPixel pixel, double zoom) {
    double size = worldSizePixels(zoom);
    double lon = pixel.x() / size * 360.0 - 180.0;
    double lat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1.0 - 2.0 * pixel.y() / size))));
    return new LonLat(lon, clampLatitude(lat));
  }

  /**
   * Ground size of one pixel along the parallel at {@code latDeg} and {@code zoom}, metres per
   * pixel, on the Web Mercator sphere: {@code 156543.03392804097 · cos(lat) / 2^zoom}. Good to about
   * 0.5 % against the ellipsoid; use {@link Geodesic} where that matters.
   */
  public static double groundResolutionMetersPerPixel(double latDeg, double zoom) {
    double lat = Math.toRadians(clampLatitude(latDeg));
    return Math.cos(lat) * 2.0 * Math.PI * EARTH_RADIUS_METERS / worldSizePixels(zoom);
  }

  /** {@code latDeg} limited to the world square, ±{@link #MAX_LATITUDE_DEG}. */
  public static double clampLatitude(double latDeg) {
    return Math.max(-MAX_LATITUDE_DEG, Math.min(MAX_LATITUDE_DEG, latDeg));
  }
}

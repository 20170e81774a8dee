package io.tessera.core.geo;

/**
 * A WGS 84 position in degrees, longitude first as in GeoJSON (RFC 7946).
 *
 * @param lonDeg longitude in degrees, east positive
 * @param latDeg latitude in degrees, north positive, within [-90, 90]
 */
public record LonLat(double lonDeg, double latDeg) {
  public LonLat {
    if (!Double.isFinite(lonDeg) || !Double.isFinite(latDeg)) {
      throw new IllegalArgumentException("coordinates must be finite: " + lonDeg + ", " + latDeg);
    }
    if (latDeg < -90 || latDeg > 90) {
      throw new IllegalArgumentException("latitude out of range [-90, 90]: " + latDeg);
    }
  }
}

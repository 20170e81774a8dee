package io.tessera.core.camera;

/**
 * A WGS 84 position with a height.
 *
 * @param lonDeg longitude, degrees east
 * @param latDeg latitude, degrees north, within [-90, 90]
 * @param heightM height in metres; ellipsoidal for exact geometry, though any height reference
 *     works for the local geometry of one site as long as photos and GCPs share it (see {@link
 *     LocalFrame})
 */
public record GeoPoint(double lonDeg, double latDeg, double heightM) {
  public GeoPoint {
    if (!Double.isFinite(lonDeg) || !Double.isFinite(latDeg) || !Double.isFinite(heightM)) {
      throw new IllegalArgumentException(
          "coordinates must be finite: " + lonDeg + ", " + latDeg + ", " + heightM);
    }
    if (latDeg < -90 || latDeg > 90) {
      throw new IllegalArgumentException("latitude out of range [-90, 90]: " + latDeg);
    }
  }
}

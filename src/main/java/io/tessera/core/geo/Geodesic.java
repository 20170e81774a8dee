package io.tessera.core.geo;

/**
 * Distances on the WGS 84 ellipsoid.
 *
 * <p>{@link #distanceMeters} solves the inverse problem with Vincenty's iteration (1975), accurate
 * to about 0.5 mm on the ellipsoid. For nearly antipodal points, where that iteration does not
 * converge, it falls back to the great-circle distance on a sphere of the ellipsoid's mean radius,
 * which can be off by up to about 0.5 %; a map scale bar never spans such points at a useful zoom.
 */
public final class Geodesic {
  /** WGS 84 semi-major axis, metres. */
  public static final double SEMI_MAJOR_AXIS_METERS = 6_378_137.0;

  /** WGS 84 flattening. */
  public static final double FLATTENING = 1 / 298.257223563;

  /** WGS 84 semi-minor axis, metres. */
  public static final double SEMI_MINOR_AXIS_METERS = SEMI_MAJOR_AXIS_METERS * (1 - FLATTENING);

  /** Mean radius {@code (2a + b) / 3} of the WGS 84 ellipsoid, metres. */
  public static final double MEAN_RADIUS_METERS =
      (2 * SEMI_MAJOR_AXIS_METERS + SEMI_MINOR_AXIS_METERS) / 3;

  private static final int MAX_ITERATIONS = 200;
  private static final double CONVERGED_RADIANS = 1e-12;

  private Geodesic() {}

  /** Length of the shortest path between two positions on the WGS 84 ellipsoid, metres. */
  public static double distanceMeters(LonLat from, LonLat to) {
    double a = SEMI_MAJOR_AXIS_METERS;
    double b = SEMI_MINOR_AXIS_METERS;
    double f = FLATTENING;
    double l = Math.toRadians(to.lonDeg() - from.lonDeg());
    double u1 = Math.atan((1 - f) * Math.tan(Math.toRadians(from.latDeg())));
    double u2 = Math.atan((1 - f) * Math.tan(Math.toRadians(to.latDeg())));
    double sinU1 = Math.sin(u1);
    double cosU1 = Math.cos(u1);
    double sinU2 = Math.sin(u2);
    double cosU2 = Math.cos(u2);

    double lambda = l;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double sinLambda = Math.sin(lambda);
      double cosLambda = Math.cos(lambda);
      double sinSigma = Math.hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
      if (sinSigma == 0) {
        return 0;
      }
      double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
      double sigma = Math.atan2(sinSigma, cosSigma);
      double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
      double cos2Alpha = 1 - sinAlpha * sinAlpha;
      // On the equator cos²α is 0 and the term vanishes.
      double cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
      double c = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
      double previous = lambda;
      lambda = l + (1 - c) * f * sinAlpha
          * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
      if (Math.abs(lambda - previous) < CONVERGED_RADIANS) {
        double uSq = cos2Alpha * (a * a - b * b) / (b * b);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4
            * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma)
                    * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return b * bigA * (sigma - deltaSigma);
      }
    }
    return greatCircleMeters(from, to);
  }

  /** Haversine distance on the sphere of {@link #MEAN_RADIUS_METERS}, metres. */
  static double greatCircleMeters(LonLat from, LonLat to) {
    double lat1 = Math.toRadians(from.latDeg());
    double lat2 = Math.toRadians(to.latDeg());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(to.lonDeg() - from.lonDeg());
    double h = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * MEAN_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}

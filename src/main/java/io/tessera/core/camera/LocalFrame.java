package io.tessera.core.camera;

import io.tessera.core.geo.Geodesic;

/**
 * A local East-North-Up (ENU) Cartesian frame, in metres, tangent to the WGS 84 ellipsoid at an
 * origin: x east, y north, z up along the ellipsoid normal. Positions go WGS 84 geodetic → ECEF
 * (earth-centred, earth-fixed) → ENU exactly, so the frame is valid at any distance, though its
 * "up" leans away from the local vertical by about 0.009° per kilometre from the origin.
 *
 * <p>Heights: the conversion treats heights as ellipsoidal. GPS altitudes in EXIF are usually
 * above sea level (the geoid) instead; mixing the two references shifts everything by the geoid
 * undulation (tens of metres), but as long as photos and GCPs use the same reference, the shift
 * is nearly uniform over a site and the geometry between them holds. Thread-safe and immutable.
 */
public final class LocalFrame {
  private static final double A = Geodesic.SEMI_MAJOR_AXIS_METERS;
  private static final double E2 = Geodesic.FLATTENING * (2 - Geodesic.FLATTENING);

  private final GeoPoint origin;
  private final Vec3 originEcef;
  private final Rotation ecefToEnu;

  private LocalFrame(GeoPoint origin) {
    this.origin = origin;
    this.originEcef = ecef(origin.lonDeg(), origin.latDeg(), origin.heightM());
    this.ecefToEnu = ecefToEnu(origin.lonDeg(), origin.latDeg());
  }

  /** The ENU frame whose origin is {@code origin}. */
  public static LocalFrame at(GeoPoint origin) {
    return new LocalFrame(origin);
  }

  /** The ENU frame at {@code lonDeg}, {@code latDeg}, {@code heightM}. */
  public static LocalFrame at(double lonDeg, double latDeg, double heightM) {
    return new LocalFrame(new GeoPoint(lonDeg, latDeg, heightM));
  }

  public GeoPoint origin() {
    return origin;
  }

  /** ENU coordinates of a geodetic position, metres. */
  public Vec3 toEnu(GeoPoint p) {
    return toEnu(p.lonDeg(), p.latDeg(), p.heightM());
  }

  /** ENU coordinates of {@code lonDeg}, {@code latDeg}, {@code heightM}, metres. */
  public Vec3 toEnu(double lonDeg, double latDeg, double heightM) {
    return ecefToEnu.apply(ecef(lonDeg, latDeg, heightM).minus(originEcef));
  }

  /** The geodetic position of ENU coordinates (iterative, converged to well under 1 mm). */
  public GeoPoint toGeodetic(Vec3 enu) {
    Vec3 e = originEcef.plus(ecefToEnu.applyInverse(enu));
    double p = Math.hypot(e.x(), e.y());
    double lon = Math.atan2(e.y(), e.x());
    double lat = Math.atan2(e.z(), p * (1 - E2));
    double h = 0;
    for (int i = 0; i < 20; i++) {
      double sin = Math.sin(lat);
      double n = A / Math.sqrt(1 - E2 * sin * sin);
      // this form of the height stays well conditioned at the poles, where p / cos(lat) does not
      h = p * Math.cos(lat) + e.z() * sin - A * A / n;
      double next = Math.atan2(e.z(), p * (1 - E2 * n / (n + h)));
      if (Math.abs(next - lat) < 1e-14) {
        lat = next;
        break;
      }
      lat = next;
    }
    double sin = Math.sin(lat);
    double n = A / Math.sqrt(1 - E2 * sin * sin);
    h = p * Math.cos(lat) + e.z() * sin - A * A / n;
    return new GeoPoint(Math.toDegrees(lon), Math.toDegrees(lat), h);
  }

  /**
   * The rotation that takes a vector given in the ENU axes at {@code lonDeg}, {@code latDeg}
   * (say, a camera attitude read from that photo's own GPS position) into this frame's axes.
   */
  public Rotation rotationFrom(double lonDeg, double latDeg) {
    return ecefToEnu.times(ecefToEnu(lonDeg, latDeg).transpose());
  }

  static Vec3 ecef(double lonDeg, double latDeg, double h) {
    double lat = Math.toRadians(latDeg);
    double lon = Math.toRadians(lonDeg);
    double sin = Math.sin(lat);
    double cos = Math.cos(lat);
    double n = A / Math.sqrt(1 - E2 * sin * sin);
    return new Vec3(
        (n + h) * cos * Math.cos(lon), (n + h) * cos * Math.sin(lon), (n * (1 - E2) + h) * sin);
  }

  static Rotation ecefToEnu(double lonDeg, double latDeg) {
    double lat = Math.toRadians(latDeg);
    double lon = Math.toRadians(lonDeg);
    double sl = Math.sin(lon);
    double cl = Math.cos(lon);
    double sp = Math.sin(lat);
    double cp = Math.cos(lat);
    return Rotation.ofRows(
        new double[] {-sl, cl, 0},
        new double[] {-sp * cl, -sp * sl, cp},
        new double[] {cp * cl, cp * sl, sp});
  }

  @Override
  public String toString() {
    return "LocalFrame" + origin;
  }
}

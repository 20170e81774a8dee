package io.tessera.ui.volume;

import io.tessera.client.RemoteRaster;
import io.tessera.core.raster.Bilinear;
import io.tessera.core.raster.GeoTransform;
import java.io.IOException;
import java.util.function.DoubleBinaryOperator;

/**
 * Heights along a line in project coordinates: the DSM's (NaN where it has no data) and, when a
 * volume is shown, its base's inside its polygon (NaN outside), at distances in metres from the
 * start.
 *
 * @param lengthMetres the line's length
 */
public record Profile(double[] distance, double[] dsm, double[] base, double lengthMetres) {
  /** The most samples along a line. */
  static final int MAX_SAMPLES = 1000;

  /**
   * Samples the line from (ax, ay) to (bx, by) about once per DSM cell, on the overview level
   * that keeps it within {@value #MAX_SAMPLES} samples.
   *
   * @param base the volume's base, or null
   * @param polygon where the base is drawn (NaN elsewhere: the base means nothing outside the
   *     volume's polygon), in project coordinates; null with {@code base}
   */
  public static Profile along(RemoteRaster dsm, double ax, double ay, double bx, double by,
      DoubleBinaryOperator base, org.locationtech.jts.geom.Polygon polygon) throws IOException {
    org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator inside =
        polygon == null ? null
            : new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(polygon);
    double length = Math.hypot(bx - ax, by - ay);
    double cell = Math.sqrt(Math.abs(dsm.transform().cellArea()));
    RemoteRaster r = dsm;
    while (length / cell > MAX_SAMPLES && r.width() > 1 && r.height() > 1) {
      r = r.halved();
      cell *= 2;
    }
    int n = (int) Math.max(2, Math.min(MAX_SAMPLES, Math.ceil(length / cell))) + 1;
    double[] d = new double[n];
    double[] z = new double[n];
    double[] b = base == null ? null : new double[n];
    GeoTransform t = r.transform();
    for (int i = 0; i < n; i++) {
      double f = i / (double) (n - 1);
      double x = ax + f * (bx - ax);
      double y = ay + f * (by - ay);
      d[i] = f * length;
      z[i] = Bilinear.at(r, t.px(x, y), t.py(x, y));
      if (b != null) {
        boolean in = inside == null || inside.locate(new org.locationtech.jts.geom.Coordinate(x, y))
            != org.locationtech.jts.geom.Location.EXTERIOR;
        b[i] = in ? base.applyAsDouble(x, y) : Double.NaN;
      }
    }
    return new Profile(d, z, b, length);
  }
}

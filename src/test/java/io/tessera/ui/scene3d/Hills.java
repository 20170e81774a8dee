package io.tessera.ui.scene3d;

import io.tessera.core.raster.ArrayRaster;
import io.tessera.core.raster.GeoTransform;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Synthetic DSMs with relief, in UTM-sized coordinates, for the 3D pane's tests. */
final class Hills {
  static final double ORIGIN_X = 500_000;
  static final double ORIGIN_Y = 6_650_000;
  static final float NO_DATA = -9999;

  private Hills() {}

  /**
   * A {@code n × n} DSM with {@code cell}-metre pixels: a few hills and a valley, 40 to about 160
   * m; the pixels of {@code holeFrom..holeTo} (rows and columns) are NoData when holeTo > holeFrom.
   */
  static ArrayRaster dsm(int n, double cell, int holeFrom, int holeTo) {
    float[] v = new float[n * n];
    for (int r = 0; r < n; r++) {
      double y = r / (double) n;
      for (int c = 0; c < n; c++) {
        double x = c / (double) n;
        double h = 40 + 90 * Math.exp(-(sq(x - 0.35) + sq(y - 0.4)) / 0.02)
            + 60 * Math.exp(-(sq(x - 0.7) + sq(y - 0.65)) / 0.01)
            + 25 * Math.sin(9 * x) * Math.cos(7 * y) + 25;
        v[r * n + c] = (float) h;
        if (r >= holeFrom && r < holeTo && c >= holeFrom && c < holeTo) {
          v[r * n + c] = NO_DATA;
        }
      }
    }
    return new ArrayRaster(n, n, v, GeoTransform.northUp(ORIGIN_X, ORIGIN_Y, cell, cell),
        OptionalInt.of(32633), OptionalDouble.of(NO_DATA));
  }

  private static double sq(double d) {
    return d * d;
  }
}

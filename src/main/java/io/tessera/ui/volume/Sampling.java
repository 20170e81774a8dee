package io.tessera.ui.volume;

import io.tessera.core.raster.Raster;
import java.io.IOException;

/** Reading single elevations from a DSM: bilinear between cell centres, NoData left out. */
final class Sampling {
  private Sampling() {}

  /**
   * The elevation at pixel position (px, py) (cell centres at i + 0.5), bilinear over the valid
   * neighbours; NaN when none is valid or the point is off the raster.
   */
  static double bilinear(Raster r, double px, double py) throws IOException {
    if (!(px >= 0 && py >= 0 && px <= r.width() && py <= r.height())) {
      return Double.NaN;
    }
    double u = px - 0.5;
    double v = py - 0.5;
    int ci = (int) Math.floor(u);
    int cj = (int) Math.floor(v);
    int x0 = Math.max(0, ci);
    int y0 = Math.max(0, cj);
    int x1 = Math.min(r.width() - 1, ci + 1);
    int y1 = Math.min(r.height() - 1, cj + 1);
    int w = x1 - x0 + 1;
    int h = y1 - y0 + 1;
    float[] buf = new float[w * h];
    r.readFloats(0, x0, y0, w, h, buf);
    double fu = u - ci;
    double fv = v - cj;
    double sum = 0;
    double wsum = 0;
    for (int dj = 0; dj <= 1; dj++) {
      int jj = cj + dj;
      if (jj < y0 || jj > y1) {
        continue;
      }
      double wy = dj == 0 ? 1 - fv : fv;
      for (int di = 0; di <= 1; di++) {
        int ii = ci + di;
        if (ii < x0 || ii > x1) {
          continue;
        }
        double wgt = wy * (di == 0 ? 1 - fu : fu);
        float s = buf[(jj - y0) * w + (ii - x0)];
        if (wgt > 0 && !r.isNoData(s)) {
          sum += wgt * s;
          wsum += wgt;
        }
      }
    }
    return wsum > 1e-9 ? sum / wsum : Double.NaN;
  }
}

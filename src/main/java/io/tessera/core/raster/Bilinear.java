package io.tessera.core.raster;

import java.io.IOException;

/**
 * Elevations between cell centres: bilinear over the valid neighbours (NoData left out and the
 * weights of the others renormalised), in Tessera's pixel convention (cell centres at i + 0.5).
 */
public final class Bilinear {
  private Bilinear() {}

  /**
   * The elevation at pixel position (px, py), reading the 2 × 2 cells around it; NaN when none
   * is valid or the point is off the raster.
   */
  public static double at(Raster r, double px, double py) throws IOException {
    if (!(px >= 0 && py >= 0 && px <= r.width() && py <= r.height())) {
      return Double.NaN;
    }
    int ci = (int) Math.floor(px - 0.5);
    int cj = (int) Math.floor(py - 0.5);
    int x0 = Math.max(0, ci);
    int y0 = Math.max(0, cj);
    int x1 = Math.min(r.width() - 1, ci + 1);
    int y1 = Math.min(r.height() - 1, cj + 1);
    int w = x1 - x0 + 1;
    float[] buf = new float[w * (y1 - y0 + 1)];
    r.readFloats(0, x0, y0, w, y1 - y0 + 1, buf);
    return in(r, buf, x0, y0, x1, y1, px, py);
  }

  /**
   * The elevation at pixel position (px, py) from a window already read: cells x0..x1 ×
   * y0..y1 (inclusive) of {@code r}, row by row in {@code buf}; neighbours outside the window
   * count as missing. NaN when none is valid.
   */
  public static double in(Raster r, float[] buf, int x0, int y0, int x1, int y1, double px,
      double py) {
    int ww = x1 - x0 + 1;
    double u = px - 0.5;
    double v = py - 0.5;
    int ci = (int) Math.floor(u);
    int cj = (int) Math.floor(v);
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
        float s = buf[(jj - y0) * ww + (ii - x0)];
        if (wgt > 0 && !r.isNoData(s)) {
          sum += wgt * s;
          wsum += wgt;
        }
      }
    }
    return wsum > 1e-9 ? sum / wsum : Double.NaN;
  }
}

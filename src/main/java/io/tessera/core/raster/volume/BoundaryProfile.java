package io.tessera.core.raster.volume;

import io.tessera.core.raster.Bilinear;
import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.Raster;
import java.io.IOException;
import java.util.Arrays;

/**
 * The polygon's boundary as a closed ring of samples in pixel coordinates, each with an elevation
 * and a length weight (half the CRS length of the two segments it joins, so weighted sums are the
 * trapezoid rule along the boundary: exact for elevations linear along each edge).
 */
final class BoundaryProfile {
  /** Samples per edge are spaced at most this many pixels apart ("every half cell"). */
  static final double STEP_PIXELS = 0.5;
  /** Above this many samples the spacing grows (a polygon far larger than the raster). */
  static final int MAX_SAMPLES = 4_000_000;
  private static final int CHUNK = 64;

  final int n;
  final double[] px;
  final double[] py;
  final double[] z;
  final double[] weight;
  /** CRS length from sample i to sample i + 1 (cyclic). */
  final double[] seg;
  /** The index of the polygon vertex a sample sits on, or -1 inside an edge. */
  final int[] vertex;

  private BoundaryProfile(int n) {
    this.n = n;
    px = new double[n];
    py = new double[n];
    z = new double[n];
    weight = new double[n];
    seg = new double[n];
    vertex = new int[n];
  }

  /**
   * Samples the ring of vertices (pixel coordinates, open: last ≠ first) every half pixel, with
   * elevations NaN; then {@link #fillFromVertices}, {@link #fillConstant} or {@link #sampleDsm}.
   */
  static BoundaryProfile densify(double[] vx, double[] vy, GeoTransform t) {
    int m = vx.length;
    double perimeter = 0;
    for (int k = 0; k < m; k++) {
      perimeter += Math.hypot(vx[(k + 1) % m] - vx[k], vy[(k + 1) % m] - vy[k]);
    }
    double step = Math.max(STEP_PIXELS, perimeter / MAX_SAMPLES);
    int[] segs = new int[m];
    long total = 0;
    for (int k = 0; k < m; k++) {
      double len = Math.hypot(vx[(k + 1) % m] - vx[k], vy[(k + 1) % m] - vy[k]);
      segs[k] = (int) Math.max(1, Math.ceil(len / step));
      total += segs[k];
    }
    BoundaryProfile p = new BoundaryProfile(Math.toIntExact(total));
    int i = 0;
    for (int k = 0; k < m; k++) {
      int k1 = (k + 1) % m;
      for (int s = 0; s < segs[k]; s++) {
        double f = (double) s / segs[k];
        p.px[i] = vx[k] + f * (vx[k1] - vx[k]);
        p.py[i] = vy[k] + f * (vy[k1] - vy[k]);
        p.vertex[i] = s == 0 ? k : -1;
        p.z[i] = Double.NaN;
        i++;
      }
    }
    for (int j = 0; j < p.n; j++) {
      int j1 = (j + 1) % p.n;
      double dpx = p.px[j1] - p.px[j];
      double dpy = p.py[j1] - p.py[j];
      double len = Math.hypot(t.x(dpx, dpy) - t.x(0, 0), t.y(dpx, dpy) - t.y(0, 0));
      p.seg[j] = len;
      p.weight[j] += len / 2;
      p.weight[j1] += len / 2;
    }
    return p;
  }

  /** Every elevation = {@code elevation}. */
  void fillConstant(double elevation) {
    Arrays.fill(z, elevation);
  }

  /** Elevations interpolated linearly along each edge between the vertices' z. */
  void fillFromVertices(double[] vz) {
    int m = vz.length;
    int start = 0;
    while (start < n) {
      int k = vertex[start];
      int end = start + 1;
      while (end < n && vertex[end] < 0) {
        end++;
      }
      int segs = end - start;
      double z0 = vz[k];
      double z1 = vz[(k + 1) % m];
      for (int s = 0; s < segs; s++) {
        z[start + s] = z0 + (z1 - z0) * s / segs;
      }
      start = end;
    }
  }

  /**
   * Bilinear DSM elevations at every sample (cell centres at i + 0.5; NoData neighbours and those
   * outside the raster are dropped and the weights renormalised), read in small windows along the
   * ring; samples with no valid neighbour (NoData, or outside the raster) are then bridged by
   * linear interpolation along the boundary's length between the valid samples on either side.
   *
   * @return false when no sample has a DSM elevation
   */
  boolean sampleDsm(Raster r) throws IOException {
    int w = r.width();
    int h = r.height();
    float[] buf = new float[0];
    for (int start = 0; start < n; start += CHUNK) {
      int end = Math.min(n, start + CHUNK);
      int x0 = Integer.MAX_VALUE;
      int y0 = Integer.MAX_VALUE;
      int x1 = Integer.MIN_VALUE;
      int y1 = Integer.MIN_VALUE;
      for (int i = start; i < end; i++) {
        int ci = (int) Math.floor(px[i] - 0.5);
        int cj = (int) Math.floor(py[i] - 0.5);
        x0 = Math.min(x0, ci);
        y0 = Math.min(y0, cj);
        x1 = Math.max(x1, ci + 1);
        y1 = Math.max(y1, cj + 1);
      }
      x0 = Math.max(0, x0);
      y0 = Math.max(0, y0);
      x1 = Math.min(w - 1, x1);
      y1 = Math.min(h - 1, y1);
      if (x0 > x1 || y0 > y1) {
        continue;
      }
      int ww = x1 - x0 + 1;
      int wh = y1 - y0 + 1;
      if (buf.length < ww * wh) {
        buf = new float[ww * wh];
      }
      r.readFloats(0, x0, y0, ww, wh, buf);
      for (int i = start; i < end; i++) {
        if (px[i] < 0 || py[i] < 0 || px[i] > w || py[i] > h) {
          continue;
        }
        double zi = Bilinear.in(r, buf, x0, y0, x1, y1, px[i], py[i]);
        if (!Double.isNaN(zi)) {
          z[i] = zi;
        }
      }
    }
    return bridgeGaps();
  }

  private boolean bridgeGaps() {
    int first = -1;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(z[i])) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return false;
    }
    int prev = first;
    for (int step = 1; step <= n; step++) {
      int i = (first + step) % n;
      if (i != first && Double.isNaN(z[i])) {
        continue;
      }
      if ((prev + 1) % n != i) {
        double total = 0;
        for (int j = prev; j != i; j = (j + 1) % n) {
          total += seg[j];
        }
        double along = 0;
        for (int j = prev; (j + 1) % n != i; j = (j + 1) % n) {
          along += seg[j];
          z[(j + 1) % n] = z[prev] + (z[i] - z[prev]) * (total > 0 ? along / total : 0);
        }
      }
      prev = i;
    }
    return true;
  }

  /** Length-weighted mean elevation. */
  double mean() {
    double s = 0;
    double ws = 0;
    for (int i = 0; i < n; i++) {
      s += weight[i] * z[i];
      ws += weight[i];
    }
    return s / ws;
  }

  /** Length-weighted RMS of z − f where f = a + b·px + c·py. */
  double rmsResidual(double a, double b, double c) {
    double s = 0;
    double ws = 0;
    for (int i = 0; i < n; i++) {
      double d = z[i] - (a + b * px[i] + c * py[i]);
      s += weight[i] * d * d;
      ws += weight[i];
    }
    return Math.sqrt(s / ws);
  }

  double min() {
    double m = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      m = Math.min(m, z[i]);
    }
    return m;
  }

  double max() {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, z[i]);
    }
    return m;
  }

  /**
   * The length-weighted least-squares plane z = a + b·px + c·py through the samples, as {a, b, c}.
   * Coordinates are centred first for conditioning.
   */
  double[] fitPlane() {
    double ws = 0;
    double mx = 0;
    double my = 0;
    double mz = 0;
    for (int i = 0; i < n; i++) {
      ws += weight[i];
      mx += weight[i] * px[i];
      my += weight[i] * py[i];
      mz += weight[i] * z[i];
    }
    mx /= ws;
    my /= ws;
    mz /= ws;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    double sxz = 0;
    double syz = 0;
    for (int i = 0; i < n; i++) {
      double dx = px[i] - mx;
      double dy = py[i] - my;
      double dz = z[i] - mz;
      sxx += weight[i] * dx * dx;
      sxy += weight[i] * dx * dy;
      syy += weight[i] * dy * dy;
      sxz += weight[i] * dx * dz;
      syz += weight[i] * dy * dz;
    }
    double det = sxx * syy - sxy * sxy;
    double b = (sxz * syy - syz * sxy) / det;
    double c = (syz * sxx - sxz * sxy) / det;
    return new double[] {mz - b * mx - c * my, b, c};
  }
}

package io.tessera.ui.scene3d;

import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.Raster;
import io.tessera.ui.scene3d.TerrainSource.TileGrid;
import java.io.IOException;
import java.util.Optional;

/**
 * Colour for the terrain: an orthomosaic draped over the tiles (one image per tile, read at the
 * resolution the tile needs), or, without one, an elevation colour ramp shared by every tile.
 *
 * <p>The ortho may have its own grid and resolution; texels are placed through both rasters'
 * geotransforms. Coarse tiles read from an overview of the ortho built once ({@link #of}); fine
 * tiles read their window of the ortho itself.
 */
public final class TerrainTextures {
  /** Texels of the elevation ramp. */
  public static final int RAMP_WIDTH = 256;
  /** Texels per cell side in a tile image. */
  static final int TEXELS_PER_CELL = 4;
  /** The ortho overview holds at most this many pixels. */
  static final int OVERVIEW_MAX_PIXELS = 1 << 21;
  /** Where the ortho has no pixel (outside it or transparent). */
  static final int NO_ORTHO = 0xff9a9a90;

  private final Raster ortho;
  private final GeoTransform orthoTransform;
  private final int step;
  private final int ow;
  private final int oh;
  private final int[] overview;

  private TerrainTextures(Raster ortho) throws IOException {
    this.ortho = ortho;
    this.orthoTransform = ortho.transform();
    int s = 1;
    while ((long) (ortho.width() / s + 1) * (ortho.height() / s + 1) > OVERVIEW_MAX_PIXELS) {
      s *= 2;
    }
    this.step = s;
    this.ow = (ortho.width() + s - 1) / s;
    this.oh = (ortho.height() + s - 1) / s;
    this.overview = buildOverview();
  }

  /**
   * Prepares an ortho for draping: reads it once for its overview. The raster stays open (fine
   * tiles read it again); the caller closes it.
   *
   * @throws IOException when the ortho cannot be read
   */
  public static TerrainTextures of(Raster ortho) throws IOException {
    return new TerrainTextures(ortho);
  }

  /** Texture width and height of a tile with {@code n} vertices a side. */
  static int tileSize(int n) {
    return (n - 1) * TEXELS_PER_CELL + 1;
  }

  private int[] buildOverview() throws IOException {
    if (step > 1) {
      Optional<Raster> o = ortho.overview(Integer.numberOfTrailingZeros(step));
      if (o.isPresent() && o.get().width() == ow && o.get().height() == oh) {
        int[] out = new int[ow * oh];
        o.get().readArgb(0, 0, ow, oh, out);
        return out; // the raster's own overview: a fraction of a pass over the ortho
      }
    }
    int w = ortho.width();
    int h = ortho.height();
    int cells = ow * oh;
    int[] a = new int[cells];
    int[] r = new int[cells];
    int[] g = new int[cells];
    int[] b = new int[cells];
    int[] n = new int[cells];
    int rows = Math.max(step, (Math.max(256, ortho.blockHeight()) + step - 1) / step * step);
    int[] buf = new int[Math.min(rows, h) * w];
    for (int y0 = 0; y0 < h; y0 += rows) {
      int bh = Math.min(rows, h - y0);
      ortho.readArgb(0, y0, w, bh, buf);
      for (int y = 0; y < bh; y++) {
        int base = (y0 + y) / step * ow;
        for (int x = 0; x < w; x++) {
          int p = buf[y * w + x];
          int alpha = p >>> 24;
          if (alpha == 0) {
            continue;
          }
          int cell = base + x / step;
          a[cell] += alpha;
          r[cell] += p >> 16 & 0xff;
          g[cell] += p >> 8 & 0xff;
          b[cell] += p & 0xff;
          n[cell]++;
        }
      }
    }
    int[] out = new int[cells];
    for (int i = 0; i < cells; i++) {
      int k = n[i];
      out[i] = k == 0 ? 0
          : (a[i] / k) << 24 | (r[i] / k) << 16 | (g[i] / k) << 8 | b[i] / k;
    }
    return out;
  }

  /**
   * The ARGB texels of a tile's image: {@link #tileSize} a side, texel (a, b) at the tile's vertex
   * position a / {@link #TEXELS_PER_CELL} across and b / {@link #TEXELS_PER_CELL} down.
   *
   * @throws IOException when the ortho cannot be read
   */
  public int[] tileImage(TerrainSource src, TileGrid grid) throws IOException {
    int n = grid.size();
    int ts = tileSize(n);
    int[] cols = grid.cols();
    int[] rows = grid.rows();
    int c0 = cols[0];
    int r0 = rows[0];
    int c1 = c0;
    int r1 = r0;
    for (int i = 0; i < n; i++) {
      c1 = cols[i] >= 0 ? cols[i] : c1;
      r1 = rows[i] >= 0 ? rows[i] : r1;
    }
    double du = Math.max(1, c1 - c0) / (double) (ts - 1);
    double dv = Math.max(1, r1 - r0) / (double) (ts - 1);
    GeoTransform dsmT = src.raster().transform();
    // ortho pixel positions of every texel
    double[] fx = new double[ts * ts];
    double[] fy = new double[ts * ts];
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int b = 0; b < ts; b++) {
      for (int a = 0; a < ts; a++) {
        double px = c0 + a * du + 0.5;
        double py = r0 + b * dv + 0.5;
        double x = dsmT.x(px, py);
        double y = dsmT.y(px, py);
        int t = b * ts + a;
        fx[t] = orthoTransform.px(x, y);
        fy[t] = orthoTransform.py(x, y);
        minX = Math.min(minX, fx[t]);
        minY = Math.min(minY, fy[t]);
        maxX = Math.max(maxX, fx[t]);
        maxY = Math.max(maxY, fy[t]);
      }
    }
    double footprint = Math.max(maxX - minX, maxY - minY) / (ts - 1);
    int[] out = new int[ts * ts];
    if (footprint * 4 >= step) {
      for (int t = 0; t < out.length; t++) {
        out[t] = opaque(bilinear(overview, ow, oh, fx[t] / step - 0.5, fy[t] / step - 0.5));
      }
      return out;
    }
    int box = Math.max(1, (int) Math.round(footprint));
    int x0 = (int) Math.max(0, Math.floor(minX) - box);
    int y0 = (int) Math.max(0, Math.floor(minY) - box);
    int x1 = (int) Math.min(ortho.width(), Math.ceil(maxX) + box);
    int y1 = (int) Math.min(ortho.height(), Math.ceil(maxY) + box);
    if (x1 <= x0 || y1 <= y0) {
      java.util.Arrays.fill(out, NO_ORTHO);
      return out;
    }
    int w = x1 - x0;
    int h = y1 - y0;
    int[] win = new int[w * h];
    ortho.readArgb(x0, y0, w, h, win);
    for (int t = 0; t < out.length; t++) {
      out[t] = opaque(boxMean(win, w, h, fx[t] - x0, fy[t] - y0, box));
    }
    return out;
  }

  private static int opaque(int argb) {
    return (argb >>> 24) == 0 ? NO_ORTHO : argb | 0xff000000;
  }

  private static int boxMean(int[] win, int w, int h, double cx, double cy, int box) {
    int xa = (int) Math.floor(cx - box / 2.0);
    int ya = (int) Math.floor(cy - box / 2.0);
    int r = 0;
    int g = 0;
    int b = 0;
    int n = 0;
    for (int y = Math.max(0, ya); y < Math.min(h, ya + box); y++) {
      for (int x = Math.max(0, xa); x < Math.min(w, xa + box); x++) {
        int p = win[y * w + x];
        if (p >>> 24 != 0) {
          r += p >> 16 & 0xff;
          g += p >> 8 & 0xff;
          b += p & 0xff;
          n++;
        }
      }
    }
    return n == 0 ? 0 : 0xff000000 | (r / n) << 16 | (g / n) << 8 | b / n;
  }

  private static int bilinear(int[] img, int w, int h, double x, double y) {
    if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) {
      return 0;
    }
    int xa = (int) Math.floor(x);
    int ya = (int) Math.floor(y);
    double fx = x - xa;
    double fy = y - ya;
    double[] acc = new double[4];
    double weight = 0;
    for (int k = 0; k < 4; k++) {
      int xx = Math.max(0, Math.min(w - 1, xa + (k & 1)));
      int yy = Math.max(0, Math.min(h - 1, ya + (k >> 1)));
      double wt = ((k & 1) == 1 ? fx : 1 - fx) * ((k >> 1) == 1 ? fy : 1 - fy);
      int p = img[yy * w + xx];
      if (p >>> 24 == 0) {
        continue;
      }
      acc[1] += wt * (p >> 16 & 0xff);
      acc[2] += wt * (p >> 8 & 0xff);
      acc[3] += wt * (p & 0xff);
      weight += wt;
    }
    if (weight == 0) {
      return 0;
    }
    return 0xff000000 | (int) Math.round(acc[1] / weight) << 16
        | (int) Math.round(acc[2] / weight) << 8 | (int) Math.round(acc[3] / weight);
  }
}

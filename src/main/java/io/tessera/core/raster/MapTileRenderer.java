package io.tessera.core.raster;

import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.WebMercator;
import io.tessera.core.geo.WorldPixel;
import java.io.IOException;
import java.util.List;

/**
 * Renders a Web Mercator map tile (256², z/x/y as XYZ tile servers number them) from a raster in
 * its own CRS: positions of a 17×17 grid over the tile are projected exactly into the raster's
 * pixels and interpolated in between (the error of that is far below a pixel for tiles of drone
 * orthos), the overview level chosen so that one tile pixel covers one to two raster cells, and
 * each tile pixel sampled bilinearly. Outside the raster the tile is transparent. A one-band
 * raster (a DSM) is drawn with an elevation colour ramp over its whole range.
 */
public final class MapTileRenderer {
  private static final int SIZE = WebMercator.TILE_SIZE_PIXELS;
  private static final int GRID = 16;

  private MapTileRenderer() {}

  /**
   * The tile's ARGB pixels, row by row, or null when the tile does not touch the raster.
   *
   * @param levels the raster at full resolution, then each overview at half the previous one
   * @param fromWgs84 longitude/latitude (degrees) to the raster's CRS; used by this thread only
   */
  public static int[] render(List<? extends Raster> levels, CrsTransform fromWgs84, int z,
      int x, int y) throws IOException {
    Raster full = levels.get(0);
    GeoTransform t = full.transform();
    double[] px = new double[(GRID + 1) * (GRID + 1)];
    double[] py = new double[px.length];
    for (int j = 0; j <= GRID; j++) {
      for (int i = 0; i <= GRID; i++) {
        double wx = (x + i / (double) GRID) * SIZE;
        double wy = (y + j / (double) GRID) * SIZE;
        LonLat ll = WebMercator.toLonLat(new WorldPixel(wx, wy), z);
        Position p;
        try {
          p = fromWgs84.apply(new Position(ll.lonDeg(), ll.latDeg(), Double.NaN));
        } catch (CrsException e) {
          return null;
        }
        px[j * (GRID + 1) + i] = t.px(p.x(), p.y());
        py[j * (GRID + 1) + i] = t.py(p.x(), p.y());
      }
    }
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < px.length; k++) {
      minX = Math.min(minX, px[k]);
      maxX = Math.max(maxX, px[k]);
      minY = Math.min(minY, py[k]);
      maxY = Math.max(maxY, py[k]);
    }
    if (maxX <= 0 || maxY <= 0 || minX >= full.width() || minY >= full.height()) {
      return null;
    }
    double cellsPerPixel = Math.max(maxX - minX, maxY - minY) / SIZE;
    int level = 0;
    while (level + 1 < levels.size() && cellsPerPixel >= 2) {
      cellsPerPixel /= 2;
      level++;
    }
    Raster r = levels.get(level);
    double scale = Math.scalb(1.0, -level);
    int x0 = clamp((int) Math.floor(minX * scale) - 1, r.width());
    int y0 = clamp((int) Math.floor(minY * scale) - 1, r.height());
    int x1 = clamp((int) Math.ceil(maxX * scale) + 1, r.width());
    int y1 = clamp((int) Math.ceil(maxY * scale) + 1, r.height());
    int w = x1 - x0;
    int h = y1 - y0;
    if (w <= 0 || h <= 0) {
      return null;
    }
    int[] window = new int[w * h];
    if (r.bands() == 1) {
      float[] range = range(levels.get(levels.size() - 1));
      float[] elevation = new float[w * h];
      r.readFloats(0, x0, y0, w, h, elevation);
      for (int i = 0; i < elevation.length; i++) {
        float e = elevation[i];
        window[i] = r.isNoData(e) ? 0 : ramp((e - range[0]) / (range[1] - range[0]));
      }
    } else {
      r.readArgb(x0, y0, w, h, window);
    }
    int[] out = new int[SIZE * SIZE];
    int step = SIZE / GRID;
    for (int oy = 0; oy < SIZE; oy++) {
      int gj = Math.min(oy / step, GRID - 1);
      double fy = (oy + 0.5) / step - gj;
      for (int ox = 0; ox < SIZE; ox++) {
        int gi = Math.min(ox / step, GRID - 1);
        double fx = (ox + 0.5) / step - gi;
        int k = gj * (GRID + 1) + gi;
        double sx = lerp2(px, k, fx, fy) * scale - x0 - 0.5;
        double sy = lerp2(py, k, fx, fy) * scale - y0 - 0.5;
        out[oy * SIZE + ox] = bilinear(window, w, h, sx, sy);
      }
    }
    return out;
  }

  /**
   * The elevations' range, from the coarsest level (cheap), so that every tile of a DSM uses the
   * same colours.
   */
  private static float[] range(Raster coarsest) throws IOException {
    int w = coarsest.width();
    int h = coarsest.height();
    float[] z = new float[w * h];
    coarsest.readFloats(0, 0, 0, w, h, z);
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : z) {
      if (!coarsest.isNoData(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return min > max ? new float[] {0, 1} : new float[] {min, max > min ? max : min + 1};
  }

  /** An elevation colour ramp, low to high: blue-green, green, yellow, brown, white. */
  static int ramp(double t) {
    double[][] stops = {{0.16, 0.45, 0.45}, {0.33, 0.62, 0.30}, {0.86, 0.82, 0.40},
        {0.60, 0.40, 0.22}, {0.97, 0.97, 0.97}};
    double u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    int i = Math.min(stops.length - 2, (int) u);
    double f = u - i;
    int rgb = 0xff;
    for (int k = 0; k < 3; k++) {
      rgb = rgb << 8 | (int) Math.round(255 * (stops[i][k] + (stops[i + 1][k] - stops[i][k]) * f));
    }
    return rgb;
  }

  private static double lerp2(double[] g, int k, double fx, double fy) {
    double top = g[k] + (g[k + 1] - g[k]) * fx;
    double bottom = g[k + GRID + 1] + (g[k + GRID + 2] - g[k + GRID + 1]) * fx;
    return top + (bottom - top) * fy;
  }

  /** Bilinear ARGB at cell-centre coordinates (sx, sy); transparent off the window's cells. */
  private static int bilinear(int[] window, int w, int h, double sx, double sy) {
    if (sx < -0.5 || sy < -0.5 || sx > w - 0.5 || sy > h - 0.5) {
      return 0;
    }
    int ix = (int) Math.floor(sx);
    int iy = (int) Math.floor(sy);
    double fx = sx - ix;
    double fy = sy - iy;
    int c00 = at(window, w, h, ix, iy);
    int c10 = at(window, w, h, ix + 1, iy);
    int c01 = at(window, w, h, ix, iy + 1);
    int c11 = at(window, w, h, ix + 1, iy + 1);
    int out = 0;
    for (int shift = 0; shift <= 24; shift += 8) {
      double top = (c00 >>> shift & 0xff) * (1 - fx) + (c10 >>> shift & 0xff) * fx;
      double bottom = (c01 >>> shift & 0xff) * (1 - fx) + (c11 >>> shift & 0xff) * fx;
      out |= (int) Math.round(top * (1 - fy) + bottom * fy) << shift;
    }
    return out;
  }

  private static int at(int[] window, int w, int h, int x, int y) {
    return window[Math.max(0, Math.min(h - 1, y)) * w + Math.max(0, Math.min(w - 1, x))];
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}

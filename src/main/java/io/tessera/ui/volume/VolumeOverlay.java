package io.tessera.ui.volume;

import io.tessera.core.crs.CrsException;
import io.tessera.core.geo.LonLat;
import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.Raster;
import java.io.IOException;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The cut/fill tint of a measured volume: every DSM cell whose centre lies in the polygon, red
 * where the terrain is above the base (cut), blue where below (fill), stronger with the
 * difference. Computed off the FX thread on an overview level of the DSM fitting the view, as an
 * image in the DSM's grid with three corners placed on the map.
 */
public final class VolumeOverlay {
  /** Cut: terrain above the base. */
  public static final Color CUT = Color.web("#d7301f");
  /** Fill: terrain below the base. */
  public static final Color FILL = Color.web("#2166ac");
  /** The most cells along either side of the tint's window. */
  static final int MAX_CELLS = 1024;
  /** Differences below this (metres) are left clear: flat ground on the base. */
  static final double CLEAR_METRES = 0.005;

  /**
   * A computed tint: its pixels and where its top-left, top-right and bottom-left corners lie.
   * Plain data, made off the FX thread; the map layer turns it into an image on the FX thread.
   *
   * @param argb {@code width × height} non-premultiplied ARGB pixels, row by row
   * @param level the DSM's overview level it was computed on
   * @param maxCut the largest height above the base, metres
   * @param maxFill the largest depth below the base, metres
   */
  public record Tint(int[] argb, int width, int height, LonLat topLeft, LonLat topRight,
      LonLat bottomLeft, int level, double maxCut, double maxFill) {

    /** The pixels as an image (on the FX thread). */
    public WritableImage toImage() {
      WritableImage image = new WritableImage(width, height);
      image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(),
          argb, 0, width);
      return image;
    }
  }

  private VolumeOverlay() {}

  /**
   * The overview level whose cells are about {@code metresPerPixel} on screen, coarser when the
   * polygon would need more than {@value #MAX_CELLS} cells across.
   *
   * @param cellMetres the full-resolution DSM's cell size
   * @param extentMetres the polygon's larger side
   * @param levels how many levels the DSM has beyond the full one (at least as many halvings as
   *     keep one cell)
   */
  public static int level(double cellMetres, double metresPerPixel, double extentMetres,
      int levels) {
    int level = 0;
    double cell = cellMetres;
    while (level < levels && (cell * 2 <= metresPerPixel || extentMetres / cell > MAX_CELLS)) {
      cell *= 2;
      level++;
    }
    return level;
  }

  /**
   * Computes the tint of {@code ring} (project coordinates, open) over {@code r} (the DSM at
   * overview {@code level}, which the tint records) against {@code base}.
   *
   * @return null when the polygon misses the raster
   * @throws IOException when the DSM cannot be read
   */
  public static Tint compute(Raster r, int level, List<double[]> ring, DoubleBinaryOperator base,
      ProjectFrame frame) throws IOException, CrsException {
    GeoTransform t = r.transform();
    int n = ring.size();
    double[] px = new double[n];
    double[] py = new double[n];
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      px[i] = t.px(ring.get(i)[0], ring.get(i)[1]);
      py[i] = t.py(ring.get(i)[0], ring.get(i)[1]);
      minX = Math.min(minX, px[i]);
      maxX = Math.max(maxX, px[i]);
      minY = Math.min(minY, py[i]);
      maxY = Math.max(maxY, py[i]);
    }
    // a corner on a cell edge, give or take rounding, does not add a row or column of cells
    int x0 = Math.max(0, (int) Math.floor(minX + 1e-6));
    int y0 = Math.max(0, (int) Math.floor(minY + 1e-6));
    int x1 = Math.min(r.width(), (int) Math.ceil(maxX - 1e-6));
    int y1 = Math.min(r.height(), (int) Math.ceil(maxY - 1e-6));
    if (x1 <= x0 || y1 <= y0) {
      return null;
    }
    int w = x1 - x0;
    int h = y1 - y0;
    float[] z = new float[w * h];
    r.readFloats(0, x0, y0, w, h, z);
    double[] diff = new double[w * h];
    java.util.Arrays.fill(diff, Double.NaN);
    double maxCut = 0;
    double maxFill = 0;
    double[] crossings = new double[n];
    for (int row = 0; row < h; row++) {
      double cy = y0 + row + 0.5;
      // cells whose centre lies inside: even-odd crossings of the row's centre line
      int k = 0;
      for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        if ((py[i] <= cy) != (py[j] <= cy)) {
          crossings[k++] = px[i] + (cy - py[i]) / (py[j] - py[i]) * (px[j] - px[i]);
        }
      }
      java.util.Arrays.sort(crossings, 0, k);
      for (int c = 0; c + 1 < k; c += 2) {
        int from = Math.max(x0, (int) Math.ceil(crossings[c] - 0.5));
        int to = Math.min(x1 - 1, (int) Math.floor(crossings[c + 1] - 0.5));
        for (int col = from; col <= to; col++) {
          int idx = row * w + (col - x0);
          float v = z[idx];
          if (r.isNoData(v)) {
            continue;
          }
          double cx = col + 0.5;
          double d = v - base.applyAsDouble(t.x(cx, cy), t.y(cx, cy));
          diff[idx] = d;
          maxCut = Math.max(maxCut, d);
          maxFill = Math.max(maxFill, -d);
        }
      }
    }
    int[] argb = new int[w * h];
    for (int i = 0; i < argb.length; i++) {
      double d = diff[i];
      if (Double.isNaN(d) || Math.abs(d) < CLEAR_METRES) {
        continue;
      }
      Color c = d > 0 ? CUT : FILL;
      double span = d > 0 ? maxCut : maxFill;
      // translucent even at the top of a pile: the ortho under it must stay readable
      double a = 0.18 + 0.42 * Math.sqrt(Math.min(1, Math.abs(d) / span));
      argb[i] = (int) Math.round(a * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
          | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
    LonLat tl = frame.toLonLat(t.x(x0, y0), t.y(x0, y0));
    LonLat tr = frame.toLonLat(t.x(x1, y0), t.y(x1, y0));
    LonLat bl = frame.toLonLat(t.x(x0, y1), t.y(x0, y1));
    return new Tint(argb, w, h, tl, tr, bl, level, maxCut, maxFill);
  }
}

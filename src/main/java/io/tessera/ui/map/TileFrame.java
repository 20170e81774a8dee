package io.tessera.ui.map;

import io.tessera.core.geo.TileKey;
import io.tessera.core.geo.WebMercator;
import java.awt.geom.Path2D;
import java.util.Arrays;

/**
 * Maps zoom-0 world pixels into one tile's pixels and clips to the tile there, in double
 * precision. Clipping before Java2D sees the geometry keeps its float rasteriser away from
 * coordinates in the billions at deep zoom, and skips most of a continent's points per tile.
 */
final class TileFrame {
  /** Points closer than this to the previous one are dropped: invisible, and costly at low zoom. */
  static final double MIN_STEP_PIXELS = 0.3;

  /** Clip rectangle overhang, tile pixels: strokes and clip edges stay outside the visible tile. */
  static final double MARGIN_PIXELS = 4;

  private static final double LO = -MARGIN_PIXELS;
  private static final double HI = WebMercator.TILE_SIZE_PIXELS + MARGIN_PIXELS;

  private final double scale;
  private final double offsetX;
  private final double offsetY;

  /** {@code shiftX}: zoom-0 pixels added to every feature, to draw it one world over. */
  TileFrame(TileKey key, double shiftX) {
    scale = Math.pow(2, key.zoom());
    offsetX = key.x() * (double) WebMercator.TILE_SIZE_PIXELS - shiftX * scale;
    offsetY = key.y() * (double) WebMercator.TILE_SIZE_PIXELS;
  }

  /** Whether a box (zoom-0 pixels) reaches into the clip rectangle. */
  boolean sees(WorldBasemap.Box box) {
    return box.intersects(
        (LO + offsetX) / scale, (LO + offsetY) / scale, (HI + offsetX) / scale, (HI + offsetY) / scale);
  }

  /** Appends {@code ring} clipped to the tile as a closed sub-path, for an even-odd fill. */
  void appendFill(Path2D.Double path, WorldBasemap.Ring ring) {
    double[] xy = thinned(ring.xy());
    int n = xy.length / 2;
    // Sutherland–Hodgman, one rectangle side at a time.
    for (int side = 0; side < 4 && n > 0; side++) {
      double[] out = new double[4 * n + 4];
      int m = 0;
      for (int i = 0; i < n; i++) {
        int j = (i + n - 1) % n;
        double px = xy[2 * j];
        double py = xy[2 * j + 1];
        double cx = xy[2 * i];
        double cy = xy[2 * i + 1];
        boolean pIn = inside(side, px, py);
        boolean cIn = inside(side, cx, cy);
        if (cIn != pIn) {
          double t = crossing(side, px, py, cx, cy);
          out[m++] = px + t * (cx - px);
          out[m++] = py + t * (cy - py);
        }
        if (cIn) {
          out[m++] = cx;
          out[m++] = cy;
        }
      }
      xy = out;
      n = m / 2;
    }
    if (n < 3) {
      return;
    }
    path.moveTo(xy[0], xy[1]);
    for (int i = 1; i < n; i++) {
      path.lineTo(xy[2 * i], xy[2 * i + 1]);
    }
    path.closePath();
  }

  /**
   * Appends {@code ring} clipped to the tile as open lines, for a stroke; segments marked
   * artificial (the data's cuts along the antimeridian and the pole) are left out.
   */
  void appendLines(Path2D.Double path, WorldBasemap.Ring ring) {
    double[] xy = ring.xy();
    boolean[] artificial = ring.artificialSegment();
    double lastX = Double.NaN;
    double lastY = Double.NaN;
    double prevX = xy[0] * scale - offsetX;
    double prevY = xy[1] * scale - offsetY;
    int n = xy.length / 2;
    for (int i = 1; i < n; i++) {
      double x = xy[2 * i] * scale - offsetX;
      double y = xy[2 * i + 1] * scale - offsetY;
      if (i < n - 1 && !artificial[i - 1]
          && Math.abs(x - prevX) < MIN_STEP_PIXELS && Math.abs(y - prevY) < MIN_STEP_PIXELS) {
        continue;
      }
      double[] seg = artificial[i - 1] ? null : clipSegment(prevX, prevY, x, y);
      if (seg != null) {
        if (seg[0] != lastX || seg[1] != lastY) {
          path.moveTo(seg[0], seg[1]);
        }
        path.lineTo(seg[2], seg[3]);
        lastX = seg[2];
        lastY = seg[3];
      }
      prevX = x;
      prevY = y;
    }
  }

  /** The ring in tile pixels, without points closer than {@link #MIN_STEP_PIXELS} to the last kept. */
  private double[] thinned(double[] world) {
    double[] xy = new double[world.length];
    int m = 0;
    for (int i = 0; i < world.length; i += 2) {
      double x = world[i] * scale - offsetX;
      double y = world[i + 1] * scale - offsetY;
      if (m > 0 && i < world.length - 2
          && Math.abs(x - xy[m - 2]) < MIN_STEP_PIXELS && Math.abs(y - xy[m - 1]) < MIN_STEP_PIXELS) {
        continue;
      }
      xy[m++] = x;
      xy[m++] = y;
    }
    return Arrays.copyOf(xy, m);
  }

  /** Liang–Barsky: the part of a segment inside the clip rectangle as {x0, y0, x1, y1}, or null. */
  static double[] clipSegment(double x0, double y0, double x1, double y1) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double t0 = 0;
    double t1 = 1;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - LO, HI - x0, y0 - LO, HI - y0};
    for (int k = 0; k < 4; k++) {
      if (p[k] == 0) {
        if (q[k] < 0) {
          return null;
        }
      } else {
        double t = q[k] / p[k];
        if (p[k] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    if (t0 > t1) {
      return null;
    }
    return new double[] {x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
  }

  private static boolean inside(int side, double x, double y) {
    return switch (side) {
      case 0 -> x >= LO;
      case 1 -> x <= HI;
      case 2 -> y >= LO;
      default -> y <= HI;
    };
  }

  /** Where along p→c the segment crosses the rectangle side, as a fraction. */
  private static double crossing(int side, double px, double py, double cx, double cy) {
    return switch (side) {
      case 0 -> (LO - px) / (cx - px);
      case 1 -> (HI - px) / (cx - px);
      case 2 -> (LO - py) / (cy - py);
      default -> (HI - py) / (cy - py);
    };
  }
}

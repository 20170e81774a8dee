package io.tessera.ui.map;

import io.tessera.core.geo.TileKey;
import io.tessera.core.geo.WebMercator;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

/**
 * The built-in offline world basemap: Natural Earth 1:50m land and country borders, rendered per
 * tile off the FX thread in a light theme (ocean, land, coastline, borders). The data is coarse
 * (about 1:50 million), so past zoom {@value #MAX_ZOOM} the map over-zooms it.
 */
public final class BasemapTileSource implements TileSource {
  /** Finest level rendered; 1:50m data holds no detail beyond it. */
  public static final int MAX_ZOOM = 9;

  static final Color OCEAN = new Color(170, 211, 223);
  static final Color LAND = new Color(242, 239, 233);
  static final Color COAST = new Color(118, 160, 180);
  static final Color BORDER = new Color(160, 135, 160);

  /** Points closer than this to the previous one are dropped: invisible, and costly at low zoom. */
  private static final double MIN_STEP_PIXELS = 0.3;

  private static final double[] WORLD_SHIFTS = {-WebMercator.TILE_SIZE_PIXELS, 0, WebMercator.TILE_SIZE_PIXELS};

  private static final Executor RENDERERS = TileExecutors.daemonPool("tessera-basemap", 2);

  @Override
  public CompletableFuture<Image> loadTile(TileKey key) {
    return CompletableFuture.supplyAsync(() -> SwingFXUtils.toFXImage(render(key), null), RENDERERS);
  }

  @Override
  public int maxZoom() {
    return MAX_ZOOM;
  }

  @Override
  public String attribution() {
    return "Natural Earth";
  }

  /** Draws one 256-pixel tile of the bundled basemap. */
  static BufferedImage render(TileKey key) {
    int size = WebMercator.TILE_SIZE_PIXELS;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(OCEAN);
      g.fillRect(0, 0, size, size);
      WorldBasemap map = WorldBasemap.bundled();
      Path2D.Double coast = new Path2D.Double();
      Path2D.Double borders = new Path2D.Double();
      // Features that run past the antimeridian are drawn again one world to the west or east.
      for (double shift : WORLD_SHIFTS) {
        TileFrame frame = new TileFrame(key, shift);
        for (WorldBasemap.Polygon polygon : map.land()) {
          if (!frame.sees(polygon.box())) {
            continue;
          }
          Path2D.Double fill = new Path2D.Double(Path2D.WIND_EVEN_ODD);
          for (WorldBasemap.Ring ring : polygon.rings()) {
            frame.append(fill, ring, true);
            frame.append(coast, ring, false);
          }
          g.setColor(LAND);
          g.fill(fill);
        }
        for (WorldBasemap.Ring line : map.borders()) {
          if (frame.sees(line.box())) {
            frame.append(borders, line, false);
          }
        }
      }
      g.setColor(COAST);
      g.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(coast);
      g.setColor(BORDER);
      g.setStroke(new BasicStroke(0.9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(borders);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Maps zoom-0 world pixels to one tile's pixels. */
  private static final class TileFrame {
    private final double scale;
    private final double offsetX;
    private final double offsetY;
    private final double margin;

    /** {@code shiftX}: zoom-0 pixels added to every feature, to draw it one world over. */
    TileFrame(TileKey key, double shiftX) {
      scale = Math.pow(2, key.zoom());
      offsetX = (key.x() * (double) WebMercator.TILE_SIZE_PIXELS) - shiftX * scale;
      offsetY = key.y() * (double) WebMercator.TILE_SIZE_PIXELS;
      // Strokes reach a pixel beyond their geometry; include features just outside the tile.
      margin = 2 / scale;
    }

    boolean sees(WorldBasemap.Box box) {
      double x0 = offsetX / scale - margin;
      double y0 = offsetY / scale - margin;
      double span = WebMercator.TILE_SIZE_PIXELS / scale + 2 * margin;
      return box.intersects(x0, y0, x0 + span, y0 + span);
    }

    /**
     * Appends {@code ring} to {@code path}, thinned to {@link #MIN_STEP_PIXELS}; as a closed
     * sub-path for fills, or as open lines without the artificial segments for strokes.
     */
    void append(Path2D.Double path, WorldBasemap.Ring ring, boolean closed) {
      double[] xy = ring.xy();
      int n = xy.length / 2;
      double lastX = Double.NaN;
      double lastY = Double.NaN;
      boolean penDown = false;
      for (int i = 0; i < n; i++) {
        double x = xy[2 * i] * scale - offsetX;
        double y = xy[2 * i + 1] * scale - offsetY;
        boolean last = i == n - 1;
        boolean skipSegment = !closed && i > 0 && ring.artificialSegment()[i - 1];
        if (penDown && !skipSegment && !last
            && Math.abs(x - lastX) < MIN_STEP_PIXELS && Math.abs(y - lastY) < MIN_STEP_PIXELS) {
          continue;
        }
        if (!penDown || skipSegment) {
          path.moveTo(x, y);
          penDown = true;
        } else {
          path.lineTo(x, y);
        }
        lastX = x;
        lastY = y;
      }
      if (closed && penDown) {
        path.closePath();
      }
    }
  }
}

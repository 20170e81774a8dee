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
 * tile off the FX thread in a light theme (ocean, land, coastline, borders), with crisp lines at
 * every zoom. The data is coarse (about 1:50 million): at drone-survey zooms its coastlines are
 * kilometres off, and only imagery layers on top say where things are.
 */
public final class BasemapTileSource implements TileSource {
  /** Finest level rendered: the map's own limit, so lines stay one pixel wide however deep. */
  public static final int MAX_ZOOM = 26;

  static final Color OCEAN = new Color(170, 211, 223);
  static final Color LAND = new Color(242, 239, 233);
  static final Color COAST = new Color(118, 160, 180);
  static final Color BORDER = new Color(160, 135, 160);

  private static final double[] WORLD_SHIFTS = {-WebMercator.TILE_SIZE_PIXELS, 0, WebMercator.TILE_SIZE_PIXELS};

  private static final Executor RENDERERS = TileExecutors.daemonPool("tessera-basemap", 2);

  private final int pixelRatio;

  /** A basemap of 256-pixel tiles. */
  public BasemapTileSource() {
    this(1);
  }

  /**
   * A basemap whose tile images have {@code pixelRatio} image pixels per screen pixel, e.g. 2 for
   * crisp lines on a high-density screen (at four times the memory per tile).
   */
  public BasemapTileSource(int pixelRatio) {
    if (pixelRatio < 1 || pixelRatio > 4) {
      throw new IllegalArgumentException("pixel ratio must be 1 to 4: " + pixelRatio);
    }
    this.pixelRatio = pixelRatio;
  }

  @Override
  public CompletableFuture<Image> loadTile(TileKey key) {
    return CompletableFuture.supplyAsync(() -> SwingFXUtils.toFXImage(render(key, pixelRatio), null), RENDERERS);
  }

  @Override
  public int maxZoom() {
    return MAX_ZOOM;
  }

  @Override
  public String attribution() {
    return "Natural Earth";
  }

  /** Draws one tile of the bundled basemap, {@code 256 · pixelRatio} pixels square. */
  static BufferedImage render(TileKey key, int pixelRatio) {
    int size = WebMercator.TILE_SIZE_PIXELS;
    BufferedImage image = new BufferedImage(size * pixelRatio, size * pixelRatio, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.scale(pixelRatio, pixelRatio);
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
            frame.appendFill(fill, ring);
            frame.appendLines(coast, ring);
          }
          g.setColor(LAND);
          g.fill(fill);
        }
        for (WorldBasemap.Ring line : map.borders()) {
          if (frame.sees(line.box())) {
            frame.appendLines(borders, line);
          }
        }
      }
      g.setColor(COAST);
      g.setStroke(new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(coast);
      g.setColor(BORDER);
      g.setStroke(new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(borders);
    } finally {
      g.dispose();
    }
    return image;
  }
}

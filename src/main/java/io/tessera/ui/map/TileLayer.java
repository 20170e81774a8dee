package io.tessera.ui.map;

import io.tessera.core.geo.SubTile;
import io.tessera.core.geo.TileKey;
import io.tessera.core.geo.TileMath;
import io.tessera.core.geo.TileRange;
import io.tessera.core.geo.WebMercator;
import io.tessera.core.geo.WorldPixel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;

/**
 * A layer that draws one {@link TileSource} on a canvas. Tiles load off the FX thread into a
 * bounded LRU cache; until a tile arrives its nearest cached ancestor is drawn scaled up, and past
 * the source's maximum zoom the max-zoom ancestor is always used (over-zoom). Order and opacity
 * are the layer's position in {@link MapView#getLayers()} and its {@link #setOpacity opacity}.
 */
public class TileLayer extends MapLayer {
  private static final Logger LOG = LoggerFactory.getLogger(TileLayer.class);
  /** How long a tile that failed to load is left alone before it is asked for again. */
  static final long RETRY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);

  private static final int MIN_CACHE_TILES = 256;
  private static final int MAX_FAILURES_REMEMBERED = 4096;

  private final TileSource source;
  private final Canvas canvas = new Canvas();
  private final TileCache cache = new TileCache(MIN_CACHE_TILES);
  private final Map<TileKey, CompletableFuture<Image>> pending = new HashMap<>();
  private final Map<TileKey, Long> failedAtNanos = new HashMap<>();
  private String lastFailureLogged;

  public TileLayer(TileSource source) {
    this.source = source;
    getChildren().add(canvas);
    visibleProperty().addListener((obs, was, is) -> markDirty());
  }

  public TileSource getSource() {
    return source;
  }

  @Override
  protected void layoutLayer() {
    MapView view = getMapView();
    double width = view.getWidth();
    double height = view.getHeight();
    canvas.setWidth(width);
    canvas.setHeight(height);
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.clearRect(0, 0, width, height);
    int level = (int) Math.round(view.getZoom());
    if (!isVisible() || width <= 0 || height <= 0 || level < source.minZoom()) {
      cancelAllBut(Set.of());
      return;
    }
    level = Math.min(level, TileMath.MAX_LEVEL);
    int sourceLevel = Math.min(level, source.maxZoom());
    WorldPixel center = view.centerWorldPixel();
    double zoom = view.getZoom();
    TileRange range = TileMath.visibleTiles(center, zoom, width, height, level);
    List<TileKey> keys = range.keys();
    keys.sort(Comparator.comparingDouble(k -> distanceToCenter(k, center, zoom)));
    Set<TileKey> wanted = new LinkedHashSet<>();
    for (TileKey key : keys) {
      wanted.add(key.ancestor(sourceLevel));
      drawTile(gc, key, sourceLevel, center, zoom, width, height);
    }
    cache.ensureCapacity(2 * wanted.size());
    cancelAllBut(wanted);
    wanted.forEach(this::request);
  }

  @Override
  protected void attachedTo(MapView view) {
    if (view == null) {
      cancelAllBut(Set.of());
    }
  }

  /** Tile keys being loaded now; for tests. */
  Set<TileKey> pendingTiles() {
    return pending.keySet();
  }

  private void drawTile(
      GraphicsContext gc, TileKey key, int sourceLevel, WorldPixel center, double zoom,
      double width, double height) {
    WorldPixel origin = TileMath.tileOrigin(key, zoom);
    double size = WebMercator.TILE_SIZE_PIXELS * Math.pow(2, zoom - key.zoom());
    // Round both edges from the same world positions so neighbouring tiles share them: no seams.
    double left = Math.round(origin.x() - center.x() + width / 2);
    double top = Math.round(origin.y() - center.y() + height / 2);
    double right = Math.round(origin.x() + size - center.x() + width / 2);
    double bottom = Math.round(origin.y() + size - center.y() + height / 2);
    for (int level = sourceLevel; level >= source.minZoom(); level--) {
      SubTile sub = TileMath.subTile(key, level);
      Image image = cache.get(sub.ancestor());
      if (image != null) {
        drawPart(gc, image, sub.x(), sub.y(), sub.size(), left, top, right - left, bottom - top);
        if (level == sourceLevel) {
          return;
        }
        break;
      }
    }
    drawCachedChildren(gc, key, left, top, right - left, bottom - top);
  }

  /**
   * After zooming out, the finer tiles still cached stand in for a tile not yet loaded, over its
   * coarser ancestor.
   */
  private void drawCachedChildren(
      GraphicsContext gc, TileKey key, double left, double top, double width, double height) {
    if (key.zoom() >= source.maxZoom()) {
      return;
    }
    for (int dy = 0; dy < 2; dy++) {
      for (int dx = 0; dx < 2; dx++) {
        Image child = cache.get(new TileKey(key.zoom() + 1, 2 * key.x() + dx, 2 * key.y() + dy));
        if (child != null) {
          double size = WebMercator.TILE_SIZE_PIXELS;
          drawPart(gc, child, 0, 0, size, left + dx * width / 2, top + dy * height / 2, width / 2, height / 2);
        }
      }
    }
  }

  /**
   * Draws a square of a tile image given in 256-pixel tile units, whatever the image's own size
   * (sources may serve 512-pixel tiles for high-density screens).
   */
  private static void drawPart(
      GraphicsContext gc, Image image, double x, double y, double size,
      double left, double top, double width, double height) {
    double k = image.getWidth() / WebMercator.TILE_SIZE_PIXELS;
    gc.drawImage(image, x * k, y * k, size * k, size * k, left, top, width, height);
  }

  private static double distanceToCenter(TileKey key, WorldPixel center, double zoom) {
    WorldPixel origin = TileMath.tileOrigin(key, zoom);
    double half = WebMercator.TILE_SIZE_PIXELS * Math.pow(2, zoom - key.zoom()) / 2;
    return Math.hypot(origin.x() + half - center.x(), origin.y() + half - center.y());
  }

  private void request(TileKey key) {
    if (cache.contains(key) || pending.containsKey(key)) {
      return;
    }
    Long failedAt = failedAtNanos.get(key);
    if (failedAt != null && System.nanoTime() - failedAt < RETRY_AFTER_NANOS) {
      return;
    }
    CompletableFuture<Image> future;
    try {
      future = source.loadTile(key);
    } catch (RuntimeException e) {
      failed(key, e);
      return;
    }
    pending.put(key, future);
    future.whenComplete((image, error) -> Platform.runLater(() -> arrived(key, future, image, error)));
  }

  private void arrived(TileKey key, CompletableFuture<Image> future, Image image, Throwable error) {
    if (pending.get(key) != future) {
      return; // cancelled meanwhile: no longer wanted
    }
    pending.remove(key);
    if (error != null || image == null || image.isError()) {
      Throwable why = error != null ? error : image == null ? null : image.getException();
      failed(key, why);
      return;
    }
    failedAtNanos.remove(key);
    cache.put(key, image);
    markDirty();
  }

  /**
   * Remembers a failed tile so it is not asked for again at once, and logs why the first time a
   * source fails in a new way: a blank map with a silent cause helps nobody.
   */
  private void failed(TileKey key, Throwable why) {
    String reason = why == null ? "no image" : String.valueOf(why.getMessage());
    if (!reason.equals(lastFailureLogged)) {
      lastFailureLogged = reason;
      LOG.warn("tiles of {} fail to load (first: {}): {}", source.attribution(), key, reason);
    }
    if (failedAtNanos.size() >= MAX_FAILURES_REMEMBERED) {
      failedAtNanos.clear();
    }
    failedAtNanos.put(key, System.nanoTime());
  }

  private void cancelAllBut(Set<TileKey> wanted) {
    List<CompletableFuture<Image>> unwanted = new ArrayList<>();
    for (Iterator<Map.Entry<TileKey, CompletableFuture<Image>>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<TileKey, CompletableFuture<Image>> entry = it.next();
      if (!wanted.contains(entry.getKey())) {
        unwanted.add(entry.getValue());
        it.remove();
      }
    }
    unwanted.forEach(f -> f.cancel(false));
  }
}

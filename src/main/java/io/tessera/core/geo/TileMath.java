package io.tessera.core.geo;

/**
 * XYZ tile arithmetic over {@link WebMercator}: which tile holds a point, which tiles cover a
 * viewport, and which part of a coarser tile stands in for a finer one (over-zoom).
 */
public final class TileMath {
  /** Deepest tile level supported, where a tile is about 0.6 mm at the equator. */
  public static final int MAX_LEVEL = 30;

  private TileMath() {}

  /** The tile at integer {@code zoom} that contains {@code position} (latitude clamped). */
  public static TileKey tileContaining(LonLat position, int zoom) {
    WorldPixel p = WebMercator.toWorldPixel(position, zoom);
    int last = (1 << zoom) - 1;
    int x = clamp((int) Math.floor(p.x() / WebMercator.TILE_SIZE_PIXELS), 0, last);
    int y = clamp((int) Math.floor(p.y() / WebMercator.TILE_SIZE_PIXELS), 0, last);
    return new TileKey(zoom, x, y);
  }

  /**
   * The tiles at {@code level} that a viewport overlaps, clipped to the world.
   *
   * @param center world pixel at the viewport's centre, at {@code zoom}
   * @param zoom the viewport's (fractional) zoom
   * @param widthPixels viewport width, screen pixels
   * @param heightPixels viewport height, screen pixels
   * @param level tile level to cover the viewport with; tiles appear scaled by {@code
   *     2^(zoom - level)}
   */
  public static TileRange visibleTiles(
      WorldPixel center, double zoom, double widthPixels, double heightPixels, int level) {
    double tileSizeOnScreen = WebMercator.TILE_SIZE_PIXELS * Math.pow(2, zoom - level);
    double left = (center.x() - widthPixels / 2) / tileSizeOnScreen;
    double top = (center.y() - heightPixels / 2) / tileSizeOnScreen;
    double right = (center.x() + widthPixels / 2) / tileSizeOnScreen;
    double bottom = (center.y() + heightPixels / 2) / tileSizeOnScreen;
    int last = (1 << level) - 1;
    // A viewport edge exactly on a tile edge does not reach into the next tile.
    return new TileRange(
        level,
        (int) clamp(Math.floor(left), 0, last),
        (int) clamp(Math.floor(top), 0, last),
        (int) clamp(Math.ceil(right) - 1, -1, last),
        (int) clamp(Math.ceil(bottom) - 1, -1, last));
  }

  /**
   * The part of {@code key}'s ancestor at {@code ancestorZoom} that covers {@code key}: used to
   * over-zoom a source past its own maximum level, and to show a coarser tile until a finer one
   * arrives.
   */
  public static SubTile subTile(TileKey key, int ancestorZoom) {
    TileKey ancestor = key.ancestor(ancestorZoom);
    int levels = key.zoom() - ancestorZoom;
    double size = (double) WebMercator.TILE_SIZE_PIXELS / (1L << levels);
    int mask = (1 << levels) - 1;
    return new SubTile(ancestor, (key.x() & mask) * size, (key.y() & mask) * size, size);
  }

  /** World pixel of {@code key}'s top-left corner at (fractional) {@code zoom}. */
  public static WorldPixel tileOrigin(TileKey key, double zoom) {
    double tileSize = WebMercator.TILE_SIZE_PIXELS * Math.pow(2, zoom - key.zoom());
    return new WorldPixel(key.x() * tileSize, key.y() * tileSize);
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}

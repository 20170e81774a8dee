package io.tessera.core.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * A rectangle of tiles at one zoom, inclusive on all sides; empty when {@code maxX < minX} or
 * {@code maxY < minY}.
 *
 * @param zoom tile level
 * @param minX westernmost column
 * @param minY northernmost row
 * @param maxX easternmost column, inclusive
 * @param maxY southernmost row, inclusive
 */
public record TileRange(int zoom, int minX, int minY, int maxX, int maxY) {

  /** Whether the range holds no tile. */
  public boolean isEmpty() {
    return maxX < minX || maxY < minY;
  }

  /** Number of tiles in the range. */
  public long count() {
    return isEmpty() ? 0 : (long) (maxX - minX + 1) * (maxY - minY + 1);
  }

  /** Whether {@code key} is at this range's zoom and inside it. */
  public boolean contains(TileKey key) {
    return key.zoom() == zoom
        && key.x() >= minX && key.x() <= maxX
        && key.y() >= minY && key.y() <= maxY;
  }

  /** The tiles of the range, row by row from the north-west. */
  public List<TileKey> keys() {
    List<TileKey> keys = new ArrayList<>((int) Math.min(count(), 1 << 16));
    for (int y = minY; y <= maxY; y++) {
      for (int x = minX; x <= maxX; x++) {
        keys.add(new TileKey(zoom, x, y));
      }
    }
    return keys;
  }
}

package io.tessera.ui.map;

import io.tessera.core.geo.TileKey;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * A least-recently-used cache of tile images, bounded by count and by decoded bytes (a 512² tile
 * on a high-density screen is 1 MiB), but never evicting below the tiles one screen needs. Used on
 * the FX thread only.
 */
final class TileCache {
  static final long DEFAULT_BYTE_BUDGET = 96L << 20;
  private final Map<TileKey, Image> images = new LinkedHashMap<>(64, 0.75f, true);
  private final long byteBudget;
  private int capacity;
  private int protectedCount;
  private long bytes;

  TileCache(int capacity) {
    this(capacity, DEFAULT_BYTE_BUDGET);
  }

  TileCache(int capacity, long byteBudget) {
    this.capacity = capacity;
    this.byteBudget = byteBudget;
  }

  /** The image of {@code key}, marking it recently used, or null. */
  Image get(TileKey key) {
    return images.get(key);
  }

  void put(TileKey key, Image image) {
    Image old = images.put(key, image);
    bytes += bytesOf(image) - (old == null ? 0 : bytesOf(old));
    evict();
  }

  boolean contains(TileKey key) {
    return images.containsKey(key);
  }

  int size() {
    return images.size();
  }

  /** Decoded bytes held now. */
  long bytes() {
    return bytes;
  }

  /**
   * Grows the cache so that {@code atLeast} tiles (about two screenfuls) are never evicted while
   * being drawn, whatever the byte budget says.
   */
  void ensureCapacity(int atLeast) {
    capacity = Math.max(capacity, atLeast);
    protectedCount = atLeast;
  }

  private void evict() {
    Iterator<Image> oldest = images.values().iterator();
    while ((images.size() > capacity || (bytes > byteBudget && images.size() > protectedCount))
        && oldest.hasNext()) {
      bytes -= bytesOf(oldest.next());
      oldest.remove();
    }
  }

  private static long bytesOf(Image image) {
    return 4L * (long) image.getWidth() * (long) image.getHeight();
  }
}

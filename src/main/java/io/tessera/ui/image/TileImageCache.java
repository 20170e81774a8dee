package io.tessera.ui.image;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Decoded tiles, least recently used first out, bounded by their decoded bytes (4 per pixel) but
 * never below the tiles the current view draws. Used on the FX thread only.
 */
final class TileImageCache {
  /** 128 MiB: about 500 tiles of 256², a few screens' worth on a large monitor. */
  static final long DEFAULT_BYTE_BUDGET = 128L << 20;

  private final Map<TileId, Image> images = new LinkedHashMap<>(256, 0.75f, true);
  private final long byteBudget;
  private int protectedCount;
  private long bytes;

  TileImageCache(long byteBudget) {
    this.byteBudget = byteBudget;
  }

  /** The image of {@code tile}, marking it recently used, or null. */
  Image get(TileId tile) {
    return images.get(tile);
  }

  boolean contains(TileId tile) {
    return images.containsKey(tile);
  }

  void put(TileId tile, Image image) {
    Image old = images.put(tile, image);
    bytes += bytesOf(image) - (old == null ? 0 : bytesOf(old));
    evict();
  }

  /**
   * Keeps at least the {@code count} most recently used tiles whatever the byte budget says: the
   * tiles of the frame being drawn must not push each other out.
   */
  void protectRecent(int count) {
    protectedCount = count;
    evict();
  }

  void clear() {
    images.clear();
    bytes = 0;
  }

  int size() {
    return images.size();
  }

  /** Decoded bytes held now. */
  long bytes() {
    return bytes;
  }

  private void evict() {
    Iterator<Image> oldest = images.values().iterator();
    while (bytes > byteBudget && images.size() > protectedCount && oldest.hasNext()) {
      bytes -= bytesOf(oldest.next());
      oldest.remove();
    }
  }

  private static long bytesOf(Image image) {
    return 4L * (long) image.getWidth() * (long) image.getHeight();
  }
}

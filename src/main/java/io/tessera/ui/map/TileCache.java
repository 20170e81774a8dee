package io.tessera.ui.map;

import io.tessera.core.geo.TileKey;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/** A least-recently-used cache of tile images. Used on the FX thread only. */
final class TileCache {
  private final Map<TileKey, Image> images = new LinkedHashMap<>(64, 0.75f, true);
  private int capacity;

  TileCache(int capacity) {
    this.capacity = capacity;
  }

  /** The image of {@code key}, marking it recently used, or null. */
  Image get(TileKey key) {
    return images.get(key);
  }

  void put(TileKey key, Image image) {
    images.put(key, image);
    evict();
  }

  boolean contains(TileKey key) {
    return images.containsKey(key);
  }

  int size() {
    return images.size();
  }

  /** Grows the cache so that one screenful of tiles never evicts itself while being drawn. */
  void ensureCapacity(int atLeast) {
    capacity = Math.max(capacity, atLeast);
  }

  private void evict() {
    var oldest = images.keySet().iterator();
    while (images.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }
}

package io.tessera.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.core.geo.TileKey;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class TileCacheTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void evictsLeastRecentlyUsedTilesOverTheByteBudgetButKeepsAScreenful() {
    long tile = 4L * 512 * 512;
    TileCache cache = new TileCache(1000, 3 * tile);
    cache.ensureCapacity(2);
    for (int x = 0; x < 5; x++) {
      cache.put(new TileKey(10, x, 0), new WritableImage(512, 512));
      cache.get(new TileKey(10, 0, 0)); // tile 0 stays in use
    }
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.bytes()).isEqualTo(3 * tile);
    assertThat(cache.contains(new TileKey(10, 0, 0))).isTrue();
    assertThat(cache.contains(new TileKey(10, 4, 0))).isTrue();
    assertThat(cache.contains(new TileKey(10, 1, 0))).isFalse();

    cache.ensureCapacity(5); // a bigger screen: its tiles survive even over budget
    for (int x = 5; x < 10; x++) {
      cache.put(new TileKey(10, x, 0), new WritableImage(512, 512));
    }
    assertThat(cache.size()).isEqualTo(5);
  }
}

package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class TileImageCacheTest {
  /** A 256² tile decodes to 256 KiB. */
  private static final long TILE_BYTES = 4L * 256 * 256;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  private static TileId tile(int i) {
    return new TileId(10, i, 0);
  }

  @Test
  void itHoldsNoMoreBytesThanItsBudgetDroppingTheLeastRecentlyUsed() {
    TileImageCache cache = new TileImageCache(3 * TILE_BYTES);
    for (int i = 0; i < 3; i++) {
      cache.put(tile(i), new WritableImage(256, 256));
    }
    cache.get(tile(0)); // used again: tile 1 is now the oldest

    cache.put(tile(3), new WritableImage(256, 256));

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.bytes()).isEqualTo(3 * TILE_BYTES);
    assertThat(cache.contains(tile(1))).isFalse();
    assertThat(cache.contains(tile(0))).isTrue();
    assertThat(cache.contains(tile(3))).isTrue();
  }

  @Test
  void theTilesOfTheFrameBeingDrawnStayWhateverTheBudget() {
    TileImageCache cache = new TileImageCache(2 * TILE_BYTES);
    cache.protectRecent(5);
    for (int i = 0; i < 8; i++) {
      cache.put(tile(i), new WritableImage(256, 256));
    }

    assertThat(cache.size()).isEqualTo(5);
    assertThat(cache.contains(tile(7))).isTrue();
    assertThat(cache.contains(tile(2))).isFalse();

    cache.protectRecent(1);
    assertThat(cache.size()).as("back within budget once the frame needs fewer").isEqualTo(2);
  }

  @Test
  void replacingATileCountsItsBytesOnce() {
    TileImageCache cache = new TileImageCache(10 * TILE_BYTES);
    cache.put(tile(0), new WritableImage(256, 256));
    cache.put(tile(0), new WritableImage(128, 128));

    assertThat(cache.bytes()).isEqualTo(4L * 128 * 128);
    cache.clear();
    assertThat(cache.bytes()).isZero();
    assertThat(cache.size()).isZero();
  }
}

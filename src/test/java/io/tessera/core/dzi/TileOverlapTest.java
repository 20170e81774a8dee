package io.tessera.core.dzi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.core.dzi.DziPyramid.TileBounds;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For any image size, tile size and overlap: decoded (lossless) tiles have the size the pyramid
 * says, the pixels a tile shares with its neighbours are the neighbours' pixels, and the top
 * level put together is the image.
 */
class TileOverlapTest {

  @Property(tries = 40)
  void overlapsAgreeAndTheTopLevelIsTheImage(
      @ForAll @IntRange(min = 1, max = 150) int width,
      @ForAll @IntRange(min = 1, max = 150) int height,
      @ForAll @IntRange(min = 2, max = 48) int tileSize,
      @ForAll @IntRange(min = 0, max = 4) int overlap,
      @ForAll boolean alpha) throws IOException {
    Assume.that(overlap < tileSize);
    BufferedImage img = TestImages.textured(width, height, alpha);
    Path file = Files.createTempFile("dzi-property-", ".png");
    MemorySink sink = new MemorySink();
    try {
      Files.write(file, TestImages.png(img, false));
      DziTiler.tile(file, sink, DziOptions.defaults().withTileSize(tileSize, overlap)
          .withFormat(TileFormat.PNG).withThreads(2), TilingListener.NONE);
    } finally {
      Files.delete(file);
    }
    DziPyramid p = sink.pyramid;
    for (int level = 0; level <= p.maxLevel(); level++) {
      int lw = p.levelWidth(level);
      int[] seen = new int[lw * p.levelHeight(level)];
      boolean[] set = new boolean[seen.length];
      for (int row = 0; row < p.rows(level); row++) {
        for (int column = 0; column < p.columns(level); column++) {
          TileBounds b = p.tile(level, column, row);
          BufferedImage tile = TestImages.decode(sink.tile(level, column, row));
          assertThat(tile.getWidth()).isEqualTo(b.width());
          assertThat(tile.getHeight()).isEqualTo(b.height());
          for (int y = 0; y < b.height(); y++) {
            for (int x = 0; x < b.width(); x++) {
              int i = (b.y() + y) * lw + b.x() + x;
              int argb = ReferencePyramid.argb(tile, x, y);
              if (set[i]) {
                assertThat(argb).as("level %d pixel (%d, %d) in tile %d_%d", level, b.x() + x,
                    b.y() + y, column, row).isEqualTo(seen[i]);
              }
              seen[i] = argb;
              set[i] = true;
            }
          }
        }
      }
      assertThat(set).as("level %d covered", level).doesNotContain(false);
      if (level == p.maxLevel()) {
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            assertThat(seen[y * lw + x]).as("top level pixel (%d, %d)", x, y)
                .isEqualTo(img.getRGB(x, y));
          }
        }
      }
    }
  }
}

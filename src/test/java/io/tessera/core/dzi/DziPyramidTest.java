package io.tessera.core.dzi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.dzi.DziPyramid.TileBounds;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DziPyramidTest {

  @Test
  void levelCountIsCeilLog2OfTheLongerSidePlusOne() {
    assertThat(DziPyramid.levelCount(1, 1)).isEqualTo(1);
    assertThat(DziPyramid.levelCount(2, 1)).isEqualTo(2);
    assertThat(DziPyramid.levelCount(3, 3)).isEqualTo(3);
    assertThat(DziPyramid.levelCount(600, 400)).isEqualTo(11);
    assertThat(DziPyramid.levelCount(8192, 8192)).isEqualTo(14);
    assertThat(DziPyramid.levelCount(8193, 10)).isEqualTo(15);
    assertThat(DziPyramid.levelCount(30000, 20000)).isEqualTo(16);
    assertThat(DziPyramid.levelCount(Integer.MAX_VALUE, 1)).isEqualTo(32);
  }

  @Test
  void levelsHalveRoundingUpDownToOnePixel() {
    DziPyramid p = DziPyramid.of(600, 401);
    assertThat(p.maxLevel()).isEqualTo(10);
    assertThat(p.levelWidth(10)).isEqualTo(600);
    assertThat(p.levelHeight(10)).isEqualTo(401);
    assertThat(p.levelWidth(9)).isEqualTo(300);
    assertThat(p.levelHeight(9)).isEqualTo(201);
    assertThat(p.levelHeight(8)).isEqualTo(101);
    assertThat(p.levelWidth(0)).isEqualTo(1);
    assertThat(p.levelHeight(0)).isEqualTo(1);
    assertThatThrownBy(() -> p.levelWidth(11)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tilesOverlapOnlyWhereTheyHaveNeighboursAndEdgeTilesAreSmaller() {
    DziPyramid p = DziPyramid.of(600, 400);
    assertThat(p.columns(10)).isEqualTo(3);
    assertThat(p.rows(10)).isEqualTo(2);
    assertThat(p.tile(10, 0, 0)).isEqualTo(new TileBounds(0, 0, 255, 255));
    assertThat(p.tile(10, 1, 0)).isEqualTo(new TileBounds(253, 0, 256, 255));
    assertThat(p.tile(10, 2, 1)).isEqualTo(new TileBounds(507, 253, 93, 147));
    assertThat(p.tile(0, 0, 0)).isEqualTo(new TileBounds(0, 0, 1, 1));
    // as vips dzsave: 1505 tiles for 8192², 6 at the top of 600 × 400 and 17 in all
    assertThat(DziPyramid.of(8192, 8192).tileCount()).isEqualTo(1505);
    assertThat(p.tileCount()).isEqualTo(17);
    assertThatThrownBy(() -> p.tile(10, 3, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void descriptorIsTheDziXml() {
    assertThat(DziPyramid.of(600, 400).descriptorXml(TileFormat.JPG))
        .contains("<Image xmlns=\"http://schemas.microsoft.com/deepzoom/2008\" Format=\"jpg\""
            + " Overlap=\"1\" TileSize=\"254\">")
        .contains("<Size Width=\"600\" Height=\"400\"/>");
  }

  @Test
  void badGeometryIsRefused() {
    assertThatThrownBy(() -> new DziPyramid(0, 5, 254, 1))
        .hasMessageContaining("at least 1×1");
    assertThatThrownBy(() -> new DziPyramid(5, 5, 0, 0)).hasMessageContaining("tile size");
    assertThatThrownBy(() -> new DziPyramid(5, 5, 8, 8)).hasMessageContaining("overlap");
    assertThatThrownBy(() -> new DziPyramid(5, 5, 8, -1)).hasMessageContaining("overlap");
  }

  @Property
  void levelCountIsTheFewestHalvingsToOnePixel(
      @ForAll @IntRange(min = 1, max = 1_000_000) int width,
      @ForAll @IntRange(min = 1, max = 1_000_000) int height) {
    int n = 1;
    for (long side = Math.max(width, height); side > 1; side = (side + 1) / 2) {
      n++;
    }
    assertThat(DziPyramid.levelCount(width, height)).isEqualTo(n);
  }

  @Property
  void eachLevelIsTheOneAboveHalvedRoundingUp(
      @ForAll @IntRange(min = 1, max = 1_000_000) int width,
      @ForAll @IntRange(min = 1, max = 1_000_000) int height) {
    DziPyramid p = DziPyramid.of(width, height);
    assertThat(p.levelWidth(p.maxLevel())).isEqualTo(width);
    assertThat(p.levelHeight(p.maxLevel())).isEqualTo(height);
    assertThat(p.levelWidth(0)).isEqualTo(1);
    assertThat(p.levelHeight(0)).isEqualTo(1);
    for (int level = 1; level <= p.maxLevel(); level++) {
      assertThat(p.levelWidth(level - 1)).isEqualTo((p.levelWidth(level) + 1) / 2);
      assertThat(p.levelHeight(level - 1)).isEqualTo((p.levelHeight(level) + 1) / 2);
    }
  }

  @Property
  void tilesWithoutTheirOverlapCoverEachLevelExactlyOnce(
      @ForAll @IntRange(min = 1, max = 5000) int width,
      @ForAll @IntRange(min = 1, max = 5000) int height,
      @ForAll @IntRange(min = 1, max = 600) int tileSize,
      @ForAll @IntRange(min = 0, max = 8) int overlap) {
    Assume.that(overlap < tileSize);
    DziPyramid p = new DziPyramid(width, height, tileSize, overlap);
    long tiles = 0;
    for (int level = 0; level <= p.maxLevel(); level++) {
      int lw = p.levelWidth(level);
      int lh = p.levelHeight(level);
      tiles += (long) p.columns(level) * p.rows(level);
      int coveredX = 0;
      for (int c = 0; c < p.columns(level); c++) {
        TileBounds t = p.tile(level, c, 0);
        int coreStart = c * tileSize;
        int coreEnd = Math.min(lw, coreStart + tileSize);
        assertThat(coreStart).isEqualTo(coveredX);
        coveredX = coreEnd;
        // overlap on a side exactly where a neighbour is, as wide as the neighbour allows
        assertThat(coreStart - t.x()).isEqualTo(c == 0 ? 0 : overlap);
        assertThat(t.x() + t.width() - coreEnd).isEqualTo(Math.min(overlap, lw - coreEnd));
      }
      assertThat(coveredX).isEqualTo(lw);
      int coveredY = 0;
      for (int r = 0; r < p.rows(level); r++) {
        TileBounds t = p.tile(level, 0, r);
        assertThat(t.y()).isEqualTo(Math.max(0, r * tileSize - overlap));
        coveredY = Math.min(lh, (r + 1) * tileSize);
        assertThat(t.y() + t.height()).isEqualTo(Math.min(lh, coveredY + overlap));
      }
      assertThat(coveredY).isEqualTo(lh);
    }
    assertThat(p.tileCount()).isEqualTo(tiles);
  }
}

package io.tessera.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.TileMath;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BasemapTileSourceTest {

  @Test
  void theWholeWorldTileHasOceanLandCoastAndBorders() {
    Set<Integer> colours = colours(BasemapTileSource.render(TileMath.tileContaining(new LonLat(0, 0), 0), 1));
    assertThat(colours).contains(
        BasemapTileSource.OCEAN.getRGB(), BasemapTileSource.LAND.getRGB(), BasemapTileSource.COAST.getRGB());
    assertThat(colours.size()).isGreaterThan(10);
  }

  @Test
  void deepTilesInsideAContinentAreAllLandAndInTheOceanAllOcean() {
    BufferedImage berlin = BasemapTileSource.render(TileMath.tileContaining(new LonLat(13.405, 52.52), 24), 1);
    BufferedImage atlantic = BasemapTileSource.render(TileMath.tileContaining(new LonLat(-35, 40), 24), 1);
    assertThat(colours(berlin)).containsExactly(BasemapTileSource.LAND.getRGB());
    assertThat(colours(atlantic)).containsExactly(BasemapTileSource.OCEAN.getRGB());
  }

  @Test
  void antarcticaReachesTheBottomOfTheWorld() {
    BufferedImage southPole = BasemapTileSource.render(TileMath.tileContaining(new LonLat(0, -85), 6), 1);
    assertThat(colours(southPole)).containsExactly(BasemapTileSource.LAND.getRGB());
  }

  @Test
  void aBorderTileAtDeepZoomHasAThinCrispLine() {
    // The Franco-Swiss border runs through the Jura here, far from any coast.
    BufferedImage tile = BasemapTileSource.render(TileMath.tileContaining(new LonLat(7.0, 47.42), 12), 1);
    long borderish = pixels(tile).filter(rgb -> rgb != BasemapTileSource.LAND.getRGB()).count();
    assertThat(borderish).isBetween(1L, 256L * 4);
  }

  @Test
  void highDensityTilesHaveTwiceThePixelsAndTheSameMap() {
    BufferedImage tile = BasemapTileSource.render(TileMath.tileContaining(new LonLat(10, 50), 4), 2);
    BufferedImage plain = BasemapTileSource.render(TileMath.tileContaining(new LonLat(10, 50), 4), 1);
    assertThat(tile.getWidth()).isEqualTo(512);
    // Away from any line, a pixel equals each of its two-by-two block at double density.
    assertThat(tile.getRGB(2 * 200 + 1, 2 * 200 + 1)).isEqualTo(plain.getRGB(200, 200));
  }

  @Test
  void segmentsAreClippedToTheTileWithItsMargin() {
    double[] clipped = TileFrame.clipSegment(-1e9, 128, 1e9, 128);
    assertThat(clipped).containsExactly(-TileFrame.MARGIN_PIXELS, 128, 256 + TileFrame.MARGIN_PIXELS, 128);
    assertThat(TileFrame.clipSegment(-100, -100, -50, 300)).isNull();
  }

  private static Set<Integer> colours(BufferedImage image) {
    Set<Integer> set = new HashSet<>();
    pixels(image).forEach(set::add);
    return set;
  }

  private static IntStream pixels(BufferedImage image) {
    return Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()));
  }
}

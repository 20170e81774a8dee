package io.tessera.ui.scene3d;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LodSelectorTest {

  private static LodSelector.View lookingDownFrom(double x, double height, double z) {
    return new LodSelector.View(x, -height, z, new double[] {0, 1, 0}, new double[] {1, 0, 0},
        new double[] {0, 0, 1}, 35, 1.6, 1000);
  }

  @Test
  void farAwayTheRootSufficesAndCloseUpTheTilesUnderTheCameraAreFinest() throws Exception {
    TerrainSource src = TerrainSource.of(Hills.dsm(4000, 0.1, 0, 0));

    var far = LodSelector.select(src, 1, lookingDownFrom(0, 1e6, 0), 5, 300_000);
    assertThat(far.tiles()).containsExactly(new TileKey(0, 0, 0));

    // low over the DSM's north-west quarter
    double x = -src.extent() / 4;
    double z = src.extent() / 4;
    var near = LodSelector.select(src, 1, lookingDownFrom(x, 300, z), 5, 300_000);
    int finest = near.tiles().stream().mapToInt(TileKey::level).max().orElseThrow();
    TileKey under = near.tiles().stream().filter(k -> k.level() == finest).findFirst()
        .orElseThrow();
    assertThat(finest).isGreaterThan(2);
    // the finest tiles lie in the north-west quarter (tile indices in its first half)
    int half = 1 << (under.level() - 1);
    assertThat(under.tx()).isLessThan(half);
    assertThat(under.ty()).isLessThan(half);
    assertCoversTheDsmOnce(src, near.tiles());
  }

  @Test
  void theTriangleBudgetIsNeverExceeded() throws Exception {
    TerrainSource src = TerrainSource.of(Hills.dsm(6000, 0.1, 0, 0));
    for (int budget : new int[] {50_000, 150_000, 300_000}) {
      // looking along the ground from low: every tile wants splitting
      LodSelector.View v = new LodSelector.View(0, -20, -src.extent() / 2, new double[] {0, 0, 1},
          new double[] {1, 0, 0}, new double[] {0, -1, 0}, 35, 1.6, 1000);
      var sel = LodSelector.select(src, 1, v, 1, budget);
      assertThat(sel.triangles()).isLessThanOrEqualTo(budget);
      assertThat(sel.tiles().size() * LodSelector.TRIANGLES_PER_TILE)
          .isLessThanOrEqualTo(budget);
      assertCoversTheDsmOnce(src, sel.tiles());
    }
  }

  @Test
  void tilesBehindTheCameraAreNotRefined() throws Exception {
    TerrainSource src = TerrainSource.of(Hills.dsm(4000, 0.1, 0, 0));
    // south of the DSM, low, looking south (away from it), then north (towards it)
    double z = -src.extent() * 1.5;
    LodSelector.View away = new LodSelector.View(0, -10, z,
        new double[] {0, 0, -1}, new double[] {-1, 0, 0}, new double[] {0, -1, 0}, 35, 1.6, 1000);
    LodSelector.View towards = new LodSelector.View(0, -10, z,
        new double[] {0, 0, 1}, new double[] {1, 0, 0}, new double[] {0, -1, 0}, 35, 1.6, 1000);
    assertThat(LodSelector.select(src, 1, away, 5, 300_000).tiles())
        .containsExactly(new TileKey(0, 0, 0));
    assertThat(LodSelector.select(src, 1, towards, 5, 300_000).tiles().size()).isGreaterThan(1);
  }

  /** The selected tiles do not overlap and together cover every existing leaf. */
  private static void assertCoversTheDsmOnce(TerrainSource src, List<TileKey> tiles) {
    for (TileKey a : tiles) {
      for (TileKey b : tiles) {
        if (!a.equals(b)) {
          assertThat(a.contains(b)).as("%s overlaps %s", a, b).isFalse();
        }
      }
    }
    double area = 0;
    for (TileKey k : tiles) {
      area += Math.pow(4, -k.level());
    }
    assertThat(area).isLessThanOrEqualTo(1.0);
    assertThat(tiles).allMatch(src::exists);
  }
}

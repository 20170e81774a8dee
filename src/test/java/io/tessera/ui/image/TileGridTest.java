package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class TileGridTest {
  /** 30000 × 20000, the showcase: 16 levels, level 15 is the image. */
  private static final DziInfo BIG = new DziInfo(30000, 20000, 254, 1, "jpg");

  @Test
  void theLevelIsTheCoarsestWhosePixelsAreNoLargerThanAScreenPixel() {
    assertThat(BIG.maxLevel()).isEqualTo(15);
    assertThat(TileGrid.levelFor(BIG, 1, 0)).isEqualTo(15);
    assertThat(TileGrid.levelFor(BIG, 64, 0)).as("past 1:1").isEqualTo(15);
    assertThat(TileGrid.levelFor(BIG, 0.99, 0)).isEqualTo(15);
    assertThat(TileGrid.levelFor(BIG, 0.5, 0)).isEqualTo(14);
    assertThat(TileGrid.levelFor(BIG, 0.3, 0)).isEqualTo(14);
    assertThat(TileGrid.levelFor(BIG, 0.25, 0)).isEqualTo(13);
    assertThat(TileGrid.levelFor(BIG, 1e-9, 0)).isEqualTo(0);
    assertThat(TileGrid.levelFor(BIG, 1e-9, 5)).as("no coarser than the source has").isEqualTo(5);
  }

  @Test
  void theOverviewIsTheFinestLevelInOneTile() {
    // level 8 is 235 × 157, level 9 is 469 × 313
    assertThat(TileGrid.overviewLevel(BIG, 0)).isEqualTo(8);
    DziInfo photo = new DziInfo(640, 427, 640, 0, "decoded");
    assertThat(TileGrid.overviewLevel(photo, photo.maxLevel())).isEqualTo(photo.maxLevel());
  }

  @Test
  void aFittedViewNeedsTheWholeGridOfItsLevel() {
    // 1200 × 800 px viewport; the image fits at scale 0.04: level 11 (1875 × 1250) = 8 × 5 tiles
    Viewport fit = new Viewport(0.04, 0, 0, 1200, 800);

    int level = TileGrid.levelFor(BIG, fit.scale(), 0);
    List<TileId> tiles = TileGrid.visible(BIG, level, fit);

    assertThat(level).isEqualTo(11);
    assertThat(tiles).hasSize(40).contains(new TileId(11, 0, 0), new TileId(11, 7, 4));
  }

  @Test
  void aZoomedViewNeedsOnlyTheTilesUnderItCentreFirst() {
    // 1:1 around pixel (10000, 5000): x 9400..10600, y 4600..5400 at level 15
    Viewport view = new Viewport(1, 600 - 10000, 400 - 5000, 1200, 800);

    List<TileId> tiles = TileGrid.visible(BIG, 15, view);

    // columns 37 (9398..9652) to 41, rows 18 (4572..) to 21 (5334..5588)
    assertThat(tiles).hasSize(5 * 4);
    assertThat(tiles).allSatisfy(t -> {
      assertThat(t.column()).isBetween(37, 41);
      assertThat(t.row()).isBetween(18, 21);
    });
    assertThat(tiles.get(0)).isEqualTo(new TileId(15, 39, 19)); // holds (10000, 5000)
  }

  @Test
  void aViewBesideTheImageNeedsNothing() {
    assertThat(TileGrid.visible(BIG, 15, new Viewport(1, 5000, 0, 1200, 800))).isEmpty();
    assertThat(TileGrid.visible(BIG, 15, new Viewport(1, -30000, 0, 1200, 800))).isEmpty();
  }

  @Test
  void edgeTilesEndAtTheImageEdge() {
    DziInfo odd = new DziInfo(1001, 333, 254, 1, "jpg");
    TileId last = new TileId(odd.maxLevel(), 3, 1);

    TileGrid.Area area = TileGrid.area(odd, last);

    assertThat(area).isEqualTo(new TileGrid.Area(762, 254, 1001, 333));
    assertThat(TileGrid.area(odd, new TileId(odd.maxLevel() - 1, 1, 0)))
        .isEqualTo(new TileGrid.Area(508, 0, 1001, 333));
  }

  @Test
  void childrenStopAtTheGridsEdgeAndAtTheFullLevel() {
    DziInfo odd = new DziInfo(1001, 333, 254, 1, "jpg");
    int max = odd.maxLevel();

    assertThat(TileGrid.children(odd, new TileId(max - 1, 1, 0)))
        .containsExactly(new TileId(max, 2, 0), new TileId(max, 3, 0),
            new TileId(max, 2, 1), new TileId(max, 3, 1));
    assertThat(TileGrid.children(odd, new TileId(max, 0, 0))).isEmpty();
  }

  @Property
  void theTilesOfALevelCoverTheImageOnceAndAncestorsHoldTheirArea(
      @ForAll @IntRange(min = 1, max = 40000) int width,
      @ForAll @IntRange(min = 1, max = 40000) int height,
      @ForAll @IntRange(min = 1, max = 600) int tileSize,
      @ForAll @IntRange(min = 0, max = 20) int levelsUp) {
    DziInfo info = new DziInfo(width, height, tileSize, 0, "jpg");
    int level = Math.max(0, info.maxLevel() - levelsUp);
    var pyramid = info.pyramid();
    double covered = 0;
    for (int r = 0; r < Math.min(pyramid.rows(level), 50); r++) {
      for (int c = 0; c < Math.min(pyramid.columns(level), 50); c++) {
        TileId tile = new TileId(level, c, r);
        TileGrid.Area a = TileGrid.area(info, tile);
        assertThat(a.x1()).isGreaterThan(a.x0());
        assertThat(a.y1()).isGreaterThan(a.y0());
        covered += (a.x1() - a.x0()) * (a.y1() - a.y0());
        TileGrid.Area up = TileGrid.area(info, tile.ancestor(Math.max(0, level - 3)));
        assertThat(up.x0()).isLessThanOrEqualTo(a.x0());
        assertThat(up.y0()).isLessThanOrEqualTo(a.y0());
        assertThat(up.x1()).isGreaterThanOrEqualTo(a.x1());
        assertThat(up.y1()).isGreaterThanOrEqualTo(a.y1());
      }
    }
    if (pyramid.rows(level) <= 50 && pyramid.columns(level) <= 50) {
      assertThat(covered).isCloseTo((double) width * height, within(1e-6 * width * height));
    }
  }

  @Property
  void theVisibleTilesAreExactlyThoseOverlappingTheView(
      @ForAll @DoubleRange(min = 0.002, max = 8) @Scale(4) double scale,
      @ForAll @DoubleRange(min = -40000, max = 2000) double offsetX,
      @ForAll @DoubleRange(min = -30000, max = 1000) double offsetY) {
    Viewport view = new Viewport(scale, offsetX, offsetY, 900, 600);
    int level = TileGrid.levelFor(BIG, scale, 0);
    Set<TileId> visible = new HashSet<>(TileGrid.visible(BIG, level, view));
    var pyramid = BIG.pyramid();
    double x0 = view.pixelX(0);
    double x1 = view.pixelX(900);
    double y0 = view.pixelY(0);
    double y1 = view.pixelY(600);
    // the columns and rows a brute-force overlap test finds, without listing every tile
    long expected = 0;
    int columns = 0;
    for (int c = 0; c < pyramid.columns(level); c++) {
      TileGrid.Area a = TileGrid.area(BIG, new TileId(level, c, 0));
      columns += a.x1() > x0 && a.x0() < x1 ? 1 : 0;
    }
    int rows = 0;
    for (int r = 0; r < pyramid.rows(level); r++) {
      TileGrid.Area a = TileGrid.area(BIG, new TileId(level, 0, r));
      rows += a.y1() > y0 && a.y0() < y1 ? 1 : 0;
    }
    expected = (long) columns * rows;
    assertThat(visible).hasSize((int) expected);
    for (TileId t : visible) {
      TileGrid.Area a = TileGrid.area(BIG, t);
      assertThat(a.x1() > x0 && a.x0() < x1 && a.y1() > y0 && a.y0() < y1).isTrue();
    }
  }
}

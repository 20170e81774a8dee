package io.tessera.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TileMathTest {

  @Test
  void knownPointsFallInTheirWellKnownTiles() {
    assertThat(TileMath.tileContaining(new LonLat(13.405, 52.52), 10)).hasToString("10/550/335");
    assertThat(TileMath.tileContaining(new LonLat(-0.1276, 51.5072), 12)).hasToString("12/2046/1362");
    assertThat(TileMath.tileContaining(new LonLat(0, 0), 0)).hasToString("0/0/0");
    assertThat(TileMath.tileContaining(new LonLat(180, -90), 4)).hasToString("4/15/15");
  }

  @Test
  void parentAndAncestorHalveTheCoordinates() {
    TileKey key = new TileKey(10, 550, 335);
    assertThat(key.parent()).isEqualTo(new TileKey(9, 275, 167));
    assertThat(key.ancestor(7)).isEqualTo(new TileKey(7, 68, 41));
    assertThat(key.ancestor(10)).isEqualTo(key);
    assertThatThrownBy(() -> new TileKey(0, 0, 0).parent()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void tilesOutsideTheWorldAreRefused() {
    assertThatThrownBy(() -> new TileKey(2, 4, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TileKey(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overZoomAtTwentyFourPicksTheMaxZoomAncestorAndItsSubSquare() {
    TileKey deep = TileMath.tileContaining(new LonLat(13.405, 52.52), 24);
    SubTile sub = TileMath.subTile(deep, 19);
    assertThat(sub.ancestor()).isEqualTo(TileMath.tileContaining(new LonLat(13.405, 52.52), 19));
    assertThat(sub.size()).isEqualTo(8.0);
    assertThat(sub.x()).isEqualTo((deep.x() % 32) * 8.0);
    assertThat(sub.y()).isEqualTo((deep.y() % 32) * 8.0);
  }

  @Test
  void subTileOfItselfIsTheWholeTile() {
    SubTile sub = TileMath.subTile(new TileKey(3, 5, 2), 3);
    assertThat(sub).isEqualTo(new SubTile(new TileKey(3, 5, 2), 0, 0, 256));
  }

  @Test
  void viewportOfTheWholeWorldAtZoomOneCoversFourTiles() {
    TileRange range = TileMath.visibleTiles(new WorldPixel(256, 256), 1, 512, 512, 1);
    assertThat(range).isEqualTo(new TileRange(1, 0, 0, 1, 1));
    assertThat(range.count()).isEqualTo(4);
  }

  @Test
  void viewportIsClippedToTheWorld() {
    TileRange range = TileMath.visibleTiles(new WorldPixel(128, 128), 0, 2000, 1000, 0);
    assertThat(range.keys()).containsExactly(new TileKey(0, 0, 0));
    TileRange outside = TileMath.visibleTiles(new WorldPixel(-1000, 128), 0, 200, 200, 0);
    assertThat(outside.isEmpty()).isTrue();
    assertThat(outside.keys()).isEmpty();
  }

  @Test
  void fractionalZoomUsesScaledTiles() {
    // At zoom 2.5, level-2 tiles are 362 px wide: a 400-px viewport at x = 362 spans tiles 0..1.
    double tile = 256 * Math.sqrt(2);
    TileRange range = TileMath.visibleTiles(new WorldPixel(tile, tile), 2.5, 400, 100, 2);
    assertThat(range).isEqualTo(new TileRange(2, 0, 0, 1, 1));
  }

  @Property
  void theTileContainingAPointContainsIt(
      @ForAll @Scale(9) @DoubleRange(min = -180, max = 179.999999) double lon,
      @ForAll @Scale(9) @DoubleRange(min = -85, max = 85) double lat,
      @ForAll @IntRange(min = 0, max = 26) int zoom) {
    TileKey key = TileMath.tileContaining(new LonLat(lon, lat), zoom);
    WorldPixel p = WebMercator.toWorldPixel(new LonLat(lon, lat), zoom);
    WorldPixel origin = TileMath.tileOrigin(key, zoom);
    assertThat(p.x()).isBetween(origin.x(), origin.x() + 256);
    assertThat(p.y()).isBetween(origin.y(), origin.y() + 256);
  }

  @Property
  void visibleTilesIncludeTheTileUnderTheCentre(
      @ForAll @Scale(9) @DoubleRange(min = -179, max = 179) double lon,
      @ForAll @Scale(9) @DoubleRange(min = -85, max = 85) double lat,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 26) double zoom,
      @ForAll @IntRange(min = 1, max = 4000) int width) {
    LonLat c = new LonLat(lon, lat);
    int level = (int) Math.round(zoom);
    TileRange range = TileMath.visibleTiles(WebMercator.toWorldPixel(c, zoom), zoom, width, 300, level);
    assertThat(range.contains(TileMath.tileContaining(c, level))).isTrue();
  }

  @Property
  void aSubTileCoversExactlyItsTilesGround(
      @ForAll @IntRange(min = 0, max = 26) int zoom,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 1, maxIncluded = false) double fx,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 1, maxIncluded = false) double fy,
      @ForAll @IntRange(min = 0, max = 26) int ancestorZoom) {
    int a = Math.min(ancestorZoom, zoom);
    int n = 1 << zoom;
    TileKey key = new TileKey(zoom, (int) (fx * n), (int) (fy * n));
    SubTile sub = TileMath.subTile(key, a);
    WorldPixel ancestorOrigin = TileMath.tileOrigin(sub.ancestor(), zoom);
    WorldPixel keyOrigin = TileMath.tileOrigin(key, zoom);
    double scale = 256 / sub.size();
    assertThat(ancestorOrigin.x() + sub.x() * scale).isEqualTo(keyOrigin.x());
    assertThat(ancestorOrigin.y() + sub.y() * scale).isEqualTo(keyOrigin.y());
  }
}

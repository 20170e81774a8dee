package io.tessera.core.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.raster.GeoTiffFixtures.Fixture;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TiledRasterFileTest {
  @TempDir Path dir;

  static Stream<Fixture> all() {
    return GeoTiffFixtures.all().stream();
  }

  @ParameterizedTest
  @MethodSource("all")
  void roundTripKeepsEverySampleAndTheGeoreferencing(Fixture f) throws IOException {
    Path tiles = dir.resolve("dsm.tiles");
    try (Raster src = GeoTiffs.open(f.path())) {
      TiledRasterFile.write(src, tiles, 48, p -> {}, () -> false);
    }
    try (TiledRasterFile r = TiledRasterFile.open(tiles)) {
      GeoTiffsTest.checkEverything(r, f);
      assertThat(r.blockWidth()).isEqualTo(48);
      assertThat(r.tilesAcross()).isEqualTo(4);
      assertThat(r.tilesDown()).isEqualTo(3);
    }
    // Maps of two tiles each: window reads cross maps as they would past 1 GiB.
    long tileBytes = 48L * 48 * f.kind().bands * f.kind().type.bytes();
    try (TiledRasterFile r = TiledRasterFile.open(tiles, 2 * tileBytes)) {
      GeoTiffsTest.checkEverything(r, f);
    }
    assertThat(Files.list(dir).toList()).containsExactly(tiles);
  }

  @Test
  void float32TilesAreReadableWithoutACopy() throws IOException {
    Path tiles = dir.resolve("dsm.tiles");
    try (Raster src = GeoTiffs.open(GeoTiffFixtures.CLASSIC.get(0).path())) {
      TiledRasterFile.write(src, tiles, 64, p -> {}, () -> false);
    }
    try (TiledRasterFile r = TiledRasterFile.open(tiles, 3 * 64 * 64 * 4)) {
      float[] copy = new float[64 * 64];
      for (int ty = 0; ty < r.tilesDown(); ty++) {
        for (int tx = 0; tx < r.tilesAcross(); tx++) {
          FloatBuffer view = r.tile(0, tx, ty);
          assertThat(view.isReadOnly()).isTrue();
          assertThat(view.remaining()).isEqualTo(64 * 64);
          r.readTile(0, tx, ty, copy);
          for (int i = 0; i < copy.length; i++) {
            int col = tx * 64 + i % 64;
            int row = ty * 64 + i / 64;
            float want = col < GeoTiffFixtures.W && row < GeoTiffFixtures.H
                ? GeoTiffFixtures.expected(GeoTiffFixtures.Kind.F32, 0, col, row)
                : -9999f; // padding is NoData
            assertThat(view.get(i)).isEqualTo(want);
            assertThat(copy[i]).isEqualTo(want);
          }
        }
      }
    }
  }

  @Test
  void anInMemoryRasterWithoutEpsgOrNoDataRoundTrips() throws IOException {
    int w = 300;
    int h = 70;
    float[] v = new float[w * h];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 7 == 0 ? Float.NaN : i * 0.5f;
    }
    GeoTransform t = GeoTransform.northUp(10, 20, 2, 3);
    Path tiles = dir.resolve("a.tiles");
    TiledRasterFile.write(new ArrayRaster(w, h, v, t, OptionalInt.empty(), OptionalDouble.empty()),
        tiles, p -> {}, () -> false);
    try (TiledRasterFile r = TiledRasterFile.open(tiles)) {
      assertThat(r.epsg()).isEmpty();
      assertThat(r.noData()).isEmpty();
      assertThat(r.transform()).isEqualTo(t);
      assertThat(r.blockWidth()).isEqualTo(TiledRasterFile.DEFAULT_TILE);
      float[] all = new float[w * h];
      r.readFloats(0, 0, 0, w, h, all);
      assertThat(all).containsExactly(v);
      float[] part = new float[17 * 9];
      r.readFloats(0, 250, 60, 17, 9, part);
      for (int row = 0; row < 9; row++) {
        assertThat(Arrays.copyOfRange(part, row * 17, row * 17 + 17)).containsExactly(
            Arrays.copyOfRange(v, (60 + row) * w + 250, (60 + row) * w + 267));
      }
    }
  }

  @Test
  void concurrentWindowReadsSeeTheFormula() throws IOException {
    Path tiles = dir.resolve("dsm.tiles");
    try (Raster src = GeoTiffs.open(GeoTiffFixtures.CLASSIC.get(1).path())) {
      TiledRasterFile.write(src, tiles, 32, p -> {}, () -> false);
    }
    try (TiledRasterFile r = TiledRasterFile.open(tiles, 5 * 32 * 32 * 4)) {
      IntStream.range(0, 400).parallel().forEach(i -> {
        int x = (i * 37) % (GeoTiffFixtures.W - 1);
        int y = (i * 53) % (GeoTiffFixtures.H - 1);
        int w = 1 + (i * 11) % (GeoTiffFixtures.W - x);
        int h = 1 + (i * 7) % (GeoTiffFixtures.H - y);
        try {
          GeoTiffFixtures.checkWindow(r, GeoTiffFixtures.Kind.F32, x, y, w, h);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
    }
  }

  @Test
  void progressRisesToOneAndCancelLeavesNothing() throws IOException {
    Path tiles = dir.resolve("dsm.tiles");
    List<Double> seen = new ArrayList<>();
    try (Raster src = GeoTiffs.open(GeoTiffFixtures.CLASSIC.get(0).path())) {
      TiledRasterFile.write(src, tiles, 16, seen::add, () -> false);
      assertThat(seen).isSorted().last().isEqualTo(1.0);
      assertThat(seen.size()).isGreaterThan(3);
      byte[] before = Files.readAllBytes(tiles);
      List<Double> cancelled = new ArrayList<>();
      assertThatThrownBy(() -> TiledRasterFile.write(src, tiles, 32, cancelled::add,
          () -> cancelled.size() >= 2)).isInstanceOf(CancellationException.class);
      assertThat(Files.readAllBytes(tiles)).isEqualTo(before);
    }
    assertThat(Files.list(dir).toList()).containsExactly(tiles);
  }

  @Test
  void corruptFilesAreRefusedWithTheReason() throws IOException {
    Path tiles = dir.resolve("dsm.tiles");
    try (Raster src = GeoTiffs.open(GeoTiffFixtures.CLASSIC.get(0).path())) {
      TiledRasterFile.write(src, tiles, 32, p -> {}, () -> false);
    }
    byte[] all = Files.readAllBytes(tiles);
    Path cut = dir.resolve("cut.tiles");
    Files.write(cut, Arrays.copyOf(all, all.length - 100));
    assertThatThrownBy(() -> TiledRasterFile.open(cut)).isInstanceOf(RasterException.class)
        .hasMessageContaining("cut.tiles is truncated");
    assertThatThrownBy(() -> TiledRasterFile.open(GeoTiffFixtures.CLASSIC.get(0).path()))
        .isInstanceOf(RasterException.class)
        .hasMessageContaining("is not a Tessera tiled raster");
  }
}

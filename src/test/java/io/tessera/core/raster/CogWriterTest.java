package io.tessera.core.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.core.raster.CogWriter.BigTiff;
import io.tessera.core.raster.CogWriter.Options;
import io.tessera.core.raster.GeoTiffFixtures.Fixture;
import io.tessera.core.raster.GeoTiffFixtures.Kind;
import io.tessera.testing.Gdal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CogWriterTest {
  /** 32² tiles give the 157×123 fixtures three overviews: 79×62, 40×31, 20×16. */
  private static final Options SMALL_TILES = new Options(32, true, 6, BigTiff.AUTO);
  private static final Options PLAIN = new Options(32, false, 6, BigTiff.AUTO);

  @TempDir Path dir;

  static Stream<Fixture> sources() {
    return GeoTiffFixtures.CLASSIC.stream();
  }

  @ParameterizedTest
  @MethodSource("sources")
  void aCogReadsBackWithTheSameValuesAndGeoreferencing(Fixture f) throws IOException {
    Path cog = dir.resolve("out.tif");
    Path plain = dir.resolve("plain.tif");
    try (Raster src = GeoTiffs.open(f.path())) {
      CogWriter.write(src, cog, SMALL_TILES);
      CogWriter.write(src, plain, PLAIN);
    }
    try (Raster r = GeoTiffs.openOwn(cog)) {
      GeoTiffsTest.checkEverything(r, f);
      assertThat(r.blockWidth()).isEqualTo(32);
    }
    // Without predictor the JDK's reader reads it too (it has no floating-point predictor).
    try (Raster r = GeoTiffs.openImageIo(plain)) {
      GeoTiffsTest.checkEverything(r, f);
    }
    try (Raster r = GeoTiffs.openOwn(plain)) {
      GeoTiffsTest.checkEverything(r, f);
    }
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList())
        .containsExactly("out.tif", "plain.tif");
  }

  @Test
  void aBigTiffCogReadsBackWithOurReader() throws IOException {
    Fixture f = GeoTiffFixtures.CLASSIC.get(4);
    Path cog = dir.resolve("big.tif");
    try (Raster src = GeoTiffs.open(f.path())) {
      CogWriter.write(src, cog, new Options(64, true, 6, BigTiff.YES));
    }
    try (Raster r = GeoTiffs.open(cog)) {
      assertThat(r.getClass()).isEqualTo(OwnTiffRaster.class);
      GeoTiffsTest.checkEverything(r, f);
    }
    assertThatThrownBy(() -> GeoTiffs.openImageIo(cog)).hasMessageContaining("is a BigTIFF");
  }

  @Test
  void aSingleTileRasterHasNoOverviews() throws IOException {
    Fixture f = GeoTiffFixtures.CLASSIC.get(0);
    Path cog = dir.resolve("one.tif");
    try (Raster src = GeoTiffs.open(f.path())) {
      CogWriter.write(src, cog, Options.defaults());
    }
    try (Raster r = GeoTiffs.open(cog)) {
      GeoTiffsTest.checkEverything(r, f);
      assertThat(r.blockWidth()).isEqualTo(512);
    }
  }

  @Test
  void cancellingLeavesTheTargetAsItWas() throws IOException {
    Path cog = dir.resolve("out.tif");
    Files.writeString(cog, "before");
    List<Double> seen = new ArrayList<>();
    try (Raster src = GeoTiffs.open(GeoTiffFixtures.CLASSIC.get(0).path())) {
      assertThatThrownBy(() -> CogWriter.write(src, cog, SMALL_TILES, seen::add,
          () -> seen.size() >= 2)).isInstanceOf(CancellationException.class);
    }
    assertThat(Files.readString(cog)).isEqualTo("before");
    assertThat(Files.list(dir).toList()).containsExactly(cog);
  }

  @Test
  void progressRisesToOne() throws IOException {
    List<Double> seen = new ArrayList<>();
    try (Raster src = GeoTiffs.open(GeoTiffFixtures.CLASSIC.get(0).path())) {
      CogWriter.write(src, dir.resolve("out.tif"), SMALL_TILES, seen::add, () -> false);
    }
    assertThat(seen).isSorted().last().isEqualTo(1.0);
    assertThat(seen.size()).isGreaterThan(2);
  }

  @ParameterizedTest
  @MethodSource("sources")
  void gdalFindsAValidCogWithTheSameValuesOverviewsAndGeoreferencing(Fixture f)
      throws IOException {
    Gdal.require();
    Path cog = dir.resolve("out.tif");
    try (Raster src = GeoTiffs.open(f.path())) {
      CogWriter.write(src, cog, SMALL_TILES);
    }
    assertThat(Gdal.validateCog(cog)).contains("is a valid cloud optimized GeoTIFF");
    JsonNode info = Gdal.info(cog);
    List<Double> gt = new ArrayList<>();
    info.get("geoTransform").forEach(n -> gt.add(n.asDouble()));
    GeoTransform t = f.transform();
    assertThat(gt).containsExactly(t.originX(), t.pixelWidth(), t.rowRotation(), t.originY(),
        t.columnRotation(), t.pixelHeight());
    assertThat(info.at("/coordinateSystem/wkt").asText())
        .contains("ID[\"EPSG\"," + f.epsg() + "]");
    JsonNode band = info.get("bands").get(0);
    if (f.kind().noDataValue().isPresent()) {
      assertThat(band.get("noDataValue").asDouble()).isEqualTo(f.kind().noData);
    } else {
      assertThat(band.has("noDataValue")).isFalse();
    }
    List<String> sizes = new ArrayList<>();
    band.get("overviews").forEach(o -> sizes.add(o.get("size").get(0).asInt() + "x"
        + o.get("size").get(1).asInt()));
    assertThat(sizes).containsExactly("79x62", "40x31", "20x16");
    int n = GeoTiffFixtures.W * GeoTiffFixtures.H;
    for (int b = 0; b < f.kind().bands; b++) {
      float[] gdal = Gdal.floats(cog, b, -1);
      assertThat(gdal).hasSize(n);
      for (int i = 0; i < n; i++) {
        float want = GeoTiffFixtures.expected(f.kind(), b, i % GeoTiffFixtures.W,
            i / GeoTiffFixtures.W);
        if (gdal[i] != want) {
          assertThat(gdal[i]).as("band %d sample %d", b, i).isEqualTo(want);
        }
      }
      float[] ovr = Gdal.floats(cog, b, 0);
      float[] mine = firstOverview(f.kind(), b);
      assertThat(ovr).containsExactly(mine);
    }
  }

  /** The first overview as the writer should compute it: 2×2 means that skip NoData. */
  private static float[] firstOverview(Kind k, int band) {
    int w = (GeoTiffFixtures.W + 1) / 2;
    int h = (GeoTiffFixtures.H + 1) / 2;
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sum = 0;
        int count = 0;
        for (int dy = 0; dy < 2 && 2 * y + dy < GeoTiffFixtures.H; dy++) {
          for (int dx = 0; dx < 2 && 2 * x + dx < GeoTiffFixtures.W; dx++) {
            float v = GeoTiffFixtures.expected(k, band, 2 * x + dx, 2 * y + dy);
            if (k.noDataValue().isEmpty() || v != (float) k.noData) {
              sum += v;
              count++;
            }
          }
        }
        float mean = count > 0 ? (float) (sum / count) : (float) k.noData;
        out[y * w + x] = k.type == SampleType.FLOAT32 ? mean : Math.round(mean);
      }
    }
    return out;
  }

  @Test
  void gdalReadsABigTiffCogAndARotatedOne() throws IOException {
    Gdal.require();
    Fixture rotated = GeoTiffFixtures.CLASSIC.get(3);
    Path cog = dir.resolve("rotated-big.tif");
    try (Raster src = GeoTiffs.open(rotated.path())) {
      CogWriter.write(src, cog, new Options(32, true, 6, BigTiff.YES));
    }
    assertThat(Gdal.validateCog(cog)).contains("is a valid cloud optimized GeoTIFF");
    assertThat(Files.readAllBytes(cog)[2]).isEqualTo((byte) 43);
    JsonNode info = Gdal.info(cog);
    assertThat(info.get("geoTransform").get(2).asDouble()).isEqualTo(0.25);
    float[] gdal = Gdal.floats(cog, 0, -1);
    try (Raster r = GeoTiffs.open(cog)) {
      float[] mine = new float[gdal.length];
      r.readFloats(0, 0, 0, r.width(), r.height(), mine);
      assertThat(mine).containsExactly(gdal);
    }
  }
}

package io.tessera.core.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.raster.GeoTiffFixtures.Fixture;
import io.tessera.core.raster.GeoTiffFixtures.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GeoTiffsTest {

  static Stream<Fixture> all() {
    return GeoTiffFixtures.all().stream();
  }

  static Stream<Fixture> jdkReadable() {
    return GeoTiffFixtures.CLASSIC.stream().filter(Fixture::jdkReadable);
  }

  @ParameterizedTest
  @MethodSource("all")
  void ownReaderReadsEveryValueOfEveryWindowAndTheGeoreferencing(Fixture f) throws IOException {
    try (Raster r = GeoTiffs.openOwn(f.path())) {
      checkEverything(r, f);
    }
  }

  @ParameterizedTest
  @MethodSource("jdkReadable")
  void jdkReaderReadsTheSameClassicFiles(Fixture f) throws IOException {
    try (Raster r = GeoTiffs.openImageIo(f.path())) {
      checkEverything(r, f);
    }
  }

  @ParameterizedTest
  @MethodSource("all")
  void openPicksAReaderThatReadsEveryFixture(Fixture f) throws IOException {
    try (Raster r = GeoTiffs.open(f.path())) {
      checkEverything(r, f);
    }
  }

  @ParameterizedTest
  @MethodSource("jdkReadable")
  void bothReadersAgreeOnEveryBandOfOddWindows(Fixture f) throws IOException {
    try (Raster own = GeoTiffs.openOwn(f.path()); Raster jdk = GeoTiffs.openImageIo(f.path())) {
      for (int[] w : GeoTiffFixtures.WINDOWS) {
        float[][] a = new float[own.bands()][w[2] * w[3]];
        float[][] b = new float[jdk.bands()][w[2] * w[3]];
        own.readBands(w[0], w[1], w[2], w[3], a);
        jdk.readBands(w[0], w[1], w[2], w[3], b);
        assertThat(a).isDeepEqualTo(b);
      }
      assertThat(own.transform()).isEqualTo(jdk.transform());
      assertThat(own.epsg()).isEqualTo(jdk.epsg());
      assertThat(own.noData()).isEqualTo(jdk.noData());
      assertThat(own.blockWidth()).isEqualTo(jdk.blockWidth());
      assertThat(own.blockHeight()).isEqualTo(jdk.blockHeight());
    }
  }

  static void checkEverything(Raster r, Fixture f) throws IOException {
    Kind k = f.kind();
    assertThat(r.width()).isEqualTo(GeoTiffFixtures.W);
    assertThat(r.height()).isEqualTo(GeoTiffFixtures.H);
    assertThat(r.bands()).isEqualTo(k.bands);
    assertThat(r.sampleType()).isEqualTo(k.type);
    assertThat(r.transform()).isEqualTo(f.transform());
    assertThat(r.epsg()).isEqualTo(OptionalInt.of(f.epsg()));
    assertThat(r.noData()).isEqualTo(k.noDataValue());
    for (int[] w : GeoTiffFixtures.WINDOWS) {
      GeoTiffFixtures.checkWindow(r, k, w[0], w[1], w[2], w[3]);
    }
  }

  @Test
  void pixelIsPointMovesTheOriginHalfACellAsGdalDoes() throws IOException {
    // GDAL wrote the tiepoint at the first cell's centre (RasterTypeGeoKey = PixelIsPoint) for a
    // dataset whose corner is at 7.25, 46.5; reading it back must give that corner again.
    for (String name : List.of("dsm-f32-striped-none-point.tif",
        "big-dsm-f32-striped-lzw-point.tif")) {
      try (Raster r = GeoTiffs.openOwn(GeoTiffFixtures.file(name))) {
        assertThat(r.transform().originX()).isEqualTo(7.25);
        assertThat(r.transform().originY()).isEqualTo(46.5);
      }
    }
  }

  @Test
  void readArgbGivesRgbaAsStoredAndNoDataTransparent() throws IOException {
    try (Raster r = GeoTiffs.open(GeoTiffFixtures.file("ortho-rgba-striped-lzw-p2.tif"))) {
      int[] px = new int[40 * 20];
      r.readArgb(20, 10, 40, 20, px);
      for (int row = 0; row < 20; row++) {
        for (int col = 0; col < 40; col++) {
          int c = 20 + col;
          int y = 10 + row;
          int want = ((c + y) % 29 == 0 ? 0 : 255) << 24 | (3 * c) % 256 << 16
              | (5 * y) % 256 << 8 | (c + y) % 256;
          assertThat(px[row * 40 + col]).isEqualTo(want);
        }
      }
    }
    try (Raster r = GeoTiffs.open(GeoTiffFixtures.file("dsm-f32-tiled-deflate-p3.tif"))) {
      int[] px = new int[GeoTiffFixtures.W * GeoTiffFixtures.H];
      r.readArgb(0, 0, GeoTiffFixtures.W, GeoTiffFixtures.H, px);
      for (int i = 0; i < px.length; i++) {
        boolean hole = GeoTiffFixtures.hole(i % GeoTiffFixtures.W, i / GeoTiffFixtures.W);
        assertThat(px[i] >>> 24).isEqualTo(hole ? 0 : 255);
      }
    }
  }

  @Test
  void aClassicJpegOrthoFallsBackToTheJdkReader() throws IOException {
    try (Raster r = GeoTiffs.open(GeoTiffFixtures.file("ortho-rgb-jpeg.tif"))) {
      assertThat(r.getClass()).isEqualTo(ImageIoTiffRaster.class);
      assertThat(r.bands()).isEqualTo(3);
      float[] g = new float[GeoTiffFixtures.W * GeoTiffFixtures.H];
      r.readFloats(1, 0, 0, GeoTiffFixtures.W, GeoTiffFixtures.H, g);
      // Green (5·row mod 256) changes only down the rows: JPEG keeps it close.
      double err = 0;
      for (int i = 0; i < g.length; i++) {
        err += Math.abs(g[i] - GeoTiffFixtures.expected(Kind.RGB, 1, 0, i / GeoTiffFixtures.W));
      }
      assertThat(err / g.length).isLessThan(8);
    }
  }

  @Test
  void concurrentReadsFromOneRasterAllSeeTheFormula() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Raster own = GeoTiffs.openOwn(GeoTiffFixtures.file("dsm-f32-striped-lzw.tif"));
        Raster jdk = GeoTiffs.openImageIo(GeoTiffFixtures.file("dsm-f32-striped-lzw.tif"))) {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Raster r = t % 2 == 0 ? own : jdk;
        SplittableRandom rnd = new SplittableRandom(t);
        jobs.add(pool.submit(() -> {
          for (int i = 0; i < 40; i++) {
            int x = rnd.nextInt(GeoTiffFixtures.W - 1);
            int y = rnd.nextInt(GeoTiffFixtures.H - 1);
            int w = 1 + rnd.nextInt(GeoTiffFixtures.W - x);
            int h = 1 + rnd.nextInt(GeoTiffFixtures.H - y);
            GeoTiffFixtures.checkWindow(r, Kind.F32, x, y, w, h);
          }
          return null;
        }));
      }
      for (Future<?> j : jobs) {
        j.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInterruptedReadFailsAloneAndLaterReadsStillWork() throws Exception {
    try (Raster r = GeoTiffs.openOwn(GeoTiffFixtures.file("dsm-f32-tiled-deflate-p3.tif"))) {
      Thread t = new Thread(() -> {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> r.readFloats(0, 0, 0, 10, 10, new float[100]))
            .isInstanceOf(java.nio.channels.ClosedByInterruptException.class);
      });
      t.start();
      t.join();
      GeoTiffFixtures.checkWindow(r, Kind.F32, 0, 0, GeoTiffFixtures.W, GeoTiffFixtures.H);
    }
  }

  @Test
  void windowsOutsideTheRasterAreRefused() throws IOException {
    try (Raster r = GeoTiffs.open(GeoTiffFixtures.file("dsm-f32-striped-lzw.tif"))) {
      assertThatThrownBy(() -> r.readFloats(0, 150, 0, 8, 1, new float[8]))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> r.readFloats(1, 0, 0, 1, 1, new float[1]))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void badFilesGiveErrorsThatNameTheProblem() {
    assertProblem("big-ortho-rgb-jpeg.tif",
        "compression 7 (JPEG) in a BigTIFF is not supported");
    assertProblem("bilevel-1bit.tif", "1-bit");
    assertProblem("truncated.tif", "truncated.tif is truncated");
    assertProblem("big-truncated.tif", "big-truncated.tif is truncated");
    assertProblem("not-a-tiff.tif", "not-a-tiff.tif is not a TIFF file");
    assertProblem("no-georef.tif", "no-georef.tif has no georeferencing");
    assertProblem("missing.tif", "does not exist");
    assertThatThrownBy(() -> GeoTiffs.openImageIo(GeoTiffFixtures.file("truncated.tif")))
        .isInstanceOf(RasterException.class).hasMessageContaining("is truncated");
    assertThatThrownBy(() -> GeoTiffs.openImageIo(
        GeoTiffFixtures.file("dsm-f32-tiled-deflate-p3.tif")))
        .isInstanceOf(RasterException.class)
        .hasMessageContaining("predictor 3 on 32-bit samples, which the JDK's TIFF reader");
    assertThatThrownBy(() -> GeoTiffs.openImageIo(
        GeoTiffFixtures.file("big-dsm-i16-tiled-none.tif")))
        .isInstanceOf(RasterException.class).hasMessageContaining("is a BigTIFF");
  }

  private static void assertProblem(String name, String message) {
    Path p = GeoTiffFixtures.file(name);
    assertThatThrownBy(() -> GeoTiffs.open(p)).as(name).isInstanceOf(RasterException.class)
        .hasMessageContaining(message);
    assertThatThrownBy(() -> GeoTiffs.openOwn(p)).as(name).isInstanceOf(RasterException.class)
        .hasMessageContaining(message);
  }
}

package io.tessera.core.raster.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.raster.ArrayRaster;
import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.TiledRasterFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Examples: NoData, units, errors, the TIN over vertex z, threads, the API's field map. */
class VolumeCalculatorTest {
  private static final GeoTransform T = GeoTransform.northUp(500_000, 5_000_000, 0.5, 0.5);
  private static final VolumeCalculator CALC = new VolumeCalculator(1);

  private static double[] v(double... c) {
    return c;
  }

  @Test
  void noDataCellsAreCountedAndExcluded() throws Exception {
    for (double nd : new double[] {-9999, Double.NaN}) {
      float[] s = new float[100 * 100];
      java.util.Arrays.fill(s, 5f);
      for (int j = 40; j < 50; j++) {
        for (int i = 30; i < 42; i++) {
          s[j * 100 + i] = (float) nd;
        }
      }
      // Half of column 20 is inside the polygon: its NoData cells count by that half.
      for (int j = 40; j < 44; j++) {
        s[j * 100 + 20] = (float) nd;
      }
      var dsm = new ArrayRaster(100, 100, s, T, OptionalInt.empty(),
          Double.isNaN(nd) ? OptionalDouble.empty() : OptionalDouble.of(nd));
      // Pixel x 20.5 .. 80, y 10 .. 90.
      List<double[]> poly = Surfaces.rect(T.x(20.5, 0), T.y(0, 90), T.x(80, 0), T.y(0, 10));
      VolumeResult r = CALC.compute(dsm, VolumeRequest.custom(poly, 1.0));
      double a = 59.5 * 80 * 0.25;
      double ndCells = 120 + 4 * 0.5;
      assertThat(r.noDataCells()).isEqualTo(124);
      assertThat(r.noDataArea()).isCloseTo(ndCells * 0.25, within(1e-9));
      assertThat(r.area()).isCloseTo(a - ndCells * 0.25, within(1e-9));
      assertThat(r.cut()).isCloseTo(4 * (a - ndCells * 0.25), within(1e-8));
      assertThat(r.area() + r.noDataArea() + r.outsideArea())
          .isCloseTo(r.polygonArea(), within(1e-9));
    }
  }

  @Test
  void noDataOnTheBoundaryIsBridgedForTheBase() throws Exception {
    // Ground at 10 m with a NoData stretch across the boundary: the base is still 10 m.
    var dsm = Surfaces.sample(100, 100, T, (x, y) -> 10, OptionalDouble.of(-1));
    float[] s = new float[100 * 100];
    dsm.readFloats(0, 0, 0, 100, 100, s);
    for (int j = 0; j < 100; j++) {
      for (int i = 15; i < 25; i++) {
        s[j * 100 + i] = -1;
      }
    }
    var holed = new ArrayRaster(100, 100, s, T, OptionalInt.empty(), OptionalDouble.of(-1));
    List<double[]> poly = Surfaces.rect(T.x(20, 0), T.y(0, 80), T.x(80, 0), T.y(0, 20));
    for (BaseSurface b : List.of(BaseSurface.AVERAGE, BaseSurface.FIT_PLANE,
        BaseSurface.TRIANGULATED, BaseSurface.LOWEST, BaseSurface.HIGHEST)) {
      VolumeResult r = CALC.compute(holed, VolumeRequest.of(b, poly));
      assertThat(r.base().min()).as("%s", b).isCloseTo(10, within(1e-9));
      assertThat(r.base().max()).as("%s", b).isCloseTo(10, within(1e-9));
      assertThat(r.noDataCells()).isEqualTo(5 * 60);
      assertThat(r.cut() + r.fill()).isLessThan(1e-6);
    }
  }

  @Test
  void partlyOutsideIsExcludedAndReportedApart() throws Exception {
    var dsm = Surfaces.constant(100, 100, T, 3);
    // Pixel x -30 .. 40: 30 of its 70 columns are off the raster.
    List<double[]> poly = Surfaces.rect(T.x(-30, 0), T.y(0, 60), T.x(40, 0), T.y(0, 10));
    VolumeResult r = CALC.compute(dsm, VolumeRequest.custom(poly, 0));
    assertThat(r.polygonArea()).isCloseTo(70 * 50 * 0.25, within(1e-9));
    assertThat(r.outsideArea()).isCloseTo(30 * 50 * 0.25, within(1e-9));
    assertThat(r.area()).isCloseTo(40 * 50 * 0.25, within(1e-9));
    assertThat(r.cut()).isCloseTo(3 * 40 * 50 * 0.25, within(1e-9));
    assertThat(r.noDataCells()).isZero();
  }

  @Test
  void unitsConvertVolumesAreasAndElevations() throws Exception {
    var dsm = Surfaces.constant(100, 100, T, 3);
    List<double[]> poly = Surfaces.rect(T.x(10, 0), T.y(0, 90), T.x(90, 0), T.y(0, 10));
    VolumeRequest req = VolumeRequest.custom(poly, 1.0);
    VolumeResult m = CALC.compute(dsm, req);
    assertThat(m.cut()).isCloseTo(2 * 1600, within(1e-9));
    for (VolumeUnits u : List.of(VolumeUnits.YARD, VolumeUnits.US_SURVEY_YARD)) {
      VolumeResult r = CALC.compute(dsm, req.withUnits(u));
      double l = u == VolumeUnits.YARD ? 0.9144 : 3600.0 / 3937.0;
      assertThat(r.units()).isEqualTo(u);
      assertThat(r.cut()).isCloseTo(3200 / (l * l * l), within(1e-9));
      assertThat(r.cutError()).isCloseTo(m.cutError() / (l * l * l), within(1e-9));
      assertThat(r.area()).isCloseTo(1600 / (l * l), within(1e-9));
      assertThat(r.base().mean()).isCloseTo(1 / l, within(1e-12));
      assertThat(r.error().verticalUncertainty()).isCloseTo(0.5 / l, within(1e-12));
    }
    assertThat(CALC.compute(dsm, req.withUnits(VolumeUnits.YARD)).cut())
        .isCloseTo(3200 / 0.764554857984, within(1e-9)); // 1 yd³ = 0.764554857984 m³
    assertThat(VolumeUnits.fromApiName("ydUS")).isEqualTo(VolumeUnits.US_SURVEY_YARD);
    assertThatThrownBy(() -> VolumeUnits.fromApiName("ft"))
        .hasMessageContaining("m, yd, ydUS");
    assertThat(BaseSurface.fromApiName("fitPlane")).isEqualTo(BaseSurface.FIT_PLANE);
    assertThatThrownBy(() -> BaseSurface.fromApiName("plane"))
        .hasMessageContaining("average, custom, fitPlane, triangulated, highest, lowest");
  }

  @Test
  void errorEstimateIsAreaTimesVerticalUncertaintyPlusBaseResidual() throws Exception {
    var dsm = Surfaces.constant(100, 100, T, 3);
    List<double[]> poly = Surfaces.rect(T.x(10, 0), T.y(0, 90), T.x(90, 0), T.y(0, 10));
    VolumeResult r = CALC.compute(dsm, VolumeRequest.custom(poly, 1.0));
    assertThat(r.cutError()).isCloseTo(1600 * 0.5, within(1e-9)); // one GSD
    assertThat(r.fillError()).isZero();
    r = CALC.compute(dsm, VolumeRequest.custom(poly, 4.0).withVerticalUncertainty(0.03));
    assertThat(r.fillError()).isCloseTo(1600 * 0.03, within(1e-9));
    assertThat(r.error().fillArea()).isCloseTo(1600, within(1e-9));

    // Average over ground tilted by s along x, square of side L: the boundary elevations'
    // length-weighted standard deviation is s·L/√6.
    double s = 0.2;
    var tilted = Surfaces.sample(100, 100, T, (x, y) -> 50 + s * (x - 500_025),
        OptionalDouble.empty());
    r = CALC.compute(tilted, VolumeRequest.of(BaseSurface.AVERAGE, poly));
    double sb = s * 40 / Math.sqrt(6);
    assertThat(r.base().residual()).isCloseTo(sb, within(1e-4));
    assertThat(r.cutError()).isCloseTo(r.error().cutArea() * (0.5 + r.base().residual()), within(1e-6));
    assertThat(r.error().cutArea() + r.error().fillArea()).isCloseTo(1600, within(1e-6));
    assertThat(CALC.compute(tilted, VolumeRequest.of(BaseSurface.FIT_PLANE, poly)).base()
        .residual()).isLessThan(1e-4);
  }

  @Test
  void triangulatedBaseOverVertexZIsTheTinsVolume() throws Exception {
    // A rhombus with its short diagonal along y: Delaunay splits it there. Terrain flat at 0.
    var dsm = Surfaces.constant(200, 200, T, 0);
    double cx = T.x(100, 0);
    double cy = T.y(0, 100);
    double a = 20; // half the short diagonal (y), metres
    double b = 35; // half the long diagonal (x)
    List<double[]> poly = List.of(v(cx, cy - a, 4), v(cx + b, cy, 1), v(cx, cy + a, 6),
        v(cx - b, cy, 2));
    VolumeResult r = CALC.compute(dsm, VolumeRequest.of(BaseSurface.TRIANGULATED, poly));
    double half = a * b; // each triangle's area
    double expected = half * (4 + 1 + 6) / 3 + half * (4 + 6 + 2) / 3;
    assertThat(r.fill()).isCloseTo(expected, within(1e-3 * expected));
    assertThat(r.cut()).isZero();
    assertThat(r.base().min()).isEqualTo(1);
    assertThat(r.base().max()).isEqualTo(6);
    assertThat(r.base().mean()).isCloseTo(expected / (2 * half), within(1e-3 * 3));
    // The document's example: custom_elevation makes the base flat whatever base_surface says.
    VolumeResult flat = CALC.compute(dsm,
        VolumeRequest.of(BaseSurface.TRIANGULATED, poly).withCustomElevation(-2));
    assertThat(flat.base().source()).isEqualTo(BaseStatistics.ElevationSource.CUSTOM_ELEVATION);
    assertThat(flat.cut()).isCloseTo(2 * 2 * half, within(1e-9));
  }

  @Test
  void threadsAndBandingDoNotChangeTheNumbers(@TempDir Path dir) throws Exception {
    GeoTransform t = GeoTransform.northUp(300_000, 4_000_000, 0.05, 0.05);
    var dsm = Surfaces.sample(1300, 1100, t,
        (x, y) -> 100 + 3 * Math.sin((x - 300_000) / 7) * Math.cos((y - 4_000_000) / 5),
        OptionalDouble.empty());
    // the same samples in 64-cell tiles: bands of 64 rows instead of the array's 32
    Path file = dir.resolve("dsm.tsr");
    TiledRasterFile.write(dsm, file, 64, p -> { }, () -> false);
    List<double[]> poly = Surfaces.regular(7, t.x(650, 0), t.y(0, 550), 30, 0.3);
    try (TiledRasterFile tiled = TiledRasterFile.open(file)) {
      for (BaseSurface b : List.of(BaseSurface.AVERAGE, BaseSurface.FIT_PLANE,
          BaseSurface.TRIANGULATED)) {
        VolumeResult one = new VolumeCalculator(1).compute(dsm, VolumeRequest.of(b, poly));
        assertThat(new VolumeCalculator(2).compute(dsm, VolumeRequest.of(b, poly)))
            .isEqualTo(one);
        assertThat(new VolumeCalculator(3).compute(tiled, VolumeRequest.of(b, poly)))
            .isEqualTo(one);
        assertThat(one.cut()).isPositive();
        assertThat(one.fill()).isPositive();
      }
    }
  }

  @Test
  void invalidPolygonsAreRefused() throws Exception {
    var dsm = Surfaces.constant(100, 100, T, 3);
    double x = T.x(50, 0);
    double y = T.y(0, 50);
    List<List<double[]>> bad = List.of(
        List.of(v(x, y), v(x + 5, y + 5), v(x + 5, y), v(x, y + 5)), // bow tie
        List.of(v(x, y), v(x + 5, y), v(x, y)), // 2 distinct
        List.of(v(x, y), v(x + 5, y), v(x + 5, y), v(x, y)),
        List.of(v(x, y), v(x + 5, y), v(x + 10, y)), // collinear: zero area
        List.of(v(x, y, 1), v(x + 5, y), v(x, y + 5)), // z on one vertex only
        List.of(v(x, y), v(x + 5, Double.NaN), v(x, y + 5)),
        List.of(v(x), v(x + 5, y), v(x, y + 5)));
    for (List<double[]> p : bad) {
      assertThatThrownBy(() -> CALC.compute(dsm, VolumeRequest.of(BaseSurface.AVERAGE, p)))
          .isInstanceOf(InvalidPolygonException.class)
          .satisfies(e -> assertThat(((VolumeException) e).apiTitle())
              .isEqualTo("Invalid Polygon"));
    }
    // A closed ring (first repeated last) is fine.
    List<double[]> closed = List.of(v(x, y), v(x + 5, y), v(x, y + 5), v(x, y));
    assertThat(CALC.compute(dsm, VolumeRequest.custom(closed, 0)).cut())
        .isCloseTo(3 * 12.5, within(1e-9));
  }

  @Test
  void aBoundaryWithNoDataAnywhereIsAnInvalidPolygonUnlessTheBaseIsGiven() throws Exception {
    float[] s = new float[50 * 50];
    java.util.Arrays.fill(s, Float.NaN);
    var dsm = new ArrayRaster(50, 50, s, T, OptionalInt.empty(), OptionalDouble.empty());
    List<double[]> poly = Surfaces.rect(T.x(10, 0), T.y(0, 40), T.x(40, 0), T.y(0, 10));
    assertThatThrownBy(() -> CALC.compute(dsm, VolumeRequest.of(BaseSurface.FIT_PLANE, poly)))
        .isInstanceOf(InvalidPolygonException.class)
        .hasMessageContaining("no elevation anywhere along the polygon's boundary");
    VolumeResult r = CALC.compute(dsm, VolumeRequest.custom(poly, 0));
    assertThat(r.noDataCells()).isEqualTo(900);
    assertThat(r.area()).isZero();
    assertThat(r.base().mean()).isNaN();
  }

  @Test
  void polygonsOffTheRasterAreRefused() {
    var dsm = Surfaces.constant(100, 100, T, 3);
    double w = T.x(100, 0);
    double n = T.y(0, 0);
    // Entirely east; then a triangle whose bounding box overlaps the raster's corner but not it.
    List<List<double[]>> off = List.of(
        Surfaces.rect(w + 1, n - 20, w + 30, n - 5),
        List.of(v(w - 5, n + 20), v(w + 20, n + 20), v(w + 20, n - 5)),
        Surfaces.rect(w, n - 20, w + 30, n - 5)); // touching along the east edge only
    for (List<double[]> p : off) {
      assertThatThrownBy(() -> CALC.compute(dsm, VolumeRequest.of(BaseSurface.AVERAGE, p)))
          .isInstanceOf(PolygonOutsideRasterException.class)
          .satisfies(e -> assertThat(((VolumeException) e).apiTitle())
              .isEqualTo("The polygon doesn't overlap the dataset"));
    }
  }

  @Test
  void customWithoutAnElevationIsRefused() {
    assertThatThrownBy(() -> VolumeRequest.of(BaseSurface.CUSTOM,
        Surfaces.rect(0, 0, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("custom_elevation is required when base_surface is custom");
  }

  @Test
  void apiFieldsUseTheDocumentsNames() throws Exception {
    var dsm = Surfaces.constant(100, 100, T, 3);
    List<double[]> poly = Surfaces.rect(T.x(10, 0), T.y(0, 90), T.x(90, 0), T.y(0, 10));
    Map<String, Object> m = CALC.compute(dsm, VolumeRequest.custom(poly, 1.0)).toApiFields();
    assertThat(m).containsKeys("cut", "cut_error", "fill", "fill_error", "net", "area", "units",
        "base", "nodata_cells", "nodata_area", "outside_area", "error_estimate");
    assertThat((Double) m.get("cut")).isCloseTo(3200, within(1e-9));
    assertThat(m.get("units")).isEqualTo("m");
    assertThat(m.get("base_surface")).isEqualTo("custom");
    assertThat(((Map<?, ?>) m.get("base")).get("source")).isEqualTo("custom_elevation");
  }
}

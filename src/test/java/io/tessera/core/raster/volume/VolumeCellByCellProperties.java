package io.tessera.core.raster.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.raster.ArrayRaster;
import io.tessera.core.raster.GeoTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Over rough terrain with NoData (and NaN) scattered through it, every polygon measures what a
 * cell-by-cell reference measures: each cell's exact covered fraction (JTS) × (z − base at its
 * centre) into cut or fill, NoData cells excluded. The engine takes runs of equally covered cells
 * in one pass; this checks those runs against the reference for a flat base and for plane and TIN
 * bases (vertex z on a known plane).
 */
class VolumeCellByCellProperties {
  private static final double X0 = 600_000;
  private static final double Y0 = 4_000_000;
  private static final double CELL = 0.5;

  private static double plane(double x, double y) {
    return 100 + 0.01 * (x - X0) - 0.02 * (Y0 - y);
  }

  @Property(tries = 80)
  void runsOfCellsMeasureWhatTheCellByCellReferenceMeasures(
      @ForAll @IntRange(min = 3, max = 30) int n,
      @ForAll @DoubleRange(min = 0, max = 6.28) double rot,
      @ForAll @DoubleRange(min = 0.2, max = 0.8) double fx,
      @ForAll @DoubleRange(min = 0.2, max = 0.8) double fy,
      @ForAll @DoubleRange(min = 3, max = 50) double radiusCells,
      @ForAll @IntRange(min = 0, max = 2) int shape,
      @ForAll @IntRange(min = 0, max = 2) int baseKind,
      @ForAll long seed) throws Exception {
    int w = 90;
    int h = 80;
    GeoTransform t = GeoTransform.northUp(X0, Y0, CELL, CELL);
    Random rnd = new Random(seed);
    float[] s = new float[w * h];
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        double u = rnd.nextDouble();
        s[j * w + i] = u < 0.04 ? -9999f : u < 0.06 ? Float.NaN
            : (float) (plane(t.x(i + 0.5, j + 0.5), t.y(i + 0.5, j + 0.5))
                + 4 * rnd.nextDouble() - 2);
      }
    }
    ArrayRaster dsm = new ArrayRaster(w, h, s, t, OptionalInt.of(32633), OptionalDouble.of(-9999));
    double cx = t.x(fx * w, fy * h);
    double cy = t.y(fx * w, fy * h);
    double radius = radiusCells * CELL;
    double a = radius * (0.3 + 0.7 * rnd.nextDouble());
    double b = radius * (0.3 + 0.7 * rnd.nextDouble());
    // a star (no horizontal edge), or shapes whose horizontal edges cut rows part-way: between
    // the boundary's crossings of such a row every cell has the same partial coverage
    List<double[]> shapeVertices = switch (shape) {
      case 0 -> PartialCellProperties.star(cx, cy, radius, n, rot, seed);
      case 1 -> Surfaces.rect(cx - a, cy - b, cx + a, cy + b);
      default -> List.of(new double[] {cx - a, cy - b}, new double[] {cx + a, cy - b},
          new double[] {cx + a, cy - b / 3}, new double[] {cx, cy - b / 3},
          new double[] {cx, cy + b}, new double[] {cx - a, cy + b});
    };
    n = shapeVertices.size();
    List<double[]> poly = new ArrayList<>();
    for (double[] p : shapeVertices) {
      poly.add(baseKind == 0 ? p : new double[] {p[0], p[1], plane(p[0], p[1])});
    }
    VolumeRequest request = switch (baseKind) {
      case 0 -> VolumeRequest.custom(poly, 100.5);
      case 1 -> VolumeRequest.of(BaseSurface.FIT_PLANE, poly);
      default -> VolumeRequest.of(BaseSurface.TRIANGULATED, poly);
    };
    VolumeResult r = new VolumeCalculator(2).compute(dsm, request);

    GeometryFactory f = new GeometryFactory();
    Coordinate[] px = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      px[i] = new Coordinate(t.px(poly.get(i)[0], poly.get(i)[1]),
          t.py(poly.get(i)[0], poly.get(i)[1]));
    }
    px[n] = px[0];
    Polygon p = f.createPolygon(px);
    double cut = 0;
    double fill = 0;
    double area = 0;
    double noData = 0;
    long noDataCells = 0;
    Envelope e = p.getEnvelopeInternal();
    PreparedGeometry inside = PreparedGeometryFactory.prepare(p);
    for (int j = Math.max(0, (int) e.getMinY()); j < Math.min(h, e.getMaxY()); j++) {
      for (int i = Math.max(0, (int) e.getMinX()); i < Math.min(w, e.getMaxX()); i++) {
        Polygon c = f.toGeometry(new Envelope(i, i + 1, j, j + 1)) instanceof Polygon q ? q : null;
        double frac = inside.contains(c) ? 1 : p.intersection(c).getArea();
        if (frac <= 1e-9) {
          continue;
        }
        float z = s[j * w + i];
        if (Float.isNaN(z) || z == -9999f) {
          noData += frac;
          noDataCells++;
          continue;
        }
        double base = baseKind == 0 ? 100.5 : plane(t.x(i + 0.5, j + 0.5), t.y(i + 0.5, j + 0.5));
        double d = z - base;
        area += frac;
        if (d > 0) {
          cut += frac * d;
        } else {
          fill -= frac * d;
        }
      }
    }
    double ca = t.cellArea();
    double scale = (area + noData) * ca * 4;
    assertThat(r.cut()).isCloseTo(cut * ca, within(1e-7 * scale));
    assertThat(r.fill()).isCloseTo(fill * ca, within(1e-7 * scale));
    assertThat(r.area()).isCloseTo(area * ca, within(1e-8 * scale));
    assertThat(r.noDataArea()).isCloseTo(noData * ca, within(1e-8 * scale));
    assertThat(r.noDataCells()).isEqualTo(noDataCells);
  }
}

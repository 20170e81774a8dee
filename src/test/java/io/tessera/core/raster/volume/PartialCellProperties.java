package io.tessera.core.raster.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.raster.GeoTransform;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Over a constant-height raster, any polygon — concave, rotated, its vertices anywhere inside
 * cells, partly off the raster — measures height × its exact area over the raster: partial cells
 * count by exactly their covered fraction.
 */
class PartialCellProperties {

  /** A star-shaped (generally concave) polygon: n vertices at increasing angles, random radii. */
  static List<double[]> star(double cx, double cy, double r, int n, double rot, long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    List<double[]> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      double a = rot + 2 * Math.PI * (k + 0.8 * rnd.nextDouble()) / n;
      double rr = r * (0.25 + 0.75 * rnd.nextDouble());
      out.add(new double[] {cx + rr * Math.cos(a), cy + rr * Math.sin(a)});
    }
    return out;
  }

  @Property(tries = 300)
  void constantHeightTimesExactArea(
      @ForAll @IntRange(min = 3, max = 40) int n,
      @ForAll @DoubleRange(min = 0, max = 6.28) double rot,
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double fx,
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double fy,
      @ForAll @DoubleRange(min = 1.5, max = 60) double radiusCells,
      @ForAll @DoubleRange(min = -0.2, max = 0.2) double skew,
      @ForAll long seed) throws Exception {
    double cell = 0.25;
    int w = 150;
    int h = 120;
    // A rotated geotransform exercises the general affine path; skew 0 is north-up.
    GeoTransform t = new GeoTransform(400_000, cell, skew * cell, 6_000_000, skew * cell, -cell);
    var dsm = Surfaces.constant(w, h, t, 7.5);
    double cx = t.x(fx * w, fy * h);
    double cy = t.y(fx * w, fy * h);
    List<double[]> poly = star(cx, cy, radiusCells * cell, n, rot, seed);
    GeometryFactory f = new GeometryFactory();
    Coordinate[] cs = new Coordinate[n + 1];
    Coordinate[] px = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      double[] p = poly.get(i);
      cs[i] = new Coordinate(p[0], p[1]);
      px[i] = new Coordinate(t.px(p[0], p[1]), t.py(p[0], p[1]));
    }
    cs[n] = cs[0];
    px[n] = px[0];
    Polygon pixelPolygon = f.createPolygon(px);
    double insideCells = pixelPolygon.intersection(f.toGeometry(new Envelope(0, w, 0, h)))
        .getArea();
    double area = f.createPolygon(cs).getArea();
    if (insideCells < 1e-6) {
      return;
    }
    VolumeResult r = new VolumeCalculator(1).compute(dsm, VolumeRequest.custom(poly, 0.0));
    double inside = insideCells * t.cellArea();
    assertThat(r.polygonArea()).isCloseTo(area, within(1e-9 * area));
    assertThat(r.area()).isCloseTo(inside, within(1e-8 * area));
    assertThat(r.cut()).isCloseTo(7.5 * inside, within(1e-7 * area));
    assertThat(r.fill()).isZero();
    assertThat(r.outsideArea()).isCloseTo(area - inside, within(1e-8 * area));
    assertThat(r.noDataCells()).isZero();
  }
}

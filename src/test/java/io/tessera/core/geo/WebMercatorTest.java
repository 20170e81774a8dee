package io.tessera.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class WebMercatorTest {

  @Test
  void groundResolutionAtEquatorZoomZeroIsTheWellKnownValue() {
    assertThat(WebMercator.groundResolutionMetersPerPixel(0, 0)).isEqualTo(156543.03392804097, within(1e-9));
  }

  @Test
  void groundResolutionHalvesPerZoomLevelAndShrinksWithCosLatitude() {
    assertThat(WebMercator.groundResolutionMetersPerPixel(0, 1)).isEqualTo(78271.51696402048, within(1e-9));
    assertThat(WebMercator.groundResolutionMetersPerPixel(60, 0)).isEqualTo(156543.03392804097 / 2, within(1e-6));
    assertThat(WebMercator.groundResolutionMetersPerPixel(0, 24)).isEqualTo(0.009330691929, within(1e-11));
  }

  @Test
  void nullIslandIsTheCentreOfTheWorld() {
    WorldPixel p = WebMercator.toWorldPixel(new LonLat(0, 0), 0);
    assertThat(p.x()).isEqualTo(128, within(1e-9));
    assertThat(p.y()).isEqualTo(128, within(1e-9));
  }

  @Test
  void worldCornersAreAtTheMaxLatitude() {
    WorldPixel nw = WebMercator.toWorldPixel(new LonLat(-180, WebMercator.MAX_LATITUDE_DEG), 3);
    WorldPixel se = WebMercator.toWorldPixel(new LonLat(180, -WebMercator.MAX_LATITUDE_DEG), 3);
    assertThat(nw.x()).isEqualTo(0, within(1e-9));
    assertThat(nw.y()).isEqualTo(0, within(1e-9));
    assertThat(se.x()).isEqualTo(2048, within(1e-9));
    assertThat(se.y()).isEqualTo(2048, within(1e-9));
    assertThat(WebMercator.MAX_LATITUDE_DEG).isEqualTo(85.0511287798066, within(1e-12));
  }

  @Test
  void polesAreClampedToTheWorldEdge() {
    assertThat(WebMercator.toWorldPixel(new LonLat(0, 90), 0).y()).isEqualTo(0, within(1e-9));
    assertThat(WebMercator.toWorldPixel(new LonLat(0, -90), 0).y()).isEqualTo(256, within(1e-9));
    assertThat(WebMercator.toLonLat(new WorldPixel(0, -500), 0).latDeg()).isEqualTo(WebMercator.MAX_LATITUDE_DEG);
  }

  @Test
  void fractionalZoomScalesContinuously() {
    LonLat berlin = new LonLat(13.405, 52.52);
    WorldPixel z10 = WebMercator.toWorldPixel(berlin, 10);
    WorldPixel z105 = WebMercator.toWorldPixel(berlin, 10.5);
    assertThat(z105.x()).isEqualTo(z10.x() * Math.sqrt(2), within(1e-6));
    assertThat(z105.y()).isEqualTo(z10.y() * Math.sqrt(2), within(1e-6));
    assertThat(z10.rescale(10, 10.5).x()).isEqualTo(z105.x(), within(1e-6));
  }

  @Property
  void projectThenUnprojectReturnsWithinOneMillimetre(
      @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double lon,
      @ForAll @Scale(9) @DoubleRange(min = -85.05, max = 85.05) double lat,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 26) double zoom) {
    LonLat back = WebMercator.toLonLat(WebMercator.toWorldPixel(new LonLat(lon, lat), zoom), zoom);
    assertThat(Geodesic.distanceMeters(new LonLat(lon, lat), back)).isLessThan(0.001);
  }

  @Property
  void unprojectThenProjectReturnsWithinOneThousandthOfAPixel(
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 1) double fx,
      @ForAll @Scale(9) @DoubleRange(min = 0.001, max = 0.999) double fy,
      @ForAll @Scale(9) @DoubleRange(min = 0, max = 26) double zoom) {
    double size = WebMercator.worldSizePixels(zoom);
    WorldPixel p = new WorldPixel(fx * size, fy * size);
    WorldPixel back = WebMercator.toWorldPixel(WebMercator.toLonLat(p, zoom), zoom);
    assertThat(back.x()).isEqualTo(p.x(), within(1e-3));
    assertThat(back.y()).isEqualTo(p.y(), within(1e-3));
  }

  @Property
  void northIsUpAndEastIsRight(
      @ForAll @Scale(9) @DoubleRange(min = -179, max = 179) double lon,
      @ForAll @Scale(9) @DoubleRange(min = -84, max = 84) double lat) {
    WorldPixel p = WebMercator.toWorldPixel(new LonLat(lon, lat), 5);
    WorldPixel ne = WebMercator.toWorldPixel(new LonLat(lon + 0.5, lat + 0.5), 5);
    assertThat(ne.x()).isGreaterThan(p.x());
    assertThat(ne.y()).isLessThan(p.y());
  }
}

package io.tessera.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class GeodesicTest {

  @Test
  void vincentysFlindersPeakToBuninyongExample() {
    LonLat flindersPeak = new LonLat(144 + 25 / 60.0 + 29.52440 / 3600, -(37 + 57 / 60.0 + 3.72030 / 3600));
    LonLat buninyong = new LonLat(143 + 55 / 60.0 + 35.38390 / 3600, -(37 + 39 / 60.0 + 10.15610 / 3600));
    assertThat(Geodesic.distanceMeters(flindersPeak, buninyong)).isEqualTo(54972.271, within(0.001));
  }

  @Test
  void oneDegreeOfTheEquatorIsTheSemiMajorAxisTimesPiOver180() {
    assertThat(Geodesic.distanceMeters(new LonLat(0, 0), new LonLat(1, 0)))
        .isEqualTo(6378137 * Math.PI / 180, within(1e-6));
  }

  @Test
  void equatorToPoleIsTheQuarterMeridian() {
    assertThat(Geodesic.distanceMeters(new LonLat(0, 0), new LonLat(0, 90))).isEqualTo(10001965.729, within(0.001));
  }

  @Test
  void samePointIsZero() {
    assertThat(Geodesic.distanceMeters(new LonLat(10, 50), new LonLat(10, 50))).isZero();
  }

  @Test
  void nearlyAntipodalPointsFallBackToAboutHalfTheCircumference() {
    double d = Geodesic.distanceMeters(new LonLat(0, 0), new LonLat(179.7, 0.2));
    assertThat(d).isBetween(19_900_000.0, 20_020_000.0);
  }

  @Property
  void distanceIsSymmetricAndCloseToTheSphere(
      @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double lon1,
      @ForAll @Scale(9) @DoubleRange(min = -89, max = 89) double lat1,
      @ForAll @Scale(9) @DoubleRange(min = -180, max = 180) double lon2,
      @ForAll @Scale(9) @DoubleRange(min = -89, max = 89) double lat2) {
    LonLat a = new LonLat(lon1, lat1);
    LonLat b = new LonLat(lon2, lat2);
    double ab = Geodesic.distanceMeters(a, b);
    assertThat(ab).isEqualTo(Geodesic.distanceMeters(b, a), within(1e-3));
    assertThat(ab).isEqualTo(Geodesic.greatCircleMeters(a, b), within(Geodesic.greatCircleMeters(a, b) * 0.006 + 1e-6));
  }

  @Property
  void shortDistancesMatchTheMercatorGroundResolution(
      @ForAll @Scale(9) @DoubleRange(min = -80, max = 80) double lat,
      @ForAll @Scale(9) @DoubleRange(min = 10, max = 24) double zoom) {
    double metersPerPixel = WebMercator.groundResolutionMetersPerPixel(lat, zoom);
    WorldPixel p = WebMercator.toWorldPixel(new LonLat(0, lat), zoom);
    LonLat east = WebMercator.toLonLat(p.plus(100, 0), zoom);
    double geodesic = Geodesic.distanceMeters(new LonLat(0, lat), east);
    // The sphere and the ellipsoid differ by up to about 0.7 % in scale along a parallel.
    assertThat(geodesic).isEqualTo(100 * metersPerPixel, within(100 * metersPerPixel * 0.008));
  }
}

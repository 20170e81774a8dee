package io.tessera.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class CrsTest {

  /**
   * The copr targets' WGS 84 positions (gcp_list_noimg.txt, names offset by one: matched by
   * position) transform to gcp_list.txt's UTM 11N coordinates, which are rounded to centimetres.
   */
  @Test
  void coprLonLatTransformToTheSurveyedUtmCoordinatesWithinOneCentimetre() throws Exception {
    List<String> noimg = lines("gcp_list_noimg.txt");
    List<String> list = lines("gcp_list.txt");
    assertThat(noimg.get(0)).isEqualTo("EPSG:4326");
    Crs wgs84 = Crs.parse(noimg.get(0));
    Crs utm = Crs.parse(list.get(0));
    Map<String, double[]> surveyed = new HashMap<>();
    for (String line : list.subList(1, list.size())) {
      String[] f = line.split("\t");
      surveyed.put(f[6], new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
    }
    CrsTransform toUtm = wgs84.transformTo(utm);
    double worst = 0;
    int compared = 0;
    for (int i = 1; i < noimg.size(); i++) {
      String[] f = noimg.get(i).split("\t");
      double[] expected = surveyed.get(String.format(java.util.Locale.ROOT, "gcp%02d", i - 1));
      Position p = toUtm.apply(new Position(Double.parseDouble(f[1]), Double.parseDouble(f[2]), 0));
      worst = Math.max(worst, Math.hypot(p.x() - expected[0], p.y() - expected[1]));
      compared++;
    }
    assertThat(compared).isEqualTo(10);
    assertThat(worst).isLessThan(0.01);
  }

  @Test
  void epsgGeographicCrssListLatitudeFirstAndProjectedOnesMostlyEasting() throws Exception {
    assertThat(Crs.parse("EPSG:4326").northingFirst()).isTrue();
    assertThat(Crs.parse("EPSG:4326").kind()).isEqualTo(CrsKind.GEOGRAPHIC);
    assertThat(Crs.parse("EPSG:32611").northingFirst()).isFalse();
    assertThat(Crs.parse("EPSG:32611").kind()).isEqualTo(CrsKind.PROJECTED);
    assertThat(Crs.parse("EPSG:2056").northingFirst()).isFalse();
    // JGD2011 / Japan Plane Rectangular CS VI: X is northing, listed first.
    assertThat(Crs.parse("EPSG:6674").northingFirst()).isTrue();
    // Cape / Lo17: EPSG lists Y (westing) then X (southing); the first axis is west.
    assertThat(Crs.parse("EPSG:22277").northingFirst()).isFalse();
  }

  @Test
  void proj4jUnknownCodesFallBackToApacheSis() throws Exception {
    Crs wgs84in3d = Crs.parse("EPSG:4979");
    assertThat(wgs84in3d.kind()).isEqualTo(CrsKind.GEOGRAPHIC);
    assertThat(wgs84in3d.northingFirst()).isTrue();
    Position p = wgs84in3d.transformTo(Crs.parse("EPSG:32611"))
        .apply(new Position(-119.879992097, 34.4082988202, 12));
    assertThat(p.x()).isCloseTo(235277.61, within(0.01));
    assertThat(p.z()).isEqualTo(12);
  }

  @Test
  void unknownCodesAndBadDefinitionsSayWhatIsWrong() {
    assertThatThrownBy(() -> Crs.parse("EPSG:999999"))
        .isInstanceOf(CrsException.class).hasMessageContaining("unknown EPSG code 999999");
    assertThatThrownBy(() -> Crs.parse("+proj=nonsense +zone=11"))
        .isInstanceOf(CrsException.class).hasMessageContaining("bad PROJ string");
    assertThatThrownBy(() -> Crs.parse("EPSG:4978"))
        .isInstanceOf(CrsException.class).hasMessageContaining("geocentric");
    assertThatThrownBy(() -> Crs.parse("PROJCS[\"broken\""))
        .isInstanceOf(CrsException.class).hasMessageContaining("]");
  }

  @Test
  void projStringsFollowTheirOwnAxisParameter() throws Exception {
    Crs plain = Crs.parse("+proj=tmerc +lat_0=36 +lon_0=136 +k=0.9999 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs");
    Crs neu = Crs.parse("+proj=tmerc +lat_0=36 +lon_0=136 +k=0.9999 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +axis=neu +no_defs");
    assertThat(plain.northingFirst()).isFalse();
    assertThat(neu.northingFirst()).isTrue();
    // Tessera's order is east first whatever the CRS says: both give the same x, y.
    Crs wgs84 = Crs.parse("EPSG:4326");
    Position a = wgs84.transformTo(plain).apply(new Position(136.1, 36.1, 0));
    Position b = wgs84.transformTo(neu).apply(new Position(136.1, 36.1, 0));
    Position c = wgs84.transformTo(Crs.parse("EPSG:6674")).apply(new Position(136.1, 36.1, 0));
    assertThat(a.x()).isCloseTo(9004.07, within(0.01)).isCloseTo(b.x(), within(1e-6)).isCloseTo(c.x(), within(1e-6));
    assertThat(a.y()).isCloseTo(11099.51, within(0.01)).isCloseTo(b.y(), within(1e-6)).isCloseTo(c.y(), within(1e-6));
  }

  @Test
  void southOrientedSystemsGiveWestingAndSouthing() throws Exception {
    Position p = Crs.parse("EPSG:4326").transformTo(Crs.parse("EPSG:22277"))
        .apply(new Position(18.4, -33.9, 0));
    // East of the central meridian 17°E: a negative westing; south of the equator: a positive southing.
    assertThat(p.x()).isCloseTo(-129559, within(2.0));
    assertThat(p.y()).isCloseTo(3753163, within(2.0));
  }

  @Test
  void projStringsFindTheirEpsgCodeWhateverTheSpelling() throws Exception {
    assertThat(Crs.parse("+proj=utm +zone=11 +ellps=WGS84 +datum=WGS84 +units=m +no_defs").epsgCode())
        .isEqualTo(OptionalInt.of(32611));
    assertThat(Crs.parse("+proj=utm +zone=33 +south +datum=WGS84 +units=m").epsgCode())
        .isEqualTo(OptionalInt.of(32733));
    assertThat(Crs.parse("+proj=tmerc +lat_0=36 +lon_0=136 +k=0.9999 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs").epsgCode())
        .isEqualTo(OptionalInt.of(6674));
    assertThat(Crs.parse("+proj=tmerc +lat_0=36.5 +lon_0=136 +k=0.9999 +x_0=7 +y_0=0 +ellps=GRS80 +units=m").epsgCode())
        .isEmpty();
  }

  @Test
  void wktAxesAndEpsgIdentifiersAreRead() throws Exception {
    Crs jgd = Crs.parse(WktValidationTest.JGD2011_CS_VI_WKT2);
    assertThat(jgd.northingFirst()).isTrue();
    assertThat(jgd.kind()).isEqualTo(CrsKind.PROJECTED);
    assertThat(jgd.epsgCode()).isEqualTo(OptionalInt.of(6674));
    Position viaWkt = Crs.parse("EPSG:4326").transformTo(jgd).apply(new Position(136.1, 36.1, 0));
    assertThat(viaWkt.x()).isCloseTo(9004.07, within(0.01));

    Crs lv03 = Crs.parse(WktValidationTest.CH1903_LV03);
    assertThat(lv03.northingFirst()).isFalse();
    assertThat(lv03.epsgCode()).isEqualTo(OptionalInt.of(21781));
  }

  @Test
  void localCrssTransformOnlyToThemselves() throws Exception {
    Crs local = Crs.parse("ARBITRARY_METERS");
    assertThat(local.kind()).isEqualTo(CrsKind.LOCAL);
    Position p = new Position(10, 20, 3);
    assertThat(local.transformTo(Crs.parse("arbitrary_meters")).apply(p)).isEqualTo(p);
    assertThatThrownBy(() -> local.transformTo(Crs.parse("EPSG:32611")))
        .isInstanceOf(CrsException.class).hasMessageContaining("local");
    Crs noCode = Crs.parse("LOCAL_CS[\"Site\",LOCAL_DATUM[\"Site\",0],UNIT[\"metre\",1],AXIS[\"X\",EAST],AXIS[\"Y\",NORTH]]");
    assertThat(noCode.kind()).isEqualTo(CrsKind.LOCAL);
  }

  @Test
  void degreesGivenForAProjectedCrsAreRecognised() throws Exception {
    Crs utm = Crs.parse("EPSG:32611");
    assertThat(utm.looksLikeDegrees(-119.88, 34.41)).isTrue();
    assertThat(utm.looksLikeDegrees(34.41, -119.88)).isTrue();
    assertThat(utm.looksLikeDegrees(235277.61, 3811190.36)).isFalse();
    assertThat(Crs.parse("EPSG:4326").looksLikeDegrees(-119.88, 34.41)).isFalse();
    assertThat(Crs.parse("ARBITRARY_METERS").looksLikeDegrees(12, 34)).isFalse();
  }

  @Property(tries = 200)
  void projectingThenUnprojectingStaysWithinOneMillimetre(
      @ForAll @DoubleRange(min = -123, max = -111) double lon,
      @ForAll @DoubleRange(min = 0, max = 80) double lat) throws Exception {
    Crs wgs84 = Crs.parse("EPSG:4326");
    Crs utm = Crs.parse("EPSG:32611");
    Position there = wgs84.transformTo(utm).apply(new Position(lon, lat, 0));
    Position back = utm.transformTo(wgs84).apply(there);
    double metresPerDegree = 111_320;
    assertThat(Math.abs(back.y() - lat) * metresPerDegree).isLessThan(0.001);
    assertThat(Math.abs(back.x() - lon) * metresPerDegree * Math.cos(Math.toRadians(lat))).isLessThan(0.001);
  }

  static List<String> lines(String name) throws IOException {
    try (InputStream in = CrsTest.class.getResourceAsStream("/gcp/copr/" + name)) {
      List<String> out = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
        if (!l.isBlank()) {
          out.add(l.strip());
        }
      }
      return out;
    }
  }
}

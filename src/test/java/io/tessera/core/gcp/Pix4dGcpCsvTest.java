package io.tessera.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.Position;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Pix4dGcpCsvTest {

  static List<ControlPoint> read(String text, String crs) throws Exception {
    return Pix4dGcpCsv.read(new StringReader(text), Crs.parse(crs));
  }

  static String write(List<ControlPoint> points, String crs) throws Exception {
    StringWriter out = new StringWriter();
    Pix4dGcpCsv.write(points, Crs.parse(crs), out);
    return out.toString();
  }

  @Test
  void projectedPointsWithAndWithoutAccuracies() throws Exception {
    // PIX4Dmatic's documented examples (CH1903+ / LV95: easting first).
    List<ControlPoint> points = read("""
        GCP0,2532795.105,1152094.639,395.883,0.02,0.03
        GCP1,2532728.805,1152079.825,396.619
        """, "EPSG:2056");
    assertThat(points).containsExactly(
        new ControlPoint("GCP0", PointType.GCP, 2532795.105, 1152094.639, 395.883, Optional.of(Sigmas.of(0.02, 0.03))),
        new ControlPoint("GCP1", PointType.GCP, 2532728.805, 1152079.825, 396.619));
    assertThat(write(points, "EPSG:2056")).isEqualTo("""
        GCP0,2532795.105,1152094.639,395.883,0.02,0.03
        GCP1,2532728.805,1152079.825,396.619
        """);
  }

  /** EPSG:4326 lists latitude first: the file does too, Tessera keeps x = longitude. */
  @Test
  void geographicCoordinatesAreLatitudeFirstInTheFile() throws Exception {
    List<ControlPoint> points = read("GCP0,46.23456,6.56114,299.931,0.02,0.02\n", "EPSG:4326");
    assertThat(points.get(0).x()).isEqualTo(6.56114);
    assertThat(points.get(0).y()).isEqualTo(46.23456);
    assertThat(write(points, "EPSG:4326")).isEqualTo("GCP0,46.23456,6.56114,299.931,0.02,0.02\n");
    assertThatThrownBy(() -> read("GCP0,96.2,6.56114,299.931\n", "EPSG:4326"))
        .hasMessageContaining("line 1: expected latitude within ±90°")
        .hasMessageContaining("latitude first for this CRS");
  }

  /**
   * JGD2011 / Japan Plane Rectangular CS VI: X is the northing and comes first. The file holds X, Y
   * (north, east); Tessera's x is the east–west coordinate, as the photogrammetry API wants it.
   */
  @Test
  void aNorthingFirstCrsIsSwappedOnTheWayInAndOut() throws Exception {
    Crs jgd = Crs.parse("EPSG:6674");
    Position truth = Crs.parse("EPSG:4326").transformTo(jgd).apply(new Position(136.1, 36.1, 0));
    String line = "P1," + truth.y() + "," + truth.x() + ",12.5\n";
    List<ControlPoint> points = read(line, "EPSG:6674");
    assertThat(points.get(0).x()).isCloseTo(9004.07, within(0.01)).isEqualTo(truth.x());
    assertThat(points.get(0).y()).isCloseTo(11099.51, within(0.01)).isEqualTo(truth.y());
    assertThat(write(points, "EPSG:6674")).isEqualTo(line);
  }

  /** Cape / Lo17 lists Y (westing) before X (southing): no swap, x is the westing. */
  @Test
  void capeLo17IsWestingFirstAlready() throws Exception {
    List<ControlPoint> points = read("T1,-129559.15,3753163.2,31\n", "EPSG:22277");
    assertThat(points.get(0).x()).isEqualTo(-129559.15);
    assertThat(points.get(0).y()).isEqualTo(3753163.2);
  }

  @Test
  void headersCommentsAndQuotedLabelsAreUnderstood() throws Exception {
    List<ControlPoint> points = read("""
        label,x,y,z,accH,accV
        # surveyed 2024-05-01
        "GCP 14",3119.615808,1514.596920,304.800000
        "a ""quoted"", label",1,2,3
        """, "EPSG:2056");
    assertThat(points).extracting(ControlPoint::name).containsExactly("GCP 14", "a \"quoted\", label");
    assertThat(write(points, "EPSG:2056")).isEqualTo("""
        GCP 14,3119.615808,1514.59692,304.8
        "a ""quoted"", label",1,2,3
        """);
  }

  @Test
  void badLinesAreReportedWithTheirNumberWhatWasExpectedAndWhatWasFound() {
    assertThatThrownBy(() -> read("""
        GCP0,2532795.105,1152094.639,395.883
        GCP1,2532728.805,1152079.825
        GCP2,2532728,805,1152079,825,396,619
        GCP3,2532728.805,1152079.825,396.619,-0.02,0.02
        GCP0,1,2,3
        "GCP4,1,2,3
        """, "EPSG:2056"))
        .isInstanceOfSatisfying(GcpFormatException.class, e -> {
          assertThat(e.problems()).extracting(GcpFormatException.Problem::line).containsExactly(2, 3, 4, 5, 6);
          assertThat(e.problems().get(0).message())
              .contains("expected label,x,y,z or label,x,y,z,accH,accV, found 3 columns");
          assertThat(e.problems().get(1).message()).contains("found 7 columns");
          assertThat(e.problems().get(2).message())
              .contains("column 5 (accH): expected an accuracy ≥ 0, found \"-0.02\"");
          assertThat(e.problems().get(3).message()).contains("expected a new label, found GCP0 again (first on line 1)");
          assertThat(e.problems().get(4).message()).contains("closing quote");
        });
  }

  @Test
  void pointsWithoutHeightCannotBeWritten() {
    assertThatThrownBy(() -> write(List.of(new ControlPoint("p", PointType.GCP, 1, 2, Double.NaN)), "EPSG:2056"))
        .isInstanceOf(GcpFormatException.class).hasMessageContaining("p has no height");
  }
}

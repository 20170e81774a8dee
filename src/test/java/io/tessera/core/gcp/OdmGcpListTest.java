package io.tessera.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.crs.CrsDefinition;
import io.tessera.core.image.ImagePoint;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OdmGcpListTest {

  static ControlPointSet copr() throws Exception {
    try (InputStream in = OdmGcpListTest.class.getResourceAsStream("/gcp/copr/gcp_list.txt")) {
      return OdmGcpList.read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  static String write(ControlPointSet set) throws Exception {
    StringWriter out = new StringWriter();
    OdmGcpList.write(set, out);
    return out.toString();
  }

  static ControlPointSet read(String text) throws Exception {
    return OdmGcpList.read(new StringReader(text));
  }

  @Test
  void coprParsesIntoTenGcpsWithTheirMarks() throws Exception {
    ControlPointSet set = copr();
    assertThat(set.crs()).contains(new GcpCrs(
        new CrsDefinition.Proj("+proj=utm +zone=11 +ellps=WGS84 +datum=WGS84 +units=m +no_defs")));
    assertThat(set.gcps()).extracting(ControlPoint::name)
        .containsExactly("gcp02", "gcp04", "gcp09", "gcp08", "gcp07", "gcp05", "gcp03", "gcp01", "gcp00", "gcp06");
    assertThat(set.gcps()).allMatch(p -> p.type() == PointType.GCP && p.sigmas().isEmpty());
    assertThat(set.gcp("gcp00")).contains(new ControlPoint("gcp00", PointType.GCP, 235277.61, 3811190.36, 0));
    assertThat(set.marks()).hasSize(27);
    assertThat(set.marksOf("gcp02")).extracting(Mark::image)
        .containsExactly("IMG_0037.jpg", "IMG_0121.jpg", "IMG_0043.jpg");
    assertThat(set.mtps()).isEmpty();
  }

  /** ODM's pixel (0, 0) is the centre of the top-left pixel (OpenSfM): Tessera adds 0.5. */
  @Test
  void odmPixelsAreShiftedByHalfAPixelIntoTesserasConvention() throws Exception {
    ControlPointSet set = copr();
    assertThat(set.marks().get(0))
        .isEqualTo(new Mark("gcp02", "IMG_0037.jpg", new ImagePoint(3609.8727839973153, 2294.2951481487607)));
    // "3564 1929 IMG_0085.jpg gcp08": an integer ODM position is the centre of that pixel.
    Mark whole = set.marksOf("gcp08").get(1);
    assertThat(whole.position()).isEqualTo(ImagePoint.centreOf(3564, 1929));
    assertThat(whole.position().column()).isEqualTo(3564);

    String written = write(set);
    assertThat(written.lines().filter(l -> l.contains("IMG_0085.jpg")).findFirst())
        .contains("235246.25\t3811220.6\t0\t3564\t1929\tIMG_0085.jpg\tgcp08");
  }

  @Test
  void checkpointsUnnamedPointsSpacesAndMissingHeightsFollowOpenDroneMap() throws Exception {
    ControlPointSet set = read("""
        \uFEFFEPSG:32611
        # a comment
        100 200 NaN 10 20 my%20photo.jpg CHK-north corner
        100 200 NaN 11 21 other.jpg CHK-north corner

        300 400 5 30 40 a.jpg
        300 400 5 31 41 b.jpg
        500 600 7 50 60 a.jpg
        """);
    assertThat(set.crs().orElseThrow().definition()).isEqualTo(new CrsDefinition.Epsg(32611));
    assertThat(set.gcps()).extracting(ControlPoint::name, ControlPoint::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("north corner", PointType.CHECKPOINT),
            org.assertj.core.groups.Tuple.tuple("GCP-1", PointType.GCP),
            org.assertj.core.groups.Tuple.tuple("GCP-2", PointType.GCP));
    assertThat(set.gcps().get(0).z()).isNaN();
    assertThat(set.marksOf("north corner").get(0).image()).isEqualTo("my photo.jpg");
    assertThat(set.marksOf("GCP-1")).hasSize(2);
    assertThat(set.marksOf("GCP-2").get(0).position()).isEqualTo(new ImagePoint(50.5, 60.5));

    assertThat(write(set)).isEqualTo("""
        EPSG:32611
        100\t200\tNaN\t10\t20\tmy%20photo.jpg\tCHK-north corner
        100\t200\tNaN\t11\t21\tother.jpg\tCHK-north corner
        300\t400\t5\t30\t40\ta.jpg\tGCP-1
        300\t400\t5\t31\t41\tb.jpg\tGCP-1
        500\t600\t7\t50\t60\ta.jpg\tGCP-2
        """);
    assertThat(read(write(set))).isEqualTo(set);
  }

  @Test
  void theOdmUtmShorthandIsAnEpsgCode() throws Exception {
    ControlPointSet set = read("WGS84 UTM 11N\n235277.61 3811190.36 0 3484 729 IMG_0031.jpg gcp00\n");
    assertThat(set.crs().orElseThrow().definition()).isEqualTo(new CrsDefinition.Epsg(32611));
  }

  @Test
  void badLinesAreReportedWithTheirNumberWhatWasExpectedAndWhatWasFound() {
    String text = """
        +proj=utm +zone=11 +datum=WGS84 +units=m +no_defs
        235269.88 3811198.11 0.0 3609.3 2293.7 IMG_0037.jpg gcp02
        235269.88 3811198.11 0.0 3609.3
        235269.88 3811198,11 0.0 3609.3 2293.7 IMG_0121.jpg gcp02
        235269.88 3811198.11 0.0 10 10 IMG_0037.jpg gcp02
        1 2 3 10 10 IMG_0043.jpg gcp02
        1 2 3 10 10 IMG_0043.jpg CHK-gcp02
        """;
    assertThatThrownBy(() -> read(text))
        .isInstanceOfSatisfying(GcpFormatException.class, e -> {
          assertThat(e.problems()).extracting(GcpFormatException.Problem::line).containsExactly(3, 4, 5, 6, 7);
          assertThat(e.problems().get(0).message())
              .contains("expected geo_x geo_y geo_z im_x im_y image_name").contains("found 4 fields");
          assertThat(e.problems().get(1).message())
              .contains("column 2 (geo_y)").contains("'.' as decimal separator").contains("found \"3811198,11\"");
          assertThat(e.problems().get(2).message()).contains("marked on IMG_0037.jpg again (first on line 2)");
          assertThat(e.problems().get(3).message())
              .contains("expected gcp02 at 235269.88 3811198.11 0 as on line 2, found 1 2 3");
          assertThat(e.problems().get(4).message()).contains("checkpoint (CHK-) here but a GCP on line 2");
          assertThat(e.getMessage()).startsWith("gcp_list.txt: line 3: ");
        });
  }

  @Test
  void aBadCrsLineStopsTheReading() {
    assertThatThrownBy(() -> read("UTM zone 11\n1 2 3 4 5 a.jpg p\n"))
        .isInstanceOf(GcpFormatException.class)
        .hasMessageContaining("line 1: expected the CRS")
        .hasMessageContaining("found \"UTM zone 11\"");
    assertThatThrownBy(() -> read("EPSG:999999\n"))
        .isInstanceOf(GcpFormatException.class).hasMessageContaining("unknown EPSG code 999999");
    assertThatThrownBy(() -> read("\n\n")).hasMessageContaining("empty file");
  }

  @Test
  void whatTheListCannotHoldIsLeftOutOrRefused() throws Exception {
    GcpCrs crs = new GcpCrs(new CrsDefinition.Epsg(32611, java.util.OptionalInt.of(5773)));
    ControlPointSet set = new ControlPointSet(Optional.of(crs),
        List.of(new ControlPoint("a", PointType.GCP, 1, 2, 3), new ControlPoint("unmarked", PointType.GCP, 4, 5, 6)),
        List.of(new Mtp("tie", false)),
        List.of(new Mark("a", "x.jpg", new ImagePoint(1.5, 2.5)), new Mark("tie", "x.jpg", new ImagePoint(3, 4))));
    assertThat(write(set)).isEqualTo("EPSG:32611\n1\t2\t3\t1\t2\tx.jpg\ta\n");

    ControlPointSet chk = new ControlPointSet(crs, List.of(new ControlPoint("CHK-1", PointType.GCP, 1, 2, 3)), List.of());
    assertThatThrownBy(() -> write(chk)).hasMessageContaining("reads names starting with CHK- as checkpoints");
    ControlPointSet local = new ControlPointSet(new GcpCrs(new CrsDefinition.Wkt("ARBITRARY_METERS")),
        List.of(new ControlPoint("a", PointType.GCP, 1, 2, 3)), List.of());
    assertThatThrownBy(() -> write(local)).hasMessageContaining("WKT without an EPSG code");
  }

  @Test
  void aWktCrsIsWrittenAsTheEpsgCodeItDeclares() throws Exception {
    String wkt = "PROJCS[\"WGS 84 / UTM zone 11N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\","
        + "6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
        + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",-117],"
        + "PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
        + "UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"32611\"]]";
    ControlPointSet set = new ControlPointSet(new GcpCrs(new CrsDefinition.Wkt(wkt)),
        List.of(new ControlPoint("a", PointType.GCP, 1, 2, 3)), List.of(new Mark("a", "x.jpg", new ImagePoint(1, 1))));
    assertThat(write(set)).startsWith("EPSG:32611\n");
  }
}

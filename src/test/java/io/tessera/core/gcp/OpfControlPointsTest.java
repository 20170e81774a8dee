package io.tessera.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.crs.CrsDefinition;
import io.tessera.core.image.ImagePoint;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OpfControlPointsTest {

  /** The photogrammetry API document's bundle example, verbatim. */
  static final String REFERENCE_EXAMPLE = """
      {
          "format": "application/opf-input-control-points+json",
          "version": "0.2",
          "gcps": [
              {
                  "id": "gcp0",
                  "geolocation": {
                      "crs": {
                          "definition": "EPSG:4265+EPSG:5214",
                          "geoid_height": 14
                      },
                      "coordinates": [
                          1,
                          2,
                          3
                      ],
                      "sigmas": [
                          5,
                          5,
                          10
                      ]
                  },
                  "marks": [
                      {
                          "photo": "sample_image1.jpg",
                          "position_px": [
                              458,
                              668
                          ],
                          "accuracy": 1.0
                      }
                  ],
                  "is_checkpoint": true
              }
          ],
          "mtps": []
      }
      """;

  static ControlPointSet read(String json) throws Exception {
    return OpfControlPoints.read(new StringReader(json));
  }

  static String write(ControlPointSet set) throws Exception {
    StringWriter out = new StringWriter();
    OpfControlPoints.write(set, out);
    return out.toString();
  }

  @Test
  void theReferenceExampleReads() throws Exception {
    ControlPointSet set = read(REFERENCE_EXAMPLE);
    assertThat(set.crs()).contains(new GcpCrs(new CrsDefinition.Epsg(4265, OptionalInt.of(5214)), OptionalDouble.of(14)));
    // EPSG:4265 (Monte Mario) is geographic, latitude first: [1, 2] is latitude 1, longitude 2.
    assertThat(set.gcps()).containsExactly(
        new ControlPoint("gcp0", PointType.CHECKPOINT, 2, 1, 3, Optional.of(new Sigmas(5, 5, 10))));
    assertThat(set.marks()).containsExactly(
        new Mark("gcp0", "sample_image1.jpg", new ImagePoint(458, 668), OptionalDouble.of(1.0)));
    assertThat(read(write(set))).isEqualTo(set);
  }

  /** OPF's position_px has (0, 0) at the top-left corner of the top-left pixel, as Tessera. */
  @Test
  void opfPixelsAreTesserasPixels() throws Exception {
    ControlPointSet set = read(REFERENCE_EXAMPLE.replace("458", "0.5").replace("668", "0.5"));
    assertThat(set.marks().get(0).position()).isEqualTo(ImagePoint.centreOf(0, 0));
    assertThat(write(set)).contains("\"position_px\" : [ 0.5, 0.5 ]");
  }

  /** The OPF 1.0 spec's example: marks name cameras by id, MTPs have marks too. */
  @Test
  void opf10MarksNameCameras() throws Exception {
    ControlPointSet set = read("""
        {"format": "application/opf-input-control-points+json", "version": "1.0",
         "gcps": [{"id": "gcp0",
                   "geolocation": {"crs": {"definition": "EPSG:4265+5214", "geoid_height": 123},
                                   "coordinates": [1, 2, 3], "sigmas": [5, 5, 10]},
                   "marks": [{"camera_id": 10000000, "position_px": [458, 668], "accuracy": 1.0},
                             {"camera_id": 18446744073709551615, "position_px": [458, 668], "accuracy": 10.0}],
                   "is_checkpoint": true}],
         "mtps": [{"id": "mtp0",
                   "marks": [{"camera_id": 10000000, "position_px": [458, 668], "accuracy": 1.0}],
                   "is_checkpoint": false}]}
        """);
    assertThat(set.marksOf("gcp0")).extracting(Mark::image).containsExactly("10000000", "18446744073709551615");
    assertThat(set.mtps()).containsExactly(new Mtp("mtp0", false));
    assertThat(set.marksOf("mtp0")).hasSize(1);
  }

  @Test
  void coordinatesFollowTheCrsAxisOrderInTheFile() throws Exception {
    ControlPointSet wgs84 = new ControlPointSet(new GcpCrs(new CrsDefinition.Epsg(4326)),
        List.of(new ControlPoint("p", PointType.GCP, -119.88, 34.41, 10, Optional.of(new Sigmas(0.01, 0.02, 0.05)))),
        List.of());
    String json = write(wgs84);
    assertThat(json.replaceAll("\\s+", "")).contains("\"coordinates\":[34.41,-119.88,10.0]")
        .contains("\"sigmas\":[0.02,0.01,0.05]");
    assertThat(read(json)).isEqualTo(wgs84);

    ControlPointSet utm = new ControlPointSet(new GcpCrs(new CrsDefinition.Epsg(32611)),
        List.of(new ControlPoint("p", PointType.GCP, 235277.61, 3811190.36, 0)), List.of());
    assertThat(write(utm).replaceAll("\\s+", "")).contains("\"coordinates\":[235277.61,3811190.36,0.0]");
  }

  @Test
  void aProjStringTravelsAsItsEpsgCodeWithTheOriginalKept() throws Exception {
    String proj = "+proj=utm +zone=11 +ellps=WGS84 +datum=WGS84 +units=m +no_defs";
    ControlPointSet set = new ControlPointSet(new GcpCrs(new CrsDefinition.Proj(proj)),
        List.of(new ControlPoint("p", PointType.GCP, 1, 2, 3)), List.of());
    String json = write(set);
    assertThat(json).contains("\"definition\" : \"EPSG:32611\"").contains("\"TESSERA_proj\"");
    assertThat(read(json).crs().orElseThrow().definition()).isEqualTo(new CrsDefinition.Proj(proj));
    // Another tool changed the definition but left the extension: the definition wins.
    assertThat(read(json.replace("EPSG:32611", "EPSG:32612")).crs().orElseThrow().definition())
        .isEqualTo(new CrsDefinition.Epsg(32612));
  }

  @Test
  void unknownAccuraciesGetTheDocumentedDefaults() throws Exception {
    ControlPointSet set = new ControlPointSet(new GcpCrs(new CrsDefinition.Epsg(32611)),
        List.of(new ControlPoint("p", PointType.GCP, 1, 2, 3)),
        List.of(new Mark("p", "a.jpg", new ImagePoint(10, 20))));
    ControlPointSet back = read(write(set));
    assertThat(back.gcps().get(0).sigmas()).contains(new Sigmas(0.02, 0.02, 0.02));
    assertThat(back.marks().get(0).accuracyPx()).isEqualTo(OptionalDouble.of(1.0));
  }

  @Test
  void badDocumentsAreReportedWithLineAndPath() {
    String json = """
        {
          "format": "application/opf-input-control-points+json",
          "version": "0.2",
          "gcps": [
            {"id": "a",
             "geolocation": {"crs": {"definition": "EPSG:32611"}, "coordinates": [1, 2], "sigmas": [1, 1, 1]},
             "marks": [], "is_checkpoint": false},
            {"id": "b",
             "geolocation": {"crs": {"definition": "EPSG:32612"}, "coordinates": [1, 2, 3], "sigmas": [1, 1, 1]},
             "marks": [{"photo": "x.jpg", "position_px": [1, 2]}], "is_checkpoint": "no"},
            {"id": "a",
             "geolocation": {"crs": {"definition": "EPSG:32611"}, "coordinates": [1, 2, 3], "sigmas": [1, -1, 1]},
             "marks": [], "is_checkpoint": false}
          ],
          "mtps": [{"id": "m", "marks": [{"position_px": [1, 2], "accuracy": 1}], "is_checkpoint": false}]
        }
        """;
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(GcpFormatException.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .containsExactly(
                "line 6: gcps[0].geolocation.coordinates: expected an array of 3 numbers, found an array of 2",
                "line 10: gcps[1].is_checkpoint: expected true or false, found a string \"no\"",
                "line 10: gcps[1].marks[0].accuracy: expected a number, found nothing",
                "line 9: gcps[1].geolocation.crs: expected the CRS of every GCP to be the same (EPSG:32611 at "
                    + "gcps[0].geolocation.crs), found EPSG:32612",
                "line 11: gcps[2].id: expected a unique id, found \"a\" again (first at gcps[0], line 5)",
                "line 12: gcps[2].geolocation.sigmas[1]: expected a number ≥ 0, found -1.0",
                "line 15: mtps[0].marks[0]: expected \"photo\" (an image name) or \"camera_id\" (an unsigned 64-bit"
                    + " integer), found neither"));
  }

  @Test
  void wrongFormatsVersionsAndSyntaxAreNamed() {
    assertThatThrownBy(() -> read(REFERENCE_EXAMPLE.replace("input-control-points", "input-cameras")))
        .hasMessageContaining("line 2: format: expected \"application/opf-input-control-points+json\"");
    assertThatThrownBy(() -> read(REFERENCE_EXAMPLE.replace("\"0.2\"", "\"2.0\"")))
        .hasMessageContaining("line 3: version: expected a version 0.x or 1.x");
    assertThatThrownBy(() -> read(REFERENCE_EXAMPLE.replace("\"mtps\": []", "\"mtps\": [}")))
        .hasMessageContaining("line 36: malformed JSON: Unexpected close marker '}': expected ']' (for Array starting at line 36, column 13)");
    assertThatThrownBy(() -> read("[]")).hasMessageContaining("expected an object, found an array of 0");
    assertThatThrownBy(() -> read(REFERENCE_EXAMPLE.replace("EPSG:4265+EPSG:5214", "+proj=longlat")))
        .hasMessageContaining("found a PROJ string");
    assertThatThrownBy(() -> read(REFERENCE_EXAMPLE.replace("\"photo\": \"sample_image1.jpg\",", "\"photo\": \"a.jpg\",\"photo\": \"b.jpg\",")))
        .hasMessageContaining("expected each key once");
  }

  @Test
  void whatOpfCannotHoldIsRefused() {
    ControlPointSet local = new ControlPointSet(new GcpCrs(new CrsDefinition.Wkt("ARBITRARY_METERS")),
        List.of(new ControlPoint("p", PointType.GCP, 1, 2, 3)), List.of());
    assertThatThrownBy(() -> write(local)).hasMessageContaining("local (arbitrary) CRS");
    ControlPointSet noHeight = new ControlPointSet(new GcpCrs(new CrsDefinition.Epsg(32611)),
        List.of(new ControlPoint("p", PointType.GCP, 1, 2, Double.NaN)), List.of());
    assertThatThrownBy(() -> write(noHeight)).hasMessageContaining("p has no height");
    ControlPointSet custom = new ControlPointSet(
        new GcpCrs(new CrsDefinition.Proj("+proj=tmerc +lat_0=36.5 +lon_0=136 +k=0.9999 +x_0=7 +y_0=0 +ellps=GRS80 +units=m")),
        List.of(new ControlPoint("p", PointType.GCP, 1, 2, 3)), List.of());
    assertThatThrownBy(() -> write(custom)).hasMessageContaining("matches no EPSG code");
  }
}

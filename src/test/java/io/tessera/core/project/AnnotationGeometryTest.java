package io.tessera.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GeoJSON in, problems or bounding box out. */
class AnnotationGeometryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AnnotationGeometry.Result check(String geojson) throws Exception {
    return AnnotationGeometry.check(JSON.readTree(geojson));
  }

  @Test
  void boundingBoxesOfEachType() throws Exception {
    assertThat(check("{\"type\": \"Point\", \"coordinates\": [2.38, 57.322, 0]}").bbox())
        .containsExactly(2.38, 57.322, 2.38, 57.322);
    assertThat(check("{\"type\": \"LineString\", \"coordinates\": [[3, 1], [-1, 4, 2]]}")
        .bbox()).containsExactly(-1, 1, 3, 4);
    assertThat(check("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0, 1], [4, 0, 1],"
        + " [4, 3, 1], [0, 0, 1]], [[1, 1], [2, 1], [2, 2], [1, 1]]]}").bbox())
        .containsExactly(0, 0, 4, 3);
    assertThat(check("{\"type\": \"Circle\", \"coordinates\": [10, 20], \"radius\": 5}").bbox())
        .containsExactly(5, 15, 15, 25);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "null|This field is required.",
    "[1, 2]|Expected a GeoJSON geometry object.",
    "{\"type\": \"Point\"}|coordinates: This field is required.",
    "{\"type\": \"point\", \"coordinates\": [1, 2]}|type: \"point\" is not one of Point,"
        + " LineString, Polygon, Circle.",
    "{\"type\": \"Point\", \"coordinates\": [1]}|coordinates: a position is an array of 2 or 3"
        + " numbers (x, y and optional z).",
    "{\"type\": \"Point\", \"coordinates\": [1, 1e400]}|coordinates[1]: expected a finite"
        + " number, found one beyond the range of a double.",
    "{\"type\": \"Polygon\", \"coordinates\": []}|coordinates: a Polygon needs an array of"
        + " linear rings.",
    "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [0, 0]]]}|coordinates[0]: needs"
        + " at least 4 positions, found 3.",
    "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 0, 1]]]}"
        + "|coordinates[0]: a linear ring must be closed (its last position equal to its"
        + " first).",
    "{\"type\": \"LineString\", \"coordinates\": [[0, 0], [1, null]]}|coordinates[1][1]:"
        + " expected a finite number, found null.",
    "{\"type\": \"Circle\", \"coordinates\": [0, 0]}|radius: a Circle needs a positive finite"
        + " radius (in the project's units)."
  })
  void problemsSayWhere(String geojson, String problem) throws Exception {
    AnnotationGeometry.Result r = check(geojson);
    assertThat(r.valid()).isFalse();
    assertThat(r.bbox()).isNull();
    assertThat(r.problems()).containsExactly(problem);
  }
}

package io.tessera.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.draw.ShapeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GeoJSON files (WGS 84, RFC 7946) and API items (project coordinates) in and out. */
class AnnotationCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double DEG = 1e-9;

  private static final AnnotationData POINT = new AnnotationData(ShapeKind.POINT,
      List.of(new LonLat(11.974_561_234_5, 57.708_870_987_6)), List.of(12.5), "Well",
      "#FF000080", null, "Cover is loose", true, null, null);
  private static final AnnotationData LINE = new AnnotationData(ShapeKind.LINE,
      List.of(new LonLat(11.97, 57.70), new LonLat(11.971_234_567_891, 57.701_111_111_111),
          new LonLat(11.972, 57.7005)), List.of(), "Fence", "#00FF00FF", null, null, false,
      null, null);
  private static final AnnotationData POLYGON;

  static {
    ObjectNode extra = JSON.createObjectNode();
    extra.putObject("volume").put("cut", 12.5);
    extra.putArray("camera_position").add(1).add(2).add(3);
    POLYGON = new AnnotationData(ShapeKind.POLYGON,
        List.of(new LonLat(11.96, 57.69), new LonLat(11.961, 57.69),
            new LonLat(11.961_5, 57.690_8), new LonLat(11.96, 57.691)),
        List.of(), "Stockpile", "#1E88E5FF", "#1E88E540", "Gravel", true, extra,
        JSON.createArrayNode().add("survey").add("2026"));
  }

  @Test
  void anExportReadBackGivesTheSameGeometryAndProperties() throws Exception {
    List<AnnotationData> all = List.of(POINT, LINE, POLYGON);
    String file = JSON.writeValueAsString(AnnotationCodec.toFeatureCollection(all));

    AnnotationCodec.Imported back = AnnotationCodec.fromGeoJson(JSON.readTree(file));

    assertThat(back.skipped()).isEmpty();
    assertThat(back.annotations()).hasSize(3);
    for (int i = 0; i < all.size(); i++) {
      AnnotationData a = all.get(i);
      AnnotationData b = back.annotations().get(i);
      assertThat(b.kind()).isEqualTo(a.kind());
      assertThat(b.vertices()).hasSameSizeAs(a.vertices());
      for (int k = 0; k < a.vertices().size(); k++) {
        assertThat(b.vertices().get(k).lonDeg()).isCloseTo(a.vertices().get(k).lonDeg(),
            within(DEG));
        assertThat(b.vertices().get(k).latDeg()).isCloseTo(a.vertices().get(k).latDeg(),
            within(DEG));
      }
      assertThat(b.heights()).isEqualTo(a.heights());
      assertThat(b.name()).isEqualTo(a.name());
      assertThat(b.color()).isEqualTo(a.color());
      assertThat(b.colorFill()).isEqualTo(a.colorFill());
      assertThat(b.description()).isEqualTo(a.description());
      assertThat(b.visible()).isEqualTo(a.visible());
      assertThat(b.extra()).isEqualTo(a.extra());
      assertThat(b.tags()).isEqualTo(a.tags());
    }
  }

  @Test
  void theFileIsRfc7946LongitudeFirstWithClosedRingsAndTheZItCameWith() throws Exception {
    JsonNode fc = AnnotationCodec.toFeatureCollection(List.of(POINT, POLYGON));

    assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
    JsonNode point = fc.path("features").path(0);
    assertThat(point.path("type").asText()).isEqualTo("Feature");
    assertThat(point.path("geometry").path("type").asText()).isEqualTo("Point");
    assertThat(point.path("geometry").path("coordinates").get(0).asDouble())
        .isEqualTo(11.974_561_234_5);
    assertThat(point.path("geometry").path("coordinates").get(1).asDouble())
        .isEqualTo(57.708_870_987_6);
    assertThat(point.path("geometry").path("coordinates").get(2).asDouble()).isEqualTo(12.5);
    assertThat(point.path("properties").path("color").asText()).isEqualTo("#FF000080");
    JsonNode ring = fc.path("features").path(1).path("geometry").path("coordinates").path(0);
    assertThat(ring).hasSize(5);
    assertThat(ring.get(4)).isEqualTo(ring.get(0));
    assertThat(fc.path("features").path(1).path("properties").path("tags").get(0).asText())
        .isEqualTo("survey");
  }

  @Test
  void whatCannotBeAnAnnotationIsLeftOutAndNamed() throws Exception {
    JsonNode in = JSON.readTree("""
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"name": "Area", "color": "#ff8800"},
           "geometry": {"type": "Polygon", "coordinates": [
             [[10, 50], [10.01, 50], [10.01, 50.01], [10, 50]],
             [[10.002, 50.002], [10.004, 50.002], [10.004, 50.004], [10.002, 50.002]]]}},
          {"type": "Feature", "properties": {"name": "Many"},
           "geometry": {"type": "MultiPoint", "coordinates": [[10, 50], [11, 51]]}},
          {"type": "Feature", "properties": {"name": "Short"},
           "geometry": {"type": "LineString", "coordinates": [[10, 50]]}},
          {"type": "Feature", "properties": {},
           "geometry": {"type": "Point", "coordinates": [500000, 6400000]}}
        ]}""");

    AnnotationCodec.Imported r = AnnotationCodec.fromGeoJson(in);

    assertThat(r.annotations()).hasSize(1);
    AnnotationData area = r.annotations().get(0);
    assertThat(area.vertices()).hasSize(3);
    assertThat(area.color()).as("#RRGGBB gains an opaque alpha").isEqualTo("#FF8800FF");
    assertThat(r.skipped()).containsExactly(
        "Feature 1 (Area): its holes were left out.",
        "Feature 2 (Many): a MultiPoint geometry cannot be an annotation (Point, LineString or"
            + " Polygon only).",
        "Feature 3 (Short): a line needs at least 2 positions.",
        "Feature 4: (500000.0, 6400000.0) is not a longitude and latitude in degrees.");
    assertThatThrownBy(() -> AnnotationCodec.fromGeoJson(JSON.readTree("{\"a\": 1}")))
        .hasMessage("This is not GeoJSON: a GeoJSON file is an object whose \"type\" is"
            + " FeatureCollection, Feature or a geometry.");
  }

  @Test
  void anApiItemIsInTheProjectsCoordinatesAndReadsBackToTheSamePlace() throws Exception {
    Crs utm = Crs.parse("EPSG:32632");
    Crs wgs84 = Crs.parse("EPSG:4326");
    CrsTransform toProject = wgs84.transformTo(utm);

    ObjectNode item = AnnotationCodec.toApi(POLYGON, 42, toProject);

    assertThat(item.path("entity_type").asText()).isEqualTo("Project");
    assertThat(item.path("entity_id").asLong()).isEqualTo(42);
    JsonNode first = item.path("geometry").path("coordinates").path(0).path(0);
    // 11.96° E, 57.69° N in UTM 32N: about 676 km east, 6398 km north
    assertThat(first.get(0).asDouble()).isBetween(670_000.0, 690_000.0);
    assertThat(first.get(1).asDouble()).isBetween(6_390_000.0, 6_410_000.0);
    assertThat(item.path("properties").path("volume").path("cut").asDouble()).isEqualTo(12.5);

    AnnotationData back = AnnotationCodec.fromApi(item, utm.transformTo(wgs84));
    for (int k = 0; k < POLYGON.vertices().size(); k++) {
      assertThat(back.vertices().get(k).lonDeg())
          .isCloseTo(POLYGON.vertices().get(k).lonDeg(), within(DEG));
      assertThat(back.vertices().get(k).latDeg())
          .isCloseTo(POLYGON.vertices().get(k).latDeg(), within(DEG));
    }
    assertThat(back.name()).isEqualTo("Stockpile");
    assertThat(back.extra()).isEqualTo(POLYGON.extra());
  }
}

package io.tessera.api.photogrammetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.core.raster.ArrayRaster;
import io.tessera.core.raster.CogWriter;
import io.tessera.core.raster.GeoTransform;
import io.tessera.testing.Pix4dClients;
import io.tessera.testing.RunningService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/project/{id}/volumes/} against the real server over DSMs written as GeoTIFFs and
 * imported as outputs: the document's two example bodies as printed, an analytic pile, and every
 * error body the document lists.
 */
class VolumesApiTest {
  private static RunningService svc;
  private static TesseraClient api;
  private static Path dir;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
    api = Pix4dClients.as(svc, "read write");
    dir = Files.createTempDirectory("tessera-volumes-");
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  private static JsonNode json(RawResponse r) throws IOException {
    return svc.desktop().json().readTree(r.body());
  }

  private static RawResponse post(String path, String body) {
    return api.raw("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  /** A project in {@code crs} with a DSM sampled from {@code z} over the given grid. */
  private static long projectWithDsm(String crs, int epsg, double x0, double y0, double cell,
      int n, DoubleBinaryOperator z) throws Exception {
    RawResponse created = post("/project/api/v3/projects/",
        "{\"name\": \"Stockpile\", \"coordinate_system\": \"" + crs + "\"}");
    assertThat(created.status()).isEqualTo(201);
    long id = json(created).path("id").asLong();
    float[] v = new float[n * n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        v[r * n + c] = (float) z.applyAsDouble(x0 + (c + 0.5) * cell, y0 - (r + 0.5) * cell);
      }
    }
    Path tif = Files.createTempFile(dir, "dsm-", ".tif");
    try (ArrayRaster r = new ArrayRaster(n, n, v, GeoTransform.northUp(x0, y0, cell, cell),
        OptionalInt.of(epsg), OptionalDouble.of(-9999))) {
      CogWriter.write(r, tif, CogWriter.Options.defaults());
    }
    RawResponse reg = post("/project/api/v3/projects/" + id + "/outputs/",
        "{\"output\": \"" + tif + "\", \"output_type\": \"dsm\"}");
    assertThat(reg.status()).isEqualTo(200);
    OutputsApiTest.awaitImport(api, svc, id, json(reg).path("output_id").asLong());
    return id;
  }

  @Test
  void theDocumentsTriangulatedExampleWorksUnchanged() throws Exception {
    // a 60 m square of ground at 150 m in UTM 18N around the document's polygon, with a pile
    long id = projectWithDsm("EPSG:32618", 32618, 328700, 4688320, 0.1, 600,
        (x, y) -> 150 + 5 * Math.exp(-(Math.pow(x - 328737, 2) + Math.pow(y - 4688283, 2))
            / (2 * 9)));
    RawResponse r = post("/v1/project/" + id + "/volumes/", """
        {
          "base_surface": "triangulated",
          "coordinates": [
            [328726.692, 4688271.030, 159.725],
            [328728.351, 4688298.208, 150.376],
            [328750.527, 4688289.860, 150.250],
            [328744.430, 4688271.645, 150.056]
          ]
        }""");
    assertThat(r.status()).isEqualTo(200);
    JsonNode v = json(r);
    for (String f : new String[] {"cut", "cut_error", "fill", "fill_error"}) {
      assertThat(v.path(f).isNumber()).as(f).isTrue();
      assertThat(v.path(f).asDouble()).as(f).isGreaterThanOrEqualTo(0);
    }
    assertThat(v.path("net").asDouble())
        .isCloseTo(v.path("cut").asDouble() - v.path("fill").asDouble(), within(1e-6));
    assertThat(v.path("base").path("source").asText()).isEqualTo("vertices");
    assertThat(v.path("cut_error").asDouble() + v.path("fill_error").asDouble()).isPositive();
  }

  @Test
  void theDocumentsCustomExampleWorksUnchangedAndItsCrossedRingIsUntangled() throws Exception {
    // flat ground 4.48 m above the document's custom elevation of 40.52 m
    long id = projectWithDsm("EPSG:32615", 32615, 419420, 3469070, 0.05, 400, (x, y) -> 45.0);
    RawResponse r = post("/v1/project/" + id + "/volumes/", """
        {
          "base_surface": "triangulated",
          "coordinates": [
            [419430.327, 3469059.806],
            [419429.338, 3469056.812],
            [419431.319, 3469060.816],
            [419433.329, 3469058.803]
          ],
          "custom_elevation": 40.52
        }""");
    assertThat(r.status()).isEqualTo(200);
    JsonNode v = json(r);
    assertThat(v.path("warning").asText()).contains("crosses itself");
    // the ring taken around its centre: (429.338, 56.812) (433.329, 58.803) (431.319, 60.816)
    // (430.327, 59.806) — its shoelace area
    double[][] ring = {{429.338, 56.812}, {433.329, 58.803}, {431.319, 60.816},
        {430.327, 59.806}};
    double area = 0;
    for (int i = 0; i < 4; i++) {
      double[] a = ring[i];
      double[] b = ring[(i + 1) % 4];
      area += a[0] * b[1] - b[0] * a[1];
    }
    area = Math.abs(area) / 2;
    assertThat(v.path("area").asDouble()).isCloseTo(area, within(area * 1e-6));
    assertThat(v.path("cut").asDouble()).isCloseTo(area * 4.48, within(area * 4.48 * 1e-5));
    assertThat(v.path("fill").asDouble()).isZero();
    assertThat(v.path("base").path("source").asText()).isEqualTo("custom_elevation");
  }

  @Test
  void aConeOnFlatGroundMeasuresItsAnalyticVolumeInEveryUnit() throws Exception {
    double h = 4;
    double radius = 6;
    long id = projectWithDsm("EPSG:32633", 32633, 500000, 5200030, 0.05, 600,
        (x, y) -> 100 + Math.max(0, h * (1 - Math.hypot(x - 500015, y - 5200015) / radius)));
    String ring = "[[500005, 5200005], [500025, 5200005], [500025, 5200025], [500005, 5200025]]";
    double cone = Math.PI * radius * radius * h / 3;
    for (String base : new String[] {"average", "fitPlane", "triangulated", "lowest"}) {
      JsonNode v = json(post("/v1/project/" + id + "/volumes/",
          "{\"base_surface\": \"" + base + "\", \"coordinates\": " + ring + "}"));
      assertThat(v.path("cut").asDouble()).as(base).isCloseTo(cone, within(cone * 0.002));
      assertThat(v.path("area").asDouble()).as(base).isCloseTo(400, within(1e-6));
    }
    JsonNode yd = json(post("/v1/project/" + id + "/volumes/",
        "{\"base_surface\": \"custom\", \"custom_elevation\": 100, \"units\": \"yd\","
            + " \"coordinates\": " + ring + "}"));
    assertThat(yd.path("units").asText()).isEqualTo("yd");
    assertThat(yd.path("cut").asDouble())
        .isCloseTo(cone / Math.pow(0.9144, 3), within(cone * 0.003));
  }

  @Test
  void everyDocumentedErrorHasItsBody() throws Exception {
    String body = "{\"base_surface\": \"average\", \"coordinates\": [[0, 0], [10, 0], [10, 10]]}";
    RawResponse unknown = post("/v1/project/987654/volumes/", body);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text()).isEqualTo("{\"title\":\"404 Not Found\"}");

    RawResponse created = post("/project/api/v3/projects/",
        "{\"name\": \"Empty\", \"coordinate_system\": \"EPSG:32633\"}");
    long empty = json(created).path("id").asLong();
    RawResponse noDsm = post("/v1/project/" + empty + "/volumes/", body);
    assertThat(noDsm.status()).isEqualTo(400);
    assertThat(noDsm.text()).isEqualTo("{\"title\":\"No COG DSM found for this project\"}");

    long id = projectWithDsm("EPSG:32633", 32633, 500000, 5200010, 0.1, 100, (x, y) -> 10);
    RawResponse outside = post("/v1/project/" + id + "/volumes/",
        "{\"base_surface\": \"average\", \"coordinates\": [[0, 0], [10, 0], [10, 10]]}");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.text())
        .isEqualTo("{\"title\":\"The polygon doesn't overlap the dataset\"}");

    RawResponse invalid = post("/v1/project/" + id + "/volumes/",
        "{\"base_surface\": \"average\", \"coordinates\": [[500001, 5200001], [500002, 5200002],"
            + " [500003, 5200003]]}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.text()).isEqualTo("{\"title\":\"Invalid Polygon\"}");

    RawResponse badBase = post("/v1/project/" + id + "/volumes/",
        "{\"base_surface\": \"median\", \"coordinates\": [[500001, 5200001], [500005, 5200001],"
            + " [500005, 5200005]]}");
    assertThat(badBase.status()).isEqualTo(400);
    assertThat(json(badBase).path("title").asText()).contains("median").contains("fitPlane");

    RawResponse customWithout = post("/v1/project/" + id + "/volumes/",
        "{\"base_surface\": \"custom\", \"coordinates\": [[500001, 5200001], [500005, 5200001],"
            + " [500005, 5200005]]}");
    assertThat(customWithout.status()).isEqualTo(400);
    assertThat(json(customWithout).path("title").asText()).contains("custom_elevation");
  }
}

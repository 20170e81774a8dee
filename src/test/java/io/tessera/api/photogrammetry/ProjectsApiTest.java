package io.tessera.api.photogrammetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.testing.Pix4dClients;
import io.tessera.testing.RunningService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The photogrammetry surface's token endpoint and projects against the real server, with the
 * reference document's own request bodies.
 */
class ProjectsApiTest {
  private static RunningService svc;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  private static ClientDto client(String scopes) {
    return Pix4dClients.client(svc, scopes);
  }


  private static JsonNode json(RawResponse r) throws IOException {
    return svc.desktop().json().readTree(r.body());
  }

  private static RawResponse form(String body) {
    return svc.anonymous().raw("POST", "/oauth2/token/", "application/x-www-form-urlencoded",
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** A token as the document's first curl example gets it. */
  private static TesseraClient as(String scopes) throws IOException {
    return Pix4dClients.as(svc, scopes);
  }


  @Test
  void theDocumentsTokenRequestsWorkUrlencodedAndAsAForm() throws Exception {
    ClientDto c = client("read write");
    RawResponse urlencoded = form("grant_type=client_credentials&token_format=jwt&client_id="
        + c.clientId() + "&client_secret=" + c.clientSecret());
    assertThat(urlencoded.status()).isEqualTo(200);
    JsonNode t = json(urlencoded);
    assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(t.path("expires_in").asLong()).isEqualTo(36_000);
    assertThat(t.path("scope").asText()).isEqualTo("read write");

    String boundary = "xYzZY";
    StringBuilder multipart = new StringBuilder();
    for (var e : Map.of("client_id", c.clientId(), "client_secret", c.clientSecret(),
        "grant_type", "client_credentials", "token_type", "access_token",
        "token_format", "jwt").entrySet()) {
      multipart.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
          .append(e.getKey()).append("\"\r\n\r\n").append(e.getValue()).append("\r\n");
    }
    multipart.append("--").append(boundary).append("--\r\n");
    RawResponse asForm = svc.anonymous().raw("POST", "/oauth2/token/",
        "multipart/form-data; boundary=" + boundary,
        multipart.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(asForm.status()).isEqualTo(200);
    String token = json(asForm).path("access_token").asText();
    assertThat(svc.bearer(token).raw("GET", "/project/api/v3/projects/", null, null).status())
        .isEqualTo(200);

    assertThat(form("grant_type=client_credentials&client_id=" + c.clientId()
        + "&client_secret=wrong").status()).isEqualTo(401);
    assertThat(form("grant_type=password&client_id=" + c.clientId()).status()).isEqualTo(400);
    ClientDto missionsOnly = client("missions:read");
    RawResponse noScope = form("grant_type=client_credentials&client_id="
        + missionsOnly.clientId() + "&client_secret=" + missionsOnly.clientSecret());
    assertThat(noScope.status()).isEqualTo(400);
    assertThat(json(noScope).path("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  void projectsAreCreatedListedReadUpdatedAndDeleted() throws Exception {
    TesseraClient api = as("read write");
    RawResponse created = api.raw("POST", "/project/api/v3/projects/", "application/json",
        "{\"name\": \"My first project\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(created.status()).isEqualTo(201);
    JsonNode p = json(created);
    long id = p.path("id").asLong();
    assertThat(id).isPositive();
    assertThat(p.path("uuid").asText()).matches("[0-9a-f]{32}");
    assertThat(p.path("name").asText()).isEqualTo("My first project");
    assertThat(p.path("display_name").asText()).isEqualTo("My first project");
    assertThat(p.path("public_status").asText()).isEqualTo("CREATED");
    assertThat(p.path("project_type").asText()).isEqualTo("pro");
    assertThat(p.path("image_count").asInt()).isZero();
    assertThat(p.path("detail_url").asText())
        .isEqualTo(svc.url() + "/project/api/v3/projects/" + id + "/");
    assertThat(p.path("create_date").asText()).endsWith("Z");

    JsonNode page = json(api.raw("GET", "/project/api/v3/projects/?page_size=1", null, null));
    assertThat(page.path("count").asLong()).isPositive();
    assertThat(page.path("results").get(0).path("id").asLong()).isEqualTo(id);
    assertThat(page.path("previous").isNull()).isTrue();

    RawResponse got = api.raw("GET", "/project/api/v3/projects/" + id + "/", null, null);
    assertThat(got.status()).isEqualTo(200);
    String etag = got.header("ETag");
    RawResponse renamed = api.raw("PATCH", "/project/api/v3/projects/" + id + "/",
        "application/json", ("{\"display_name\": \"Coal Oil Point\", \"coordinate_system\":"
            + " \"EPSG:32611\"}").getBytes(StandardCharsets.UTF_8), Map.of("If-Match", etag));
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(json(renamed).path("display_name").asText()).isEqualTo("Coal Oil Point");
    assertThat(json(renamed).path("name").asText()).isEqualTo("My first project");
    assertThat(json(renamed).path("coordinate_system").asText()).isEqualTo("EPSG:32611");
    RawResponse stale = api.raw("PATCH", "/project/api/v3/projects/" + id + "/",
        "application/json", "{\"display_name\": \"Lost\"}".getBytes(StandardCharsets.UTF_8),
        Map.of("If-Match", etag));
    assertThat(stale.status()).isEqualTo(412);

    RawResponse processing =
        api.raw("POST", "/project/api/v3/projects/" + id + "/start_processing/",
            "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(json(processing).path("public_status").asText()).isEqualTo("PROCESSING");
    assertThat(json(processing).path("display_detailed_status").asText())
        .contains("no photogrammetry engine");

    assertThat(api.raw("DELETE", "/project/api/v3/projects/" + id + "/", null, null).status())
        .isEqualTo(204);
    assertThat(api.raw("GET", "/project/api/v3/projects/" + id + "/", null, null).status())
        .isEqualTo(404);
  }

  @Test
  void invalidFieldsAreNamedAsTheDocumentsFrameworkDoesAndScopesAreEnforced() throws Exception {
    TesseraClient api = as("read write");
    RawResponse bad = api.raw("POST", "/project/api/v3/projects/", "application/json",
        "{\"name\": \"a/b\", \"project_type\": \"cad\", \"coordinate_system\": \"EPSG:4326x\"}"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(bad.status()).isEqualTo(400);
    JsonNode errors = json(bad);
    assertThat(errors.path("name").get(0).asText()).contains("slashes");
    assertThat(errors.path("project_type").get(0).asText()).contains("not a valid choice");
    assertThat(errors.path("coordinate_system").get(0).asText()).contains("Not a valid");
    RawResponse geographic = api.raw("POST", "/project/api/v3/projects/", "application/json",
        "{\"name\": \"x\", \"coordinate_system\": \"EPSG:4326\"}"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(json(geographic).path("coordinate_system").get(0).asText())
        .contains("Geographical");
    RawResponse missing = api.raw("POST", "/project/api/v3/projects/", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(json(missing).path("name").get(0).asText()).isEqualTo("This field is required.");

    TesseraClient reader = as("read");
    assertThat(reader.raw("GET", "/project/api/v3/projects/", null, null).status())
        .isEqualTo(200);
    assertThat(reader.raw("POST", "/project/api/v3/projects/", "application/json",
        "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    assertThat(svc.anonymous().raw("GET", "/project/api/v3/projects/", null, null).status())
        .isEqualTo(401);
  }

  @Test
  void processingOptionsTakeTheDocumentsRegionOfInterestAndRefuseBadOnes() throws Exception {
    TesseraClient api = as("read write");
    long id = json(api.raw("POST", "/project/api/v3/projects/", "application/json",
        "{\"name\": \"ROI\"}".getBytes(StandardCharsets.UTF_8))).path("id").asLong();
    String path = "/project/api/v3/projects/" + id + "/processing_options/";
    assertThat(json(api.raw("GET", path, null, null)).path("tags").isNull()).isTrue();
    String roi = """
        {
          "tags": ["nadir", "flat"],
          "outputs": ["ortho", "dsm"],
          "area": {
            "plane": {
              "vertices3d": [
                [3.248295746230309, 43.415212850276255, 0],
                [3.2484144251306066, 43.41525557252694, 0],
                [3.248465887662594, 43.415162880462645, 0],
                [3.2483382815883806, 43.415126642785765, 0]
              ],
              "outer_boundary": [0, 1, 2, 3]
            },
            "thickness": 10
          }
        }""";
    RawResponse set = api.raw("POST", path, "application/json",
        roi.getBytes(StandardCharsets.UTF_8));
    assertThat(set.status()).isEqualTo(200);
    JsonNode stored = json(api.raw("GET", path, null, null));
    assertThat(stored.path("area").path("plane").path("outer_boundary")).hasSize(4);
    assertThat(stored.path("area").path("thickness").asDouble()).isEqualTo(10);

    JsonNode patched = json(api.raw("PATCH", path, "application/json",
        "{\"tags\": [\"oblique\"]}".getBytes(StandardCharsets.UTF_8)));
    assertThat(patched.path("tags").get(0).asText()).isEqualTo("oblique");
    assertThat(patched.path("outputs")).as("a patch keeps what it does not name").hasSize(2);
    JsonNode replaced = json(api.raw("POST", path, "application/json",
        "{\"tags\": [\"rtk\"]}".getBytes(StandardCharsets.UTF_8)));
    assertThat(replaced.path("outputs").isNull()).as("a POST resets the rest").isTrue();

    Map<String, String> bad = Map.of(
        "{\"tags\": [\"drone\"]}", "tags",
        "{\"output_cs_vertical\": 5773, \"output_cs_horizontal\": 32611}", "output_cs_vertical",
        "{\"output_cs_geoid\": \"EGM96\"}", "output_cs_horizontal",
        "{\"area\": {\"plane\": {\"vertices3d\": [[0,0,0],[1,0,0],[1,1,0]],"
            + " \"outer_boundary\": [0, 1, 5]}}}", "area.plane.outer_boundary",
        "{\"area\": {\"plane\": {\"vertices3d\": [[0,0,0],[1,1,0],[1,0,0],[0,1,0]],"
            + " \"outer_boundary\": [0, 1, 2, 3]}}}", "area.plane");
    for (var e : bad.entrySet()) {
      RawResponse r = api.raw("POST", path, "application/json",
          e.getKey().getBytes(StandardCharsets.UTF_8));
      assertThat(r.status()).as(e.getKey()).isEqualTo(400);
      assertThat(json(r).has(e.getValue())).as(e.getKey() + " names " + e.getValue()).isTrue();
    }
    assertThat(json(api.raw("GET", path, null, null)).path("tags").get(0).asText())
        .as("refused options leave the stored ones").isEqualTo("rtk");
  }

  @Test
  void wktIsValidatedAsTheDocumentSays() throws Exception {
    TesseraClient api = as("read");
    String ch1903 = """
        PROJCS["CH1903 / LV03",
            GEOGCS["CH1903",
                DATUM["CH1903",
                    SPHEROID["Bessel 1841",6377397.155,299.1528128,
                        AUTHORITY["EPSG","7004"]],
                    AUTHORITY["EPSG","6149"]],
                PRIMEM["Greenwich",0,
                    AUTHORITY["EPSG","8901"]],
                UNIT["degree",0.0174532925199433,
                    AUTHORITY["EPSG","9122"]],
                AUTHORITY["EPSG","4149"]],
            PROJECTION["Hotine_Oblique_Mercator_Azimuth_Center"],
            PARAMETER["latitude_of_center",46.9524055555556],
            PARAMETER["longitude_of_center",7.43958333333333],
            PARAMETER["azimuth",90],
            PARAMETER["rectified_grid_angle",90],
            PARAMETER["scale_factor",1],
            PARAMETER["false_easting",600000],
            PARAMETER["false_northing",200000],
            UNIT["metre",1,
                AUTHORITY["EPSG","9001"]],
            AXIS["Easting",EAST],
            AXIS["Northing",NORTH],
            AUTHORITY["EPSG","21781"]]""";
    for (String wkt : List.of(ch1903, "ARBITRARY_METERS", "ARBITRARY_US_FEET")) {
      String body = svc.desktop().json().writeValueAsString(Map.of("wkt_string", wkt));
      RawResponse r = api.raw("POST", "/common/api/v3/coordinate_systems/validate_wkt/",
          "application/json", body.getBytes(StandardCharsets.UTF_8));
      assertThat(r.status()).as(wkt).isEqualTo(200);
      assertThat(json(r).path("wkt_string").asText()).isEqualTo(wkt);
    }
    for (String wkt : List.of("PROJCS[\"broken\"", "VERT_CS[\"x\"]", "hello")) {
      String body = svc.desktop().json().writeValueAsString(Map.of("wkt_string", wkt));
      RawResponse r = api.raw("POST", "/common/api/v3/coordinate_systems/validate_wkt/",
          "application/json", body.getBytes(StandardCharsets.UTF_8));
      assertThat(r.status()).as(wkt).isEqualTo(400);
      assertThat(json(r).path("wkt_string").get(0).asText()).isNotBlank();
    }
    RawResponse project = api.raw("GET", "/project/api/v3/projects/", null, null);
    assertThat(project.status()).isEqualTo(200);
  }
}

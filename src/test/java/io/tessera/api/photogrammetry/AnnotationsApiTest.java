package io.tessera.api.photogrammetry;

import static io.tessera.testing.Pix4dClients.createAnnotations;
import static io.tessera.testing.Pix4dClients.deleteAnnotations;
import static io.tessera.testing.Pix4dClients.searchAnnotations;
import static io.tessera.testing.Pix4dClients.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.testing.Pix4dClients;
import io.tessera.testing.RunningService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The annotation API against the real server: the reference document's own request bodies,
 * copied from its curl examples, a full round trip, and every refusal with its body.
 */
class AnnotationsApiTest {
  /** "Creating annotations", the body of the curl example as the document prints it. */
  static final String CREATE_EXAMPLE = String.join("\n",
      "{",
      "  \"annotations\": [",
      "    {",
      "      \"entity_type\": \"Project\",",
      "      \"entity_id\": 123456,",
      "      \"properties\": {",
      "        \"name\": \"My annotation\",",
      "        \"color\": \"#FFFFFF80\",",
      "        \"description\": \"My first annotation\"",
      "      },",
      "      \"geometry\": {",
      "        \"coordinates\": [",
      "          2.38,",
      "          57.322,",
      "          0",
      "        ],",
      "        \"type\": \"Point\"",
      "      }",
      "    },",
      "    {",
      "      \"entity_type\": \"Project\",",
      "      \"entity_id\": 123456,",
      "      \"properties\": {",
      "        \"name\": \"My annotation\",",
      "        \"color\": \"#FFFFFF80\",",
      "        \"description\": \"My second annotation\"",
      "      },",
      "      \"geometry\": {",
      "        \"coordinates\": [",
      "          3.49,",
      "          68.433,",
      "          0",
      "        ],",
      "        \"type\": \"Point\"",
      "      }",
      "    }",
      "  ]",
      "}");

  /** "Deleting annotations", as printed: note the trailing commas. */
  static final String DELETE_EXAMPLE = String.join("\n",
      "{",
      "  \"annotations\": [",
      "    \"Project_123456_12345678-1234-1234-1234-123456789abc\",",
      "    \"Project_654321_fedcba98-fedc-fedc-fedc-fedcba987654\",",
      "  ]",
      "}");

  private static final String ID_PATTERN =
      "Project_%d_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String TIME_PATTERN =
      "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

  private static RunningService svc;
  private static TesseraClient api;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
    api = Pix4dClients.as(svc, "read write");
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  private static JsonNode json(RawResponse r) throws IOException {
    return svc.desktop().json().readTree(r.body());
  }

  private static String point(long project, double x, double y, String color) {
    return "{\"entity_type\": \"Project\", \"entity_id\": " + project + ", \"properties\":"
        + " {\"name\": \"P\", \"color\": \"" + color + "\"}, \"geometry\": {\"type\": \"Point\","
        + " \"coordinates\": [" + x + ", " + y + ", 0]}}";
  }

  private static List<String> ids(JsonNode outcomes) {
    List<String> ids = new ArrayList<>();
    outcomes.path("annotations").forEach(o -> ids.add(o.path("annotation_id").asText()));
    return ids;
  }

  @Test
  void theDocumentsExamplesAreReadAsPrinted() throws Exception {
    long project = Pix4dClients.project(api, "Quickstart");
    // as printed, the example names project 123456, which does not exist here: each item fails
    RawResponse verbatim = createAnnotations(api, CREATE_EXAMPLE);
    assertThat(verbatim.status()).isEqualTo(201);
    for (JsonNode o : json(verbatim).path("annotations")) {
      assertThat(o.path("success").asBoolean()).isFalse();
      assertThat(o.path("annotation_id").isNull()).isTrue();
      assertThat(o.path("errors").path("entity_id").get(0).asText())
          .isEqualTo("Project 123456 not found.");
    }
    RawResponse created =
        createAnnotations(api, CREATE_EXAMPLE.replace("123456", Long.toString(project)));
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = json(created);
    assertThat(body.path("annotations")).hasSize(2);
    for (JsonNode o : body.path("annotations")) {
      assertThat(o.path("success").asBoolean()).isTrue();
      assertThat(o.path("annotation_id").asText())
          .matches(String.format(java.util.Locale.ROOT, ID_PATTERN, project));
      assertThat(o.has("errors")).isFalse();
    }

    // "List annotations": GET /v1/annotations/?entity_type=Project&entity_id=…
    RawResponse listed = api.raw("GET", "/v1/annotations/?entity_type=Project&entity_id="
        + project, null, null);
    assertThat(listed.status()).isEqualTo(200);
    JsonNode results = json(listed).path("results");
    assertThat(json(listed).path("next").isNull()).isTrue();
    assertThat(results).hasSize(2);
    JsonNode first = results.get(0);
    assertThat(first.path("version").asText()).isEqualTo("1.0");
    assertThat(first.path("entity_type").asText()).isEqualTo("Project");
    assertThat(first.path("entity_id").asLong()).isEqualTo(project);
    assertThat(first.path("id").asText()).isEqualTo(ids(body).get(0));
    assertThat(first.path("created").asText()).matches(TIME_PATTERN);
    assertThat(first.path("modified").asText()).matches(TIME_PATTERN);
    assertThat(first.path("properties").path("name").asText()).isEqualTo("My annotation");
    assertThat(first.path("properties").path("color").asText()).isEqualTo("#FFFFFF80");
    assertThat(first.path("properties").path("description").asText())
        .isEqualTo("My first annotation");
    assertThat(first.path("geometry").path("type").asText()).isEqualTo("Point");
    assertThat(first.path("geometry").path("coordinates").toString())
        .isEqualTo("[2.38,57.322,0]");
    assertThat(first.path("tags").isArray()).isTrue();
    assertThat(first.path("extension").isObject()).isTrue();
    assertThat(results.get(1).path("properties").path("description").asText())
        .isEqualTo("My second annotation");

    // "Deleting annotations", as printed (trailing commas, ids of other projects): each fails
    RawResponse deleteVerbatim = deleteAnnotations(api, DELETE_EXAMPLE);
    assertThat(deleteVerbatim.status()).isEqualTo(200);
    JsonNode outcomes = json(deleteVerbatim).path("annotations");
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(0).path("annotation_id").asText())
        .isEqualTo("Project_123456_12345678-1234-1234-1234-123456789abc");
    assertThat(outcomes.get(0).path("success").asBoolean()).isFalse();
    assertThat(outcomes.get(1).path("success").asBoolean()).isFalse();
    // the same text naming the annotations just made deletes them
    RawResponse deleted = deleteAnnotations(api, DELETE_EXAMPLE
        .replace("Project_123456_12345678-1234-1234-1234-123456789abc", ids(body).get(0))
        .replace("Project_654321_fedcba98-fedc-fedc-fedc-fedcba987654", ids(body).get(1)));
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(json(deleted).path("annotations").get(0).path("success").asBoolean()).isTrue();
    assertThat(json(deleted).path("annotations").get(1).path("success").asBoolean()).isTrue();
    assertThat(json(deleted).path("annotations").get(0).fieldNames().next())
        .isEqualTo("success");
    assertThat(json(searchAnnotations(api, project, null)).path("results")).isEmpty();
  }

  @Test
  void annotationsAreCreatedSearchedOverwrittenAndDeleted() throws Exception {
    long project = Pix4dClients.project(api, "Round trip");
    String line = "{\"entity_type\": \"Project\", \"entity_id\": " + project + ","
        + " \"tags\": [\"road\"], \"properties\": {\"name\": \"Edge\", \"color\": \"#00224488\","
        + " \"visible\": true}, \"geometry\": {\"type\": \"LineString\", \"coordinates\":"
        + " [[238850.5, 3811462.5, 2.1], [238870.0, 3811470.25, 2.4]]}}";
    String polygon = "{\"entity_type\": \"Project\", \"entity_id\": " + project + ","
        + " \"properties\": {\"name\": \"Pile\", \"color\": \"#FF000080\", \"color_fill\":"
        + " \"#FF000040\", \"description\": \"Stockpile\", \"volume\": {}}, \"geometry\":"
        + " {\"type\": \"Polygon\", \"coordinates\": [[[0, 0, 1], [10, 0, 1], [10, 10, 2],"
        + " [0, 0, 1]]]}}";
    String open = "{\"entity_type\": \"Project\", \"entity_id\": " + project + ", \"geometry\":"
        + " {\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 0], [10, 10], [0, 10]]]}}";
    RawResponse created = createAnnotations(api, "{\"annotations\": [" + point(project, 1, 2,
        "#FFFFFF80") + ", " + line + ", " + open + ", " + polygon + "]}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode outcomes = json(created).path("annotations");
    assertThat(outcomes).hasSize(4);
    assertThat(outcomes.get(0).path("success").asBoolean()).isTrue();
    assertThat(outcomes.get(1).path("success").asBoolean()).isTrue();
    assertThat(outcomes.get(2).path("success").asBoolean()).isFalse();
    assertThat(outcomes.get(2).path("annotation_id").isNull()).isTrue();
    assertThat(outcomes.get(2).path("errors").path("geometry").get(0).asText())
        .isEqualTo("coordinates[0]: a linear ring must be closed (its last position equal to"
            + " its first).");
    assertThat(outcomes.get(3).path("success").asBoolean()).isTrue();
    String pointId = outcomes.get(0).path("annotation_id").asText();
    String lineId = outcomes.get(1).path("annotation_id").asText();
    String polygonId = outcomes.get(3).path("annotation_id").asText();

    // pages of two, in the order made
    JsonNode page1 = json(searchAnnotations(api, project, "page_size=2"));
    assertThat(page1.path("results")).extracting(n -> n.path("id").asText())
        .containsExactly(pointId, lineId);
    String next = page1.path("next").asText();
    assertThat(next).startsWith(svc.url() + "/v1/annotations/?entity_type=Project&entity_id="
        + project).contains("last_key=" + lineId);
    JsonNode page2 = json(api.raw("GET", next.substring(svc.url().length()), null, null));
    assertThat(page2.path("results")).extracting(n -> n.path("id").asText())
        .containsExactly(polygonId);
    assertThat(page2.path("next").isNull()).isTrue();
    JsonNode storedLine = page1.path("results").get(1);
    assertThat(storedLine.path("tags").toString()).isEqualTo("[\"road\"]");
    assertThat(storedLine.path("properties").path("visible").asBoolean()).isTrue();
    assertThat(page2.path("results").get(0).path("properties").path("color_fill").asText())
        .isEqualTo("#FF000040");

    // overwrite one, with its ETag
    RawResponse got = api.raw("GET", "/v1/annotations/" + pointId + "/", null, null);
    assertThat(got.status()).isEqualTo(200);
    String etag = got.header("ETag");
    assertThat(etag).isEqualTo("\"v1\"");
    RawResponse overwritten = api.raw("PUT", "/v1/annotations/" + pointId + "/",
        "application/json", point(project, 5, 6, "#11223344").getBytes(),
        Map.of("If-Match", etag));
    assertThat(overwritten.status()).isEqualTo(200);
    assertThat(overwritten.header("ETag")).isEqualTo("\"v2\"");
    JsonNode o = json(overwritten);
    assertThat(o.path("id").asText()).isEqualTo(pointId);
    assertThat(o.path("properties").path("color").asText()).isEqualTo("#11223344");
    assertThat(o.path("geometry").path("coordinates").toString()).isEqualTo("[5.0,6.0,0]");
    assertThat(o.path("created").asText()).isEqualTo(json(got).path("created").asText());
    RawResponse stale = api.raw("PUT", "/v1/annotations/" + pointId + "/", "application/json",
        point(project, 7, 8, "#11223344").getBytes(), Map.of("If-Match", etag));
    assertThat(stale.status()).isEqualTo(412);

    // delete one
    assertThat(api.raw("DELETE", "/v1/annotations/" + pointId + "/", null, null).status())
        .isEqualTo(204);
    assertThat(api.raw("DELETE", "/v1/annotations/" + pointId + "/", null, null).status())
        .isEqualTo(404);

    // batch delete: one that exists, one deleted already
    RawResponse batch = deleteAnnotations(api, "{\"annotations\": [\"" + lineId + "\", \""
        + pointId + "\"]}");
    assertThat(batch.status()).isEqualTo(200);
    JsonNode b = json(batch).path("annotations");
    assertThat(b.get(0).path("success").asBoolean()).isTrue();
    assertThat(b.get(1).path("success").asBoolean()).isFalse();
    assertThat(b.get(1).path("errors").path("annotation_id").get(0).asText())
        .isEqualTo("Not found.");

    // delete all of the entity
    createAnnotations(api, "{\"annotations\": [" + point(project, 1, 1, "#00000000") + "]}");
    assertThat(json(searchAnnotations(api, project, null)).path("results")).hasSize(2);
    assertThat(api.raw("DELETE", "/v1/annotations/entity/?entity_type=Project&entity_id="
        + project, null, null).status()).isEqualTo(204);
    assertThat(json(searchAnnotations(api, project, null)).path("results")).isEmpty();
  }

  @Test
  void invalidItemsFailOneByOneWithTheirReasons() throws Exception {
    long project = Pix4dClients.project(api, "Invalid items");
    String[] items = {
      point(project, 1, 2, "white"),
      point(project, 1, 2, "#FFF"),
      "{\"entity_type\": \"site\", \"entity_id\": " + project + ", \"geometry\": {\"type\":"
          + " \"Point\", \"coordinates\": [1, 2]}}",
      "{\"entity_type\": \"Project\", \"entity_id\": \"abc\", \"geometry\": {\"type\":"
          + " \"Point\", \"coordinates\": [1, 2]}}",
      "{\"entity_type\": \"Project\", \"entity_id\": " + project + "}",
      "{\"entity_type\": \"Project\", \"entity_id\": " + project + ", \"geometry\": {\"type\":"
          + " \"MultiPoint\", \"coordinates\": [[1, 2]]}}",
      "{\"entity_type\": \"Project\", \"entity_id\": " + project + ", \"geometry\": {\"type\":"
          + " \"Point\", \"coordinates\": [1, \"2\"]}}",
      "{\"entity_type\": \"Project\", \"entity_id\": " + project + ", \"geometry\": {\"type\":"
          + " \"LineString\", \"coordinates\": [[1, 2]]}}",
      "{\"entity_type\": \"Project\", \"entity_id\": " + project + ", \"geometry\": {\"type\":"
          + " \"Point\", \"coordinates\": [1, 2, 3, 4]}}",
      "{\"entity_type\": \"Project\", \"entity_id\": " + project + ", \"geometry\": {\"type\":"
          + " \"Point\", \"coordinates\": [1, 2]}, \"tags\": \"road\", \"properties\":"
          + " {\"visible\": \"yes\"}}",
      "{\"entity_type\": \"Project\", \"entity_id\": " + project + ", \"geometry\": {\"type\":"
          + " \"Circle\", \"coordinates\": [1, 2], \"radius\": -1}}",
      "{\"entity_type\": \"Project\", \"entity_id\": " + project + ", \"geometry\": {\"type\":"
          + " \"Circle\", \"coordinates\": [1, 2], \"radius\": 3}}"};
    RawResponse r = createAnnotations(api, "{\"annotations\": [" + String.join(", ", items)
        + "]}");
    assertThat(r.status()).isEqualTo(201);
    JsonNode o = json(r).path("annotations");
    assertThat(o.get(0).path("errors").path("properties.color").get(0).asText())
        .isEqualTo("Expected a colour as #RRGGBBAA (red, green, blue and alpha in hexadecimal,"
            + " e.g. #FFFFFF80), found \"white\".");
    assertThat(o.get(1).path("errors").has("properties.color")).isTrue();
    assertThat(o.get(2).path("errors").path("entity_type").get(0).asText())
        .isEqualTo("'site' is not a valid EntityType");
    assertThat(o.get(3).path("errors").path("entity_id").get(0).asText())
        .isEqualTo("Not a valid integer.");
    assertThat(o.get(4).path("errors").path("geometry").get(0).asText())
        .isEqualTo("This field is required.");
    assertThat(o.get(5).path("errors").path("geometry").get(0).asText())
        .isEqualTo("type: \"MultiPoint\" is not one of Point, LineString, Polygon, Circle.");
    assertThat(o.get(6).path("errors").path("geometry").get(0).asText())
        .isEqualTo("coordinates[1]: expected a finite number, found \"2\".");
    assertThat(o.get(7).path("errors").path("geometry").get(0).asText())
        .isEqualTo("coordinates: needs at least 2 positions, found 1.");
    assertThat(o.get(8).path("errors").path("geometry").get(0).asText())
        .isEqualTo("coordinates: a position is an array of 2 or 3 numbers (x, y and optional"
            + " z).");
    assertThat(o.get(9).path("errors").path("tags").get(0).asText())
        .isEqualTo("Expected a list of strings.");
    assertThat(o.get(9).path("errors").path("properties.visible").get(0).asText())
        .isEqualTo("Must be a valid boolean.");
    assertThat(o.get(10).path("errors").path("geometry").get(0).asText())
        .startsWith("radius: a Circle needs a positive finite radius");
    for (int i = 0; i < 11; i++) {
      assertThat(o.get(i).path("success").asBoolean()).as("item " + i).isFalse();
    }
    assertThat(o.get(11).path("success").asBoolean()).isTrue();
    assertThat(json(searchAnnotations(api, project, null)).path("results")).hasSize(1);
  }

  @Test
  void wholeRequestRefusalsHaveTheDocumentsBodies() throws Exception {
    long project = Pix4dClients.project(api, "Refusals");
    RawResponse empty = createAnnotations(api, "{\"annotations\": []}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
    assertThat(json(empty).path("title").asText()).isEqualTo("Validation Error");
    assertThat(json(empty).path("errors").path("annotations").get(0).asText())
        .isEqualTo("This list may not be empty.");
    RawResponse missing = createAnnotations(api, "{}");
    assertThat(json(missing).path("errors").path("annotations").get(0).asText())
        .isEqualTo("This field is required.");
    RawResponse malformed = createAnnotations(api, "{\"annotations\": [");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(json(malformed).path("title").asText()).isEqualTo("Validation Error");
    assertThat(json(malformed).path("detail").asText()).startsWith("malformed JSON (line 1");
    RawResponse noBody = send(api, "POST", "/v1/annotations/", "");
    assertThat(noBody.status()).isEqualTo(400);
    assertThat(json(noBody).path("detail").asText()).isEqualTo("a JSON request body is required");

    RawResponse noType = api.raw("GET", "/v1/annotations/?entity_id=" + project, null, null);
    assertThat(noType.status()).isEqualTo(400);
    assertThat(json(noType).path("title").asText()).isEqualTo("Validation Error");
    assertThat(json(noType).path("errors").path("entity_type").get(0).asText())
        .isEqualTo("This field is required.");
    RawResponse site = api.raw("GET", "/v1/annotations/?entity_type=site&entity_id=" + project,
        null, null);
    assertThat(site.status()).isEqualTo(400);
    assertThat(json(site).path("title").asText()).isEqualTo("'site' is not a valid EntityType");
    RawResponse badId = api.raw("GET", "/v1/annotations/?entity_type=Project&entity_id=abc",
        null, null);
    assertThat(json(badId).path("errors").path("entity_id").get(0).asText())
        .isEqualTo("Not a valid integer.");
    RawResponse unknown = searchAnnotations(api, 987_654_321L, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(json(unknown).path("detail").asText()).isEqualTo("project 987654321 not found");
    assertThat(searchAnnotations(api, project, "page_size=0").status()).isEqualTo(400);
    assertThat(json(searchAnnotations(api, project, "page_size=x")).path("errors")
        .path("page_size").get(0).asText()).isEqualTo("A valid integer is required.");
    RawResponse badKey = searchAnnotations(api, project, "last_key=Project_1_nope");
    assertThat(json(badKey).path("errors").path("last_key").get(0).asText())
        .isEqualTo("Not an annotation of this entity.");

    String id = ids(json(createAnnotations(api, "{\"annotations\": [" + point(project, 1, 2,
        "#FFFFFF80") + "]}"))).get(0);
    RawResponse invalid = send(api, "PUT", "/v1/annotations/" + id + "/",
        "{\"entity_type\": \"Project\", \"entity_id\": " + project + "}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(json(invalid).path("errors").path("geometry").get(0).asText())
        .isEqualTo("This field is required.");
    long other = Pix4dClients.project(api, "Other");
    RawResponse moved = send(api, "PUT", "/v1/annotations/" + id + "/", point(other, 1, 2,
        "#FFFFFF80"));
    assertThat(moved.status()).isEqualTo(400);
    assertThat(json(moved).path("errors").path("entity_id").get(0).asText())
        .isEqualTo("Does not match the annotation's entity (Project " + project + ").");
    String gone = "Project_" + project + "_12345678-1234-1234-1234-123456789abc";
    assertThat(send(api, "PUT", "/v1/annotations/" + gone + "/", point(project, 1, 2,
        "#FFFFFF80")).status()).isEqualTo(404);
    assertThat(send(api, "DELETE", "/v1/annotations/not-an-id/", null).status())
        .isEqualTo(404);
    assertThat(json(send(api, "DELETE", "/v1/annotations/", "{\"annotations\": [42]}"))
        .path("annotations").get(0).path("errors").path("annotation_id").get(0).asText())
        .isEqualTo("Not an annotation id (Project_<entity_id>_<uuid>): 42.");
    RawResponse allSite = send(api, "DELETE", "/v1/annotations/entity/?entity_type=site"
        + "&entity_id=" + project, null);
    assertThat(allSite.status()).isEqualTo(400);
    assertThat(json(allSite).path("title").asText()).isEqualTo("'site' is not a valid EntityType");
    assertThat(send(api, "DELETE", "/v1/annotations/entity/?entity_type=Project&entity_id="
        + 987_654_321L, null).status()).isEqualTo(404);

    // credentials: none (401), read-only scope (403 on writes)
    RawResponse anonymous = searchAnnotations(svc.anonymous(), project, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(json(anonymous).path("detail").asText())
        .isEqualTo("credentials or a shareToken are required");
    TesseraClient reader = Pix4dClients.as(svc, "read");
    assertThat(searchAnnotations(reader, project, null).status()).isEqualTo(200);
    RawResponse readOnly = createAnnotations(reader, "{\"annotations\": [" + point(project, 1, 2,
        "#FFFFFF80") + "]}");
    assertThat(readOnly.status()).isEqualTo(403);
    assertThat(json(readOnly).path("missing_scope").asText()).isEqualTo("write");
  }

  @Test
  void aTrashedProjectsAnnotationsAreNotListed() throws Exception {
    long project = Pix4dClients.project(api, "Trashed");
    String id = ids(json(createAnnotations(api, "{\"annotations\": [" + point(project, 1, 2,
        "#FFFFFF80") + "]}"))).get(0);
    assertThat(api.raw("DELETE", "/project/api/v3/projects/" + project + "/", null, null)
        .status()).isEqualTo(204);
    assertThat(searchAnnotations(api, project, null).status()).isEqualTo(404);
    assertThat(api.raw("GET", "/v1/annotations/" + id + "/", null, null).status())
        .isEqualTo(404);
    RawResponse batch = deleteAnnotations(api, "{\"annotations\": [\"" + id + "\"]}");
    assertThat(json(batch).path("annotations").get(0).path("errors").path("annotation_id")
        .get(0).asText()).isEqualTo("Project " + project + " not found.");
  }
}

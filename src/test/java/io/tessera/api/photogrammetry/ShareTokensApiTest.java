package io.tessera.api.photogrammetry;

import static io.tessera.testing.Pix4dClients.createAnnotations;
import static io.tessera.testing.Pix4dClients.send;
import static io.tessera.testing.Pix4dClients.shared;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.testing.Pix4dClients;
import io.tessera.testing.RunningService;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Share tokens ({@code /common/api/v3/permission-token/}) and what they open: one project's
 * annotations, read-only or read-write, nothing else; disabled or deleted tokens stop at once.
 */
class ShareTokensApiTest {
  /** "Read-Only Token Permission", the body as the document prints it (shell continuations). */
  static final String READ_ONLY_TOKEN_EXAMPLE = String.join("\n",
      "{ \\",
      "      \"enabled\": true, \\",
      "      \"write\": false, \\",
      "      \"type\": \"Project\", \\",
      "      \"type_id\": 1234 \\",
      "    }");

  /** "Read and Write Token Permission", as printed. */
  static final String READ_WRITE_TOKEN_EXAMPLE = String.join("\n",
      "{ \\",
      "      \"enabled\": true, \\",
      "      \"type\": \"Project\", \\ ",
      "      \"type_id\": 1234 \\",
      "    }");

  /** The revocation ("set 'enabled' to 'false'"), as printed. */
  static final String DISABLE_TOKEN_EXAMPLE = String.join("\n",
      "{ \\",
      "      \"enabled\": false, \\",
      "      \"type\": \"Project\", \\ ",
      "      \"type_id\": 1234 \\",
      "  }");
  private static final String TOKENS = "/common/api/v3/permission-token/";
  private static final String UUID_V4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  private static RunningService svc;
  private static TesseraClient api;
  private static TesseraClient anonymous;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
    api = Pix4dClients.as(svc, "read write");
    anonymous = svc.anonymous();
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  private static JsonNode json(RawResponse r) throws IOException {
    return svc.desktop().json().readTree(r.body());
  }

  /**
   * What curl sends for the document's {@code --data '{ \ ...}'}: inside single quotes the
   * backslash-newlines stay, which is not JSON; the example means the JSON without them.
   */
  private static String unescapedShell(String printed) {
    return printed.replaceAll("\\\\ *\n", "\n");
  }

  private static String search(long project) {
    return "/v1/annotations/?entity_type=Project&entity_id=" + project;
  }

  /** One annotation of {@code project}. */
  private static String item(long project) {
    return "{\"entity_type\": \"Project\", \"entity_id\": " + project
        + ", \"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2, 3]}}";
  }

  /** A create request with one annotation of {@code project}. */
  private static String point(long project) {
    return "{\"annotations\": [" + item(project) + "]}";
  }

  @Test
  void theDocumentsTokenRequestsMakeReadOnlyAndReadWriteTokens() throws Exception {
    long project = Pix4dClients.project(api, "Embedded");
    RawResponse printed = send(api, "POST", TOKENS, READ_ONLY_TOKEN_EXAMPLE);
    assertThat(printed.status()).isEqualTo(400);
    assertThat(json(printed).path("detail").asText()).startsWith("malformed JSON");

    RawResponse ro = send(api, "POST", TOKENS,
        unescapedShell(READ_ONLY_TOKEN_EXAMPLE).replace("1234", Long.toString(project)));
    assertThat(ro.status()).isEqualTo(201);
    JsonNode t = json(ro);
    assertThat(t.path("token").asText()).matches(UUID_V4);
    assertThat(t.path("enabled").asBoolean()).isTrue();
    assertThat(t.path("write").asBoolean()).isFalse();
    assertThat(t.path("type").asText()).isEqualTo("Project");
    assertThat(t.path("type_id").asLong()).isEqualTo(project);
    assertThat(t.path("creation_date").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
    assertThat(t.path("id").asText()).matches(UUID_V4).isNotEqualTo(t.path("token").asText());

    RawResponse rw = send(api, "POST", TOKENS,
        unescapedShell(READ_WRITE_TOKEN_EXAMPLE).replace("1234", Long.toString(project)));
    assertThat(rw.status()).isEqualTo(201);
    assertThat(json(rw).path("write").asBoolean()).isTrue();

    // the secret is shown once: get and list name the token by id, without it
    JsonNode got = json(api.raw("GET", TOKENS + t.path("id").asText() + "/", null, null));
    assertThat(got.has("token")).isFalse();
    assertThat(got.path("write").asBoolean()).isFalse();
    JsonNode list = json(api.raw("GET", TOKENS + "?type=Project&type_id=" + project, null,
        null));
    assertThat(list.path("count").asLong()).isEqualTo(2);
    assertThat(list.path("results").get(0).has("token")).isFalse();
    assertThat(json(api.raw("GET", TOKENS + "?type_id=" + project + "&write=false", null,
        null)).path("count").asLong()).isEqualTo(1);

    // the revocation as the document sends it disables every token of the project, at once
    String secret = t.path("token").asText();
    assertThat(anonymous.raw("GET", shared(search(project), secret), null, null).status())
        .isEqualTo(200);
    RawResponse disabled = send(api, "PATCH", TOKENS,
        unescapedShell(DISABLE_TOKEN_EXAMPLE).replace("1234", Long.toString(project)));
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(json(disabled).path("results")).allMatch(n -> !n.path("enabled").asBoolean());
    RawResponse refused = anonymous.raw("GET", shared(search(project), secret), null, null);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(json(refused).path("detail").asText())
        .isEqualTo("the share token is not valid or has been disabled");
    assertThat(anonymous.raw("GET", shared(search(project), json(rw).path("token").asText()),
        null, null).status()).isEqualTo(401);

    // enabled again, then deleted
    RawResponse enabled = send(api, "PATCH", TOKENS + t.path("id").asText() + "/",
        "{\"enabled\": true}");
    assertThat(json(enabled).path("enabled").asBoolean()).isTrue();
    assertThat(anonymous.raw("GET", shared(search(project), secret), null, null).status())
        .isEqualTo(200);
    assertThat(api.raw("DELETE", TOKENS + t.path("id").asText() + "/", null, null).status())
        .isEqualTo(204);
    assertThat(anonymous.raw("GET", shared(search(project), secret), null, null).status())
        .isEqualTo(401);
    assertThat(api.raw("GET", TOKENS + t.path("id").asText() + "/", null, null).status())
        .isEqualTo(404);
  }

  @Test
  void aReadOnlyTokenReadsItsProjectsAnnotationsOnly() throws Exception {
    long project = Pix4dClients.project(api, "Shared read-only");
    long other = Pix4dClients.project(api, "Not shared");
    String id = json(createAnnotations(api, point(project))).path("annotations").get(0)
        .path("annotation_id").asText();
    createAnnotations(api, point(other));
    String ro = Pix4dClients.shareToken(api, project, false).path("token").asText();

    RawResponse read = anonymous.raw("GET", shared(search(project), ro), null, null);
    assertThat(read.status()).isEqualTo(200);
    assertThat(json(read).path("results")).extracting(n -> n.path("id").asText())
        .containsExactly(id);
    assertThat(anonymous.raw("GET", shared("/v1/annotations/" + id + "/", ro), null, null)
        .status()).isEqualTo(200);

    RawResponse write = Pix4dClients.send(anonymous, "POST", shared("/v1/annotations/", ro),
        point(project));
    assertThat(write.status()).isEqualTo(403);
    assertThat(json(write).path("detail").asText()).isEqualTo("this share token is read-only");
    assertThat(anonymous.raw("DELETE", shared("/v1/annotations/" + id + "/", ro), null, null)
        .status()).isEqualTo(403);
    assertThat(Pix4dClients.send(anonymous, "PUT", shared("/v1/annotations/" + id + "/", ro),
        item(project)).status()).isEqualTo(403);
    assertThat(anonymous.raw("DELETE", shared("/v1/annotations/entity/?entity_type=Project"
        + "&entity_id=" + project, ro), null, null).status()).isEqualTo(403);

    // another project, and everything that is not annotations
    RawResponse elsewhere = anonymous.raw("GET", shared(search(other), ro), null, null);
    assertThat(elsewhere.status()).isEqualTo(403);
    assertThat(json(elsewhere).path("detail").asText())
        .isEqualTo("this share token gives access to another project only");
    assertThat(anonymous.raw("GET", shared("/project/api/v3/projects/" + project + "/", ro),
        null, null).status()).isEqualTo(401);
    assertThat(anonymous.raw("GET", shared("/project/api/v3/projects/", ro), null, null)
        .status()).isEqualTo(401);
    assertThat(anonymous.raw("GET", shared(TOKENS, ro), null, null).status()).isEqualTo(401);
    // a token is not a bearer credential either
    assertThat(svc.bearer(ro).raw("GET", search(project), null, null).status())
        .isEqualTo(401);
    assertThat(anonymous.raw("GET", shared(search(project), "d8dfbe6d-93b1-4bca-af40-"
        + "5c469e3530da"), null, null).status()).isEqualTo(401);
  }

  @Test
  void aReadWriteTokenChangesItsProjectsAnnotationsOnly() throws Exception {
    long project = Pix4dClients.project(api, "Shared read-write");
    long other = Pix4dClients.project(api, "Also not shared");
    String rw = Pix4dClients.shareToken(api, project, true).path("token").asText();

    RawResponse created = Pix4dClients.send(anonymous, "POST", shared("/v1/annotations/", rw),
        "{\"annotations\": [" + item(project)
            + ", " + item(other) + "]}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode o = json(created).path("annotations");
    assertThat(o.get(0).path("success").asBoolean()).isTrue();
    assertThat(o.get(1).path("success").asBoolean()).isFalse();
    assertThat(o.get(1).path("errors").path("entity_id").get(0).asText())
        .isEqualTo("This share token gives no access to Project " + other + ".");
    assertThat(json(api.raw("GET", search(other), null, null)).path("results")).isEmpty();

    String id = o.get(0).path("annotation_id").asText();
    String item = item(project)
        .replace("[1, 2, 3]", "[4, 5, 6]");
    RawResponse put = Pix4dClients.send(anonymous, "PUT",
        shared("/v1/annotations/" + id + "/", rw), item);
    assertThat(put.status()).isEqualTo(200);
    assertThat(json(put).path("geometry").path("coordinates").toString()).isEqualTo("[4,5,6]");
    assertThat(anonymous.raw("DELETE", shared("/v1/annotations/" + id + "/", rw), null, null)
        .status()).isEqualTo(204);

    String otherId = json(createAnnotations(api, point(other))).path("annotations").get(0)
        .path("annotation_id").asText();
    RawResponse batch = Pix4dClients.send(anonymous, "DELETE", shared("/v1/annotations/", rw),
        "{\"annotations\": [\"" + otherId + "\"]}");
    assertThat(json(batch).path("annotations").get(0).path("success").asBoolean()).isFalse();
    assertThat(anonymous.raw("DELETE", shared("/v1/annotations/" + otherId + "/", rw), null,
        null).status()).isEqualTo(403);
    assertThat(json(api.raw("GET", search(other), null, null)).path("results")).hasSize(1);
    // a read-write token still opens nothing but annotations
    assertThat(Pix4dClients.send(anonymous, "POST", shared("/project/api/v3/projects/", rw),
        "{\"name\": \"Sneaky\"}").status()).isEqualTo(401);
    assertThat(Pix4dClients.send(anonymous, "POST", shared(TOKENS, rw),
        "{\"type\": \"Project\", \"type_id\": " + project + "}").status()).isEqualTo(401);

    // a trashed project's token opens nothing
    api.raw("DELETE", "/project/api/v3/projects/" + project + "/", null, null);
    assertThat(anonymous.raw("GET", shared(search(project), rw), null, null).status())
        .isEqualTo(404);
  }

  @Test
  void tokenRequestsAreChecked() throws Exception {
    long project = Pix4dClients.project(api, "Checked");
    RawResponse noType = send(api, "POST", TOKENS, "{\"type_id\": " + project + "}");
    assertThat(noType.status()).isEqualTo(400);
    assertThat(json(noType).path("type").get(0).asText()).isEqualTo("This field is required.");
    RawResponse group = send(api, "POST", TOKENS, "{\"type\": \"ProjectGroup\", \"type_id\": 1}");
    assertThat(group.status()).isEqualTo(400);
    assertThat(json(group).path("type").get(0).asText()).startsWith("Tessera makes share"
        + " tokens for projects only");
    RawResponse noId = send(api, "POST", TOKENS, "{\"type\": \"Project\"}");
    assertThat(json(noId).path("type_id").get(0).asText()).isEqualTo("This field is required.");
    assertThat(send(api, "POST", TOKENS, "{\"type\": \"Project\", \"type_id\": 987654}")
        .status()).isEqualTo(404);
    RawResponse weak = send(api, "POST", TOKENS, "{\"type\": \"Project\", \"type_id\": "
        + project + ", \"token\": \"secret\"}");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(json(weak).path("token").get(0).asText()).startsWith("A token must be a UUID v4");
    String chosen = "0b7ec7a2-3f0e-4c43-9a4e-7f3f1f6f5a01";
    RawResponse own = send(api, "POST", TOKENS, "{\"type\": \"Project\", \"type_id\": "
        + project + ", \"write\": false, \"token\": \"" + chosen + "\"}");
    assertThat(own.status()).isEqualTo(201);
    assertThat(json(own).path("token").asText()).isEqualTo(chosen);
    assertThat(send(api, "POST", TOKENS, "{\"type\": \"Project\", \"type_id\": " + project
        + ", \"token\": \"" + chosen + "\"}").status()).isEqualTo(400);
    assertThat(anonymous.raw("GET", shared(search(project), chosen), null, null).status())
        .isEqualTo(200);
    assertThat(send(api, "PATCH", TOKENS, "{\"type\": \"Project\", \"type_id\": " + project
        + "}").status()).isEqualTo(400);
    assertThat(api.raw("GET", TOKENS + "?write=maybe", null, null).status()).isEqualTo(400);
    assertThat(send(api, "PATCH", TOKENS + "no-such-token/", "{\"enabled\": false}").status())
        .isEqualTo(404);
    TesseraClient reader = Pix4dClients.as(svc, "read");
    assertThat(send(reader, "POST", TOKENS, "{\"type\": \"Project\", \"type_id\": " + project
        + "}").status()).isEqualTo(403);
    assertThat(reader.raw("GET", TOKENS, null, null).status()).isEqualTo(200);
    assertThat(anonymous.raw("GET", TOKENS, null, null).status()).isEqualTo(401);
  }
}

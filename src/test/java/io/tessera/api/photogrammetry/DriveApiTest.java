package io.tessera.api.photogrammetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.testing.Pix4dClients;
import io.tessera.testing.RunningService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Folders, sites (project groups), moves and drive listings, with the document's bodies. */
class DriveApiTest {
  private static RunningService svc;
  private static TesseraClient api;
  private static String org;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
    api = Pix4dClients.as(svc, "read write");
    org = json(svc.desktop().raw("GET", "/api/v1/organization", null, null)).path("id").asText();
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  private static JsonNode json(RawResponse r) throws IOException {
    return svc.desktop().json().readTree(r.body());
  }

  private static RawResponse send(String method, String path, String body) {
    return api.raw(method, path, "application/json",
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void foldersSitesAndMovesFollowTheDocumentsWalkthrough() throws Exception {
    RawResponse folder = send("POST", "/common/api/v4/folders/", """
        {
            "name": "Customer ABC",
            "parent_uuid": "%s",
            "parent_type": "organization"
          }""".formatted(org));
    assertThat(folder.status()).isEqualTo(201);
    String folderUuid = json(folder).path("uuid").asText();
    assertThat(json(folder).path("name").asText()).isEqualTo("Customer ABC");
    RawResponse renamed = send("PATCH", "/common/api/v4/folders/" + folderUuid + "/",
        "{\"name\": \"Customer ABC Ltd\"}");
    assertThat(json(renamed).path("name").asText()).isEqualTo("Customer ABC Ltd");

    RawResponse project = send("POST", "/project/api/v3/projects/", """
        {
            "name": "Project 6",
            "parent_uuid": "%s",
            "parent_type": "folder"
          }""".formatted(folderUuid));
    assertThat(project.status()).isEqualTo(201);
    String projectUuid = json(project).path("uuid").asText();
    assertThat(json(project).path("parent_uuid").asText()).isEqualTo(folderUuid);
    JsonNode inFolder = json(send("GET", "/common/api/v4/drive/folder/" + folderUuid + "/", null));
    assertThat(inFolder.path("count").asInt()).isEqualTo(1);
    assertThat(inFolder.path("results").get(0).path("type").asText()).isEqualTo("project");
    assertThat(inFolder.path("results").get(0).path("name").asText()).isEqualTo("Project 6");

    RawResponse site = send("POST", "/project/api/v3/project_groups/",
        "{\"name\": \"Construction site 123\", \"project_group_type\": \"bim\"}");
    assertThat(site.status()).isEqualTo(201);
    String siteUuid = json(site).path("uuid").asText();
    long siteId = json(site).path("id").asLong();
    assertThat(send("GET", "/project/api/v3/project-groups/" + siteId + "/", null).status())
        .as("the document's other spelling").isEqualTo(200);

    RawResponse moved = send("PUT", "/common/api/v4/drive/move_batch/", """
        {
          "owner_uuid": "%s",
          "source_nodes": [
            {
              "type": "project",
              "uuid": "%s"
            }
          ],
          "target_type": "project_group",
          "target_uuid": "%s"
        }""".formatted(org, projectUuid, siteUuid));
    assertThat(moved.status()).isEqualTo(204);
    assertThat(json(send("GET", "/common/api/v4/drive/folder/" + folderUuid + "/", null))
        .path("count").asInt()).isZero();
    JsonNode root = json(send("GET", "/common/api/v4/drive/organization/" + org
        + "/?ordering=name", null));
    assertThat(root.path("results").findValuesAsText("name"))
        .containsExactly("Construction site 123", "Customer ABC Ltd");

    RawResponse intoGroup = send("POST", "/common/api/v4/drive/move_batch/", """
        {"source_nodes": [{"type": "folder", "uuid": "%s"}], "target_type": "project_group",
         "target_uuid": "%s"}""".formatted(folderUuid, siteUuid));
    assertThat(intoGroup.status()).isEqualTo(400);
    RawResponse child = send("POST", "/common/api/v4/folders/",
        "{\"name\": \"Inner\", \"parent_type\": \"folder\", \"parent_uuid\": \"" + folderUuid
            + "\"}");
    String childUuid = json(child).path("uuid").asText();
    RawResponse cycle = send("PUT", "/common/api/v4/drive/move_batch/", """
        {"source_nodes": [{"type": "folder", "uuid": "%s"}], "target_type": "folder",
         "target_uuid": "%s"}""".formatted(folderUuid, childUuid));
    assertThat(cycle.status()).isEqualTo(400);
    assertThat(json(cycle).path("source_nodes").get(0).asText()).contains("itself");

    long inner = json(send("POST", "/project/api/v3/projects/",
        "{\"name\": \"Deep\", \"parent_type\": \"folder\", \"parent_uuid\": \"" + childUuid
            + "\"}")).path("id").asLong();
    assertThat(send("DELETE", "/common/api/v4/folders/" + folderUuid + "/", null).status())
        .isEqualTo(204);
    assertThat(send("GET", "/project/api/v3/projects/" + inner + "/", null).status())
        .as("descendants go with the folder").isEqualTo(404);
    assertThat(send("PATCH", "/common/api/v4/folders/" + childUuid + "/",
        "{\"name\": \"x\"}").status()).isEqualTo(404);
    assertThat(send("GET", "/project/api/v3/projects/?page_size=100", null).status())
        .isEqualTo(200);
    assertThat(send("POST", "/project/api/v3/projects/",
        "{\"name\": \"Lost\", \"parent_type\": \"folder\", \"parent_uuid\": \"" + folderUuid
            + "\"}").status()).as("a deleted folder is no parent").isEqualTo(404);
  }
}

package io.tessera.api.photogrammetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.core.dzi.TestImages;
import io.tessera.testing.Pix4dClients;
import io.tessera.testing.RunningService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photos, GCPs, MTPs and marks against the real server, with the reference document's own
 * request bodies where it gives them.
 */
class TiePointsApiTest {
  private static RunningService svc;
  private static TesseraClient api;
  @TempDir Path dir;

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

  private static RawResponse send(String method, String path, String body) {
    return api.raw(method, path, "application/json",
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static long project(String crs) throws IOException {
    RawResponse r = send("POST", "/project/api/v3/projects/",
        "{\"name\": \"Marks\", \"coordinate_system\": \"" + crs + "\"}");
    assertThat(r.status()).isEqualTo(201);
    return json(r).path("id").asLong();
  }

  private static byte[] photo(int width, int height) {
    return TestImages.jpeg(TestImages.textured(width, height, false), 0.85f, false);
  }

  @Test
  void theDocumentsGcpMtpAndMarkBodiesWorkUnchanged() throws Exception {
    long id = project("ARBITRARY_METERS");
    String base = "/project/api/v3/projects/" + id;
    RawResponse put = api.raw("PUT", base + "/inputs/files/user-123/project-354/my_file.jpg",
        "image/jpeg", photo(640, 480));
    assertThat(put.status()).isEqualTo(201);
    assertThat(json(send("GET", base + "/", null)).path("image_count").asInt())
        .as("put, not yet registered").isZero();
    RawResponse registered = send("POST", base + "/inputs/bulk_register/",
        "{\"input_file_keys\": [\"user-123/project-354/my_file.jpg\"]}");
    assertThat(json(registered).path("nb_images_registered").asInt()).isEqualTo(1);

    RawResponse gcps = send("POST", base + "/gcp/register", """
        {
          "gcps": [
            {
                "name": "GCP_123",
                "point_type": "CHECKPOINT",
                "x": 1.23,
                "y": 45.2,
                "z": 445.87,
                "xy_accuracy": 0.02,
                "z_accuracy": 0.02
            }
          ]
        }""");
    assertThat(gcps.status()).isEqualTo(201);
    JsonNode gcp = json(gcps).path("gcps").get(0);
    assertThat(gcp.path("project").asLong()).isEqualTo(id);
    assertThat(gcp.path("point_type").asText()).isEqualTo("CHECKPOINT");
    assertThat(gcp.path("z").asDouble()).isEqualTo(445.87);

    RawResponse mtps = send("POST", base + "/mtp/", """
        {
          "mtps": [
            {
                "name": "MTP_456",
                "is_checkpoint": false
            }
          ]
        }""");
    assertThat(mtps.status()).isEqualTo(201);
    assertThat(json(mtps).path("mtps").get(0).path("is_checkpoint").asBoolean()).isFalse();

    RawResponse marks = send("POST", base + "/mark/register/", """
        {
          "marks": [
            {
              "gcp": "GCP_123",
              "photo": "user-123/project-354/my_file.jpg",
              "x": 1.23,
              "y": 45.2
            }
          ]
        }""");
    assertThat(marks.status()).isEqualTo(201);
    JsonNode mark = json(marks).path("marks").get(0);
    assertThat(mark.path("gcp").asText()).isEqualTo("GCP_123");
    assertThat(mark.path("gcp_id").asLong()).isEqualTo(gcp.path("id").asLong());
    assertThat(mark.path("photo").asText()).isEqualTo("user-123/project-354/my_file.jpg");
    assertThat(mark.path("x").asDouble()).isEqualTo(1.23);

    RawResponse again = send("POST", base + "/mark/register/",
        "{\"marks\": [{\"gcp\": \"GCP_123\", \"photo\": \"user-123/project-354/my_file.jpg\","
            + " \"x\": 3, \"y\": 4}]}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(json(again).path("detail").asText()).isEqualTo(
        "Attempt to create existing mark(s): [['user-123/project-354/my_file.jpg', 'GCP_123']]");

    JsonNode project = json(send("GET", base + "/", null));
    assertThat(project.path("image_count").asInt()).isEqualTo(1);
    assertThat(project.path("tie_points_with_fewer_than_two_marks").path("GCP_123").asInt())
        .isEqualTo(1);
    assertThat(project.path("tie_points_with_fewer_than_two_marks").path("MTP_456").asInt())
        .isZero();
  }

  @Test
  void photosUploadAndMarksAreCheckedMovedAndDeleted() throws Exception {
    long id = project("EPSG:32611");
    String base = "/project/api/v3/projects/" + id;
    Path a = dir.resolve("IMG_0001.JPG");
    Path b = dir.resolve("IMG_0002.JPG");
    Files.write(a, photo(800, 600));
    Files.write(b, photo(800, 600));
    List<Map<String, Object>> uploaded = api.postMultipart(base + "/photos/", Map.of(),
        List.of(new TesseraClient.FilePart("file", a, "image/jpeg"),
            new TesseraClient.FilePart("file", b, "image/jpeg")), List.class);
    assertThat(uploaded).hasSize(2);
    JsonNode photos = json(send("GET", base + "/photos/", null));
    assertThat(photos).hasSize(2);
    assertThat(photos.get(0).path("s3_key").asText())
        .isEqualTo("project-" + id + "/images/IMG_0001.JPG");
    assertThat(photos.get(0).path("width").asInt()).isEqualTo(800);
    assertThat(photos.get(0).path("deep_zoom_content_id").asText()).isNotEmpty();
    String key = photos.get(0).path("s3_key").asText();
    long photoId = photos.get(0).path("id").asLong();
    assertThat(json(send("GET", base + "/photos/" + photoId + "/", null)).path("s3_key").asText())
        .isEqualTo(key);
    JsonNode exif = json(send("GET", base + "/photos/" + photoId + "/exif/", null));
    assertThat(exif.path("JPEG").path("Image Width").asText()).isEqualTo("800 pixels");
    assertThat(send("GET", base + "/photos/" + photoId + "/xmp/", null).status()).isEqualTo(200);
    assertThat(send("GET", base + "/photos/999999/exif/", null).status()).isEqualTo(404);

    RawResponse degrees = send("POST", base + "/gcp/register/",
        "{\"gcps\": [{\"name\": \"gcp01\", \"x\": -119.877, \"y\": 34.409, \"z\": 2.1}]}");
    assertThat(degrees.status()).isEqualTo(400);
    assertThat(json(degrees).path("gcps[0]").get(0).asText()).contains("look like degrees");
    RawResponse gcps = send("POST", base + "/gcp/register/",
        "{\"gcps\": [{\"name\": \"gcp01\", \"x\": 238850.52, \"y\": 3811462.51, \"z\": 2.1},"
            + " {\"name\": \"gcp01\", \"x\": 238851, \"y\": 3811463, \"z\": 2}]}");
    assertThat(gcps.status()).as("a name twice").isEqualTo(400);
    assertThat(json(send("GET", base + "/gcp/", null)).path("gcps")).as("all or nothing")
        .isEmpty();
    assertThat(send("POST", base + "/gcp/register/",
        "{\"gcps\": [{\"name\": \"gcp01\", \"point_type\": \"GCP\", \"x\": 238850.52,"
            + " \"y\": 3811462.51, \"z\": 2.1}]}").status()).isEqualTo(201);

    RawResponse unknown = send("POST", base + "/mark/register/",
        "{\"marks\": [{\"gcp\": \"gcp99\", \"photo\": \"nope.jpg\", \"x\": 1, \"y\": 1}]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(json(unknown).path("photos").get(0).asText()).isEqualTo("nope.jpg");
    assertThat(json(unknown).path("gcps").get(0).asText()).isEqualTo("gcp99");
    RawResponse outside = send("POST", base + "/mark/register/",
        "{\"marks\": [{\"gcp\": \"gcp01\", \"photo\": \"" + key + "\", \"x\": 801, \"y\": 1}]}");
    assertThat(outside.status()).isEqualTo(400);

    JsonNode mark = json(send("POST", base + "/mark/register/",
        "{\"marks\": [{\"gcp\": \"gcp01\", \"photo\": \"" + key + "\", \"x\": 400.25,"
            + " \"y\": 300.75}]}")).path("marks").get(0);
    long markId = mark.path("id").asLong();
    RawResponse opf = send("GET", base + "/gcp/export/?format=opf", null);
    assertThat(opf.status()).isEqualTo(200);
    JsonNode doc = json(opf);
    assertThat(doc.path("format").asText())
        .isEqualTo("application/opf-input-control-points+json");
    assertThat(doc.path("gcps").get(0).path("id").asText()).isEqualTo("gcp01");
    assertThat(doc.path("gcps").get(0).path("marks").get(0).path("position_px").get(0)
        .asDouble()).isEqualTo(400.25);
    RawResponse odm = send("GET", base + "/gcp/export/?format=odm", null);
    String[] lines = odm.text().split("\n");
    assertThat(lines[0]).contains("32611");
    assertThat(lines[1]).contains("238850.52", key, "gcp01");
    RawResponse csv = send("GET", base + "/gcp/export/?format=csv", null);
    assertThat(csv.text()).startsWith("gcp01,238850.52,3811462.51,2.1");
    assertThat(send("GET", base + "/gcp/export/?format=kml", null).status()).isEqualTo(400);
    RawResponse moved = send("PATCH", base + "/mark/" + markId + "/", "{\"x\": 401.5}");
    assertThat(json(moved).path("x").asDouble()).isEqualTo(401.5);
    assertThat(json(moved).path("y").asDouble()).isEqualTo(300.75);
    assertThat(send("DELETE", base + "/mark/" + markId + "/", null).status()).isEqualTo(204);
    assertThat(json(send("GET", base + "/mark/", null)).path("marks")).isEmpty();

    RawResponse patched = send("PATCH", base + "/gcp/gcp01/",
        "{\"point_type\": \"CHECKPOINT\", \"z_accuracy\": 0.05}");
    assertThat(json(patched).path("point_type").asText()).isEqualTo("CHECKPOINT");
    assertThat(json(patched).path("x").asDouble()).isEqualTo(238850.52);
    assertThat(send("DELETE", base + "/gcp/gcp01/", null).status()).isEqualTo(204);
    assertThat(send("DELETE", base + "/gcp/gcp01/", null).status()).isEqualTo(404);

    RawResponse notJpeg = api.raw("PUT", base + "/inputs/files/notes.txt", "text/plain",
        "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(notJpeg.status()).isEqualTo(400);
    RawResponse traversal = api.raw("PUT", base + "/inputs/files/..%2F..%2Fsecret.key",
        "image/jpeg", photo(10, 10));
    assertThat(traversal.status()).isIn(400, 404);
  }

  @Test
  void gcpsNeedTheProjectsCoordinateSystem() throws Exception {
    RawResponse created = send("POST", "/project/api/v3/projects/", "{\"name\": \"No CRS\"}");
    long id = json(created).path("id").asLong();
    RawResponse r = send("POST", "/project/api/v3/projects/" + id + "/gcp/register/",
        "{\"gcps\": [{\"name\": \"a\", \"x\": 1, \"y\": 2, \"z\": 3}]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(json(r).path("detail").asText()).contains("coordinate system");
  }

  @Test
  void coprsGcpListImportsIntoAProjectWithItsPhotosPreviewFirst() throws Exception {
    RawResponse created = send("POST", "/project/api/v3/projects/", "{\"name\": \"copr\"}");
    long id = json(created).path("id").asLong();
    String base = "/project/api/v3/projects/" + id;
    // one copr photo's name at its real size, so that its real marks fall inside it
    Path photo = dir.resolve("IMG_0031.jpg");
    Files.write(photo, photo(4272, 2848));
    api.postMultipart(base + "/photos/", Map.of(),
        List.of(new TesseraClient.FilePart("file", photo, "image/jpeg")), List.class);
    Path gcpList = Path.of("src/test/resources/gcp/copr/gcp_list.txt");

    List<Map<String, Object>> ignored = List.of();
    String preview = importFile(base, gcpList, true);
    JsonNode p = svc.desktop().json().readTree(preview);
    assertThat(p.path("dry_run").asBoolean()).isTrue();
    assertThat(p.path("gcps")).hasSize(10);
    assertThat(p.path("marks")).hasSize(3);
    assertThat(p.path("skipped_marks").size()).isEqualTo(27 - 3);
    assertThat(json(send("GET", base + "/gcp/", null)).path("gcps")).as("a preview stores nothing")
        .isEmpty();
    assertThat(json(send("GET", base + "/", null)).path("coordinate_system").asText()).isEmpty();

    JsonNode r = svc.desktop().json().readTree(importFile(base, gcpList, false));
    assertThat(r.path("coordinate_system").asText()).contains("+proj=utm +zone=11");
    JsonNode gcps = json(send("GET", base + "/gcp/", null)).path("gcps");
    assertThat(gcps).hasSize(10);
    JsonNode gcp02 = java.util.stream.StreamSupport.stream(gcps.spliterator(), false)
        .filter(g -> g.path("name").asText().equals("gcp02")).findFirst().orElseThrow();
    assertThat(gcp02.path("x").asDouble()).isEqualTo(235269.88);
    JsonNode marks = json(send("GET", base + "/mark/", null)).path("marks");
    assertThat(marks).hasSize(3);
    assertThat(marks.get(0).path("photo").asText()).endsWith("/IMG_0031.jpg");
    assertThat(ignored).isEmpty();

    String odm = send("GET", base + "/gcp/export/?format=odm", null).text();
    assertThat(odm.lines().filter(l -> l.contains("IMG_0031.jpg")).count()).isEqualTo(3);

    // the export, as an OPF project bundle, into another project with the same photo
    String opf = send("GET", base + "/gcp/export/?format=opf", null).text();
    String key = marks.get(0).path("photo").asText();
    var zip = new java.io.ByteArrayOutputStream();
    try (var z = new java.util.zip.ZipOutputStream(zip)) {
      for (var e : Map.of("manifest.json", "{\"inputs\": [\"" + key + "\"],"
          + " \"input_control_points\": \"input_control_points.json\"}",
          "input_control_points.json", opf, key, "jpeg").entrySet()) {
        z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    long other = json(send("POST", "/project/api/v3/projects/", "{\"name\": \"copr 2\"}"))
        .path("id").asLong();
    api.postMultipart("/project/api/v3/projects/" + other + "/photos/", Map.of(),
        List.of(new TesseraClient.FilePart("file", photo, "image/jpeg")), List.class);
    RawResponse bundled = api.raw("POST", "/project/api/v3/projects/" + other + "/gcp/import/",
        "multipart/form-data; boundary=b", multipart(zip.toByteArray(), "project.zip", false));
    assertThat(bundled.status()).as(bundled.text()).isEqualTo(201);
    assertThat(json(bundled).path("gcps")).hasSize(10);
    assertThat(json(bundled).path("marks")).as("matched by file name").hasSize(3);
    RawResponse again = api.raw("POST", base + "/gcp/import/", "multipart/form-data; boundary=b",
        multipart(Files.readAllBytes(gcpList), "gcp_list.txt", false));
    assertThat(again.status()).as("the same names again").isEqualTo(400);
    RawResponse broken = api.raw("POST", base + "/gcp/import/", "multipart/form-data; boundary=b",
        multipart("EPSG:32611\n1 2\n".getBytes(StandardCharsets.UTF_8), "gcp_list.txt", false));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(json(broken).path("detail").asText()).contains("line 2");
  }

  private static String importFile(String base, Path file, boolean dryRun) throws IOException {
    RawResponse r = api.raw("POST", base + "/gcp/import/", "multipart/form-data; boundary=b",
        multipart(Files.readAllBytes(file), file.getFileName().toString(), dryRun));
    assertThat(r.status()).as(r.text()).isEqualTo(dryRun ? 200 : 201);
    return r.text();
  }

  private static byte[] multipart(byte[] file, String name, boolean dryRun) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    out.write(("--b\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n" + dryRun
        + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(file);
    out.write("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}

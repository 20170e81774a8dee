package io.tessera.api.photogrammetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.testing.Pix4dClients;
import io.tessera.testing.RunningService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's outputs against the real server: register, upload, replace, fetch, delete. */
class OutputsApiTest {
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

  static JsonNode json(RawResponse r) throws IOException {
    return svc.desktop().json().readTree(r.body());
  }

  static RawResponse send(String method, String path, String body) {
    return api.raw(method, path, "application/json",
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  static long project() throws IOException {
    RawResponse r = send("POST", "/project/api/v3/projects/",
        "{\"name\": \"Outputs\", \"coordinate_system\": \"EPSG:32633\"}");
    assertThat(r.status()).isEqualTo(201);
    return json(r).path("id").asLong();
  }

  /** A multipart body with text fields first, then one file part. */
  static RawResponse upload(String path, Map<String, String> fields, String fileName,
      byte[] content) {
    String boundary = "----tessera-test-boundary";
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> w =
        s -> out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    fields.forEach((k, v) -> w.accept("--" + boundary + "\r\nContent-Disposition: form-data;"
        + " name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
    w.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(content);
    w.accept("\r\n--" + boundary + "--\r\n");
    return api.raw("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  @Test
  void aReportIsUploadedListedFetchedAndDeleted() throws Exception {
    long id = project();
    String base = "/project/api/v3/projects/" + id + "/outputs/";
    byte[] pdf = "%PDF-1.4 a quality report".getBytes(StandardCharsets.UTF_8);
    RawResponse up = upload(base, Map.of(), "site_quality_report.pdf", pdf);
    assertThat(up.status()).isEqualTo(201);
    JsonNode o = json(up);
    assertThat(o.path("output_type").asText()).as("derived from the name")
        .isEqualTo("quality_report");
    assertThat(o.path("result_type").asText()).isEqualTo("quality_report");
    assertThat(o.path("availability").asText()).isEqualTo("done");
    assertThat(o.path("s3_key").asText())
        .isEqualTo("project-" + id + "/outputs/site_quality_report.pdf");
    long outputId = o.path("output_id").asLong();

    JsonNode list = json(send("GET", base, null));
    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("output_id").asLong()).isEqualTo(outputId);

    RawResponse get = send("GET", base + outputId + "/", null);
    assertThat(get.status()).isEqualTo(302);
    String location = get.header("Location");
    assertThat(location).endsWith("/outputs/" + outputId + "/file");
    RawResponse file = send("GET", location.substring(location.indexOf("/project/")), null);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(pdf);
    assertThat(file.header("Content-Type")).startsWith("application/pdf");

    assertThat(send("DELETE", base + outputId + "/", null).status()).isEqualTo(204);
    assertThat(send("DELETE", base + outputId + "/", null).status()).isEqualTo(404);
    assertThat(json(send("GET", base, null))).isEmpty();
  }

  @Test
  void aFilePutUnderAKeyIsRegisteredAndANewerOneOfTheTypeReplacesIt() throws Exception {
    long id = project();
    String base = "/project/api/v3/projects/" + id + "/outputs/";
    String key = "user-123/project-" + id + "/report.pdf";
    assertThat(api.raw("PUT", base + "files/" + key, "application/pdf",
        "first".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
    RawResponse reg = send("POST", base,
        "{\"output\": \"" + key + "\", \"output_type\": \"quality_report\"}");
    assertThat(reg.status()).isEqualTo(200);
    assertThat(json(reg).path("output").asText()).isEqualTo(key);
    long first = json(reg).path("output_id").asLong();

    String key2 = "user-123/project-" + id + "/report2.pdf";
    api.raw("PUT", base + "files/" + key2, "application/pdf",
        "second".getBytes(StandardCharsets.UTF_8));
    RawResponse bulk = send("POST", base + "bulk_register/", """
        {"outputs": [{"output": "%s", "output_type": "quality_report"}]}""".formatted(key2));
    assertThat(bulk.status()).isEqualTo(200);
    JsonNode list = json(send("GET", base, null));
    assertThat(list).as("the same type replaces the older output").hasSize(1);
    assertThat(list.get(0).path("output").asText()).isEqualTo(key2);
    assertThat(send("GET", base + first + "/", null).status()).isEqualTo(404);
  }

  @Test
  void badRegistrationsAreRefusedWithTheFieldNamedAndNothingStored() throws Exception {
    long id = project();
    String base = "/project/api/v3/projects/" + id + "/outputs/";
    api.raw("PUT", base + "files/a/notes.bin", "application/octet-stream",
        "x".getBytes(StandardCharsets.UTF_8));

    RawResponse badType = send("POST", base,
        "{\"output\": \"a/notes.bin\", \"output_type\": \"hologram\"}");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(json(badType).path("output_type").get(0).asText()).contains("hologram");

    RawResponse underivable = send("POST", base, "{\"output\": \"a/notes.bin\"}");
    assertThat(underivable.status()).isEqualTo(400);
    assertThat(json(underivable).has("output_type")).isTrue();

    RawResponse unknownKey = send("POST", base,
        "{\"output\": \"a/missing.pdf\", \"output_type\": \"quality_report\"}");
    assertThat(unknownKey.status()).isEqualTo(400);
    assertThat(json(unknownKey).has("output")).isTrue();

    RawResponse bulk = send("POST", base + "bulk_register/", """
        {"outputs": [{"output": "a/notes.bin", "output_type": "mapper_log"},
                     {"output": "a/missing.pdf", "output_type": "quality_report"}]}""");
    assertThat(bulk.status()).isEqualTo(400);
    assertThat(json(send("GET", base, null))).as("all or none").isEmpty();

    assertThat(send("POST", base + "bulk_register/", "{\"outputs\": []}").status())
        .isEqualTo(400);
    assertThat(send("GET", "/project/api/v3/projects/999999/outputs/", null).status())
        .isEqualTo(404);
    assertThat(send("GET", base + "12345678/", null).status()).isEqualTo(404);
  }

  @Test
  void aReadOnlyClientCannotRegister() throws Exception {
    long id = project();
    TesseraClient reader = Pix4dClients.as(svc, "read");
    RawResponse r = reader.raw("POST", "/project/api/v3/projects/" + id + "/outputs/",
        "application/json", "{\"output\": \"x.pdf\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(403);
  }

  /** Polls an output until its import ends. */
  static JsonNode awaitImport(long project, long outputId) throws Exception {
    return awaitImport(api, svc, project, outputId);
  }

  /** Polls an output until its import ends, through {@code client}. */
  static JsonNode awaitImport(TesseraClient client, RunningService service, long project,
      long outputId) throws Exception {
    for (int i = 0; i < 600; i++) {
      RawResponse list = client.raw("GET", "/project/api/v3/projects/" + project + "/outputs/",
          null, null);
      for (JsonNode o : service.desktop().json().readTree(list.body())) {
        if (o.path("output_id").asLong() == outputId
            && !o.path("availability").asText().equals("pending")) {
          return o;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("output " + outputId + " still pending");
  }

  static byte[] fixture(String name) throws IOException {
    try (var in = OutputsApiTest.class.getResourceAsStream("/rasters/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void anUploadedDsmIsImportedInTheBackgroundAndReadTileByTile() throws Exception {
    long id = project();
    String base = "/project/api/v3/projects/" + id + "/outputs/";
    RawResponse up = upload(base, Map.of("output_type", "dsm"), "site.tif",
        fixture("dsm-f32-tiled-deflate-p3.tif"));
    assertThat(up.status()).isEqualTo(201);
    JsonNode o = json(up);
    assertThat(o.path("result_type").asText()).isEqualTo("dsm");
    assertThat(o.path("availability").asText()).isIn("pending", "done");
    JsonNode done = awaitImport(id, o.path("output_id").asLong());
    assertThat(done.path("availability").asText()).isEqualTo("done");
    assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
    JsonNode raster = done.path("raster");
    assertThat(raster.path("width").asInt()).isEqualTo(157);
    assertThat(raster.path("height").asInt()).isEqualTo(123);
    assertThat(raster.path("epsg").asInt()).isEqualTo(32633);
    assertThat(raster.path("no_data").asDouble()).isEqualTo(-9999);

    // level 0, tile (0, 0): the fixture's formula z = 100 + 0.25 col − 0.1 row, NoData kept
    byte[] tile = api.raw("GET", base + done.path("output_id").asLong() + "/raster/0/0/0",
        null, null).body();
    java.nio.FloatBuffer f = java.nio.ByteBuffer.wrap(tile)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    assertThat(f.remaining()).isEqualTo(157 * 123);
    for (int row = 0; row < 123; row += 11) {
      for (int col = 0; col < 157; col += 13) {
        float expected = (7 * col + 3 * row) % 37 == 0 ? -9999f
            : (float) (100 + 0.25 * col - 0.1 * row);
        assertThat(f.get(row * 157 + col)).as("(%d, %d)", col, row).isEqualTo(expected);
      }
    }
    assertThat(send("GET", base + done.path("output_id").asLong() + "/raster/0/1/0", null)
        .status()).isEqualTo(404);
  }

  @Test
  void anOrthoImportedByPathIsServedAsMapTilesAndDeepZoom() throws Exception {
    long id = project();
    String base = "/project/api/v3/projects/" + id + "/outputs/";
    Path file = dir.resolve("site_orthomosaic.tif");
    java.nio.file.Files.write(file, fixture("ortho-rgb-tiled-deflate.tif"));
    RawResponse reg = send("POST", base, "{\"output\": \"" + file + "\"}");
    assertThat(reg.status()).isEqualTo(200);
    assertThat(json(reg).path("output_type").asText()).as("derived from the name")
        .isEqualTo("ortho");
    assertThat(json(reg).path("output").asText()).doesNotContain(dir.toString());
    long outputId = json(reg).path("output_id").asLong();
    JsonNode done = awaitImport(id, outputId);
    assertThat(done.path("availability").asText()).isEqualTo("done");

    // the map tile holding the ortho's centre (UTM 33N 500039.25, 5199969.25)
    io.tessera.core.crs.Position ll = io.tessera.core.crs.Crs.parse("EPSG:32633")
        .transformTo(io.tessera.core.crs.Crs.parse("EPSG:4326"))
        .apply(new io.tessera.core.crs.Position(500039.25, 5199969.25, Double.NaN));
    int z = 20;
    io.tessera.core.geo.WorldPixel wp = io.tessera.core.geo.WebMercator.toWorldPixel(
        new io.tessera.core.geo.LonLat(ll.x(), ll.y()), z);
    RawResponse tile = send("GET", base + outputId + "/tiles/" + z + "/" + (int) (wp.x() / 256)
        + "/" + (int) (wp.y() / 256) + ".png", null);
    assertThat(tile.status()).isEqualTo(200);
    java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(
        new java.io.ByteArrayInputStream(tile.body()));
    assertThat(png.getWidth()).isEqualTo(256);
    int centre = png.getRGB((int) (wp.x() % 256), (int) (wp.y() % 256));
    assertThat(centre >>> 24).as("opaque at the ortho's centre").isEqualTo(255);
    assertThat(send("GET", base + outputId + "/tiles/" + z + "/0/0.png", null).status())
        .as("off the ortho").isEqualTo(404);

    RawResponse dzi = send("GET", base + outputId + "/dzi", null);
    assertThat(dzi.status()).isEqualTo(200);
    assertThat(dzi.text()).contains("Width=\"157\"").contains("Height=\"123\"");
    RawResponse dziTile = send("GET", base + outputId + "/dzi_files/8/0_0.png", null);
    assertThat(dziTile.status()).isEqualTo(200);
    java.awt.image.BufferedImage t = javax.imageio.ImageIO.read(
        new java.io.ByteArrayInputStream(dziTile.body()));
    assertThat(t.getWidth()).isEqualTo(157);
    // the fixture's formula: r = 3 col % 256, g = 5 row % 256, b = (col + row) % 256
    int p = t.getRGB(10, 20);
    assertThat((p >> 16) & 0xff).isEqualTo(30);
    assertThat((p >> 8) & 0xff).isEqualTo(100);
    assertThat(p & 0xff).isEqualTo(30);
  }

  @Test
  void aFileThatIsNotAGeoTiffFailsItsImportSayingWhy() throws Exception {
    long id = project();
    String base = "/project/api/v3/projects/" + id + "/outputs/";
    RawResponse up = upload(base, Map.of("output_type", "dsm"), "broken.tif",
        fixture("not-a-tiff.tif"));
    assertThat(up.status()).isEqualTo(201);
    JsonNode done = awaitImport(id, json(up).path("output_id").asLong());
    assertThat(done.path("availability").asText()).isEqualTo("failed");
    assertThat(done.path("error").asText()).startsWith("broken.tif: ").contains("TIFF");
    assertThat(send("GET", base + done.path("output_id").asLong() + "/raster/0/0/0", null)
        .status()).isEqualTo(409);

    RawResponse ortho = upload(base, Map.of("output_type", "ortho"), "dsm_as_ortho.tif",
        fixture("dsm-f32-tiled-deflate-p3.tif"));
    JsonNode wrong = awaitImport(id, json(ortho).path("output_id").asLong());
    assertThat(wrong.path("availability").asText()).isEqualTo("failed");
    assertThat(wrong.path("error").asText()).contains("is it a DSM?");
  }

  @Test
  void aShareTokenReadsItsProjectsOutputsAndAReadOnlyOneChangesNothing() throws Exception {
    long id = project();
    long other = project();
    String base = "/project/api/v3/projects/" + id + "/outputs/";
    upload(base, Map.of(), "site_quality_report.pdf",
        "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
    String readOnly = Pix4dClients.shareToken(api, id, false).path("token").asText();
    TesseraClient anonymous = svc.anonymous();
    RawResponse list = anonymous.raw("GET", Pix4dClients.shared(base, readOnly), null, null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(json(list)).hasSize(1);
    assertThat(anonymous.raw("GET", Pix4dClients.shared(
        "/project/api/v3/projects/" + other + "/outputs/", readOnly), null, null).status())
        .as("another project").isEqualTo(403);
    long outputId = json(list).get(0).path("output_id").asLong();
    assertThat(anonymous.raw("DELETE", Pix4dClients.shared(base + outputId + "/", readOnly),
        null, null).status()).as("read-only").isEqualTo(403);
    assertThat(anonymous.raw("GET", base, null, null).status()).as("no token").isEqualTo(401);

    String readWrite = Pix4dClients.shareToken(api, id, true).path("token").asText();
    assertThat(anonymous.raw("DELETE", Pix4dClients.shared(base + outputId + "/", readWrite),
        null, null).status()).isEqualTo(204);
  }

  @Test
  void anImportedDsmIsExportedAsACloudOptimisedGeoTiff() throws Exception {
    long id = project();
    String base = "/project/api/v3/projects/" + id + "/outputs/";
    RawResponse up = upload(base, Map.of("output_type", "dsm"), "site.tif",
        fixture("dsm-i16-tiled-lzw-p2.tif"));
    long outputId = awaitImport(id, json(up).path("output_id").asLong()).path("output_id")
        .asLong();
    RawResponse r = send("GET", base + outputId + "/cog", null);
    for (int i = 0; i < 400 && r.status() == 202; i++) {
      assertThat(r.header("Retry-After")).isEqualTo("2");
      Thread.sleep(50);
      r = send("GET", base + outputId + "/cog", null);
    }
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Disposition")).contains("site_cog.tif");
    Path cog = dir.resolve("cog.tif");
    java.nio.file.Files.write(cog, r.body());
    // the fixture's formula z = −500 + 3 col − 7 row, NoData −32768, in Swiss LV95
    try (io.tessera.core.raster.Raster back = io.tessera.core.raster.GeoTiffs.open(cog)) {
      assertThat(back.epsg()).hasValue(2056);
      float[] v = new float[157 * 123];
      back.readFloats(0, 0, 0, 157, 123, v);
      for (int row = 0; row < 123; row += 7) {
        for (int col = 0; col < 157; col += 9) {
          float expected = (7 * col + 3 * row) % 37 == 0 ? -32768f : -500 + 3 * col - 7 * row;
          assertThat(v[row * 157 + col]).as("(%d, %d)", col, row).isEqualTo(expected);
        }
      }
    }
    assertThat(send("DELETE", base + outputId + "/", null).status()).isEqualTo(204);
    try (var exports = java.nio.file.Files.list(svc.dataDir.resolve("exports"))) {
      assertThat(exports.filter(f -> !f.getFileName().toString().startsWith("."))).isEmpty();
    }
  }
}

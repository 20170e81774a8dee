package io.tessera.api.photogrammetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.testing.CoprFixture;
import io.tessera.testing.GeotaggedJpegs;
import io.tessera.testing.Pix4dClients;
import io.tessera.testing.RunningService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gcp/{name}/predictions/} against the real server with the copr survey (see
 * {@code gcp/copr/ATTRIBUTION.md}): its GCPs, its photo IMG_0031 at 640 px and its marks scaled
 * to that size.
 */
class GcpPredictionsApiTest {
  private static final double SX = CoprFixture.SX;

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

  private JsonNode json(RawResponse r) throws IOException {
    return svc.desktop().json().readTree(r.body());
  }

  private long coprProject() throws IOException {
    RawResponse created = api.raw("POST", "/project/api/v3/projects/", "application/json",
        "{\"name\": \"copr\"}".getBytes(StandardCharsets.UTF_8));
    long id = json(created).path("id").asLong();
    Path photo = dir.resolve("IMG_0031.jpg");
    Files.write(photo, GeotaggedJpegs.basePhoto());
    api.postMultipart("/project/api/v3/projects/" + id + "/photos/", Map.of(),
        List.of(new TesseraClient.FilePart("file", photo, "image/jpeg")), List.class);
    RawResponse r = api.raw("POST", "/project/api/v3/projects/" + id + "/gcp/import/",
        "multipart/form-data; boundary=b", multipart(CoprFixture.scaledGcpList(), "gcp_list.txt"));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return id;
  }

  private JsonNode predictions(long id, String gcp) throws IOException {
    RawResponse r = api.raw("GET", "/project/api/v3/projects/" + id + "/gcp/" + gcp
        + "/predictions/", null, null);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return json(r).path("predictions");
  }

  @Test
  void coprsPhotoWithoutGpsIsListedWithoutAPredictionAndSaysWhy() throws Exception {
    long id = coprProject();
    JsonNode gcp02 = predictions(id, "gcp02");
    assertThat(gcp02).hasSize(1);
    assertThat(gcp02.get(0).path("photo").asText()).endsWith("/IMG_0031.jpg");
    assertThat(gcp02.get(0).path("x").isNull()).isTrue();
    assertThat(gcp02.get(0).path("pose_source").asText()).isEqualTo("none");
    // copr marks gcp00 and gcp04 within a pixel of each other on IMG_0031, 20 m apart on the
    // ground: no camera fits its three marks, and the note says so instead of guessing
    assertThat(gcp02.get(0).path("note").asText()).contains("do not fit one camera");
    JsonNode gcp04 = predictions(id, "gcp04").get(0);
    assertThat(gcp04.path("mark").path("x").asDouble()).isCloseTo((3485.0056 + 0.5) * SX,
        org.assertj.core.data.Offset.offset(1e-3));
    RawResponse missing = api.raw("GET", "/project/api/v3/projects/" + id
        + "/gcp/nope/predictions/", null, null);
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void threeMarksPinTheCameraAndTheOtherCoprGcpsArePredictedWhereItSeesThem() throws Exception {
    Map<String, double[]> gcps = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/gcp/copr/gcp_list.txt"))
        .subList(1, 28)) {
      String[] f = line.split("\t");
      gcps.put(f[6], new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]),
          Double.parseDouble(f[2])});
    }
    String crs = "EPSG:32611";
    RawResponse created = api.raw("POST", "/project/api/v3/projects/", "application/json",
        ("{\"name\": \"copr pinned\", \"coordinate_system\": \"" + crs + "\"}")
            .getBytes(StandardCharsets.UTF_8));
    long id = json(created).path("id").asLong();
    String base = "/project/api/v3/projects/" + id;
    StringBuilder body = new StringBuilder("{\"gcps\": [");
    gcps.forEach((n, c) -> body.append(String.format(Locale.ROOT,
        "{\"name\": \"%s\", \"x\": %.3f, \"y\": %.3f, \"z\": %.3f},", n, c[0], c[1], c[2])));
    body.setLength(body.length() - 1);
    body.append("]}");
    assertThat(api.raw("POST", base + "/gcp/register/", "application/json",
        body.toString().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
    Path photo = dir.resolve("IMG_0031.jpg");
    Files.write(photo, GeotaggedJpegs.basePhoto());
    JsonNode uploaded = svc.desktop().json().valueToTree(api.postMultipart(base + "/photos/",
        Map.of(), List.of(new TesseraClient.FilePart("file", photo, "image/jpeg")), List.class));
    String key = uploaded.get(0).path("s3_key").asText();

    // A camera of the photo's own intrinsics 95 m over the targets, turned and tilted, in a
    // frame of the test's choosing (at gcp00, not where the service puts its own)
    io.tessera.core.camera.Intrinsics in = io.tessera.core.camera.CameraExifReader
        .read(photo).intrinsics().orElseThrow();
    io.tessera.core.crs.CrsTransform toWgs84 = io.tessera.core.crs.Crs.parse(crs)
        .transformTo(io.tessera.core.crs.Crs.parse("EPSG:4326"));
    Map<String, io.tessera.core.camera.Vec3> enu = new java.util.TreeMap<>();
    io.tessera.core.camera.LocalFrame frame = null;
    for (var e : gcps.entrySet()) {
      double[] c = e.getValue();
      var g = toWgs84.apply(new io.tessera.core.crs.Position(c[0], c[1], c[2]));
      if (frame == null) {
        frame = io.tessera.core.camera.LocalFrame.at(g.x(), g.y(), 0);
      }
      enu.put(e.getKey(), frame.toEnu(g.x(), g.y(), c[2]));
    }
    io.tessera.core.camera.CameraModel camera = new io.tessera.core.camera.CameraModel(in,
        io.tessera.core.camera.Pose.nadir(new io.tessera.core.camera.Vec3(-12, 14, 95), 25)
            .perturbed(io.tessera.core.camera.Vec3.ZERO,
                new io.tessera.core.camera.Vec3(0.05, -0.04, 0.02)));
    StringBuilder marks = new StringBuilder("{\"marks\": [");
    for (String g : List.of("gcp00", "gcp07", "gcp09")) {
      var p = camera.project(enu.get(g)).orElseThrow();
      marks.append(String.format(Locale.ROOT,
          "{\"gcp\": \"%s\", \"photo\": \"%s\", \"x\": %.6f, \"y\": %.6f},", g, key,
          p.x(), p.y()));
    }
    marks.setLength(marks.length() - 1);
    marks.append("]}");
    RawResponse marked = api.raw("POST", base + "/mark/register/", "application/json",
        marks.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(marked.status()).as(marked.text()).isEqualTo(201);

    double worst = 0;
    int predicted = 0;
    for (String g : gcps.keySet()) {
      JsonNode ps = predictions(id, g);
      boolean seen = camera.sees(enu.get(g));
      assertThat(ps.size()).as(g).isEqualTo(seen ? 1 : 0);
      if (seen) {
        JsonNode p = ps.get(0);
        assertThat(p.path("pose_source").asText()).isEqualTo("marks");
        var want = camera.project(enu.get(g)).orElseThrow();
        worst = Math.max(worst, Math.hypot(p.path("x").asDouble() - want.x(),
            p.path("y").asDouble() - want.y()));
        predicted++;
      }
    }
    System.out.printf(Locale.ROOT, "copr pinned camera: %d GCPs predicted, worst %.4f px%n",
        predicted, worst);
    assertThat(predicted).isGreaterThan(5);
    assertThat(worst).isLessThan(0.05);
  }

  static byte[] multipart(byte[] file, String name) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    out.write(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(file);
    out.write("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}

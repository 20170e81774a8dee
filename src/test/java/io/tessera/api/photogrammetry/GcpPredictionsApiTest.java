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
    long id = project("copr pinned", crs);
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

  @Test
  void everyPredictionHasASearchRadiusAndMarksThatAgreeShrinkIt() throws Exception {
    // four DJI photos 80 m over flat ground, 15 m apart, looking straight down; five GCPs under
    // them (the ground at the GPS altitude minus 80 m)
    String crs = "EPSG:32633";
    long id = project("radius", crs);
    String base = "/project/api/v3/projects/" + id;
    double lon0 = 15.0686;
    double lat0 = 59.3293;
    double mPerDegLat = 111_320;
    double mPerDegLon = 111_320 * Math.cos(Math.toRadians(lat0));
    String xmp = io.tessera.core.camera.TestPhotos.xmp("drone-dji",
        "http://www.dji.com/drone-dji/1.0/", "GimbalRollDegree", "+0.00",
        "GimbalYawDegree", "+0.00", "GimbalPitchDegree", "-90.00");
    List<TesseraClient.FilePart> files = new java.util.ArrayList<>();
    double[][] at = {{0, 0}, {15, 0}, {0, 15}, {15, 15}};
    for (int i = 0; i < at.length; i++) {
      Path f = dir.resolve("DJI_000" + (i + 1) + ".JPG");
      Files.write(f, io.tessera.core.camera.TestPhotos.jpeg(547, 365,
          new io.tessera.core.camera.TestPhotos.Exif("DJI", "FC6310", 8.8, 24, 5472, null,
              lon0 + at[i][0] / mPerDegLon, lat0 + at[i][1] / mPerDegLat, 126.5), xmp));
      files.add(new TesseraClient.FilePart("file", f, "image/jpeg"));
    }
    JsonNode uploaded = svc.desktop().json().valueToTree(
        api.postMultipart(base + "/photos/", Map.of(), files, List.class));
    io.tessera.core.crs.CrsTransform toUtm = io.tessera.core.crs.Crs.parse("EPSG:4326")
        .transformTo(io.tessera.core.crs.Crs.parse(crs));
    double[][] gcps = {{7, 8}, {-5, 3}, {20, 5}, {3, 20}, {12, -4}};
    StringBuilder body = new StringBuilder("{\"gcps\": [");
    for (int i = 0; i < gcps.length; i++) {
      var u = toUtm.apply(new io.tessera.core.crs.Position(lon0 + gcps[i][0] / mPerDegLon,
          lat0 + gcps[i][1] / mPerDegLat, 46.5));
      body.append(String.format(Locale.ROOT,
          "{\"name\": \"g%d\", \"x\": %.3f, \"y\": %.3f, \"z\": 46.5}%s", i, u.x(), u.y(),
          i < gcps.length - 1 ? "," : ""));
    }
    body.append("]}");
    RawResponse registered = api.raw("POST", base + "/gcp/register/", "application/json",
        body.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);

    Map<String, Map<String, JsonNode>> before = new java.util.TreeMap<>();
    for (int i = 0; i < gcps.length; i++) {
      Map<String, JsonNode> byPhoto = new java.util.TreeMap<>();
      for (JsonNode p : predictions(id, "g" + i)) {
        assertThat(p.path("correction").asText()).isEqualTo("none");
        assertThat(p.path("search_radius_px").isNumber()).as(p.toString()).isTrue();
        assertThat(p.path("search_radius_px").asDouble()).isPositive();
        byPhoto.put(p.path("photo").asText(), p);
      }
      assertThat(byPhoto).as("g" + i).hasSize(4);
      before.put("g" + i, byPhoto);
    }
    // g0 and g1 marked on the first three photos, each 5 px right of and 3 px above its
    // prediction: the same error on every photo, as a flight's GPS offset gives
    List<String> keys = new java.util.ArrayList<>();
    uploaded.forEach(u -> keys.add(u.path("s3_key").asText()));
    StringBuilder marks = new StringBuilder("{\"marks\": [");
    for (String g : List.of("g0", "g1")) {
      for (String key : keys.subList(0, 3)) {
        JsonNode p = before.get(g).get(key);
        marks.append(String.format(Locale.ROOT,
            "{\"gcp\": \"%s\", \"photo\": \"%s\", \"x\": %.3f, \"y\": %.3f},", g, key,
            p.path("x").asDouble() + 5, p.path("y").asDouble() - 3));
      }
    }
    marks.setLength(marks.length() - 1);
    marks.append("]}");
    RawResponse marked = api.raw("POST", base + "/mark/register/", "application/json",
        marks.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(marked.status()).as(marked.text()).isEqualTo(201);

    for (String g : List.of("g2", "g3", "g4")) {
      for (JsonNode p : predictions(id, g)) {
        String key = p.path("photo").asText();
        double was = before.get(g).get(key).path("search_radius_px").asDouble();
        double now = p.path("search_radius_px").asDouble();
        System.out.printf(Locale.ROOT, "%s on %s (%s): search radius %.1f px, was %.1f px%n",
            g, key.substring(key.lastIndexOf('/') + 1), p.path("correction").asText(), now, was);
        assertThat(now).as(g + " on " + key).isPositive().isLessThan(was / 2);
        // the shared error moved the prediction too: the 5 px, 3 px offset is within the radius
        double dx = p.path("x").asDouble() - before.get(g).get(key).path("x").asDouble();
        double dy = p.path("y").asDouble() - before.get(g).get(key).path("y").asDouble();
        assertThat(Math.hypot(dx - 5, dy + 3)).isLessThan(now);
      }
    }
  }

  static byte[] multipart(byte[] file, String name) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    out.write(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(file);
    out.write("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Creates a project in {@code crs}; its id. */
  private long project(String name, String crs) throws Exception {
    RawResponse created = api.raw("POST", "/project/api/v3/projects/", "application/json",
        ("{\"name\": \"" + name + "\", \"coordinate_system\": \"" + crs + "\"}")
            .getBytes(StandardCharsets.UTF_8));
    return json(created).path("id").asLong();
  }
}

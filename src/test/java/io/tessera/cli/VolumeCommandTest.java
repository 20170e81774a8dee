package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.core.raster.ArrayRaster;
import io.tessera.core.raster.CogWriter;
import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.volume.CrossedRing;
import io.tessera.testing.Pix4dClients;
import io.tessera.testing.RunningService;
import io.tessera.testing.TesseraProcess;
import io.tessera.testing.TesseraProcess.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tessera volume} as a user runs it, over a GeoTIFF DSM of flat ground with a cone of known
 * volume: every base, a custom elevation, yards, the errors; and the same JSON as the API's
 * answer for the same DSM and polygon.
 */
class VolumeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double X0 = 500_000;
  private static final double Y0 = 5_200_030;
  private static final double GROUND = 100;
  private static final double HEIGHT = 4;
  private static final double RADIUS = 6;
  /** π r² h / 3. */
  private static final double CONE = Math.PI * RADIUS * RADIUS * HEIGHT / 3;
  /** A 20 m square around the cone, on flat ground, its corners inside cells. */
  private static final String SQUARE = "POLYGON ((500005.013 5200005.021, 500025.017 5200005.021,"
      + " 500025.017 5200025.009, 500005.013 5200025.009, 500005.013 5200005.021))";
  private static final double SQUARE_AREA = (500025.017 - 500005.013) * (5200025.009 - 5200005.021);

  @TempDir static Path dir;
  private static Path dsm;

  /** 600 × 600 cells of 5 cm in UTM 33N: ground at 100 m, a 4 m cone of radius 6 m. */
  @BeforeAll
  static void writeDsm() throws Exception {
    int n = 600;
    double cell = 0.05;
    float[] v = new float[n * n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        double x = X0 + (c + 0.5) * cell;
        double y = Y0 - (r + 0.5) * cell;
        v[r * n + c] = (float) (GROUND + Math.max(0,
            HEIGHT * (1 - Math.hypot(x - 500015, y - 5200015) / RADIUS)));
      }
    }
    dsm = dir.resolve("cone.tif");
    try (ArrayRaster r = new ArrayRaster(n, n, v, GeoTransform.northUp(X0, Y0, cell, cell),
        OptionalInt.of(32633), OptionalDouble.of(-9999))) {
      CogWriter.write(r, dsm, CogWriter.Options.defaults());
    }
  }

  private static Result volume(String... args) throws Exception {
    String[] all = new String[args.length + 1];
    all[0] = "volume";
    System.arraycopy(args, 0, all, 1, args.length);
    return TesseraProcess.run(null, all);
  }

  private static JsonNode ok(Result r) throws Exception {
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout().strip()).doesNotContain("\n");
    return JSON.readTree(r.stdout());
  }

  @Test
  void everyBaseOnFlatGroundMeasuresTheCone() throws Exception {
    for (String base : List.of("average", "fitPlane", "triangulated", "lowest", "highest")) {
      JsonNode v = ok(volume("--dsm", dsm.toString(), "--polygon", SQUARE, "--base", base));
      assertThat(v.path("base_surface").asText()).isEqualTo(base);
      assertThat(v.path("units").asText()).isEqualTo("m");
      assertThat(v.path("base").path("source").asText()).isEqualTo("dsm");
      assertThat(v.path("cut").asDouble()).as(base).isCloseTo(CONE, within(CONE * 2e-3));
      assertThat(v.path("fill").asDouble()).as(base).isCloseTo(0, within(1e-6));
      assertThat(v.path("net").asDouble())
          .isEqualTo(v.path("cut").asDouble() - v.path("fill").asDouble());
      assertThat(v.path("area").asDouble()).isCloseTo(SQUARE_AREA, within(SQUARE_AREA * 1e-9));
      assertThat(v.has("warning")).isFalse();
    }
  }

  @Test
  void anElevationSetsAFlatBaseWhateverTheBaseAndUnitsConvert() throws Exception {
    JsonNode custom = ok(volume("--dsm", dsm.toString(), "--polygon", SQUARE, "--base", "custom",
        "--elevation", "99.5"));
    double expected = CONE + 0.5 * SQUARE_AREA;
    assertThat(custom.path("cut").asDouble()).isCloseTo(expected, within(CONE * 2e-3));
    assertThat(custom.path("base").path("source").asText()).isEqualTo("custom_elevation");
    JsonNode overridden = ok(volume("--dsm", dsm.toString(), "--polygon", SQUARE, "--base",
        "triangulated", "--elevation", "99.5"));
    assertThat(overridden.path("cut").asDouble()).isEqualTo(custom.path("cut").asDouble());
    assertThat(overridden.path("base_surface").asText()).isEqualTo("triangulated");
    assertThat(overridden.path("base").path("source").asText()).isEqualTo("custom_elevation");

    JsonNode yards = ok(volume("--dsm", dsm.toString(), "--polygon", SQUARE, "--base", "custom",
        "--elevation", "99.5", "--units", "yd"));
    double yd3 = Math.pow(0.9144, 3);
    assertThat(yards.path("units").asText()).isEqualTo("yd");
    assertThat(yards.path("cut").asDouble())
        .isCloseTo(custom.path("cut").asDouble() / yd3, within(1e-9 * expected));
    assertThat(yards.path("area").asDouble())
        .isCloseTo(custom.path("area").asDouble() / (0.9144 * 0.9144), within(1e-9));
  }

  @Test
  void aPolygonZTakesItsVerticesHeightsAsTheBoundary() throws Exception {
    String z = SQUARE.replace("POLYGON ((", "POLYGON Z ((").replace(", ", " 99, ")
        .replace("))", " 99))");
    JsonNode v = ok(volume("--dsm", dsm.toString(), "--polygon", z, "--base", "triangulated"));
    assertThat(v.path("base").path("source").asText()).isEqualTo("vertices");
    assertThat(v.path("cut").asDouble()).isCloseTo(CONE + SQUARE_AREA, within(CONE * 2e-3));
  }

  @Test
  void badInputIsOneReadableLineAndExitCodeOneOrTwo() throws Exception {
    Result wkt = volume("--dsm", dsm.toString(), "--polygon", "POLYGON ((1 2, 3", "--base",
        "average");
    assertThat(wkt.exitCode()).isEqualTo(2);
    assertThat(wkt.stderr().lines().findFirst().orElse(""))
        .startsWith("--polygon is not valid WKT: ");
    Result line = volume("--dsm", dsm.toString(), "--polygon", "LINESTRING (0 0, 1 1)", "--base",
        "average");
    assertThat(line.exitCode()).isEqualTo(2);
    assertThat(line.stderr()).startsWith("--polygon must be a POLYGON or POLYGON Z, not a"
        + " LINESTRING");
    Result noElevation = volume("--dsm", dsm.toString(), "--polygon", SQUARE, "--base", "custom");
    assertThat(noElevation.exitCode()).isEqualTo(2);
    assertThat(noElevation.stderr()).startsWith("--elevation is required when --base is custom");
    Result badBase = volume("--dsm", dsm.toString(), "--polygon", SQUARE, "--base", "flat");
    assertThat(badBase.exitCode()).isEqualTo(2);
    assertThat(badBase.stderr()).startsWith("--base: \"flat\" is not one of average, custom");

    Path missing = dir.resolve("missing.tif");
    Result file = volume("--dsm", missing.toString(), "--polygon", SQUARE, "--base", "average");
    assertThat(file.exitCode()).isEqualTo(1);
    assertThat(file.stderr().strip()).isEqualTo("error: " + missing + ": no such file");
    assertThat(file.stdout()).isEmpty();

    Result off = volume("--dsm", dsm.toString(), "--polygon",
        "POLYGON ((400000 5000000, 400010 5000000, 400010 5000010, 400000 5000000))", "--base",
        "average");
    assertThat(off.exitCode()).isEqualTo(1);
    assertThat(off.stderr().strip()).startsWith("error: The polygon doesn't overlap the dataset:")
        .doesNotContain("\n").doesNotContain("Exception");
    assertThat(off.stdout()).isEmpty();
  }

  @Test
  void theCommandAndTheApiGiveTheSameJson() throws Exception {
    // a square whose last two vertices were swapped: the ring crosses itself and is untangled
    String crossed = "POLYGON ((500005.013 5200005.021, 500025.017 5200005.021,"
        + " 500005.013 5200025.009, 500025.017 5200025.009, 500005.013 5200005.021))";
    try (RunningService svc = RunningService.start()) {
      TesseraClient api = Pix4dClients.as(svc, "read write");
      RawResponse created = post(api, "/project/api/v3/projects/",
          "{\"name\": \"Cone\", \"coordinate_system\": \"EPSG:32633\"}");
      assertThat(created.status()).isEqualTo(201);
      long id = JSON.readTree(created.body()).path("id").asLong();
      RawResponse reg = post(api, "/project/api/v3/projects/" + id + "/outputs/",
          "{\"output\": \"" + dsm + "\", \"output_type\": \"dsm\"}");
      assertThat(reg.status()).isEqualTo(200);
      awaitImport(api, id, JSON.readTree(reg.body()).path("output_id").asLong());
      for (String[] c : List.of(new String[] {SQUARE, "triangulated", "m"},
          new String[] {SQUARE, "fitPlane", "ydUS"}, new String[] {crossed, "average", "m"})) {
        JsonNode cli = ok(volume("--dsm", dsm.toString(), "--polygon", c[0], "--base", c[1],
            "--units", c[2]));
        RawResponse r = post(api, "/v1/project/" + id + "/volumes/", String.format(Locale.ROOT,
            "{\"base_surface\": \"%s\", \"units\": \"%s\", \"coordinates\": %s}", c[1], c[2],
            coordinates(c[0])));
        assertThat(r.status()).isEqualTo(200);
        JsonNode fromApi = JSON.readTree(r.body());
        assertThat(cli).as(c[1]).isEqualTo(fromApi);
        assertThat(cli.path("warning").asText(null))
            .isEqualTo(c[0].equals(crossed) ? CrossedRing.WARNING : null);
      }
    }
  }

  /** The WKT ring's vertices as the API's JSON array. */
  private static String coordinates(String wkt) {
    String inner = wkt.substring(wkt.indexOf("((") + 2, wkt.indexOf("))"));
    StringBuilder b = new StringBuilder("[");
    for (String v : inner.split(",")) {
      String[] xy = v.strip().split(" ");
      b.append(b.length() > 1 ? ", " : "").append('[').append(xy[0]).append(", ").append(xy[1])
          .append(']');
    }
    return b.append(']').toString();
  }

  private static RawResponse post(TesseraClient api, String path, String body) {
    return api.raw("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void awaitImport(TesseraClient api, long project, long output) throws Exception {
    for (int i = 0; i < 600; i++) {
      RawResponse list = api.raw("GET", "/project/api/v3/projects/" + project + "/outputs/",
          null, null);
      for (JsonNode o : JSON.readTree(list.body())) {
        if (o.path("output_id").asLong() == output) {
          String a = o.path("availability").asText();
          if (!a.equals("pending")) {
            assertThat(a).as(o.toString()).isEqualTo("done");
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("output " + output + " still pending");
  }
}

package io.tessera.api.photogrammetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.client.ProjectsClient;
import io.tessera.client.TesseraClient;
import io.tessera.core.camera.TestPhotos;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.Position;
import io.tessera.testing.RunningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /projects/{id}/cameras/}: where photos were taken from, in the project's CRS. */
class CamerasApiTest {
  private static RunningService svc;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  @Test
  void aDjiPhotoIsPlacedWithItsGimbalAnglesAndAPhotoWithoutGpsIsLeftOut() throws Exception {
    TesseraClient http = svc.desktop();
    ProjectsClient client = new ProjectsClient(http);
    long id = client.create("Cameras", "EPSG:32633").id();
    String xmp = TestPhotos.xmp("drone-dji", "http://www.dji.com/drone-dji/1.0/",
        "GimbalRollDegree", "+0.00", "GimbalYawDegree", "-178.50",
        "GimbalPitchDegree", "-89.90");
    Path dji = dir.resolve("DJI_0001.JPG");
    Files.write(dji, TestPhotos.jpeg(547, 365,
        new TestPhotos.Exif("DJI", "FC6310", 8.8, 24, 5472, null, 15.0686, 59.3293, 126.5),
        xmp));
    Path plain = dir.resolve("plain.jpg");
    Files.write(plain, TestPhotos.jpeg(300, 200,
        new TestPhotos.Exif("Acme", "Cam", 8.8, 24, null, null, null, null, null), null));
    http.postMultipart(ProjectsClient.PREFIX + "/projects/" + id + "/photos/", Map.of(),
        List.of(new TesseraClient.FilePart("file", dji, "image/jpeg"),
            new TesseraClient.FilePart("file", plain, "image/jpeg")), JsonNode.class);

    JsonNode cameras = client.cameras(id);
    assertThat(cameras).hasSize(1);
    JsonNode c = cameras.get(0);
    Position utm = Crs.parse("EPSG:4326").transformTo(Crs.parse("EPSG:32633"))
        .apply(new Position(15.0686, 59.3293, Double.NaN));
    assertThat(c.path("x").asDouble()).isCloseTo(utm.x(), within(1e-3));
    assertThat(c.path("y").asDouble()).isCloseTo(utm.y(), within(1e-3));
    assertThat(c.path("z").asDouble()).isEqualTo(126.5);
    assertThat(c.path("yaw").asDouble()).isEqualTo(-178.5);
    assertThat(c.path("pitch").asDouble()).isEqualTo(-89.9);
    assertThat(c.path("angles_known").asBoolean()).isTrue();
    assertThat(c.path("aspect").asDouble()).isCloseTo(547 / 365.0, within(1e-9));
    assertThat(c.path("horizontal_fov").asDouble()).isBetween(60.0, 80.0);
  }
}

package io.tessera.ui.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.client.ProjectsClient;
import io.tessera.client.TesseraClient;
import io.tessera.core.geo.LonLat;
import io.tessera.testing.CoprFixture;
import io.tessera.testing.GeotaggedJpegs;
import io.tessera.testing.RunningService;
import io.tessera.ui.map.MapView;
import io.tessera.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * copr's GCPs on the map: placed where their UTM coordinates are on the globe (checked against
 * copr's own EPSG:4326 list, gcp_list_noimg.txt, to 1e-6°), and a click on a symbol selects it.
 */
@ExtendWith(ApplicationExtension.class)
class GcpLayerTest {
  @TempDir static Path temp;

  private RunningService service;
  private MarkingViewModel vm;
  private GcpLayer layer;
  private MapView map;

  @Start
  void start(Stage stage) throws Exception {
    service = RunningService.start(Files.createTempDirectory(temp, "service"));
    TesseraClient desktop = service.desktop();
    ProjectsClient api = new ProjectsClient(desktop);
    long project = desktop.post("/project/api/v3/projects/", Map.of("name", "copr"),
        com.fasterxml.jackson.databind.JsonNode.class).path("id").asLong();
    Path photo = Files.createTempDirectory(temp, "p").resolve("IMG_0031.jpg");
    Files.write(photo, GeotaggedJpegs.basePhoto());
    desktop.postMultipart(ProjectsClient.PREFIX + "/projects/" + project + "/photos/", Map.of(),
        List.of(new TesseraClient.FilePart("file", photo, "image/jpeg")), List.class);
    Path list = photo.resolveSibling("gcp_list.txt");
    Files.write(list, CoprFixture.scaledGcpList());
    api.importGcps(project, list, false);
    vm = new MarkingViewModel(api, new CurrentThreadTaskExecutor());
    layer = new GcpLayer(vm);
    map = new MapView();
    map.getLayers().add(layer);
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
    vm.refreshProjects(project);
    map.setView(new LonLat(-119.87996, 34.40830), 21);
  }

  @Stop
  void stop() {
    service.close();
  }

  @Test
  void gcpsAreWhereCoprSaysAndAClickSelectsOne(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> layer.placed().size()) == 10);
    // gcp_list_noimg.txt's first line is gcp01 there, gcp00 here (copr's README)
    String first = Files.readAllLines(Path.of("src/test/resources/gcp/copr/gcp_list_noimg.txt"))
        .stream().filter(l -> l.startsWith("gcp01")).findFirst().orElseThrow();
    String[] f = first.trim().split("\\s+");
    GcpLayer.Placed gcp00 = fx(() -> layer.placed().stream()
        .filter(p -> p.row().name().equals("gcp00")).findFirst().orElseThrow());
    assertThat(gcp00.at().lonDeg()).isCloseTo(Double.parseDouble(f[1]), within(1e-6));
    assertThat(gcp00.at().latDeg()).isCloseTo(Double.parseDouble(f[2]), within(1e-6));

    GcpLayer.Placed gcp05 = fx(() -> layer.placed().stream()
        .filter(p -> p.row().name().equals("gcp05")).findFirst().orElseThrow());
    Point2D on = fx(() -> {
      map.setCenter(gcp05.at());
      Point2D local = layer.getMapPoint(gcp05.at());
      return layer.localToScreen(local);
    });
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(on);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
        () -> "gcp05".equals(fx(() -> vm.selectedGcpProperty().get().name())));
  }

  private static <T> T fx(Callable<T> call) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(call));
  }
}

package io.tessera.ui.marking;

import io.tessera.app.EmbeddedService;
import io.tessera.client.ProjectsClient;
import io.tessera.client.TesseraClient;
import io.tessera.ui.CentrePane;
import io.tessera.ui.DesktopContext;
import io.tessera.ui.DesktopPreferences;
import io.tessera.ui.MainWindow;
import io.tessera.ui.task.FxTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Not a test: opens the marking workflow on a copr project made from a folder of copr photos and
 * its gcp_list.txt (e.g. {@code ../shared/data/copr}) and writes PNG snapshots, to look at it
 * under Xvfb: {@code java -cp … io.tessera.ui.marking.MarkingTour out ../shared/data/copr}.
 */
public final class MarkingTour {
  private MarkingTour() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Path copr = Path.of(args[1]);
    Files.createDirectories(out);
    Path dataDir = Files.createTempDirectory("tessera-marking-tour");
    EmbeddedService service =
        EmbeddedService.start(EmbeddedService.Options.forTest(dataDir.resolve("service")));
    TesseraClient desktop = service.desktopClient();
    ProjectsClient api = new ProjectsClient(desktop);
    long project = desktop.post("/project/api/v3/projects/", Map.of("name", "Coal Oil Point"),
        com.fasterxml.jackson.databind.JsonNode.class).path("id").asLong();
    try (Stream<Path> photos = Files.list(copr.resolve("images"))) {
      for (Path p : photos.sorted().toList()) {
        desktop.postMultipart(ProjectsClient.PREFIX + "/projects/" + project + "/photos/", Map.of(),
            List.of(new TesseraClient.FilePart("file", p, "image/jpeg")), List.class);
      }
    }
    api.importGcps(project, copr.resolve("gcp_list.txt"), false);
    Thread.sleep(15000); // tiling

    FxTaskExecutor executor = new FxTaskExecutor(3);
    MainWindow[] window = new MainWindow[1];
    onFx(() -> {
      window[0] = new MainWindow(new DesktopContext(desktop, service.url(), dataDir,
          "0.1.0-tour", null), executor, DesktopPreferences.load(dataDir));
      window[0].show(new Stage());
      window[0].viewModel().selectedPaneProperty().set(CentrePane.IMAGE);
      window[0].marking().start();
    });
    Thread.sleep(3000);
    MarkingViewModel vm = window[0].marking().viewModel();
    onFx(() -> vm.selectedGcpProperty().set(vm.gcps().stream()
        .filter(g -> g.name().equals("gcp02")).findFirst().orElseThrow()));
    Thread.sleep(4000);
    shot(window[0], out.resolve("marking-gcp02.png"));
    onFx(() -> {
      var img = window[0].imagePane().viewModel();
      var m = vm.currentMarkProperty().get();
      double s = img.scaleProperty().get();
      var at = window[0].imagePane().localToScreen(
          img.offsetXProperty().get() + s * (m.x() + 20), img.offsetYProperty().get() + s * (m.y() + 12));
      new javafx.scene.robot.Robot().mouseMove(at);
    });
    Thread.sleep(2000);
    shot(window[0], out.resolve("marking-loupe.png"));
    onFx(() -> vm.nextGcp());
    Thread.sleep(4000);
    shot(window[0], out.resolve("marking-gcp03.png"));
    onFx(() -> window[0].viewModel().selectedPaneProperty().set(CentrePane.MAP));
    Thread.sleep(1500);
    onFx(() -> window[0].imagePane().getScene().lookup(".map-view"));
    onFx(() -> ((io.tessera.ui.map.MapView) window[0].imagePane().getScene()
        .lookup(".map-view")).setView(new io.tessera.core.geo.LonLat(-119.87975, 34.40840), 20.3));
    Thread.sleep(2500);
    shot(window[0], out.resolve("marking-map.png"));
    onFx(() -> window[0].close());
    executor.close();
    service.close();
    Platform.exit();
  }

  private static void shot(MainWindow window, Path file) throws Exception {
    WritableImage[] img = new WritableImage[1];
    onFx(() -> img[0] = window.imagePane().getScene().snapshot(null));
    try {
      ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void onFx(Runnable r) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(() -> {
      try {
        r.run();
      } finally {
        done.countDown();
      }
    });
    if (!done.await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("FX thread did not answer");
    }
  }

  static {
    Platform.startup(() -> {});
    Platform.setImplicitExit(false);
  }
}

package io.tessera.ui.marking;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.dto.PhotogrammetryDtos.MarkDto;
import io.tessera.client.ProjectsClient;
import io.tessera.client.TesseraClient;
import io.tessera.testing.CoprFixture;
import io.tessera.testing.GeotaggedJpegs;
import io.tessera.testing.RunningService;
import io.tessera.ui.DesktopContext;
import io.tessera.ui.DesktopPreferences;
import io.tessera.ui.MainWindow;
import io.tessera.ui.image.ImageViewModel;
import io.tessera.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
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
 * GCP marking in the main window against a real embedded service, on the copr photo fixture with
 * copr's own GCPs (see {@code gcp/copr/ATTRIBUTION.md}): a mouse click at copr's mark of gcp01
 * stores that pixel; Delete, Ctrl+Z, Ctrl+Y, N, P and G work from the keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class MarkingWorkflowTest {
  @TempDir static Path temp;

  private RunningService service;
  private ProjectsClient api;
  private FxTaskExecutor executor;
  private MainWindow window;
  private long project;

  @Start
  void start(Stage stage) throws Exception {
    service = RunningService.start(Files.createTempDirectory(temp, "service"));
    TesseraClient desktop = service.desktop();
    api = new ProjectsClient(desktop);
    project = desktop.post("/project/api/v3/projects/", Map.of("name", "copr"),
        com.fasterxml.jackson.databind.JsonNode.class).path("id").asLong();
    Path photos = Files.createTempDirectory(temp, "photos");
    for (String name : List.of("IMG_0031.jpg", "IMG_0037.jpg")) {
      Path p = photos.resolve(name);
      Files.write(p, GeotaggedJpegs.basePhoto());
      desktop.postMultipart(ProjectsClient.PREFIX + "/projects/" + project + "/photos/", Map.of(),
          List.of(new TesseraClient.FilePart("file", p, "image/jpeg")), List.class);
    }
    Path list = photos.resolve("gcp_list.txt");
    Files.write(list, CoprFixture.scaledGcpList());
    api.importGcps(project, list, false);
    // gcp01's mark on IMG_0031 is what the test places again with the mouse
    api.deleteMark(project, gcp01Mark().orElseThrow().id());

    executor = new FxTaskExecutor(4);
    Path dataDir = Files.createTempDirectory(temp, "desktop");
    window = new MainWindow(new DesktopContext(desktop, service.url(), dataDir, "0.1.0-test",
        null), executor, DesktopPreferences.load(dataDir));
    window.show(stage);
  }

  @Stop
  void stop() {
    executor.close();
    service.close();
  }

  private Optional<MarkDto> gcp01Mark() {
    return api.marks(project).stream().filter(m -> m.gcp().equals("gcp01")
        && m.photo().endsWith("/IMG_0031.jpg")).findFirst();
  }

  private MarkingViewModel vm() {
    return window.marking().viewModel();
  }

  /** Starts marking on gcp01 and waits until IMG_0031 shows in the image pane. */
  private void markingGcp01(FxRobot robot) throws Exception {
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G).release(KeyCode.G, KeyCode.SHIFT,
        KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> vm().gcps().size() == 10
        && vm().selectedPhotoProperty().get() != null && !vm().busyProperty().get()));
    fx(() -> {
      vm().selectedGcpProperty().set(vm().gcps().stream()
          .filter(g -> g.name().equals("gcp01")).findFirst().orElseThrow());
      return null;
    });
    // gcp00's photos (selected first) are the same two: wait for gcp01's own answer, or its
    // arrival would move the view under the robot
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !vm().busyProperty().get()
        && vm().photos().size() == 2));
    fx(() -> {
      vm().selectedPhotoProperty().set(vm().photos().stream()
          .filter(p -> p.photo().endsWith("/IMG_0031.jpg")).findFirst().orElseThrow());
      return null;
    });
    ImageViewModel image = window.imagePane().viewModel();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() ->
        image.imageProperty().get() != null
            && "IMG_0031.jpg".equals(image.imageProperty().get().getName())));
  }

  @Test
  void aClickAtCoprsMarkStoresThatPixelAndTheKeysEditAndNavigate(FxRobot robot)
      throws Exception {
    markingGcp01(robot);
    double[] want = CoprFixture.mark("gcp01", "IMG_0031.jpg");
    ImageViewModel image = window.imagePane().viewModel();
    // 4 screen pixels per image pixel, copr's mark at the view's centre
    Point2D at = fx(() -> {
      image.zoomAt(0, 0, 4 / image.scaleProperty().get());
      image.centreOn(want[0], want[1]);
      double s = image.scaleProperty().get();
      return window.imagePane().localToScreen(image.offsetXProperty().get() + s * want[0],
          image.offsetYProperty().get() + s * want[1]);
    });
    robot.moveTo(at).clickOn(at);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> gcp01Mark().isPresent());
    MarkDto placed = gcp01Mark().orElseThrow();
    assertThat(Math.abs(placed.x() - want[0])).as("x").isLessThan(0.5);
    assertThat(Math.abs(placed.y() - want[1])).as("y").isLessThan(0.5);
    assertThat(fx(() -> vm().gcps().stream().filter(g -> g.name().equals("gcp01"))
        .findFirst().orElseThrow().marks())).isEqualTo(1);

    robot.type(KeyCode.DELETE);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> gcp01Mark().isEmpty());
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> gcp01Mark().isPresent());
    assertThat(gcp01Mark().orElseThrow().x()).isEqualTo(placed.x());
    robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> gcp01Mark().isEmpty());
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> gcp01Mark().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z)
        .release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> gcp01Mark().isEmpty());
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> gcp01Mark().isPresent());
    // the Edit menu acts on the marks too, not on another tool's history
    javafx.scene.control.MenuItem undo = menuItem(robot, "undoMenu");
    javafx.scene.control.MenuItem redo = menuItem(robot, "redoMenu");
    assertThat(fx(undo::getText)).isEqualTo("Undo Mark");
    assertThat(fx(undo::isDisable)).isFalse();
    fx(() -> {
      undo.fire();
      return null;
    });
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> gcp01Mark().isEmpty());
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(redo::getText).equals("Redo Mark"));
    fx(() -> {
      redo.fire();
      return null;
    });
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> gcp01Mark().isPresent());

    String first = fx(() -> vm().selectedPhotoProperty().get().photo());
    robot.type(KeyCode.N);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> !first.equals(fx(() -> vm().selectedPhotoProperty().get().photo())));
    robot.type(KeyCode.P);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> first.equals(fx(() -> vm().selectedPhotoProperty().get().photo())));
    robot.type(KeyCode.G);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> "gcp02".equals(fx(() -> vm().selectedGcpProperty().get().name())));
  }

  @Test
  void dragMovesTheMarkAndEnterWithoutAPredictionPlacesNothing(FxRobot robot) throws Exception {
    markingGcp01(robot);
    double[] want = CoprFixture.mark("gcp01", "IMG_0031.jpg");
    fx(() -> {
      window.marking().viewModel().place(want[0] - 3, want[1] - 2);
      return null;
    });
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> gcp01Mark().isPresent());
    ImageViewModel image = window.imagePane().viewModel();
    Point2D[] ends = fx(() -> {
      image.zoomAt(0, 0, 4 / image.scaleProperty().get());
      image.centreOn(want[0], want[1]);
      double s = image.scaleProperty().get();
      var pane = window.imagePane();
      return new Point2D[] {
          pane.localToScreen(image.offsetXProperty().get() + s * (want[0] - 3),
              image.offsetYProperty().get() + s * (want[1] - 2)),
          pane.localToScreen(image.offsetXProperty().get() + s * want[0],
              image.offsetYProperty().get() + s * want[1])};
    });
    double offsetBefore = fx(() -> image.offsetXProperty().get());
    robot.drag(ends[0]).dropTo(ends[1]);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
        () -> Math.abs(gcp01Mark().orElseThrow().x() - want[0]) < 0.5);
    assertThat(Math.abs(gcp01Mark().orElseThrow().y() - want[1])).isLessThan(0.5);
    assertThat(fx(() -> image.offsetXProperty().get())).as("the drag moved the mark, not the view")
        .isEqualTo(offsetBefore);
    // copr's photo has no GPS and its marks fit no camera: nothing to accept
    assertThat(fx(() -> vm().selectedPhotoProperty().get().x())).isNull();
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Math.abs(gcp01Mark().orElseThrow().x() - want[0])).isLessThan(0.5);
  }

  private static <T> T fx(Callable<T> call) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(call));
  }

  private static javafx.scene.control.MenuItem menuItem(FxRobot robot, String id) {
    return robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus()
        .stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
        .findFirst().orElseThrow();
  }
}

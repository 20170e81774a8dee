package io.tessera.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.client.TesseraClient;
import io.tessera.ui.image.ImageViewModel;
import io.tessera.ui.map.MapPane;
import io.tessera.ui.task.FxTaskExecutor;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
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
 * The main window, headless, against a service URL where nothing listens (the real-service variant
 * is {@link MainWindowServiceTest}).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  @TempDir static Path temp;

  private Stage stage;
  private Path dataDir;
  private String url;
  private FxTaskExecutor executor;
  private MainWindow window;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    dataDir = Files.createTempDirectory(temp, "data");
    url = "http://127.0.0.1:" + unusedPort();
    executor = new FxTaskExecutor(3);
    DesktopContext ctx =
        new DesktopContext(
            TesseraClient.anonymous(url), url, dataDir, "0.1.0-test",
            "Port 8000 was taken, so the service listens on " + url + ".");
    window = new MainWindow(ctx, executor, DesktopPreferences.load(dataDir));
    window.show(stage);
  }

  @Stop
  void stop() {
    executor.close();
  }

  static int unusedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String selectedTab(FxRobot robot) {
    return robot.lookup("#centreTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
  }

  @Test
  void ctrlOneTwoThreeSwitchPanes(FxRobot robot) {
    robot.clickOn("#projectTree");
    assertThat(selectedTab(robot)).isEqualTo("mapTab");

    robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
    assertThat(selectedTab(robot)).isEqualTo("imageTab");
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    assertThat(selectedTab(robot)).isEqualTo("scene3dTab");
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
    assertThat(selectedTab(robot)).isEqualTo("mapTab");
    assertThat(window.viewModel().selectedPaneProperty().get()).isEqualTo(CentrePane.MAP);
  }

  @Test
  void afterAClickOnTheMapArrowsPanItInsteadOfSwitchingTabs(FxRobot robot) {
    robot.clickOn("#mapPane");
    MapPane map = robot.lookup("#mapPane").queryAs(MapPane.class);
    double lonBefore = map.centerProperty().get().lonDeg();

    robot.type(KeyCode.RIGHT);

    assertThat(selectedTab(robot)).isEqualTo("mapTab");
    assertThat(map.centerProperty().get().lonDeg()).isGreaterThan(lonBefore);
  }

  @Test
  void statusBarShowsTheUrlAndOfflineWhenNothingListens(FxRobot robot) throws Exception {
    Label connection = robot.lookup("#connectionLabel").queryAs(Label.class);

    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "offline".equals(connection.getText()));

    assertThat(robot.lookup("#serviceUrlLabel").queryAs(Label.class).getText()).isEqualTo(url);
    assertThat(connection.getStyleClass()).contains("state-offline");
    assertThat(robot.lookup("#jobsBox").query().isVisible()).as("job progress hidden when none run").isFalse();
  }

  @Test
  void theStartupNoticeShowsOnceAndCanBeDismissed(FxRobot robot) {
    assertThat(robot.lookup("#noticeText").queryAs(Label.class).getText()).startsWith("Port 8000 was taken");

    robot.clickOn("#dismissNotice");

    assertThat(robot.lookup("#noticeBanner").query().isVisible()).isFalse();
  }

  @Test
  void theSidebarAndInspectorExplainTheirEmptyState(FxRobot robot) {
    assertThat(robot.lookup("#projectsEmptyHint").queryAs(Label.class).isVisible()).isTrue();
    assertThat(robot.lookup("#inspectorTitle").queryAs(Label.class).getText()).isEqualTo("Nothing selected");

    robot.clickOn("Projects");

    assertThat(robot.lookup("#inspectorTitle").queryAs(Label.class).getText()).isEqualTo("Projects");
  }

  @Test
  void without3dSupportThe3dPaneSaysWhy(FxRobot robot) {
    robot.clickOn("#projectTree").push(KeyCode.CONTROL, KeyCode.DIGIT3);

    // Headless Monocle renders in software, where JavaFX has no 3D.
    assertThat(window.scene3dPane().isSceneAvailable()).isFalse();
    VBox message = robot.lookup("#scene3dUnsupported").queryAs(VBox.class);
    assertThat(message.isVisible()).isTrue();
    assertThat(((Label) message.getChildren().get(0)).getText()).startsWith("3D needs graphics acceleration");
  }

  @Test
  void anOpenedPhotoShowsPixelCoordinatesAndPansAndZooms(FxRobot robot) throws Exception {
    Path photo = Path.of(MainWindowTest.class.getResource("image/copr-IMG_0031-400x267.jpg").toURI());
    ImageViewModel image = window.imagePane().viewModel();

    robot.interact(() -> window.openImage(photo));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> image.imageProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(selectedTab(robot)).isEqualTo("imageTab");

    Bounds pane = robot.lookup("#imagePane").query().localToScreen(robot.lookup("#imagePane").query().getBoundsInLocal());
    Point2D centre = new Point2D(pane.getCenterX(), pane.getCenterY());
    robot.moveTo(centre);
    Label cursor = robot.lookup("#cursorLabel").queryAs(Label.class);
    assertThat(cursor.getText()).matches("x \\d+\\.\\d\\d, y \\d+\\.\\d\\d px");
    Point2D pixel = image.pointerPixelProperty().get();
    assertThat(pixel.getX()).isBetween(195.0, 205.0); // the middle of a 400 × 267 photo
    assertThat(pixel.getY()).isBetween(128.0, 139.0);

    double offsetBefore = image.offsetXProperty().get();
    robot.drag(centre, MouseButton.PRIMARY).moveBy(60, 0).drop();
    assertThat(image.offsetXProperty().get()).isEqualTo(offsetBefore + 60, org.assertj.core.api.Assertions.within(1.0));

    double scaleBefore = image.scaleProperty().get();
    robot.moveTo(centre).scroll(3, javafx.geometry.VerticalDirection.UP);
    // Under Monocle TestFX's wheel direction is inverted: only check that the wheel zoomed.
    assertThat(image.scaleProperty().get()).isNotEqualTo(scaleBefore);

    robot.type(KeyCode.DIGIT0);
    assertThat(image.offsetYProperty().get()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aFileThatIsNoImageShowsAReadableMessage(FxRobot robot) throws Exception {
    Path notes = Files.writeString(dataDir.resolve("notes.jpg"), "field notes");

    robot.interact(() -> window.openImage(notes));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.imagePane().viewModel().errorProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();

    Label error = robot.lookup("#imageError").queryAs(Label.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).startsWith("notes.jpg is not a picture").doesNotContain("Exception");
  }

  @Test
  void theLayoutIsSavedWhenTheWindowCloses(FxRobot robot) throws Exception {
    robot.clickOn("#projectTree").push(KeyCode.CONTROL, KeyCode.DIGIT2);

    robot.interact(stage::close);

    DesktopPreferences saved = DesktopPreferences.load(dataDir);
    assertThat(saved.pane()).isEqualTo(CentrePane.IMAGE);
    assertThat(saved.windowBounds()).isPresent();
    assertThat(saved.dividerPositions()).hasSize(2);
  }
}

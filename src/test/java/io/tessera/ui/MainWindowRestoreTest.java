package io.tessera.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.client.TesseraClient;
import io.tessera.ui.task.FxTaskExecutor;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** A second start shows the window as the first one left it. */
@ExtendWith(ApplicationExtension.class)
class MainWindowRestoreTest {
  @TempDir static Path dataDir;

  private Stage stage;
  private FxTaskExecutor executor;

  @Start
  void start(Stage stage) throws IOException {
    this.stage = stage;
    DesktopPreferences earlier = DesktopPreferences.load(dataDir);
    earlier.setWindowBounds(new Rectangle2D(60, 40, 1000, 640));
    earlier.setPane(CentrePane.SCENE3D);
    earlier.setDividerPositions(new double[] {0.25, 0.7});
    earlier.save();

    String url = "http://127.0.0.1:" + MainWindowTest.unusedPort();
    executor = new FxTaskExecutor(2);
    DesktopContext ctx = new DesktopContext(TesseraClient.anonymous(url), url, dataDir, "test", null);
    new MainWindow(ctx, executor, DesktopPreferences.load(dataDir)).show(stage);
  }

  @Stop
  void stop() {
    executor.close();
  }

  @Test
  void sizePositionPaneAndDividersAreRestored(FxRobot robot) {
    assertThat(stage.getX()).isEqualTo(60.0);
    assertThat(stage.getY()).isEqualTo(40.0);
    assertThat(stage.getWidth()).isEqualTo(1000.0);
    assertThat(stage.getHeight()).isEqualTo(640.0);
    assertThat(stage.isMaximized()).isFalse();
    assertThat(robot.lookup("#centreTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
        .isEqualTo("scene3dTab");
    SplitPane sp = robot.lookup(".split-pane").queryAs(SplitPane.class);
    double[] dividers = sp.getDividerPositions();
    assertThat(dividers[0]).isCloseTo(0.25, within(0.01));
    assertThat(dividers[1]).isCloseTo(0.7, within(0.01));
  }
}

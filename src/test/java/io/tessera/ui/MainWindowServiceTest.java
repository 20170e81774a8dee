package io.tessera.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.app.EmbeddedService;
import io.tessera.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The main window's status bar against a real embedded service. */
@ExtendWith(ApplicationExtension.class)
class MainWindowServiceTest {
  @TempDir static Path temp;

  private EmbeddedService service;
  private FxTaskExecutor executor;

  @Start
  void start(Stage stage) {
    service = EmbeddedService.start(EmbeddedService.Options.forTest(temp.resolve("service")));
    executor = new FxTaskExecutor(3);
    DesktopContext ctx =
        new DesktopContext(service.desktopClient(), service.url(), temp.resolve("desktop"), "0.1.0-test", null);
    new MainWindow(ctx, executor, DesktopPreferences.load(ctx.dataDir())).show(stage);
  }

  @Stop
  void stop() {
    if (executor != null) {
      executor.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void statusBarShowsTheServiceUrlAndConnected(FxRobot robot) throws Exception {
    Label connection = robot.lookup("#connectionLabel").queryAs(Label.class);

    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "connected".equals(connection.getText()));

    assertThat(robot.lookup("#serviceUrlLabel").queryAs(Label.class).getText()).isEqualTo(service.url());
    assertThat(robot.lookup("#noticeBanner").query().isVisible()).isFalse();
  }
}

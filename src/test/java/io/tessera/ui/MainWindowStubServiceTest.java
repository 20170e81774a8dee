package io.tessera.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.client.TesseraClient;
import io.tessera.ui.task.FxTaskExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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
 * The status bar through the real HTTP client against {@link StubService}: the wire format of
 * health and jobs, job progress and cancelling. {@link MainWindowServiceTest} does the same
 * against the real service.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowStubServiceTest {
  @TempDir static Path dataDir;

  private StubService service;
  private FxTaskExecutor executor;

  @Start
  void start(Stage stage) throws IOException {
    service = new StubService();
    service.setJobs(
        "[{\"id\":\"job_1\",\"kind\":\"tile\",\"state\":\"running\",\"progress\":0.4,"
            + "\"message\":\"Tiling IMG_0031.jpg\",\"createdAt\":\"2026-03-22T10:00:00Z\"}]");
    executor = new FxTaskExecutor(3);
    DesktopContext ctx =
        new DesktopContext(TesseraClient.anonymous(service.url()), service.url(), dataDir, "test", null);
    new MainWindow(ctx, executor, DesktopPreferences.load(dataDir)).show(stage);
  }

  @Stop
  void stop() {
    executor.close();
    service.close();
  }

  @Test
  void showsConnectedAndTheRunningJobAndCancelsIt(FxRobot robot) throws Exception {
    Label connection = robot.lookup("#connectionLabel").queryAs(Label.class);
    Label job = robot.lookup("#jobLabel").queryAs(Label.class);

    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "Tiling IMG_0031.jpg 40 %".equals(job.getText()));

    assertThat(connection.getText()).isEqualTo("connected");
    assertThat(robot.lookup("#serviceUrlLabel").queryAs(Label.class).getText()).isEqualTo(service.url());
    assertThat(robot.lookup("#jobsBox").query().isVisible()).isTrue();
    assertThat(robot.lookup("#jobProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(0.4);

    service.setJobs("[]");
    robot.clickOn("#cancelJobs");

    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !robot.lookup("#jobsBox").query().isVisible());
    assertThat(service.cancelled()).containsExactly("job_1");
  }
}

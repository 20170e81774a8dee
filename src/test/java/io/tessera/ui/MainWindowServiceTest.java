package io.tessera.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.app.EmbeddedService;
import io.tessera.service.job.JobContext;
import io.tessera.service.job.JobHandler;
import io.tessera.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
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

/** The main window's status bar against a real embedded service: connection, jobs, cancel. */
@ExtendWith(ApplicationExtension.class)
class MainWindowServiceTest {
  @TempDir static Path temp;

  private EmbeddedService service;
  private FxTaskExecutor executor;
  private MainWindow window;

  /** A job that reports 40 % and then waits until it is cancelled. */
  static final class WaitingJob implements JobHandler {
    @Override
    public String kind() {
      return "tile";
    }

    @Override
    public boolean resumable() {
      return false;
    }

    @Override
    public void run(JobContext ctx) throws InterruptedException {
      ctx.progress(0.4, "Tiling IMG_0031.jpg");
      for (int i = 0; i < 3000; i++) {
        ctx.checkCancelled();
        Thread.sleep(10);
      }
    }
  }

  @Start
  void start(Stage stage) {
    service = EmbeddedService.start(EmbeddedService.Options.forTest(temp.resolve("service")));
    service.jobs().register(new WaitingJob());
    executor = new FxTaskExecutor(3);
    DesktopContext ctx =
        new DesktopContext(
            service.desktopClient(), service.url(), temp.resolve("desktop"), "0.1.0-test", null);
    window = new MainWindow(ctx, executor, DesktopPreferences.load(ctx.dataDir()));
    window.show(stage);
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

    assertThat(robot.lookup("#serviceUrlLabel").queryAs(Label.class).getText())
        .isEqualTo(service.url());
    assertThat(robot.lookup("#noticeBanner").query().isVisible()).isFalse();
  }

  @Test
  void showsARunningJobsProgressAndCancelsIt(FxRobot robot) throws Exception {
    String id = service.jobs().submit("tile", null).id();
    Label job = robot.lookup("#jobLabel").queryAs(Label.class);

    WaitForAsyncUtils.waitFor(
        15, TimeUnit.SECONDS, () -> "Tiling IMG_0031.jpg 40 %".equals(job.getText()));
    assertThat(robot.lookup("#jobsBox").query().isVisible()).isTrue();
    assertThat(robot.lookup("#jobProgress").queryAs(ProgressBar.class).getProgress())
        .isEqualTo(0.4);

    robot.clickOn("#cancelJobs");

    WaitForAsyncUtils.waitFor(
        15, TimeUnit.SECONDS, () -> "cancelled".equals(service.jobs().get(id).state()));
    WaitForAsyncUtils.waitFor(
        15, TimeUnit.SECONDS, () -> !robot.lookup("#jobsBox").query().isVisible());
  }

  @Test
  void anOpenedImageIsTiledByTheServiceShownAndShared(FxRobot robot) throws Exception {
    Path photo = temp.resolve("share-me.jpg");
    java.nio.file.Files.write(photo, io.tessera.core.dzi.TestImages.jpeg(
        io.tessera.core.dzi.TestImages.textured(1200, 800, false), 0.85f, false));
    MenuItem share = menuItem(robot, "shareImageMenu");
    assertThat(share.isDisable()).as("nothing to share yet").isTrue();

    robot.interact(() -> window.openImage(photo));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !share.isDisable());
    assertThat(new io.tessera.client.DeepZoomClient(service.desktopClient())
        .fromFile(photo).title()).as("the service holds it").isEqualTo("share-me.jpg");

    robot.interact(share::fire);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
        () -> robot.lookup("#shareLink").tryQuery().isPresent());
    String link = robot.lookup("#shareLink").queryAs(javafx.scene.control.TextField.class)
        .getText();
    assertThat(link).matches(java.util.regex.Pattern.quote(service.url())
        + "/view/[A-Za-z0-9]{22}");
  }

  private static MenuItem menuItem(FxRobot robot, String id) {
    javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar")
        .queryAs(javafx.scene.control.MenuBar.class);
    return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
        .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }
}

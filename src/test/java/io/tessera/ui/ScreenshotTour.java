package io.tessera.ui;

import io.tessera.app.EmbeddedService;
import io.tessera.ui.task.FxTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Not a test: a developer's tour that opens the main window against a real embedded service with
 * one running job, visits each pane and writes PNG snapshots, to look at the UI under Xvfb. Run
 * with the test class path, e.g. {@code xvfb-run -s "-screen 0 1400x900x24" java
 * -Dprism.forceGPU=true -cp … io.tessera.ui.ScreenshotTour out photo.jpg}.
 */
public final class ScreenshotTour {
  private ScreenshotTour() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Path photo = Path.of(args[1]);
    Files.createDirectories(out);
    Path dataDir = Files.createTempDirectory("tessera-tour");
    EmbeddedService service =
        EmbeddedService.start(EmbeddedService.Options.forTest(dataDir.resolve("service")));
    service.jobs().register(new MainWindowServiceTest.WaitingJob());
    service.jobs().submit("tile", null);
    String url = service.url();
    DesktopContext ctx =
        new DesktopContext(
            service.desktopClient(), url, dataDir, "0.1.0-tour",
            "Port 8000 was taken, so the service listens on " + url + " instead.");
    FxTaskExecutor executor = new FxTaskExecutor(3);
    MainWindow[] window = new MainWindow[1];
    onFx(() -> {
      window[0] = new MainWindow(ctx, executor, DesktopPreferences.load(dataDir));
      window[0].show(new Stage());
    });
    Thread.sleep(2500);
    shot(window[0], out.resolve("main-map.png"));
    onFx(() -> window[0].viewModel().selectedPaneProperty().set(CentrePane.IMAGE));
    Thread.sleep(500);
    shot(window[0], out.resolve("image-empty.png"));
    onFx(() -> window[0].openImage(photo));
    Thread.sleep(4000);
    onFx(() -> window[0].imagePane().viewModel().pointerMoved(400, 300));
    shot(window[0], out.resolve("image-photo.png"));
    onFx(() -> window[0].imagePane().viewModel().zoomAt(400, 300, 24));
    Thread.sleep(500);
    shot(window[0], out.resolve("image-zoomed.png"));
    onFx(() -> window[0].openImage(dataDir.resolve("desktop.properties.missing.jpg")));
    Thread.sleep(1000);
    shot(window[0], out.resolve("image-error.png"));
    onFx(() -> window[0].viewModel().selectedPaneProperty().set(CentrePane.SCENE3D));
    Thread.sleep(1500);
    shot(window[0], out.resolve("scene3d.png"));
    onFx(() -> dialogs(window[0], url, out));
    Thread.sleep(1000);
    onFx(() -> window[0].close());
    executor.close();
    service.close();
    Platform.exit();
  }

  private static void dialogs(MainWindow window, String url, Path out) {
    Stage owner = (Stage) window.imagePane().getScene().getWindow();
    AboutDialog about = new AboutDialog(owner, "0.1.0-tour", url);
    PreferencesDialog prefs = new PreferencesDialog(owner, false);
    for (var d : java.util.List.of(about, prefs)) {
      d.getDialogPane().getStylesheets().add(MainWindow.stylesheet());
      d.show();
    }
    Platform.runLater(() -> {
      try {
        write(about.getDialogPane().getScene().snapshot(null), out.resolve("about.png"));
        write(prefs.getDialogPane().getScene().snapshot(null), out.resolve("preferences.png"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      about.close();
      prefs.close();
    });
  }

  private static void write(WritableImage img, Path file) throws IOException {
    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
  }

  private static void shot(MainWindow window, Path file) throws Exception {
    WritableImage[] img = new WritableImage[1];
    onFx(() -> img[0] = window.imagePane().getScene().snapshot(null));
    write(img[0], file);
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

package io.tessera.ui;

import io.tessera.ui.task.FxTaskExecutor;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The JavaFX application. Started through {@link #launch(DesktopContext)}, never as a main class. */
public final class DesktopApp extends Application {
  /**
   * Health poll, jobs poll, an image decode and a mission call (a save, a decision, a thumbnail)
   * may all block at once.
   */
  private static final int BACKGROUND_THREADS = 4;

  private static final CompletableFuture<Void> STARTED = new CompletableFuture<>();
  private static final CompletableFuture<Void> FIRST_FRAME = new CompletableFuture<>();
  private static volatile DesktopContext context;

  private FxTaskExecutor executor;
  private MainWindow window;

  /** Starts the desktop on the current thread and returns when its last window closes. */
  public static void launch(DesktopContext ctx) {
    context = ctx;
    Application.launch(DesktopApp.class);
  }

  @Override
  public void start(Stage stage) {
    executor = new FxTaskExecutor(BACKGROUND_THREADS);
    window = new MainWindow(context, executor, DesktopPreferences.load(context.dataDir()));
    window.show(stage);
    FirstFrameReporter.reportAfterFirstFrame(() -> FIRST_FRAME.complete(null));
    STARTED.complete(null);
  }

  /** Completes once the main window's first frame has been drawn. */
  public static CompletableFuture<Void> firstFrame() {
    return FIRST_FRAME;
  }

  /**
   * Tells the user that the desktop cannot work (e.g. its service did not start) and quits when
   * they close the message. Callable from any thread, before or after the window is up.
   */
  public static void showFatalError(String headline, String detail) {
    STARTED.thenRun(
        () ->
            Platform.runLater(
                () -> {
                  Alert alert = new Alert(Alert.AlertType.ERROR);
                  alert.setTitle("Tessera");
                  alert.setHeaderText(headline);
                  alert.setContentText(detail + "\n\nDetails are in the log, tessera.log in the"
                      + " data folder.");
                  alert.showAndWait();
                  Platform.exit();
                }));
  }

  @Override
  public void stop() {
    if (window != null) {
      window.close();
    }
    if (executor != null) {
      executor.close();
    }
  }
}

package io.tessera.ui;

import io.tessera.ui.task.FxTaskExecutor;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. Started through {@link #launch(DesktopContext)}, never as a main class. */
public final class DesktopApp extends Application {
  /** Health poll, jobs poll and an image decode may all block at once. */
  private static final int BACKGROUND_THREADS = 3;

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
    FirstFrameReporter.reportAfterFirstFrame();
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

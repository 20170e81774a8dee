package io.tessera.ui;

import io.tessera.ui.task.FxTaskExecutor;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. Started through {@link #launch(Supplier)}, never as a main class. */
public final class DesktopApp extends Application {
  /** Health poll, jobs poll and an image decode may all block at once. */
  private static final int BACKGROUND_THREADS = 3;

  private static volatile Supplier<DesktopContext> contextSource;
  private DesktopContext context;

  private FxTaskExecutor executor;
  private MainWindow window;

  /**
   * Starts the desktop on the current thread and returns when its last window closes. The context
   * is asked for after the toolkit has started, off the FX thread, so that a caller can start the
   * service meanwhile: the supplier may block until it is ready, and what it throws ends the launch.
   */
  public static void launch(Supplier<DesktopContext> context) {
    contextSource = context;
    Application.launch(DesktopApp.class);
  }

  @Override
  public void init() {
    context = contextSource.get();
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

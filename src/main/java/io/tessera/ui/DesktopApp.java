package io.tessera.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. Started through {@link #launch(DesktopContext)}, never as a main class. */
public final class DesktopApp extends Application {
  private static volatile DesktopContext context;

  /** Starts the desktop on the current thread and returns when its last window closes. */
  public static void launch(DesktopContext ctx) {
    context = ctx;
    Application.launch(DesktopApp.class);
  }

  @Override
  public void start(Stage stage) {
    stage.setTitle("Tessera");
    stage.setScene(new Scene(new Label("Tessera " + context.version()), 1280, 800));
    stage.show();
  }
}

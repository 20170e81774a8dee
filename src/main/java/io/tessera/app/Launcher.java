package io.tessera.app;

import java.util.OptionalInt;

/**
 * The jar's main class. It does not extend {@code javafx.application.Application}, so the desktop
 * also starts from a plain class path ({@code java -jar target/tessera.jar}). The desktop and
 * {@code serve} run in a child JVM with an AppCDS archive when started from the jar ({@link
 * AppCds}).
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    OptionalInt child = AppCds.runInChild(args);
    System.exit(child.isPresent() ? child.getAsInt() : Main.run(args));
  }
}

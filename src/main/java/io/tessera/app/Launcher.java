package io.tessera.app;

/**
 * The jar's main class. It does not extend {@code javafx.application.Application}, so the desktop
 * also starts from a plain class path ({@code java -jar target/tessera.jar}).
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    System.exit(Main.run(args));
  }
}

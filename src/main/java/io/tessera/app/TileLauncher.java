package io.tessera.app;

/**
 * The main class of the installed {@code tessera-tile} launcher: {@code tessera-tile IN OUT …} is
 * {@code tessera tile IN OUT …}, started with the JVM options that suit the tiler (the packaging
 * script sets them; {@code java -jar} cannot carry any).
 */
public final class TileLauncher {
  private TileLauncher() {}

  public static void main(String[] args) {
    String[] withCommand = new String[args.length + 1];
    withCommand[0] = "tile";
    System.arraycopy(args, 0, withCommand, 1, args.length);
    System.exit(Main.run(withCommand));
  }

}

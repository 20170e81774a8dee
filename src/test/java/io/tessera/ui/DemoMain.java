package io.tessera.ui;

import io.tessera.client.TesseraClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: starts the real {@link DesktopApp} against a port where nothing listens, to look at
 * the window without the service. A plain main class (not an {@code Application}), so it runs from
 * the test class path: {@code java -cp target/classes:target/test-classes:… io.tessera.ui.DemoMain [dataDir]}.
 */
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("tessera-demo");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    DesktopApp.launch(
        new DesktopContext(
            TesseraClient.anonymous(url), url, dataDir, "0.1.0-demo",
            "Port 8000 was taken, so the service listens on " + url + " instead."));
  }
}

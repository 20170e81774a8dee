package io.tessera.app;

import io.tessera.client.TesseraClient;
import java.nio.file.Path;

/**
 * The local service as the desktop (and tests) run it: store, services and HTTP server in this
 * process, plus a client holding the desktop's in-process credential (full rights, no rate limit).
 */
public final class EmbeddedService implements AutoCloseable {

  /**
   * @param port 0 for any free port
   * @param fallbackToFreePort when {@code port} is taken, listen on a free one instead of failing
   */
  public record Options(Path dataDir, String host, int port, boolean fallbackToFreePort) {
    public static Options forTest(Path dataDir) {
      return new Options(dataDir, "127.0.0.1", 0, false);
    }
  }

  private EmbeddedService() {}

  public static EmbeddedService start(Options options) {
    throw new UnsupportedOperationException("lands with the service");
  }

  /** e.g. {@code http://127.0.0.1:8000}, no trailing slash. */
  public String url() {
    throw new UnsupportedOperationException();
  }

  public int port() {
    throw new UnsupportedOperationException();
  }

  /** True when the requested port was taken and a free one was used instead. */
  public boolean portFallback() {
    throw new UnsupportedOperationException();
  }

  /** A client authenticated with the desktop's in-process credential. */
  public TesseraClient desktopClient() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}

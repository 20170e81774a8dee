package io.tessera.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks the desktop's port on 127.0.0.1: the preferred one when free, else any free one. */
final class LoopbackPorts {
  private LoopbackPorts() {}

  /**
   * {@code preferred} when nothing listens there now, otherwise a port the system reports free
   * (either may be taken the next moment; the service's start then fails with a clear message).
   */
  static int preferredOrFree(int preferred) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), preferred));
      return preferred;
    } catch (IOException taken) {
      try (ServerSocket any = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return any.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("no free port on 127.0.0.1", e);
      }
    }
  }
}

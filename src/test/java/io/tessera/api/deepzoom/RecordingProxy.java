package io.tessera.api.deepzoom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP forwarder on a loopback port in front of the service that notes the request line of every
 * HTTP request passing through it: what a browser asked the server for, seen from outside the
 * server. Bytes go through unchanged (the Host header names this proxy, so the server's absolute
 * URLs lead back through it).
 */
final class RecordingProxy implements AutoCloseable {
  private static final Pattern REQUEST_LINE =
      Pattern.compile("([A-Z]{3,7}) (\\S+) HTTP/1\\.[01]\r?");
  private static final int MAX_LINE = 8192;

  private final ServerSocket server;
  private final int targetPort;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "recording-proxy");
    t.setDaemon(true);
    return t;
  });
  private final List<String> requests = new CopyOnWriteArrayList<>();

  RecordingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** {@code "GET /path?query"} for every request seen so far, in order. */
  List<String> requests() {
    return new ArrayList<>(requests);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        threads.execute(() -> pump(client, upstream, true));
        threads.execute(() -> pump(upstream, client, false));
      } catch (IOException e) {
        // closed, or the service is gone: the browser sees a failed connection
      }
    }
  }

  private void pump(Socket from, Socket to, boolean record) {
    byte[] buf = new byte[16384];
    StringBuilder line = new StringBuilder();
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buf)) > 0) {
        if (record) {
          scan(buf, n, line);
        }
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Notes request lines: browsers here send only GETs, so the stream is all header lines. */
  private void scan(byte[] buf, int n, StringBuilder line) {
    for (int i = 0; i < n; i++) {
      char ch = (char) (buf[i] & 0xff);
      if (ch == '\n') {
        Matcher m = REQUEST_LINE.matcher(line);
        if (m.matches()) {
          requests.add(m.group(1) + " " + m.group(2));
        }
        line.setLength(0);
      } else if (line.length() < MAX_LINE) {
        line.append(ch);
      }
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}

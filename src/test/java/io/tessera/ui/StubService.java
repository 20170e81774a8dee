package io.tessera.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A stand-in for the service's health and jobs routes on a loopback port, answering with fixed
 * JSON, so that the status bar can be tested through the real client before the service exists.
 */
final class StubService implements AutoCloseable {
  private final HttpServer server;
  private volatile String health =
      "{\"status\":\"ok\",\"database\":\"connected\",\"timestamp\":\"2026-03-22T10:00:00Z\"}";
  private volatile String jobs = "[]";
  private final List<String> cancelled = new CopyOnWriteArrayList<>();

  StubService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/health", ex -> answer(ex, 200, health));
    server.createContext(
        "/api/v1/jobs",
        ex -> {
          String path = ex.getRequestURI().getPath();
          if (path.endsWith("/cancel")) {
            cancelled.add(path.split("/")[4]);
            answer(ex, 200, "{\"id\":\"x\",\"state\":\"cancelled\",\"progress\":0}");
          } else {
            answer(ex, 200, jobs);
          }
        });
    server.start();
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void setJobs(String json) {
    jobs = json;
  }

  List<String> cancelled() {
    return cancelled;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

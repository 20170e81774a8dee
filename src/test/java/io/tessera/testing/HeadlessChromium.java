package io.tessera.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's Chromium ({@code apt-get install chromium}), headless, driven in real time over the
 * DevTools protocol: opens a page, evaluates JavaScript in it or in one of its frames, takes
 * screenshots. (Chromium's own {@code --dump-dom} with {@code --virtual-time-budget} lets virtual
 * time run past work it does not track, such as OpenSeadragon's tile decoding: it is flaky.)
 *
 * <p>Started with the flags known to work on these machines: no sandbox (root), no GPU, no QUIC,
 * no background networking, component updates or sync (the network here is closed), and a new
 * profile folder that {@link #close()} deletes.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final long CALL_SECONDS = 60;

  private final Process process;
  private final Path profile;
  private final Path log;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> contexts = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, Path profile, Path log, String pageSocket) {
    this.process = process;
    this.profile = profile;
    this.log = log;
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(pageSocket), new Listener()).join();
  }

  public static boolean installed() {
    return Files.isExecutable(EXECUTABLE);
  }

  /** A browser with one blank page of {@code width} × {@code height} CSS pixels. */
  public static HeadlessChromium start(int width, int height) throws Exception {
    Path profile = Files.createTempDirectory("tessera-chromium-");
    Path log = profile.resolveSibling(profile.getFileName() + ".log");
    Process p = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--remote-debugging-port=0", "--window-size=" + width + "," + height, "about:blank")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      // Chromium writes its DevTools port (line 1) into the profile once it listens
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + STARTUP.toNanos();
      List<String> lines = List.of();
      while (lines.size() < 2) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          throw new IOException("chromium did not start: " + Files.readString(log));
        }
        Thread.sleep(50);
        lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
      }
      int port = Integer.parseInt(lines.get(0).trim());
      HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString());
      for (JsonNode t : JSON.readTree(targets.body())) {
        if (t.path("type").asText().equals("page") && t.path("url").asText().equals("about:blank")) {
          HeadlessChromium browser =
              new HeadlessChromium(p, profile, log, t.path("webSocketDebuggerUrl").asText());
          browser.call("Runtime.enable", Map.of());
          browser.call("Page.enable", Map.of());
          return browser;
        }
      }
      throw new IOException("chromium has no blank page: " + targets.body());
    } catch (Exception e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      deleteTree(profile);
      throw e;
    }
  }

  /** Navigates the page to {@code url} (returns once the navigation is committed). */
  public void open(String url) throws Exception {
    JsonNode r = call("Page.navigate", Map.of("url", url));
    if (r.hasNonNull("errorText")) {
      throw new IOException("cannot open " + url + ": " + r.path("errorText").asText());
    }
  }

  /** The value of {@code expression} (JSON-serialisable) in the page's main frame. */
  public JsonNode evaluate(String expression) throws Exception {
    return evaluate(expression, null);
  }

  /**
   * The value of {@code expression} in the newest frame of {@code origin} (such as an iframe from
   * another site), or null while the page has no such frame.
   */
  public JsonNode evaluateInFrame(String origin, String expression) throws Exception {
    Integer context = null;
    for (JsonNode c : contexts) {
      if (c.path("origin").asText().equals(origin)
          && c.path("auxData").path("isDefault").asBoolean()) {
        context = c.path("id").asInt();
      }
    }
    return context == null ? null : evaluate(expression, context);
  }

  private JsonNode evaluate(String expression, Integer context) throws Exception {
    Map<String, Object> params = context == null
        ? Map.of("expression", expression, "returnByValue", true)
        : Map.of("expression", expression, "returnByValue", true, "contextId", context);
    JsonNode r;
    try {
      r = call("Runtime.evaluate", params);
    } catch (IOException e) {
      if (context != null && e.getMessage().contains("context")) {
        return null; // that frame has gone (navigated or removed)
      }
      throw e;
    }
    if (r.has("exceptionDetails")) {
      throw new IOException("the page threw: " + r.path("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A PNG of what the page shows. */
  public byte[] screenshot() throws Exception {
    return Base64.getDecoder().decode(
        call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText());
  }

  /** What Chromium printed (for failure messages). */
  public String log() throws IOException {
    return Files.readString(log);
  }

  private JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)),
        true).get(CALL_SECONDS, TimeUnit.SECONDS);
    JsonNode m = answer.get(CALL_SECONDS, TimeUnit.SECONDS);
    if (m.has("error")) {
      throw new IOException(method + ": " + m.path("error").path("message").asText());
    }
    return m.path("result");
  }

  private void receive(String text) {
    JsonNode m;
    try {
      m = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (m.has("id")) {
      CompletableFuture<JsonNode> answer = pending.remove(m.path("id").asInt());
      if (answer != null) {
        answer.complete(m);
      }
    } else if (m.path("method").asText().equals("Runtime.executionContextCreated")) {
      contexts.add(m.path("params").path("context"));
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        receive(text.toString());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  /** Ends Chromium and its helper processes (which write into the profile), then deletes it. */
  @Override
  public void close() throws Exception {
    socket.abort();
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle h : helpers) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        h.destroyForcibly();
      }
    }
    deleteTree(profile);
    Files.deleteIfExists(log);
  }

  /** Deletes {@code dir}; a file that vanishes meanwhile is no error. */
  private static void deleteTree(Path dir) throws IOException {
    for (int attempt = 0; attempt < 3 && Files.exists(dir); attempt++) {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
        // something was deleted under the walk: walk again
      }
    }
  }
}

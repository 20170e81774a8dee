package io.tessera.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as a customer would run one: a real HTTP server on 127.0.0.1 that records
 * every request with its raw body and answers with scripted status codes (then a default).
 */
public final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final LinkedBlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
  private final List<Received> all = new ArrayList<>();
  private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
  private volatile Answer fallback = new Answer(200, Map.of());

  /** One request as it arrived; header names in lower case. */
  public record Received(String method, String path, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Answer(int status, Map<String, String> headers) {}

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts listening on a free port of 127.0.0.1. */
  public static WebhookReceiver start() throws IOException {
    HttpServer s =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookReceiver r = new WebhookReceiver(s);
    s.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, String> headers = new TreeMap<>();
          exchange.getRequestHeaders()
              .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
          Received got =
              new Received(
                  exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
          Answer a = r.script.pollFirst();
          if (a == null) {
            a = r.fallback;
          }
          // Recorded before answering: the sender may look at all() as soon as it has the answer.
          synchronized (r.all) {
            r.all.add(got);
          }
          r.arrivals.add(got);
          a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          exchange.sendResponseHeaders(a.status(), -1);
          exchange.close();
        });
    s.start();
    return r;
  }

  /** The URL of {@code path} on this receiver. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next requests are answered with these codes, in order. */
  public WebhookReceiver thenAnswer(int... statuses) {
    for (int s : statuses) {
      script.addLast(new Answer(s, Map.of()));
    }
    return this;
  }

  /** The next request is answered with {@code status} and {@code headers}. */
  public WebhookReceiver thenAnswer(int status, Map<String, String> headers) {
    script.addLast(new Answer(status, headers));
    return this;
  }

  /** Requests beyond the script are answered with {@code status}. */
  public WebhookReceiver otherwiseAnswer(int status) {
    fallback = new Answer(status, Map.of());
    return this;
  }

  /** The next request to arrive (waiting up to {@code timeout}), or an assertion failure. */
  public Received next(Duration timeout) throws InterruptedException {
    Received r = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (r == null) {
      throw new AssertionError("no webhook request arrived within " + timeout);
    }
    return r;
  }

  /** Every request so far, in order of arrival. */
  public List<Received> all() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  /**
   * The missions document's JavaScript verification, line for line in Java:
   * {@code createHmac('sha256', secret).update(rawBody).digest('hex')}, then
   * {@code timingSafeEqual(Buffer.from(expected), Buffer.from(header))}.
   */
  public static boolean verifySignature(byte[] rawBody, String secret, String header) {
    if (header == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = HexFormat.of().formatHex(mac.doFinal(rawBody));
      return MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

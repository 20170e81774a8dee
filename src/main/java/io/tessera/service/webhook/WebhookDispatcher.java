package io.tessera.service.webhook;

import io.tessera.core.model.Ids;
import io.tessera.service.DomainException;
import io.tessera.service.security.MasterKey;
import io.tessera.service.security.OutboundPolicy;
import io.tessera.service.security.PinnedDns;
import io.tessera.store.WebhookRepository;
import io.tessera.store.WebhookRepository.AttemptRow;
import io.tessera.store.WebhookRepository.DueDelivery;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's events to their webhooks, at least once. One thread, woken after each commit
 * that recorded an event and by a timer, claims the deliveries that are due, POSTs each event's
 * body exactly as stored (so that the signature a receiver recomputes matches) and records every
 * attempt. A 2xx answer delivers; 408, 429, 5xx and network errors are retried with exponential
 * backoff and full jitter until {@link #GIVE_UP_AFTER} has passed since the event; redirects and
 * other 4xx answers end the delivery as failed at once. Redirects are never followed: they could
 * lead where the {@link OutboundPolicy} refuses to go.
 *
 * <p>All state is in the database, so a delivery interrupted by a crash is simply due again after
 * a restart; a receiver may therefore see an event twice and should use {@code X-QZ-Event-Id},
 * which is the same on every attempt, to ignore repeats. Every time decision uses the injected
 * clock: tests move it and call {@link #runDue()}.
 */
public final class WebhookDispatcher implements AutoCloseable {
  /** The first retry waits up to this long; each further one up to twice as long as the last. */
  static final Duration BASE_WAIT = Duration.ofSeconds(10);
  /** No wait between two attempts is longer than this. */
  static final Duration MAX_WAIT = Duration.ofHours(1);
  /** After this long since the event, a failed attempt is the last one. */
  static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
  /**
   * How long a claimed delivery is held by its attempt; longer than the HTTP call can take, so
   * that only a worker that died mid-attempt lets it fall due again.
   */
  static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL_EVERY = Duration.ofSeconds(1);
  private static final int BATCH = 20;
  private static final int MAX_ERROR_LENGTH = 1000;
  private static final String STOPPED = "cancelled: Tessera stopped during the attempt";
  /** Sent as {@code Content-Type: application/json}, without a charset parameter. */
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final Jdbi jdbi;
  private final MasterKey key;
  private final OutboundPolicy policy;
  private final PinnedDns dns;
  private final Clock clock;
  private final String userAgent;
  /** Made on the first delivery: building OkHttp's TLS set-up costs start-up time. */
  private volatile OkHttpClient http;
  private final RandomGenerator random = RandomGenerator.getDefault();
  private final WebhookRepository repo = new WebhookRepository();
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private volatile ScheduledExecutorService worker;
  private volatile boolean closed;
  private volatile boolean lastRunFailed;

  /**
   * @param policy the policy each attempt's URL must pass; it must resolve names through
   *     {@code dns}, so that the client connects to the addresses it checked
   * @param version this build's version, sent in {@code User-Agent}
   */
  public WebhookDispatcher(
      Jdbi jdbi, MasterKey key, OutboundPolicy policy, PinnedDns dns, Clock clock,
      String version) {
    this.jdbi = jdbi;
    this.key = key;
    this.policy = policy;
    this.dns = dns;
    this.clock = clock;
    this.userAgent = "Tessera-Webhooks/" + version;
  }

  private OkHttpClient http() {
    OkHttpClient c = http;
    if (c == null) {
      synchronized (this) {
        if (http == null) {
          http = newClient(dns);
        }
        c = http;
      }
    }
    return c;
  }

  private static OkHttpClient newClient(PinnedDns dns) {
    return new OkHttpClient.Builder()
        .dns(dns)
        .proxy(Proxy.NO_PROXY)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .connectTimeout(CONNECT_TIMEOUT)
        .readTimeout(READ_TIMEOUT)
        .writeTimeout(READ_TIMEOUT)
        .callTimeout(CALL_TIMEOUT)
        .build();
  }

  /** Starts the worker thread; deliveries a previous run left pending are picked up at once. */
  public synchronized void start() {
    if (worker != null || closed) {
      return;
    }
    ScheduledExecutorService w =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tessera-webhooks");
              t.setDaemon(true);
              return t;
            });
    w.scheduleWithFixedDelay(this::runQuietly, 0, POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    worker = w;
  }

  /** Asks the worker to look for due deliveries now (after a commit that recorded an event). */
  public void wake() {
    ScheduledExecutorService w = worker;
    if (w == null || !wakeQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      w.execute(
          () -> {
            wakeQueued.set(false);
            runQuietly();
          });
    } catch (RejectedExecutionException e) {
      wakeQueued.set(false); // closing
    }
  }

  /**
   * Attempts every delivery that is due at the clock's present, each once, on the calling
   * thread. Safe to call beside the worker: a delivery is claimed in the database before its
   * attempt, so no two attempts of it overlap.
   *
   * @return the number of attempts made
   */
  public int runDue() {
    int attempted = 0;
    while (!closed) {
      Instant now = clock.instant();
      // The database keeps microseconds, rounding: a time written as now may read back as up to
      // half a microsecond later, and must still be due now.
      Instant dueBy = now.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
      List<DueDelivery> due = jdbi.withHandle(h -> repo.due(h, dueBy, BATCH));
      int claimed = 0;
      for (DueDelivery d : due) {
        if (closed) {
          break;
        }
        if (jdbi.withHandle(h -> repo.claim(h, d.id(), dueBy, now.plus(CLAIM_LEASE)))) {
          claimed++;
          attempt(d);
        }
      }
      attempted += claimed;
      if (due.size() < BATCH || claimed == 0) {
        break;
      }
    }
    return attempted;
  }

  private void runQuietly() {
    try {
      runDue();
      lastRunFailed = false;
    } catch (RuntimeException e) {
      if (closed) {
        return;
      }
      // once per outage, not once a second while the database is away
      if (!lastRunFailed) {
        LOG.warn("webhook deliveries paused: {}", e.getMessage(), e);
      }
      lastRunFailed = true;
    }
  }

  /** What an attempt came to. */
  private record Result(Integer status, String error, boolean retry, Duration retryAfter) {}

  private void attempt(DueDelivery d) {
    Instant attemptedAt = clock.instant();
    long t0 = System.nanoTime();
    Result r = send(d);
    int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1_000_000);
    Instant now = clock.instant();
    String state;
    Instant next = now;
    String error = r.error();
    if (r.status() != null && r.status() >= 200 && r.status() < 300) {
      state = "delivered";
    } else if (!r.retry()) {
      state = "failed";
    } else {
      Instant horizon = d.createdAt().plus(GIVE_UP_AFTER);
      if (now.isBefore(horizon)) {
        state = "pending";
        Duration wait = backoff(d.attempts() + 1, random);
        if (r.retryAfter() != null && r.retryAfter().compareTo(wait) > 0) {
          wait = r.retryAfter().compareTo(MAX_WAIT) > 0 ? MAX_WAIT : r.retryAfter();
        }
        next = now.plus(wait).isAfter(horizon) ? horizon : now.plus(wait);
      } else {
        state = "failed";
        error = error + "; gave up after " + (d.attempts() + 1) + " attempts in "
            + GIVE_UP_AFTER.toHours() + " h";
      }
    }
    String storedError = truncate(error);
    AttemptRow row =
        new AttemptRow(
            Ids.next("att_", attemptedAt), d.id(), attemptedAt, r.status(), storedError,
            durationMs);
    Instant nextAttempt = next;
    jdbi.useTransaction(
        h -> {
          repo.insertAttempt(h, row);
          repo.afterAttempt(
              h, d.id(), state, nextAttempt, r.status(), storedError,
              state.equals("delivered") ? now : null);
        });
    if (state.equals("failed")) {
      LOG.warn("webhook delivery {} of {} to {} failed: {}", d.id(), d.eventId(), d.webhookId(),
          storedError);
    } else {
      LOG.debug("webhook delivery {} attempt {}: {}", d.id(), d.attempts() + 1, state);
    }
  }

  /** One POST of the event, or why none could be made. */
  private Result send(DueDelivery d) {
    byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
    String secret;
    try {
      secret = WebhookService.secret(key, d.webhookId(), d.secretCiphertext());
    } catch (IllegalStateException e) {
      return new Result(null, "the signing secret cannot be decrypted with this data dir's key",
          false, null);
    }
    try {
      return dns.pinning(
          () -> {
            URI checked = policy.checkUrl(d.url());
            HttpUrl url = HttpUrl.parse(d.url());
            if (url == null || !url.host().equals(bare(checked.getHost()))) {
              return new Result(null, "the URL cannot be sent to as checked", false, null);
            }
            Request request =
                new Request.Builder()
                    .url(url)
                    .header("X-QZ-Signature", Signatures.hmacSha256Hex(secret, body))
                    .header("X-QZ-Event", d.event())
                    .header("X-QZ-Event-Id", d.eventId())
                    .header("X-QZ-Delivery", d.id())
                    .header("User-Agent", userAgent)
                    .post(RequestBody.create(body, JSON))
                    .build();
            Call call = http().newCall(request);
            inFlight.add(call);
            try (Response response = call.execute()) {
              return classify(response);
            } finally {
              inFlight.remove(call);
            }
          });
    } catch (DomainException.Invalid e) {
      // what the name resolves to may change back (or the operator may allow it): retry
      return new Result(null, "refused: " + e.getMessage(), true, null);
    } catch (InterruptedIOException e) {
      return new Result(null, closed ? STOPPED : "timed out: " + e.getMessage(), true, null);
    } catch (IOException e) {
      return new Result(
          null, closed ? STOPPED : e.getClass().getSimpleName() + ": " + e.getMessage(), true,
          null);
    }
  }

  private static Result classify(Response response) {
    int code = response.code();
    if (code >= 200 && code < 300) {
      return new Result(code, null, false, null);
    }
    if (code >= 300 && code < 400) {
      String location = response.header("Location");
      return new Result(
          code,
          "HTTP " + code + " redirect" + (location == null ? "" : " to " + location)
              + " not followed; register the final URL",
          false,
          null);
    }
    if (code == 408 || code == 429 || code >= 500) {
      return new Result(code, "HTTP " + code, true, retryAfter(response.header("Retry-After")));
    }
    return new Result(code, "HTTP " + code + " (not retried)", false, null);
  }

  /**
   * The wait after the {@code failedAttempts}-th failed attempt: uniformly random between zero
   * and {@code BASE_WAIT · 2^(failedAttempts-1)}, capped at {@link #MAX_WAIT} ("full jitter": many
   * deliveries failing together do not come back together).
   */
  static Duration backoff(int failedAttempts, RandomGenerator random) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
    long capMillis = Math.min(MAX_WAIT.toMillis(), BASE_WAIT.toMillis() << doublings);
    return Duration.ofMillis(random.nextLong(capMillis + 1));
  }

  /** {@code Retry-After} in seconds; the HTTP-date form and nonsense are ignored. */
  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds > 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** An IPv6 literal as {@link URI} gives it ({@code [::1]}) and as OkHttp does ({@code ::1}). */
  private static String bare(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH);
  }

  /**
   * Stops the worker. An attempt in flight is cancelled (and recorded so) and retried later; the
   * database must still be open.
   */
  @Override
  public void close() {
    closed = true;
    ScheduledExecutorService w;
    synchronized (this) {
      w = worker;
    }
    if (w != null) {
      w.shutdownNow();
    }
    inFlight.forEach(Call::cancel);
    if (w != null) {
      try {
        w.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    OkHttpClient c = http;
    if (c != null) {
      c.connectionPool().evictAll();
    }
  }
}

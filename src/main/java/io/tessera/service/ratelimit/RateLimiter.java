package io.tessera.service.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.tessera.core.model.Records.ClientCredential;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.store.CredentialRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Per-client rate limits of the missions API (bucket4j): a burst window per minute and a window
 * per hour, both fixed and aligned to the clock (a window resets at the start of the next minute
 * or hour, which is what {@code X-RateLimit-Reset} announces). A request takes one token from
 * each; it is refused when either is empty. Limits come from the client credential (default
 * 60/minute and 1,000/hour); credentials created with no limit, users, API keys and the desktop are
 * not limited here.
 */
public final class RateLimiter {
  public static final int DEFAULT_PER_MINUTE = 60;
  public static final int DEFAULT_PER_HOUR = 1000;

  private final Jdbi jdbi;
  private final Clock clock;
  private final CredentialRepository credentials = new CredentialRepository();
  private final Map<String, Windows> buckets = new ConcurrentHashMap<>();
  private final TimeMeter time;

  /**
   * The state of the window closest to its limit, for the {@code X-RateLimit-*} headers.
   *
   * @param resetEpochSecond when that window starts again (Unix time)
   */
  public record Status(long limit, long remaining, long resetEpochSecond) {}

  public RateLimiter(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.time =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
  }

  /**
   * Takes one request from the caller's allowance.
   *
   * @return the headers' figures, or null when the caller is not rate limited
   * @throws DomainException.RateLimited when over a limit
   */
  public Status acquire(Principal p) {
    if (p.kind() != Principal.Kind.CLIENT || !p.rateLimited()) {
      return null;
    }
    Windows w = buckets.computeIfAbsent(p.id(), this::windows);
    Instant now = clock.instant();
    synchronized (w) {
      ConsumptionProbe minute = w.minute.tryConsumeAndReturnRemaining(1);
      if (!minute.isConsumed()) {
        throw refused(now, ChronoUnit.MINUTES, w.perMinute, minute);
      }
      ConsumptionProbe hour = w.hour.tryConsumeAndReturnRemaining(1);
      if (!hour.isConsumed()) {
        w.minute.addTokens(1); // the request was refused: it does not count against the burst
        throw refused(now, ChronoUnit.HOURS, w.perHour, hour);
      }
      return closest(w, now, minute.getRemainingTokens(), hour.getRemainingTokens());
    }
  }

  /** Forgets a client's windows (after its limits change or it is revoked). */
  public void forget(String clientRowId) {
    buckets.remove(clientRowId);
  }

  private Status closest(Windows w, Instant now, long minuteLeft, long hourLeft) {
    // the window with the smaller share left is the one closest to its limit
    if ((double) minuteLeft / w.perMinute <= (double) hourLeft / w.perHour) {
      return new Status(w.perMinute, minuteLeft, next(now, ChronoUnit.MINUTES));
    }
    return new Status(w.perHour, hourLeft, next(now, ChronoUnit.HOURS));
  }

  private static DomainException.RateLimited refused(
      Instant now, ChronoUnit window, int limit, ConsumptionProbe p) {
    long retry = Math.max(1, (p.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    String per = window == ChronoUnit.MINUTES ? "per minute" : "per hour";
    return new DomainException.RateLimited(
        "rate limit of " + limit + " requests " + per + " reached; retry in " + retry + " s",
        retry, limit, next(now, window));
  }

  private static long next(Instant now, ChronoUnit unit) {
    return now.truncatedTo(unit).plus(1, unit).getEpochSecond();
  }

  private Windows windows(String clientRowId) {
    ClientCredential c =
        jdbi.withHandle(h -> credentials.clientById(h, clientRowId))
            .orElseThrow(() -> new DomainException.Unauthenticated("the client has been revoked"));
    int perMinute = c.ratePerMinute() != null ? c.ratePerMinute() : DEFAULT_PER_MINUTE;
    int perHour = c.ratePerHour() != null ? c.ratePerHour() : DEFAULT_PER_HOUR;
    Instant now = clock.instant();
    return new Windows(
        perMinute,
        perHour,
        bucket(perMinute, Duration.ofMinutes(1), Instant.ofEpochSecond(next(now, ChronoUnit.MINUTES))),
        bucket(perHour, Duration.ofHours(1), Instant.ofEpochSecond(next(now, ChronoUnit.HOURS))));
  }

  private Bucket bucket(int capacity, Duration window, Instant firstRefill) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(capacity)
                .refillIntervallyAligned(capacity, window, firstRefill)
                .build())
        .withCustomTimePrecision(time)
        .build();
  }

  private record Windows(int perMinute, int perHour, Bucket minute, Bucket hour) {}
}

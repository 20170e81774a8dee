package io.tessera.api.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is sane, else a new one made
 * of a random prefix chosen at start-up and a counter (unique per process, and cheap: a random
 * UUID per request takes a lock in {@code SecureRandom} that every request thread contends for).
 */
final class RequestIds {
  static final String ATTRIBUTE = "tessera.requestId";
  static final String HEADER = "X-Request-Id";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String PREFIX =
      UUID.randomUUID().toString().substring(0, 8) + "-";
  private static final AtomicLong NEXT = new AtomicLong();

  private RequestIds() {}

  static void assign(Context ctx) {
    String given = ctx.header(HEADER);
    String id = given != null && SAFE.matcher(given).matches()
        ? given
        : PREFIX + Long.toHexString(NEXT.incrementAndGet());
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
  }
}

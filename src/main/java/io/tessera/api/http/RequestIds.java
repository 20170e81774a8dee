package io.tessera.api.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/** Every request gets an id: the caller's {@code X-Request-Id} when it is sane, else a new one. */
final class RequestIds {
  static final String ATTRIBUTE = "tessera.requestId";
  static final String HEADER = "X-Request-Id";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  static void assign(Context ctx) {
    String given = ctx.header(HEADER);
    String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
  }
}

package io.tessera.api.http;

import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency on the wire: a record's version is its {@code ETag} ({@code "v7"}), and a
 * write that carries {@code If-Match} is refused with 412 when the record moved on meanwhile, so
 * two clients of a team server never overwrite each other silently.
 */
public final class Versions {
  private static final Pattern TAG = Pattern.compile("^(?:W/)?\"v(\\d+)\"$");

  private Versions() {}

  public static void etag(Context ctx, long version) {
    ctx.header("ETag", "\"v" + version + "\"");
  }

  /** The version named by {@code If-Match}, or null when the header is absent or {@code *}. */
  public static Long ifMatch(Context ctx) {
    String h = ctx.header("If-Match");
    if (h == null || h.isBlank() || h.trim().equals("*")) {
      return null;
    }
    Matcher m = TAG.matcher(h.trim());
    // an ETag this server never issued matches no version
    return m.matches() ? Long.parseLong(m.group(1)) : -1L;
  }
}

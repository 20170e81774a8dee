package io.tessera.api.http;

import io.javalin.http.Context;

/** Absolute URLs on this server, as the client addressed it (the surfaces' documents use them). */
public final class Urls {
  private Urls() {}

  /** {@code path} (starting with a slash) on this server; anything else is returned as it is. */
  public static String absolute(Context c, String path) {
    if (!path.startsWith("/")) {
      return path;
    }
    String host = c.host();
    if (host == null || host.isBlank()) {
      host = "localhost:" + c.port();
    }
    return c.scheme() + "://" + host + path;
  }
}

package io.tessera.api.dto;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Wire formats shared by the surfaces: UTC ISO-8601 instants with a Z. */
public final class Wire {
  private Wire() {}

  public static String instant(Instant t) {
    return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
  }
}

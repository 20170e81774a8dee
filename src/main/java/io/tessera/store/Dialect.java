package io.tessera.store;

import java.util.Map;

/** The two databases Tessera runs on, and the few places where their SQL differs. */
public enum Dialect {
  H2(Map.of("text", "CHARACTER LARGE OBJECT", "bytes", "VARBINARY")),
  POSTGRESQL(Map.of("text", "TEXT", "bytes", "BYTEA"));

  private final Map<String, String> placeholders;

  Dialect(Map<String, String> placeholders) {
    this.placeholders = placeholders;
  }

  /** Flyway placeholders that migrations use for dialect-specific types. */
  public Map<String, String> placeholders() {
    return placeholders;
  }

  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "unsupported database URL (use jdbc:h2:… or jdbc:postgresql:…): " + redact(jdbcUrl));
  }

  /** The URL without its password, for messages and logs. */
  public static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}

package io.tessera.service.auth;

import io.tessera.service.DomainException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OAuth2 scopes that client credentials may hold (ARCHITECTURE §11): the missions surface's, and
 * the photogrammetry surface's {@code read} and {@code write}.
 */
public final class Scopes {
  public static final List<String> CLIENT_SCOPES =
      List.of(
          "missions:read",
          "missions:write",
          "submissions:read",
          "submissions:write",
          "webhooks:manage",
          "read",
          "write");

  /** The photogrammetry surface's scopes: its document's tokens always say "read write". */
  public static final Set<String> PHOTOGRAMMETRY =
      java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of("read", "write")));

  private Scopes() {}

  /** Parses a space-separated scope list, refusing unknown scopes by name. */
  public static Set<String> parse(String spaceSeparated) {
    Set<String> out = new LinkedHashSet<>();
    if (spaceSeparated == null) {
      return out;
    }
    for (String s : spaceSeparated.trim().split("\\s+")) {
      if (s.isEmpty()) {
        continue;
      }
      if (!CLIENT_SCOPES.contains(s)) {
        throw new DomainException.Invalid(
            "unknown scope '" + s + "'; known scopes: " + String.join(" ", CLIENT_SCOPES));
      }
      out.add(s);
    }
    return out;
  }

  public static String join(Set<String> scopes) {
    return String.join(" ", scopes);
  }

  /**
   * Splits a stored or token scope list, trimmed, at runs of whitespace ({@code \s+}). It runs
   * on every client request, so without a regular expression or a stream.
   */
  public static Set<String> split(String stored) {
    String trimmed = stored.trim();
    Set<String> out = new LinkedHashSet<>();
    int i = 0;
    int n = trimmed.length();
    while (i < n) {
      while (i < n && isWhitespace(trimmed.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isWhitespace(trimmed.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(trimmed.substring(start, i));
      }
    }
    return out;
  }

  /** The characters of the regular expression {@code \s}. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}

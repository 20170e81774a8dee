package io.tessera.service;

import java.util.Map;

/**
 * What a use case refuses, in words for the caller. The HTTP layer maps each kind to one status
 * (problem+json, or the body a reference API prescribes); nothing here knows HTTP.
 */
public abstract sealed class DomainException extends RuntimeException {
  private final Map<String, Object> extensions;

  protected DomainException(String message, Map<String, Object> extensions) {
    super(message);
    this.extensions = Map.copyOf(extensions);
  }

  /** Extra members for the problem body (e.g. {@code missing_scope}). */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** Input that cannot be read at all (400). */
  public static final class BadRequest extends DomainException {
    public BadRequest(String message) {
      super(message, Map.of());
    }

    public BadRequest(String message, Map<String, Object> extensions) {
      super(message, extensions);
    }
  }

  /** Input that was read but fails a rule (422). */
  public static final class Invalid extends DomainException {
    public Invalid(String message) {
      super(message, Map.of());
    }

    public Invalid(String message, Map<String, Object> extensions) {
      super(message, extensions);
    }
  }

  /** No credentials, or credentials that are wrong, expired or revoked (401). */
  public static final class Unauthenticated extends DomainException {
    public Unauthenticated(String message) {
      super(message, Map.of());
    }

    public Unauthenticated(String message, Map<String, Object> extensions) {
      super(message, extensions);
    }
  }

  /** Authenticated, but without the role or scope the action needs (403). */
  public static final class Forbidden extends DomainException {
    public Forbidden(String message) {
      super(message, Map.of());
    }

    public Forbidden(String message, Map<String, Object> extensions) {
      super(message, extensions);
    }
  }

  /** No such record (404). */
  public static final class NotFound extends DomainException {
    public NotFound(String what, String id) {
      super(what + " " + id + " not found", Map.of());
    }
  }

  /** The action clashes with what is stored (409). */
  public static final class Conflict extends DomainException {
    public Conflict(String message) {
      super(message, Map.of());
    }
  }

  /** A write based on a version that is no longer current (412). */
  public static final class StaleVersion extends DomainException {
    public StaleVersion(String what, long current) {
      super(what + " was changed by someone else (now at version " + current + ")",
          Map.of("current_version", current));
    }
  }

  /** A body or file over the route's size limit (413). */
  public static final class TooLarge extends DomainException {
    public TooLarge(long limitBytes) {
      super("the request body is larger than the limit of " + limitBytes + " bytes",
          Map.of("limit_bytes", limitBytes));
    }
  }

  /**
   * Over a rate limit (429): the caller may retry after {@code retryAfterSeconds}; {@code limit}
   * and {@code resetEpochSecond} describe the window that refused.
   */
  public static final class RateLimited extends DomainException {
    private final long retryAfterSeconds;
    private final long limit;
    private final long resetEpochSecond;

    public RateLimited(String message, long retryAfterSeconds, long limit, long resetEpochSecond) {
      super(message, Map.of("retry_after", retryAfterSeconds));
      this.retryAfterSeconds = retryAfterSeconds;
      this.limit = limit;
      this.resetEpochSecond = resetEpochSecond;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }

    public long limit() {
      return limit;
    }

    public long resetEpochSecond() {
      return resetEpochSecond;
    }
  }

  /** A body of a media type the route does not take (415). */
  public static final class UnsupportedMediaType extends DomainException {
    public UnsupportedMediaType(String message) {
      super(message, Map.of());
    }
  }
}

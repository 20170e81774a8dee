package io.tessera.client;

/**
 * An error answer from the service (4xx/5xx) or a failure to reach it (status 0). The message is
 * the problem's {@code title}/{@code detail} when the service sent problem+json.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String body;

  public ApiException(int status, String message, String body) {
    super(message);
    this.status = status;
    this.body = body;
  }

  public ApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.body = null;
  }

  /** HTTP status, or 0 when the service could not be reached. */
  public int status() {
    return status;
  }

  /** The raw response body, or null. */
  public String body() {
    return body;
  }
}

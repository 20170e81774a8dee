package io.tessera.core.dzi;

import java.io.IOException;

/**
 * The input cannot be tiled, and why: the service maps the {@link Reason} to its answer, the
 * command line prints the message. Messages name the problem, never the file's path (a server
 * must not echo its own paths).
 */
public final class BadImageException extends IOException {
  /** What is wrong with the input. */
  public enum Reason {
    /** The file has no bytes. */
    EMPTY,
    /** The file is a JPEG, PNG or TIFF that ends early. */
    TRUNCATED,
    /** The file claims a known format but its data cannot be decoded. */
    CORRUPT,
    /** The file is not an image at all. */
    NOT_AN_IMAGE,
    /** The image has more pixels than the configured limit. */
    TOO_LARGE,
    /** A real image in a format or variant the tiler does not read (GIF, 16-bit TIFF, …). */
    UNSUPPORTED
  }

  private final Reason reason;

  public BadImageException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public BadImageException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

package io.tessera.core.crs;

/** A CRS definition that cannot be parsed or resolved, or a point that cannot be transformed. */
public final class CrsException extends Exception {
  private static final long serialVersionUID = 1L;

  public CrsException(String message) {
    super(message);
  }

  public CrsException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.tessera.ui.image;

/** An image file that cannot be shown; the message is written for the user, not for a log. */
public final class ImageReadException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImageReadException(String userMessage) {
    super(userMessage);
  }

  public ImageReadException(String userMessage, Throwable cause) {
    super(userMessage, cause);
  }
}

package io.tessera.store;

/** The store cannot be used as asked: the message says why in words an operator can act on. */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

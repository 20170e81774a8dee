package io.tessera.cli;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into one line for the terminal; the log keeps the rest. */
final class Failures {
  private Failures() {}

  /** The message of the first cause that is not a mere wrapper (async or toolkit start-up). */
  static String message(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && isWrapper(t)) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  private static boolean isWrapper(Throwable t) {
    return t instanceof CompletionException
        || t instanceof ExecutionException
        || t.getMessage() == null
        || t.getMessage().startsWith("Exception in Application")
        || t.getMessage().equals(String.valueOf(t.getCause()));
  }
}

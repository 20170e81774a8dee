package io.tessera.cli;

/** Turns a failure into one line for the terminal; the log keeps the rest. */
final class Failures {
  private Failures() {}

  static String message(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      Throwable c = e.getCause();
      return c != null ? message(c) : e.getClass().getSimpleName();
    }
    return m;
  }
}

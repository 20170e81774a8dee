package io.tessera.ui.mission;

import io.tessera.client.ApiException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Something that went wrong, told the way UX.md asks: {@code message} says what happened and what
 * to do, in the user's words; {@code details} is for the "Details" expander (the service's answer,
 * or the exception). Built with {@link #report}, which also logs it: once, where it was caught.
 */
public record Problem(String message, String details) {
  private static final System.Logger LOG = System.getLogger(Problem.class.getName());

  /**
   * Logs {@code e} and says what it means for the user.
   *
   * @param what what failed, as a sentence without its full stop: "The mission could not be saved"
   */
  public static Problem report(String what, Exception e) {
    LOG.log(System.Logger.Level.WARNING, what, e);
    return new Problem(what + ": " + advice(e), details(e));
  }

  private static String advice(Exception e) {
    if (!(e instanceof ApiException api)) {
      return e.getMessage() == null ? "an unexpected error. Details are in the log." : sentence(e.getMessage());
    }
    return switch (api.status()) {
      case 0 -> "Tessera's service does not answer. Check the connection in the status bar, then try again.";
      case 400, 413, 415, 422 -> sentence(api.getMessage());
      case 401, 403 -> "the service does not allow this with your credentials (" + api.getMessage() + ").";
      case 404 -> "it no longer exists on the service. Refresh the list to see what is there now.";
      case 409, 412 -> "it was changed meanwhile (" + api.getMessage() + "). Refresh, then try again.";
      case 429 -> "the service is busy with too many requests. Wait a moment, then try again.";
      default -> "the service failed (HTTP " + api.status() + "). Details are in the log.";
    };
  }

  private static String sentence(String s) {
    return s.endsWith(".") ? s : s + ".";
  }

  private static String details(Exception e) {
    if (e instanceof ApiException api && api.body() != null) {
      return "HTTP " + api.status() + "\n" + api.body();
    }
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}

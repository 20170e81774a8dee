package io.tessera.service.job;

/** What a running job sees: its parameters, a progress sink, and whether it was cancelled. */
public interface JobContext {
  String jobId();

  /** The parameters given at submission, as JSON text (may be null). */
  String params();

  /** Reports progress in 0..1 with an optional message for the user. */
  void progress(double fraction, String message);

  boolean cancelled();

  /** Throws {@link java.util.concurrent.CancellationException} when the job was cancelled. */
  default void checkCancelled() {
    if (cancelled()) {
      throw new java.util.concurrent.CancellationException("cancelled");
    }
  }
}

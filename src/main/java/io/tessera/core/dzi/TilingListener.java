package io.tessera.core.dzi;

/**
 * Follows and steers a tiling run: a job row, a progress bar, a test.
 *
 * <p>{@link #progress} may be called from any of the tiler's threads, but never concurrently and
 * never with a smaller fraction than before; 1.0 comes once, after the sink has committed.
 * {@link #cancelled} is polled between bands of rows; once it answers true the run stops with a
 * {@link java.util.concurrent.CancellationException} and the sink discards its output.
 */
public interface TilingListener {
  /** Ignores progress and never cancels. */
  TilingListener NONE = new TilingListener() {};

  /** The share of the work done, 0..1 (tiles written over tiles in the pyramid). */
  default void progress(double fraction) {}

  /** Whether the caller wants the run stopped. */
  default boolean cancelled() {
    return false;
  }
}

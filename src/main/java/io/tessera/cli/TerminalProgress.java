package io.tessera.cli;

import io.tessera.core.dzi.TilingListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The tiler's progress on standard error: a bar redrawn in place on a terminal, or a line at
 * each quarter when the output goes to a file or a pipe (where a bar would be 100 lines of
 * carriage returns). Also the tiler's cancel flag, raised by {@link #cancel()}.
 */
final class TerminalProgress implements TilingListener {
  private static final int BAR = 40;

  private final PrintStream out;
  private final boolean terminal;
  private volatile boolean cancelled;
  private int shown = -1;
  private boolean drawn;

  TerminalProgress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void progress(double fraction) {
    int percent = (int) Math.floor(fraction * 100);
    if (terminal) {
      if (percent != shown) {
        int filled = (int) Math.round(fraction * BAR);
        out.print(String.format(Locale.ROOT, "\rtiling [%s%s] %3d %%", "#".repeat(filled),
            " ".repeat(BAR - filled), percent));
        out.flush();
        drawn = true;
      }
    } else if (percent / 25 > shown / 25 || shown < 0) {
      out.println(String.format(Locale.ROOT, "tiling: %d %%", percent / 25 * 25));
    }
    shown = percent;
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }

  void cancel() {
    cancelled = true;
  }

  /** Ends the bar's line, so that what follows starts on a line of its own. */
  synchronized void finish() {
    if (drawn) {
      out.println();
      drawn = false;
    }
  }
}

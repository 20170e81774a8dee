package io.tessera.ui;

import javafx.animation.AnimationTimer;

/**
 * Prints {@code first frame} once to standard output after the main window's first frame was
 * rendered; the start-up benchmark waits for that line.
 *
 * <p>An {@link AnimationTimer} ticks at the start of each pulse. The pulse that follows the
 * {@code show()} renders the first frame, so by the second tick that frame has been drawn.
 */
public final class FirstFrameReporter {
  private FirstFrameReporter() {}

  /** Call right after showing the window, on the FX thread; {@code then} runs once it is drawn. */
  public static void reportAfterFirstFrame(Runnable then) {
    new AnimationTimer() {
      private int ticks;

      @Override
      public void handle(long now) {
        if (++ticks == 2) {
          stop();
          System.out.println("first frame");
          System.out.flush();
          then.run();
        }
      }
    }.start();
  }
}

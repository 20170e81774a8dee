package io.tessera.ui.volume;

import java.time.Duration;
import java.util.Objects;
import javafx.animation.PauseTransition;

/**
 * Runs an action once a burst of triggers has been quiet for a delay: every {@link #trigger()}
 * restarts the wait, so a vertex dragged across the map costs one computation when it rests, not
 * one per mouse event. Time comes from a {@link Scheduler}: the FX one on screen, a hand-driven
 * one in tests. Use on one thread (the FX thread).
 */
public final class Debouncer {
  /** Runs an action after a delay, unless cancelled first. */
  public interface Scheduler {
    /** Schedules {@code action} after {@code delay}; the answer cancels it. */
    Runnable schedule(Duration delay, Runnable action);
  }

  /** The JavaFX scheduler: a {@link PauseTransition}, so the action runs on the FX thread. */
  public static final Scheduler FX = (delay, action) -> {
    PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
    pause.setOnFinished(e -> action.run());
    pause.play();
    return pause::stop;
  };

  private final Scheduler scheduler;
  private final Duration delay;
  private final Runnable action;
  private Object pendingToken;
  private Runnable cancelPending;

  public Debouncer(Scheduler scheduler, Duration delay, Runnable action) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.delay = Objects.requireNonNull(delay, "delay");
    this.action = Objects.requireNonNull(action, "action");
  }

  /** (Re)starts the wait; the action runs once it ends without another trigger. */
  public void trigger() {
    cancel();
    Object token = new Object();
    pendingToken = token;
    Runnable c = scheduler.schedule(delay, () -> {
      if (pendingToken == token) {
        pendingToken = null;
        cancelPending = null;
        action.run();
      }
    });
    if (pendingToken == token) {
      cancelPending = c;
    }
  }

  /** Drops a waiting action. */
  public void cancel() {
    pendingToken = null;
    if (cancelPending != null) {
      Runnable c = cancelPending;
      cancelPending = null;
      c.run();
    }
  }

  /** Whether an action waits. */
  public boolean pending() {
    return pendingToken != null;
  }
}

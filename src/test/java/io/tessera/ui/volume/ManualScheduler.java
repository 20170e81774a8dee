package io.tessera.ui.volume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A debounce clock the test moves: scheduled actions wait until {@link #elapse()}. */
final class ManualScheduler implements Debouncer.Scheduler {
  private final List<Runnable[]> waiting = new ArrayList<>();
  private int scheduled;

  @Override
  public Runnable schedule(Duration delay, Runnable action) {
    Runnable[] slot = {action};
    waiting.add(slot);
    scheduled++;
    return () -> slot[0] = null;
  }

  /** Lets the delay pass: runs every action not cancelled. */
  void elapse() {
    List<Runnable[]> due = new ArrayList<>(waiting);
    waiting.clear();
    for (Runnable[] slot : due) {
      if (slot[0] != null) {
        slot[0].run();
      }
    }
  }

  /** Actions still waiting and not cancelled. */
  int live() {
    return (int) waiting.stream().filter(s -> s[0] != null).count();
  }

  int scheduled() {
    return scheduled;
  }
}

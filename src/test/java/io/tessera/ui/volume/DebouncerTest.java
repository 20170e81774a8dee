package io.tessera.ui.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The debounce: a burst of triggers runs the action once, after the last; cancel drops it. */
class DebouncerTest {
  private final ManualScheduler clock = new ManualScheduler();
  private final AtomicInteger runs = new AtomicInteger();
  private final Debouncer debouncer =
      new Debouncer(clock, Duration.ofMillis(250), runs::incrementAndGet);

  @Test
  void aBurstRunsOnceAfterItsLastTrigger() {
    for (int i = 0; i < 20; i++) {
      debouncer.trigger();
    }
    assertThat(runs).hasValue(0);
    assertThat(clock.live()).as("only the last wait is live").isEqualTo(1);
    assertThat(debouncer.pending()).isTrue();

    clock.elapse();

    assertThat(runs).hasValue(1);
    assertThat(debouncer.pending()).isFalse();
    clock.elapse();
    assertThat(runs).hasValue(1);
  }

  @Test
  void cancelDropsTheWaitingAction() {
    debouncer.trigger();
    debouncer.cancel();
    clock.elapse();
    assertThat(runs).hasValue(0);
    assertThat(debouncer.pending()).isFalse();
  }

  @Test
  void aSchedulerThatRunsAtOnceStillRunsEachTrigger() {
    Debouncer immediate = new Debouncer((delay, action) -> {
      action.run();
      return () -> { };
    }, Duration.ZERO, runs::incrementAndGet);
    immediate.trigger();
    immediate.trigger();
    assertThat(runs).hasValue(2);
    assertThat(immediate.pending()).isFalse();
  }
}

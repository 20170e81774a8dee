package io.tessera.service.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {
  /** Draws the largest value below the bound, or zero. */
  private static RandomGenerator always(boolean largest) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public long nextLong(long bound) {
        return largest ? bound - 1 : 0;
      }
    };
  }

  @Test
  void backoffDoublesFromTenSecondsUpToAnHour() {
    RandomGenerator top = always(true);
    assertThat(WebhookDispatcher.backoff(1, top)).isEqualTo(Duration.ofSeconds(10));
    assertThat(WebhookDispatcher.backoff(2, top)).isEqualTo(Duration.ofSeconds(20));
    assertThat(WebhookDispatcher.backoff(3, top)).isEqualTo(Duration.ofSeconds(40));
    assertThat(WebhookDispatcher.backoff(9, top)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(WebhookDispatcher.backoff(10, top)).isEqualTo(Duration.ofHours(1));
    assertThat(WebhookDispatcher.backoff(500, top)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void fullJitterMayRetryAtOnce() {
    assertThat(WebhookDispatcher.backoff(7, always(false))).isZero();
    RandomGenerator real = RandomGenerator.getDefault();
    for (int i = 0; i < 1000; i++) {
      assertThat(WebhookDispatcher.backoff(4, real))
          .isBetween(Duration.ZERO, Duration.ofSeconds(80));
    }
  }
}

package io.tessera.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class FxTaskExecutorTest {

  @BeforeAll
  static void toolkit() throws Exception {
    // through TestFX, which the UI tests share, so the toolkit starts once whatever the order
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void resultsAndFailuresArriveOnTheFxThreadEvenWhenMemoryRunsOut() throws Exception {
    try (FxTaskExecutor executor = new FxTaskExecutor(1)) {
      CompletableFuture<String> ok = new CompletableFuture<>();
      executor.run(() -> "done", r -> ok.complete(r + " on FX " + Platform.isFxApplicationThread()),
          ok::completeExceptionally);
      assertThat(ok.get(5, TimeUnit.SECONDS)).isEqualTo("done on FX true");

      CompletableFuture<Exception> failed = new CompletableFuture<>();
      executor.<String>run(() -> {
        throw new OutOfMemoryError("Java heap space");
      }, r -> failed.complete(null), failed::complete);
      assertThat(failed.get(5, TimeUnit.SECONDS))
          .hasMessageContaining("not enough memory")
          .hasCauseInstanceOf(OutOfMemoryError.class);
    }
  }
}

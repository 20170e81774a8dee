package io.tessera.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The desktop's executor: a small pool of daemon threads for the work, {@link Platform#runLater}
 * for the outcome. Daemon threads, because a poll stuck on a dead socket must not keep the JVM
 * alive after the window closed.
 */
public final class FxTaskExecutor implements TaskExecutor {
  private final ExecutorService pool;
  private volatile boolean closed;

  /** @param threads how many tasks may block at once (a slow poll must not stall an image load) */
  public FxTaskExecutor(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "tessera-ui-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public <T> void run(
      Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
    if (closed) {
      return;
    }
    try {
      pool.execute(
          () -> {
            T result;
            try {
              result = work.call();
            } catch (Exception e) {
              deliver(() -> onFailure.accept(e));
              return;
            } catch (OutOfMemoryError e) {
              // a huge image must not leave its pane "Loading…" forever
              deliver(() -> onFailure.accept(new IllegalStateException(
                  "there is not enough memory for this; close other images or give Tessera more"
                      + " memory", e)));
              return;
            }
            deliver(() -> onSuccess.accept(result));
          });
    } catch (RejectedExecutionException e) {
      // closed between the check and the submit: the window is going away, nobody wants the result
    }
  }

  private void deliver(Runnable outcome) {
    if (!closed) {
      Platform.runLater(
          () -> {
            if (!closed) {
              outcome.run();
            }
          });
    }
  }

  @Override
  public void close() {
    closed = true;
    pool.shutdownNow();
  }
}

package io.tessera.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (service calls, file decoding) away from the UI thread and delivers the
 * outcome back on it, so that view models only ever set properties on the FX thread.
 *
 * <p>Exactly one of {@code onSuccess} and {@code onFailure} runs, on the UI thread (for {@link
 * CurrentThreadTaskExecutor}: the calling thread), unless the executor was closed first.
 */
public interface TaskExecutor extends AutoCloseable {

  <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

  /** Stops accepting work; outcomes of work still running are dropped. */
  @Override
  void close();
}

package io.tessera.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs each task at once on the calling thread, to make code involving asynchronous operations
 * deterministic in tests (JabRef's idea). Never use it in the running application: it blocks.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

  @Override
  public <T> void run(
      Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
    T result;
    try {
      result = work.call();
    } catch (Exception e) {
      onFailure.accept(e);
      return;
    }
    onSuccess.accept(result);
  }

  @Override
  public void close() {
    // nothing runs in the background
  }
}

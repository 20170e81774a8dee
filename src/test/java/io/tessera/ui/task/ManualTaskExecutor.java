package io.tessera.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds submitted tasks until a test runs them, to check what happens while work is in flight. */
public final class ManualTaskExecutor implements TaskExecutor {
  private final Deque<Runnable> pending = new ArrayDeque<>();

  @Override
  public <T> void run(
      Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
    pending.add(() -> new CurrentThreadTaskExecutor().run(work, onSuccess, onFailure));
  }

  /** How many tasks wait. */
  public int pending() {
    return pending.size();
  }

  /** Runs the oldest waiting task and its outcome. */
  public void runNext() {
    pending.removeFirst().run();
  }

  /** Runs the newest waiting task and its outcome (a slow older task finishing last). */
  public void runLast() {
    pending.removeLast().run();
  }

  @Override
  public void close() {
    pending.clear();
  }
}

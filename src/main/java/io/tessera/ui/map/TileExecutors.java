package io.tessera.ui.map;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Small pools of daemon threads for tile loading, so that they never keep the JVM alive. */
final class TileExecutors {
  private TileExecutors() {}

  /** A pool of at most {@code threads} daemon threads that go away when idle. */
  static ExecutorService daemonPool(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(
        threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread t = new Thread(task, name + "-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}

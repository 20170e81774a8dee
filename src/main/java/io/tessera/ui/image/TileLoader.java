package io.tessera.ui.image;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * Fetches and decodes tiles off the FX thread, the most wanted first, and hands them back on it.
 *
 * <p>Each frame says which tiles it wants now ({@link #want}); that list replaces whatever was
 * still queued, so tiles the view has moved away from are dropped before they cost anything. A
 * tile whose bytes arrive after the view moved on is not decoded either. Results go to the FX
 * thread tagged with the generation they were asked for, so that tiles of an image closed
 * meanwhile can be told apart.
 */
final class TileLoader {
  /** Receives a load's outcome on the FX thread. */
  interface Delivery {
    /**
     * @param image the decoded tile, or null when it does not exist yet or failed
     * @param failure why the tile could not be read or decoded, or null
     */
    void arrived(long generation, TileId tile, Image image, IOException failure);
  }

  private final Executor pool;
  private final int maxWorkers;
  private final Delivery delivery;
  private final Object lock = new Object();
  private final ArrayDeque<TileId> queue = new ArrayDeque<>();
  private final Set<TileId> wanted = new HashSet<>();
  private final Set<TileId> inFlight = new HashSet<>();
  private OpenImage image;
  private long generation;
  private int workers;

  TileLoader(int threads, Delivery delivery) {
    this(daemonPool(threads), threads, delivery);
  }

  /** With a given executor: tests may run loads on their own terms. */
  TileLoader(Executor pool, int maxWorkers, Delivery delivery) {
    this.pool = pool;
    this.maxWorkers = maxWorkers;
    this.delivery = delivery;
  }

  /**
   * Loads the {@code tiles} of {@code image}, most wanted first, and none of those asked for
   * before that are not in the list (unless already being fetched). Call on the FX thread.
   */
  void want(OpenImage image, long generation, List<TileId> tiles) {
    int start;
    synchronized (lock) {
      this.image = image;
      this.generation = generation;
      queue.clear();
      wanted.clear();
      wanted.addAll(tiles);
      for (TileId t : tiles) {
        if (!inFlight.contains(t)) {
          queue.add(t);
        }
      }
      start = Math.min(maxWorkers - workers, queue.size());
      workers += Math.max(0, start);
    }
    for (int i = 0; i < start; i++) {
      pool.execute(this::work);
    }
  }

  /** How many tiles are queued or being fetched now. */
  int pending() {
    synchronized (lock) {
      return queue.size() + inFlight.size();
    }
  }

  private void work() {
    while (true) {
      TileId tile;
      OpenImage from;
      long gen;
      synchronized (lock) {
        tile = queue.poll();
        if (tile == null) {
          workers--;
          return;
        }
        inFlight.add(tile);
        from = image;
        gen = generation;
      }
      Image result = null;
      IOException failure = null;
      boolean dropped = false;
      try {
        if (from.decoded() != null) {
          result = from.decoded();
        } else {
          byte[] bytes = from.getSource().tile(tile.level(), tile.column(), tile.row());
          if (bytes != null && stillWanted(from, tile)) {
            result = OpenImage.decodeTile(tile, bytes);
          } else {
            dropped = bytes != null;
          }
        }
      } catch (IOException e) {
        failure = e;
      } catch (RuntimeException e) {
        failure = new IOException(e.toString(), e);
      }
      boolean useless;
      synchronized (lock) {
        inFlight.remove(tile);
        // useless: dropped, of another image, or "missing" as the source was before it changed
        useless = dropped || from != image
            || (result == null && failure == null && gen != generation);
        if (useless && wanted.contains(tile) && !queue.contains(tile)) {
          // a frame asked for it again while it was in flight, and so did not queue it
          queue.addFirst(tile);
        }
      }
      if (!useless) {
        Image img = result;
        IOException why = failure;
        Platform.runLater(() -> delivery.arrived(gen, tile, img, why));
      }
    }
  }

  private boolean stillWanted(OpenImage from, TileId tile) {
    synchronized (lock) {
      return from == image && wanted.contains(tile);
    }
  }

  private static Executor daemonPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(
        threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread t = new Thread(task, "tessera-tiles-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}

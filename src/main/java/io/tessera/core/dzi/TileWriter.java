package io.tessera.core.dzi;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Encodes tiles on a pool of threads and puts them into the sink. The queue needs no bound of
 * its own: tiles are only submitted for bands the {@link PyramidBuilder} has, and it has at most
 * two per level. After the first failure, queued tiles are skipped and the failure is reported
 * by {@link #failure()} and {@link #finish()}.
 */
final class TileWriter implements AutoCloseable {
  private final TileSink sink;
  private final ExecutorService pool;
  private final ThreadLocal<TileEncoder> encoders;
  private final List<TileEncoder> created = new CopyOnWriteArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final LongAdder encodeNanos = new LongAdder();
  private final LongAdder writeNanos = new LongAdder();
  private final TilingListener listener;
  private final long total;
  private long done;
  private double reported;

  TileWriter(TileSink sink, TileFormat format, int jpegQuality, int channels, int threads,
      long totalTiles, TilingListener listener) {
    this.sink = sink;
    this.listener = listener;
    this.total = totalTiles;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "tessera-dzi-encoder-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.encoders = ThreadLocal.withInitial(() -> {
      TileEncoder e = new TileEncoder(format, jpegQuality, channels);
      created.add(e);
      return e;
    });
  }

  /** Queues a tile read in place from {@code band}, which is told when the tile is done. */
  void submit(int level, int column, int row, PyramidBuilder.Band band, int offset, int width,
      int height, int scanline) {
    pool.execute(() -> {
      try {
        if (failure.get() != null) {
          return;
        }
        TileEncoder encoder = encoders.get();
        long t0 = CpuClock.now();
        encoder.encode(band.data(), offset, width, height, scanline);
        long t1 = CpuClock.now();
        sink.put(level, column, row, encoder.bytes(), encoder.length());
        encodeNanos.add(t1 - t0);
        writeNanos.add(CpuClock.now() - t1);
        tileWritten();
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      } finally {
        band.tileDone();
      }
    });
  }

  /** The first failure of any tile, or null. */
  Throwable failure() {
    return failure.get();
  }

  /** Waits for every queued tile; throws the first failure. */
  void finish() throws IOException {
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // keep waiting: every queued tile ends, written or skipped
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while tiles were being written", e);
    }
    Throwable f = failure.get();
    if (f instanceof IOException io) {
      throw io;
    }
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error err) {
      throw err;
    }
  }

  /** Encoding CPU time summed over threads. */
  long encodeNanos() {
    return encodeNanos.sum();
  }

  /**
   * CPU time in {@link TileSink#put} summed over threads: file creation, or appending to a zip
   * (time blocked on the disk or on the zip's lock is not in it).
   */
  long writeNanos() {
    return writeNanos.sum();
  }

  /** Reports progress in steps of at least 0.1 %, in order, never two calls at once. */
  private synchronized void tileWritten() {
    done++;
    double fraction = done / (total + 1.0);
    if (fraction - reported >= 0.001 || done == total) {
      reported = fraction;
      listener.progress(fraction);
    }
  }

  /**
   * Lets the tile being encoded on each thread finish, skips the queued ones, and frees the
   * writers. Threads are not interrupted: an interrupt would close the sink's file channels under
   * it.
   */
  @Override
  public void close() {
    failure.compareAndSet(null, new IOException("tiling stopped"));
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // a tile being encoded finishes in milliseconds
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    created.forEach(TileEncoder::close);
  }
}

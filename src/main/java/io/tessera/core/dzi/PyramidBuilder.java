package io.tessera.core.dzi;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds every level of a pyramid from the full-resolution rows, arriving top to bottom, in one
 * pass.
 *
 * <p>Each level holds one band: the rows of its current tile row plus the overlap above and
 * below ({@code tileSize + 2 × overlap} rows of the level's width). Each arriving row is
 * averaged, pair by pair, into a row of the level below (a 2×2 box filter; an odd last column or
 * row is paired with itself; with alpha, colours are weighted by alpha so that transparent
 * pixels do not darken their neighbours). When a band holds its tile row's last row, its tiles
 * go to the {@link TileWriter}'s threads, which read them straight from the band, and a fresh
 * band starts with the overlap rows copied over. A level has at most two bands, so when the
 * encoders fall behind, the decoder waits: memory stays at about three bands of the full width,
 * whatever the image's height.
 */
final class PyramidBuilder implements RowSink {
  private static final int BANDS_PER_LEVEL = 2;

  private final DziPyramid pyramid;
  private final int channels;
  private final TileWriter writer;
  private final TilingListener listener;
  private final Level top;
  private volatile Throwable stopCause;
  private long pyramidNanos;
  private long stallNanos;

  PyramidBuilder(DziPyramid pyramid, int channels, TileWriter writer, TilingListener listener) {
    this.pyramid = pyramid;
    this.channels = channels;
    this.writer = writer;
    this.listener = listener;
    Level coarser = null;
    for (int level = 0; level <= pyramid.maxLevel(); level++) {
      coarser = new Level(level, coarser);
    }
    this.top = coarser;
  }

  /** The pyramid this builder builds. */
  DziPyramid pyramid() {
    return pyramid;
  }

  @Override
  public byte[] rowArray() {
    return top.band;
  }

  @Override
  public int rowOffset() {
    return top.slot();
  }

  @Override
  public void rowDone() {
    long t0 = System.nanoTime();
    top.rowDone();
    pyramidNanos += System.nanoTime() - t0;
  }

  /** Why the build stopped (cancelled, or an encoder failed), or null. */
  Throwable stopCause() {
    return stopCause;
  }

  /** Time spent resampling and handing out tiles, excluding {@link #stallNanos()}. */
  long resampleNanos() {
    return pyramidNanos - stallNanos;
  }

  /** Time spent waiting for the encoders to free a band. */
  long stallNanos() {
    return stallNanos;
  }

  /** Fails unless every level has received all its rows. */
  void checkComplete() {
    for (Level l = top; l != null; l = l.coarser) {
      if (l.nextRow != l.height) {
        throw new IllegalStateException("level " + l.index + " received " + l.nextRow + " of "
            + l.height + " rows");
      }
    }
  }

  private void checkStop() {
    Throwable failure = writer.failure();
    if (failure != null) {
      throw stop(failure);
    }
    if (listener.cancelled()) {
      throw stop(new CancellationException("tiling was cancelled"));
    }
  }

  private Stopped stop(Throwable cause) {
    stopCause = cause;
    return new Stopped(cause);
  }

  /** Thrown through the decoder to end its pass; the reason is kept in {@link #stopCause()}. */
  static final class Stopped extends RuntimeException {
    Stopped(Throwable cause) {
      super("tiling stopped: " + cause, cause, false, false);
    }
  }

  /** A band's storage with the count of its tiles still being encoded. */
  static final class Band {
    private final Level owner;
    private final byte[] data;
    private final AtomicInteger pending;

    Band(Level owner, byte[] data, int tiles) {
      this.owner = owner;
      this.data = data;
      this.pending = new AtomicInteger(tiles);
    }

    byte[] data() {
      return data;
    }

    /** One of the band's tiles is done with it; the last one returns the band to its level. */
    void tileDone() {
      if (pending.decrementAndGet() == 0) {
        owner.free.offer(data);
      }
    }
  }

  /** One level's band, row counters and the accumulator of its halving into the next level. */
  final class Level {
    final int index;
    final int width;
    final int height;
    final Level coarser;
    private final int rowBytes;
    private final int bandBytes;
    private final int columns;
    private final int tileRows;
    private final int maxBands;
    private final ArrayBlockingQueue<byte[]> free;
    private final int[] sums;
    private int allocated;
    private byte[] band;
    private int bandFirstRow;
    private int nextRow;
    private int tileRow;

    Level(int index, Level coarser) {
      this.index = index;
      this.width = pyramid.levelWidth(index);
      this.height = pyramid.levelHeight(index);
      this.coarser = coarser;
      this.rowBytes = Math.multiplyExact(width, channels);
      int bandRows = Math.min(height, pyramid.tileSize() + 2 * pyramid.overlap());
      this.bandBytes = Math.multiplyExact(bandRows, rowBytes);
      this.columns = pyramid.columns(index);
      this.tileRows = pyramid.rows(index);
      this.maxBands = Math.min(BANDS_PER_LEVEL, tileRows);
      this.free = new ArrayBlockingQueue<>(maxBands);
      this.sums = coarser == null ? null : new int[coarser.width * channels];
      this.band = new byte[bandBytes];
      this.allocated = 1;
    }

    int slot() {
      return (nextRow - bandFirstRow) * rowBytes;
    }

    void rowDone() {
      int row = nextRow;
      if (coarser != null) {
        halve(row);
      }
      nextRow++;
      // with a wide overlap, the last tile row can end where the one before it does
      while (tileRow < tileRows && nextRow == pyramid.endPixel(tileRow, height)) {
        emitTileRow();
      }
    }

    /** Adds the row to the pair being averaged; writes the coarser row once the pair is whole. */
    private void halve(int row) {
      int offset = (row - bandFirstRow) * rowBytes;
      boolean pairStart = (row & 1) == 0;
      boolean last = row == height - 1;
      if (pairStart) {
        Arrays.fill(sums, 0);
      }
      accumulate(band, offset);
      if (pairStart && last) {
        accumulate(band, offset);
      }
      if (!pairStart || last) {
        coarser.writeAverage(sums);
        coarser.rowDone();
      }
    }

    /** Adds the horizontal pair sums of one row to {@link #sums}. */
    private void accumulate(byte[] src, int offset) {
      int pairs = width >> 1;
      int s = offset;
      int a = 0;
      int[] acc = sums;
      if (channels == 3) {
        for (int x = 0; x < pairs; x++, s += 6, a += 3) {
          acc[a] += (src[s] & 0xff) + (src[s + 3] & 0xff);
          acc[a + 1] += (src[s + 1] & 0xff) + (src[s + 4] & 0xff);
          acc[a + 2] += (src[s + 2] & 0xff) + (src[s + 5] & 0xff);
        }
      } else if (channels == 1) {
        for (int x = 0; x < pairs; x++, s += 2, a++) {
          acc[a] += (src[s] & 0xff) + (src[s + 1] & 0xff);
        }
      } else {
        for (int x = 0; x < pairs; x++, s += 8, a += 4) {
          addWeighted(acc, a, src, s, 1);
          addWeighted(acc, a, src, s + 4, 1);
        }
      }
      if ((width & 1) != 0) {
        if (channels == 4) {
          addWeighted(acc, a, src, s, 2);
        } else {
          for (int c = 0; c < channels; c++) {
            acc[a + c] += 2 * (src[s + c] & 0xff);
          }
        }
      }
    }

    /** Alpha-weighted sums: colour × alpha in the first three, alpha in the fourth. */
    private void addWeighted(int[] acc, int a, byte[] src, int s, int weight) {
      int alpha = (src[s + 3] & 0xff) * weight;
      acc[a] += (src[s] & 0xff) * alpha;
      acc[a + 1] += (src[s + 1] & 0xff) * alpha;
      acc[a + 2] += (src[s + 2] & 0xff) * alpha;
      acc[a + 3] += alpha;
    }

    /** Writes the average of four pixels' sums as this level's next row. */
    private void writeAverage(int[] acc) {
      byte[] dst = band;
      int d = slot();
      if (channels != 4) {
        for (int i = 0; i < acc.length; i++) {
          dst[d + i] = (byte) ((acc[i] + 2) >> 2);
        }
        return;
      }
      for (int a = 0; a < acc.length; a += 4) {
        int alpha = acc[a + 3];
        if (alpha == 0) {
          dst[d + a] = 0;
          dst[d + a + 1] = 0;
          dst[d + a + 2] = 0;
        } else {
          dst[d + a] = (byte) ((acc[a] + alpha / 2) / alpha);
          dst[d + a + 1] = (byte) ((acc[a + 1] + alpha / 2) / alpha);
          dst[d + a + 2] = (byte) ((acc[a + 2] + alpha / 2) / alpha);
        }
        dst[d + a + 3] = (byte) ((alpha + 2) >> 2);
      }
    }

    /** Hands the finished tile row to the encoders and starts the next band. */
    private void emitTileRow() {
      checkStop();
      int first = pyramid.firstPixel(tileRow);
      int rows = nextRow - first;
      int rowStart = (first - bandFirstRow) * rowBytes;
      Band handed = new Band(this, band, columns);
      for (int column = 0; column < columns; column++) {
        int x = pyramid.firstPixel(column);
        writer.submit(index, column, tileRow, handed, rowStart + x * channels,
            pyramid.endPixel(column, width) - x, rows, rowBytes);
      }
      tileRow++;
      if (tileRow == tileRows) {
        band = null;
        return;
      }
      byte[] next = takeBand();
      int nextFirst = pyramid.firstPixel(tileRow);
      System.arraycopy(handed.data(), (nextFirst - bandFirstRow) * rowBytes, next, 0,
          (nextRow - nextFirst) * rowBytes);
      band = next;
      bandFirstRow = nextFirst;
    }

    private byte[] takeBand() {
      byte[] b = free.poll();
      if (b != null) {
        return b;
      }
      if (allocated < maxBands) {
        allocated++;
        return new byte[bandBytes];
      }
      long t0 = System.nanoTime();
      try {
        while ((b = free.poll(20, TimeUnit.MILLISECONDS)) == null) {
          checkStop();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw stop(e);
      }
      stallNanos += System.nanoTime() - t0;
      return b;
    }
  }
}

package io.tessera.core.dzi;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds every level of a pyramid from the full-resolution rows, arriving top to bottom, in one
 * pass.
 *
 * <p>Each level holds one band: the rows of its current tile row plus the overlap above and
 * below ({@code tileSize + 2 × overlap} rows of the level's width). Each odd row that arrives is
 * averaged with the even row before it into a row of the level below (a 2×2 box filter, rounding
 * halves up as vips does; an odd last column or row is paired with itself; with alpha, colours
 * are weighted by alpha so that transparent pixels do not darken their neighbours). When a band holds its tile row's last row, its tiles
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
  private long resampleNanos;
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
    long t0 = CpuClock.now();
    top.rowDone();
    resampleNanos += CpuClock.now() - t0;
  }

  /** Why the build stopped (cancelled, or an encoder failed), or null. */
  Throwable stopCause() {
    return stopCause;
  }

  /** CPU time spent resampling and handing out tiles. */
  long resampleNanos() {
    return resampleNanos;
  }

  /** Wall time spent waiting for the encoders to free a band. */
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
    private final byte[] pairRow;
    private byte[] pairArray;
    private int pairOffset;
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
      this.pairRow = coarser == null ? null : new byte[rowBytes];
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

    /**
     * Pairs the row with the one before it and writes their average to the coarser level; an
     * even row waits for its partner, unless it is the level's last, which pairs with itself.
     * An even row that ends a band is copied aside: its band may be recycled before its partner
     * arrives.
     */
    private void halve(int row) {
      int offset = (row - bandFirstRow) * rowBytes;
      if ((row & 1) == 1) {
        coarser.writeAverage(pairArray, pairOffset, band, offset, width);
        coarser.rowDone();
      } else if (row == height - 1) {
        coarser.writeAverage(band, offset, band, offset, width);
        coarser.rowDone();
      } else if (row == pyramid.endPixel(tileRow, height) - 1) {
        System.arraycopy(band, offset, pairRow, 0, rowBytes);
        pairArray = pairRow;
        pairOffset = 0;
      } else {
        pairArray = band;
        pairOffset = offset;
      }
    }

    /**
     * Writes, as this level's next row, the 2×2 averages of two rows of the finer level ({@code
     * fineWidth} pixels each; an odd last column is paired with itself). With alpha, colours are
     * weighted by alpha.
     */
    private void writeAverage(byte[] a, int ao, byte[] b, int bo, int fineWidth) {
      byte[] dst = band;
      int d = slot();
      int pairs = fineWidth >> 1;
      int last = fineWidth - 1;
      if (channels == 3) {
        int s = 0;
        for (int x = 0; x < pairs; x++, s += 6, d += 3) {
          dst[d] = (byte) (((a[ao + s] & 0xff) + (a[ao + s + 3] & 0xff) + (b[bo + s] & 0xff)
              + (b[bo + s + 3] & 0xff) + 2) >> 2);
          dst[d + 1] = (byte) (((a[ao + s + 1] & 0xff) + (a[ao + s + 4] & 0xff)
              + (b[bo + s + 1] & 0xff) + (b[bo + s + 4] & 0xff) + 2) >> 2);
          dst[d + 2] = (byte) (((a[ao + s + 2] & 0xff) + (a[ao + s + 5] & 0xff)
              + (b[bo + s + 2] & 0xff) + (b[bo + s + 5] & 0xff) + 2) >> 2);
        }
      } else if (channels == 1) {
        for (int x = 0, s = 0; x < pairs; x++, s += 2, d++) {
          dst[d] = (byte) (((a[ao + s] & 0xff) + (a[ao + s + 1] & 0xff) + (b[bo + s] & 0xff)
              + (b[bo + s + 1] & 0xff) + 2) >> 2);
        }
      } else {
        for (int x = 0, s = 0; x < pairs; x++, s += 8, d += 4) {
          weightedAverage(a, ao + s, ao + s + 4, b, bo + s, bo + s + 4, dst, d);
        }
      }
      if (pairs * 2 == last) {
        int s = last * channels;
        if (channels == 4) {
          weightedAverage(a, ao + s, ao + s, b, bo + s, bo + s, dst, d);
        } else {
          for (int c = 0; c < channels; c++) {
            dst[d + c] = (byte) (((a[ao + s + c] & 0xff) + (b[bo + s + c] & 0xff) + 1) >> 1);
          }
        }
      }
    }

    /** The alpha-weighted average of four RGBA pixels, two in each of {@code a} and {@code b}. */
    private void weightedAverage(byte[] a, int a0, int a1, byte[] b, int b0, int b1, byte[] dst,
        int d) {
      int w0 = a[a0 + 3] & 0xff;
      int w1 = a[a1 + 3] & 0xff;
      int w2 = b[b0 + 3] & 0xff;
      int w3 = b[b1 + 3] & 0xff;
      int alpha = w0 + w1 + w2 + w3;
      for (int c = 0; c < 3; c++) {
        int sum = (a[a0 + c] & 0xff) * w0 + (a[a1 + c] & 0xff) * w1 + (b[b0 + c] & 0xff) * w2
            + (b[b1 + c] & 0xff) * w3;
        dst[d + c] = (byte) (alpha == 0 ? 0 : (sum + alpha / 2) / alpha);
      }
      dst[d + 3] = (byte) ((alpha + 2) >> 2);
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

package io.tessera.core.dzi;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Applies an EXIF orientation to a stream of rows without holding the image in memory: the rows
 * as stored go to a temporary file, which is then read back in display order. Flips and the
 * half turn read whole rows (backwards where needed); the quarter turns and transpositions read,
 * for a block of up to 256 display rows, the matching columns of every stored row, so memory
 * stays at that block (256 × the stored height) while the file is read once per block.
 *
 * <p>EXIF orientations (TIFF 6.0, tag 274): 1 as stored, 2 mirrored, 3 turned 180°, 4 flipped
 * vertically, 5 transposed, 6 turned 90° clockwise, 7 transversed, 8 turned 90° anticlockwise
 * — each names what a viewer must do to the stored pixels to show them upright.
 */
final class OrientedSpool implements RowSink, Closeable {
  private static final int BUFFER_BYTES = 8 << 20;
  private static final int MAX_BLOCK_ROWS = 256;

  private final int width;
  private final int height;
  private final int channels;
  private final int orientation;
  private final long rowBytes;
  private final Path file;
  private final FileChannel channel;
  private final byte[] buffer;
  private final int bufferRows;
  private int buffered;

  /** A spool for {@code width × height} stored pixels of {@code channels} bytes each. */
  OrientedSpool(int width, int height, int channels, int orientation) throws IOException {
    if (orientation < 2 || orientation > 8) {
      throw new IllegalArgumentException("orientation " + orientation);
    }
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.orientation = orientation;
    this.rowBytes = (long) width * channels;
    this.bufferRows = (int) Math.max(1, Math.min(height, BUFFER_BYTES / rowBytes));
    this.buffer = new byte[Math.toIntExact(bufferRows * rowBytes)];
    this.file = Files.createTempFile("tessera-dzi-", ".raw");
    this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** Whether {@code orientation} swaps width and height (the quarter turns and transpositions). */
  static boolean swapsAxes(int orientation) {
    return orientation >= 5;
  }

  @Override
  public byte[] rowArray() {
    return buffer;
  }

  @Override
  public int rowOffset() {
    return (int) (buffered * rowBytes);
  }

  @Override
  public void rowDone() {
    if (++buffered == bufferRows) {
      try {
        flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Hands every row, in display order, to {@code rows}. */
  void replay(RowSink rows) throws IOException {
    flush();
    if (channel.size() != rowBytes * height) {
      throw new IllegalStateException("the spool holds " + channel.size() + " bytes, not "
          + rowBytes * height);
    }
    if (swapsAxes(orientation)) {
      replayTransposed(rows);
    } else {
      replayRows(rows);
    }
  }

  /** Orientations 2, 3 and 4: whole stored rows, mirrored and/or in reverse order. */
  private void replayRows(RowSink rows) throws IOException {
    boolean mirror = orientation == 2 || orientation == 3;
    boolean upsideDown = orientation == 3 || orientation == 4;
    for (int first = 0; first < height; first += bufferRows) {
      int n = Math.min(bufferRows, height - first);
      int storedFirst = upsideDown ? height - first - n : first;
      readFully(buffer, 0, (int) (n * rowBytes), storedFirst * rowBytes);
      for (int i = 0; i < n; i++) {
        int src = (int) ((upsideDown ? n - 1 - i : i) * rowBytes);
        byte[] dst = rows.rowArray();
        int d = rows.rowOffset();
        if (mirror) {
          for (int x = width - 1, s = src + x * channels; x >= 0; x--, s -= channels) {
            for (int c = 0; c < channels; c++) {
              dst[d++] = buffer[s + c];
            }
          }
        } else {
          System.arraycopy(buffer, src, dst, d, (int) rowBytes);
        }
        rows.rowDone();
      }
    }
  }

  /**
   * Orientations 5 to 8: display row y is stored column {@code y} (5, 6) or {@code width - 1 - y}
   * (7, 8); along it, display column x is stored row {@code x} (5, 8) or {@code height - 1 - x}
   * (6, 7).
   */
  private void replayTransposed(RowSink rows) throws IOException {
    boolean columnsForward = orientation == 5 || orientation == 6;
    boolean rowsForward = orientation == 5 || orientation == 8;
    int blockColumns = (int) Math.max(1, Math.min(MAX_BLOCK_ROWS,
        BUFFER_BYTES / ((long) height * channels)));
    byte[] block = new byte[Math.toIntExact((long) blockColumns * height * channels)];
    for (int first = 0; first < width; first += blockColumns) {
      int n = Math.min(blockColumns, width - first);
      int firstColumn = columnsForward ? first : width - first - n;
      int segment = n * channels;
      for (int y = 0; y < height; y++) {
        readFully(block, y * segment, segment, y * rowBytes + (long) firstColumn * channels);
      }
      for (int i = 0; i < n; i++) {
        int column = (columnsForward ? i : n - 1 - i) * channels;
        byte[] dst = rows.rowArray();
        int d = rows.rowOffset();
        for (int x = 0; x < height; x++) {
          int s = (rowsForward ? x : height - 1 - x) * segment + column;
          for (int c = 0; c < channels; c++) {
            dst[d++] = block[s + c];
          }
        }
        rows.rowDone();
      }
    }
  }

  private void flush() throws IOException {
    ByteBuffer b = ByteBuffer.wrap(buffer, 0, (int) (buffered * rowBytes));
    while (b.hasRemaining()) {
      channel.write(b);
    }
    buffered = 0;
  }

  private void readFully(byte[] into, int offset, int length, long position) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(into, offset, length);
    while (b.hasRemaining()) {
      int n = channel.read(b, position + b.position() - offset);
      if (n < 0) {
        throw new EOFException("the spool ended early");
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

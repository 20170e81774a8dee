package io.tessera.core.dzi;

import java.util.Arrays;
import javax.imageio.stream.ImageOutputStreamImpl;

/**
 * A growable in-memory {@code ImageOutputStream}, reused for every tile an encoder thread
 * writes: the JDK's {@code MemoryCacheImageOutputStream} allocates its cache anew for each tile.
 * Seeks and reads back work, as the PNG writer needs them to fill in chunk lengths.
 */
final class TileBytes extends ImageOutputStreamImpl {
  private byte[] data = new byte[64 << 10];
  private int length;

  /** Empties the stream for the next tile. */
  void clear() {
    length = 0;
    streamPos = 0;
    flushedPos = 0;
    bitOffset = 0;
  }

  /** The bytes written; valid up to {@link #size()}. */
  byte[] array() {
    return data;
  }

  int size() {
    return length;
  }

  @Override
  public void write(int b) {
    flushBitsQuietly();
    ensure(streamPos + 1);
    data[(int) streamPos++] = (byte) b;
    length = Math.max(length, (int) streamPos);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    flushBitsQuietly();
    ensure(streamPos + len);
    System.arraycopy(b, off, data, (int) streamPos, len);
    streamPos += len;
    length = Math.max(length, (int) streamPos);
  }

  @Override
  public int read() {
    bitOffset = 0;
    return streamPos < length ? data[(int) streamPos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    bitOffset = 0;
    if (streamPos >= length) {
      return -1;
    }
    int n = (int) Math.min(len, length - streamPos);
    System.arraycopy(data, (int) streamPos, b, off, n);
    streamPos += n;
    return n;
  }

  @Override
  public long length() {
    return length;
  }

  private void flushBitsQuietly() {
    if (bitOffset != 0) {
      try {
        flushBits();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private void ensure(long size) {
    if (size > data.length) {
      data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8,
          Math.max(size, 2L * data.length)));
    }
  }
}

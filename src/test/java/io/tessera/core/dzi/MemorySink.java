package io.tessera.core.dzi;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps tiles in memory by "level/column_row", and notes what the tiler called. */
class MemorySink implements TileSink {
  final Map<String, byte[]> tiles = new ConcurrentHashMap<>();
  DziPyramid pyramid;
  TileFormat format;
  boolean committed;
  boolean closed;

  @Override
  public void start(DziPyramid pyramid, TileFormat format) {
    this.pyramid = pyramid;
    this.format = format;
  }

  @Override
  public void put(int level, int column, int row, byte[] encoded, int length) throws IOException {
    if (tiles.put(level + "/" + column + "_" + row, Arrays.copyOf(encoded, length)) != null) {
      throw new IOException("tile " + level + "/" + column + "_" + row + " written twice");
    }
  }

  @Override
  public void commit() {
    committed = true;
  }

  @Override
  public void close() {
    closed = true;
  }

  byte[] tile(int level, int column, int row) {
    byte[] b = tiles.get(level + "/" + column + "_" + row);
    if (b == null) {
      throw new AssertionError("no tile " + level + "/" + column + "_" + row);
    }
    return b;
  }
}

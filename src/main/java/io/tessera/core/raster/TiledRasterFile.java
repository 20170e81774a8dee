package io.tessera.core.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Tessera's internal raster form, written on import: a 4096-byte header (size, bands, sample
 * type, tile size, geotransform, EPSG code, NoData) followed by fixed-size uncompressed tiles in
 * row-major order, each holding its bands one after the other, little-endian. Edge tiles are
 * padded to full size (with NoData, or zero).
 *
 * <p>The file is read through memory maps (several for files over 1 GiB, each holding whole
 * tiles), so a window read copies only the tiles it touches, with no lock: reads are safe from
 * any number of threads. {@link #tile} hands out a Float32 tile's samples without a copy.
 *
 * <p>{@link #write} converts any {@link Raster} window by window (memory bounded by a row of
 * tiles), reporting progress and polling for cancellation; it writes a temporary file in the
 * target's folder and renames it into place, so a failure or a cancel leaves nothing behind.
 * UINT8, INT16, UINT16 and FLOAT32 samples are kept as they are; INT32 and FLOAT64 are stored as
 * FLOAT32.
 */
public final class TiledRasterFile implements Raster {
  /** Tile side used by {@link #write(Raster, Path, DoubleConsumer, BooleanSupplier)}. */
  public static final int DEFAULT_TILE = 256;

  static final int HEADER = 4096;
  private static final long MAGIC = 0x31454c4954525354L; // "TSRTILE1", little-endian
  private static final int VERSION = 1;
  private static final long MAX_MAP = 1L << 30;
  private static final long ROW_BUDGET = 64L << 20;

  private final String name;
  private final int width;
  private final int height;
  private final int bands;
  private final SampleType type;
  private final int tileW;
  private final int tileH;
  private final int across;
  private final GeoTransform transform;
  private final OptionalInt epsg;
  private final OptionalDouble noData;
  private final int tileSamples;
  private final long tileBytes;
  private final int tilesPerMap;
  private final ByteBuffer[] bytes;
  private final ShortBuffer[] shorts;
  private final FloatBuffer[] floats;

  private TiledRasterFile(Path path, long mapBytes) throws IOException {
    name = String.valueOf(path.getFileName());
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < HEADER) {
        throw new RasterException(name + " is not a Tessera tiled raster (" + size + " bytes)");
      }
      ByteBuffer h = TiffDirectory.readFully(ch, 0, 128, name, "the header")
          .order(ByteOrder.LITTLE_ENDIAN);
      if (h.getLong(0) != MAGIC) {
        throw new RasterException(name + " is not a Tessera tiled raster");
      }
      if (h.getInt(8) != VERSION) {
        throw new RasterException(name + " is a tiled raster of version " + h.getInt(8)
            + "; this Tessera reads version " + VERSION);
      }
      width = h.getInt(12);
      height = h.getInt(16);
      bands = h.getInt(20);
      type = typeOf(h.getInt(24));
      tileW = h.getInt(28);
      tileH = h.getInt(32);
      int code = h.getInt(36);
      epsg = code > 0 ? OptionalInt.of(code) : OptionalInt.empty();
      noData = h.get(40) != 0 ? OptionalDouble.of(h.getDouble(48)) : OptionalDouble.empty();
      if (width <= 0 || height <= 0 || bands <= 0 || tileW <= 0 || tileH <= 0 || type == null) {
        throw new RasterException(name + " has a corrupt header");
      }
      try {
        transform = new GeoTransform(h.getDouble(56), h.getDouble(64), h.getDouble(72),
            h.getDouble(80), h.getDouble(88), h.getDouble(96));
      } catch (IllegalArgumentException e) {
        throw new RasterException(name + " has a corrupt header: " + e.getMessage(), e);
      }
      across = (width + tileW - 1) / tileW;
      int down = (height + tileH - 1) / tileH;
      tileSamples = tileW * tileH;
      tileBytes = (long) tileSamples * bands * type.bytes();
      long tiles = (long) across * down;
      long expected = HEADER + tiles * tileBytes;
      if (size < expected) {
        throw new RasterException(name + " is truncated: " + size + " bytes of " + expected);
      }
      tilesPerMap = (int) Math.max(1, Math.min(tiles, mapBytes / tileBytes));
      int maps = (int) ((tiles + tilesPerMap - 1) / tilesPerMap);
      bytes = new ByteBuffer[maps];
      shorts = new ShortBuffer[maps];
      floats = new FloatBuffer[maps];
      for (int i = 0; i < maps; i++) {
        long start = HEADER + i * tilesPerMap * tileBytes;
        long len = Math.min(tilesPerMap, tiles - (long) i * tilesPerMap) * tileBytes;
        MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, start, len);
        m.order(ByteOrder.LITTLE_ENDIAN);
        bytes[i] = m;
        shorts[i] = m.asShortBuffer();
        floats[i] = m.asFloatBuffer();
      }
    }
  }

  /** Opens a tiled raster written by {@link #write}. */
  public static TiledRasterFile open(Path path) throws IOException {
    return new TiledRasterFile(path, MAX_MAP);
  }

  /** Opens with maps of at most {@code mapBytes} (tests: several maps without a 2 GB file). */
  static TiledRasterFile open(Path path, long mapBytes) throws IOException {
    return new TiledRasterFile(path, mapBytes);
  }

  private static SampleType typeOf(int code) {
    return switch (code) {
      case 1 -> SampleType.UINT8;
      case 2 -> SampleType.INT16;
      case 3 -> SampleType.UINT16;
      case 4 -> SampleType.FLOAT32;
      default -> null;
    };
  }

  private static int codeOf(SampleType t) {
    return switch (t) {
      case UINT8 -> 1;
      case INT16 -> 2;
      case UINT16 -> 3;
      default -> 4;
    };
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int bands() {
    return bands;
  }

  @Override
  public SampleType sampleType() {
    return type;
  }

  @Override
  public GeoTransform transform() {
    return transform;
  }

  @Override
  public OptionalInt epsg() {
    return epsg;
  }

  @Override
  public OptionalDouble noData() {
    return noData;
  }

  @Override
  public int blockWidth() {
    return tileW;
  }

  @Override
  public int blockHeight() {
    return tileH;
  }

  /** Tiles across the raster. */
  public int tilesAcross() {
    return across;
  }

  /** Tiles down the raster. */
  public int tilesDown() {
    return (height + tileH - 1) / tileH;
  }

  /**
   * A Float32 tile's samples of one band, read-only and without a copy: {@code tileWidth *
   * tileHeight} values row by row, of which an edge tile's right and bottom parts are padding.
   *
   * @throws IllegalStateException when the samples are not Float32
   */
  public FloatBuffer tile(int band, int tileX, int tileY) {
    if (type != SampleType.FLOAT32) {
      throw new IllegalStateException(name + " holds " + type + " samples, not FLOAT32");
    }
    long t = tileIndex(band, tileX, tileY);
    int m = (int) (t / tilesPerMap);
    int at = (int) (t % tilesPerMap) * tileSamples * bands + band * tileSamples;
    return floats[m].slice(at, tileSamples).asReadOnlyBuffer();
  }

  /** Copies one band of a tile, padding included, as floats into {@code dst[0, tileW * tileH)}. */
  public void readTile(int band, int tileX, int tileY, float[] dst) {
    long t = tileIndex(band, tileX, tileY);
    copy(band, t, 0, dst, 0, tileSamples);
  }

  private long tileIndex(int band, int tileX, int tileY) {
    if (band < 0 || band >= bands || tileX < 0 || tileX >= across || tileY < 0
        || tileY >= tilesDown()) {
      throw new IndexOutOfBoundsException("band " + band + " tile " + tileX + "," + tileY
          + " outside " + across + "×" + tilesDown() + " tiles of " + bands + " band(s)");
    }
    return (long) tileY * across + tileX;
  }

  @Override
  public void readFloats(int band, int x, int y, int w, int h, float[] dst) {
    Rasters.checkWindow(this, band, x, y, w, h, dst.length);
    if (w == 0 || h == 0) {
      return;
    }
    for (int ty = y / tileH; ty <= (y + h - 1) / tileH; ty++) {
      int r0 = Math.max(y, ty * tileH);
      int r1 = Math.min(y + h, (ty + 1) * tileH);
      for (int tx = x / tileW; tx <= (x + w - 1) / tileW; tx++) {
        int c0 = Math.max(x, tx * tileW);
        int c1 = Math.min(x + w, (tx + 1) * tileW);
        long t = (long) ty * across + tx;
        for (int r = r0; r < r1; r++) {
          copy(band, t, (r - ty * tileH) * tileW + c0 - tx * tileW, dst, (r - y) * w + c0 - x,
              c1 - c0);
        }
      }
    }
  }

  /** Copies {@code n} samples of a tile's band from sample {@code at} as floats. */
  private void copy(int band, long t, int at, float[] dst, int off, int n) {
    int m = (int) (t / tilesPerMap);
    int index = (int) (t % tilesPerMap) * tileSamples * bands + band * tileSamples + at;
    switch (type) {
      case FLOAT32 -> floats[m].get(index, dst, off, n);
      case UINT8 -> {
        ByteBuffer b = bytes[m];
        for (int i = 0; i < n; i++) {
          dst[off + i] = b.get(index + i) & 0xff;
        }
      }
      case INT16 -> {
        ShortBuffer s = shorts[m];
        for (int i = 0; i < n; i++) {
          dst[off + i] = s.get(index + i);
        }
      }
      default -> {
        ShortBuffer s = shorts[m];
        for (int i = 0; i < n; i++) {
          dst[off + i] = s.get(index + i) & 0xffff;
        }
      }
    }
  }

  @Override
  public void readArgb(int x, int y, int w, int h, int[] dst) throws IOException {
    Rasters.argb(this, x, y, w, h, dst);
  }

  /** Releases the maps (the operating system unmaps them once they are collected). */
  @Override
  public void close() {
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = null;
      shorts[i] = null;
      floats[i] = null;
    }
  }

  /** {@link #write(Raster, Path, int, DoubleConsumer, BooleanSupplier)} with 256² tiles. */
  public static void write(Raster src, Path dst, DoubleConsumer progress,
      BooleanSupplier cancelled) throws IOException {
    write(src, dst, DEFAULT_TILE, progress, cancelled);
  }

  /**
   * Converts {@code src} to the tiled form at {@code dst}, replacing any file there only once the
   * new one is complete.
   *
   * @param progress receives the fraction done, 0..1, from the calling thread
   * @param cancelled polled between rows of tiles
   * @throws CancellationException when {@code cancelled} answered true (nothing is left behind)
   */
  public static void write(Raster src, Path dst, int tile, DoubleConsumer progress,
      BooleanSupplier cancelled) throws IOException {
    if (tile < 16 || tile > 4096) {
      throw new IllegalArgumentException("tile size " + tile + " outside 16..4096");
    }
    SampleType type = switch (src.sampleType()) {
      case UINT8, INT16, UINT16, FLOAT32 -> src.sampleType();
      default -> SampleType.FLOAT32;
    };
    int width = src.width();
    int height = src.height();
    int bands = src.bands();
    int across = (width + tile - 1) / tile;
    int down = (height + tile - 1) / tile;
    int tileSamples = tile * tile;
    int tileBytes = tileSamples * bands * type.bytes();
    // Rows of tiles read at once: the source's block height when it is a multiple of ours (a
    // 512-row source block is then decoded once), within the budget; columns likewise.
    int group = src.blockHeight() % tile == 0 ? Math.max(1, src.blockHeight() / tile) : 1;
    while (group > 1 && (long) width * tile * group * bands * 4 > ROW_BUDGET) {
      group--;
    }
    int chunkTiles = (int) Math.max(1,
        Math.min(across, ROW_BUDGET / ((long) tile * tile * group * bands * 4)));
    Path abs = dst.toAbsolutePath();
    Path tmp = Rasters.sibling(abs, ".part");
    boolean done = false;
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      h.putLong(0, MAGIC).putInt(8, VERSION).putInt(12, width).putInt(16, height)
          .putInt(20, bands).putInt(24, codeOf(type)).putInt(28, tile).putInt(32, tile)
          .putInt(36, src.epsg().orElse(0));
      h.put(40, (byte) (src.noData().isPresent() ? 1 : 0))
          .putDouble(48, src.noData().orElse(0));
      GeoTransform g = src.transform();
      h.putDouble(56, g.originX()).putDouble(64, g.pixelWidth()).putDouble(72, g.rowRotation())
          .putDouble(80, g.originY()).putDouble(88, g.columnRotation())
          .putDouble(96, g.pixelHeight());
      writeFully(ch, h, 0);
      float pad = (float) src.noData().orElse(0);
      ByteBuffer tb = ByteBuffer.allocate(tileBytes).order(ByteOrder.LITTLE_ENDIAN);
      float[][] buf = new float[bands][];
      for (int ty = 0; ty < down; ty += group) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("converting to " + dst.getFileName() + " cancelled");
        }
        int y0 = ty * tile;
        int rows = Math.min(group * tile, height - y0);
        for (int cx = 0; cx < across; cx += chunkTiles) {
          int x0 = cx * tile;
          int cols = Math.min(chunkTiles * tile, width - x0);
          for (int b = 0; b < bands; b++) {
            if (buf[b] == null || buf[b].length < cols * rows) {
              buf[b] = new float[cols * rows];
            }
          }
          src.readBands(x0, y0, cols, rows, buf);
          for (int gy = ty; gy < Math.min(down, ty + group); gy++) {
            for (int tx = cx; tx < Math.min(across, cx + chunkTiles); tx++) {
              fillTile(tb, type, buf, cols, rows, tx * tile - x0, gy * tile - y0, tile, pad);
              writeFully(ch, tb, HEADER + ((long) gy * across + tx) * tileBytes);
            }
          }
        }
        progress.accept(Math.min(1.0, (double) Math.min(down, ty + group) / down) * 0.99);
      }
      ch.force(false);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
    try {
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    progress.accept(1.0);
  }

  /** Fills {@code tb} with the tile whose top-left corner is (x, y) in the window buffers. */
  private static void fillTile(ByteBuffer tb, SampleType type, float[][] buf, int cols, int rows,
      int x, int y, int tile, float pad) {
    tb.clear();
    int bands = buf.length;
    int w = Math.min(tile, cols - x);
    int h = Math.min(tile, rows - y);
    int sb = type.bytes();
    if (type == SampleType.FLOAT32 && w == tile && h == tile) {
      FloatBuffer fb = tb.asFloatBuffer();
      for (int b = 0; b < bands; b++) {
        for (int r = 0; r < tile; r++) {
          fb.put((b * tile + r) * tile, buf[b], (y + r) * cols + x, tile);
        }
      }
      return;
    }
    for (int b = 0; b < bands; b++) {
      float[] src = buf[b];
      int base = b * tile * tile;
      for (int r = 0; r < tile; r++) {
        for (int c = 0; c < tile; c++) {
          float v = r < h && c < w ? src[(y + r) * cols + x + c] : pad;
          int at = (base + r * tile + c) * sb;
          switch (type) {
            case FLOAT32 -> tb.putFloat(at, v);
            case UINT8 -> tb.put(at, (byte) Math.round(v));
            default -> tb.putShort(at, (short) Math.round(v));
          }
        }
      }
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    b.clear();
    while (b.hasRemaining()) {
      ch.write(b, pos + b.position());
    }
  }
}

package io.tessera.core.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Tessera's own reader for GeoTIFFs, classic and BigTIFF: tiled or striped, chunky or separate
 * planes, compression none, LZW or Deflate, predictors 1, 2 and 3, 8-, 16-, 32- and 64-bit
 * samples. Blocks are read with positional reads on one {@link FileChannel}, so reads from several
 * threads need no lock; each window read decodes the blocks it touches once. A thread interrupted
 * during a read (a cancelled task) closes a {@code FileChannel} for every thread: the raster then
 * reopens it, so only the interrupted read fails.
 */
final class OwnTiffRaster implements Raster {
  private final Path path;
  private volatile FileChannel ch;
  private volatile boolean closed;
  private final String name;
  private final ByteOrder order;
  private final int width;
  private final int height;
  private final int bands;
  private final SampleType type;
  private final int compression;
  private final int predictor;
  private final boolean planar;
  private final boolean tiled;
  private final int blockW;
  private final int blockH;
  private final int across;
  private final int down;
  private final long[] offsets;
  private final long[] counts;
  private final GeoTiffTags geo;

  private OwnTiffRaster(Path path, FileChannel ch, TiffDirectory d, GeoTiffTags geo)
      throws RasterException {
    this.path = path;
    this.ch = ch;
    this.name = d.name;
    this.order = d.order;
    this.geo = geo;
    String kind = d.bigTiff ? "a BigTIFF" : "a TIFF";
    width = (int) d.first(TiffDirectory.IMAGE_WIDTH, 0);
    height = (int) d.first(TiffDirectory.IMAGE_LENGTH, 0);
    if (width <= 0 || height <= 0) {
      throw new RasterException(name + " is corrupt: an image of " + width + "×" + height);
    }
    bands = (int) d.first(TiffDirectory.SAMPLES_PER_PIXEL, 1);
    long[] bps = d.longs(TiffDirectory.BITS_PER_SAMPLE);
    int bits = bps == null ? 1 : (int) bps[0];
    if (bps != null) {
      for (long b : bps) {
        if (b != bits) {
          throw new RasterException(name + " has bands of different sample sizes ("
              + Arrays.toString(bps) + " bits), which is not supported");
        }
      }
    }
    int format = (int) d.first(TiffDirectory.SAMPLE_FORMAT, 1);
    type = sampleType(bits, format);
    if (bands < 1 || bands > 16) {
      throw new RasterException(name + " has " + bands + " samples per pixel");
    }
    compression = (int) d.first(TiffDirectory.COMPRESSION, 1);
    if (compression != 1 && compression != 5 && compression != 8 && compression != 32946) {
      throw new UnsupportedCompression("compression " + compression + " ("
          + TiffCodecs.compressionName(compression) + ") in " + kind + " is not supported (" + name
          + "): use none, LZW or Deflate");
    }
    predictor = (int) d.first(TiffDirectory.PREDICTOR, 1);
    if (predictor < 1 || predictor > 3 || predictor == 3 && format != 3) {
      throw new RasterException(name + " uses predictor " + predictor
          + (predictor == 3 ? " on integer samples" : "") + ", which is not supported");
    }
    long planarConfig = d.first(TiffDirectory.PLANAR_CONFIGURATION, 1);
    planar = planarConfig == 2;
    tiled = d.has(TiffDirectory.TILE_OFFSETS);
    if (tiled) {
      blockW = (int) d.first(TiffDirectory.TILE_WIDTH, 0);
      blockH = (int) d.first(TiffDirectory.TILE_LENGTH, 0);
      offsets = d.longs(TiffDirectory.TILE_OFFSETS);
      counts = d.longs(TiffDirectory.TILE_BYTE_COUNTS);
    } else {
      blockW = width;
      blockH = (int) Math.min(height, d.first(TiffDirectory.ROWS_PER_STRIP, height));
      offsets = d.longs(TiffDirectory.STRIP_OFFSETS);
      counts = d.longs(TiffDirectory.STRIP_BYTE_COUNTS);
    }
    if (blockW <= 0 || blockH <= 0 || offsets == null) {
      throw new RasterException(name + " is corrupt: no " + (tiled ? "tile" : "strip")
          + " layout (block " + blockW + "×" + blockH + ")");
    }
    if ((long) blockW * blockH * bands * type.bytes() > Integer.MAX_VALUE - 64) {
      throw new RasterException(name + " has blocks of " + blockW + "×" + blockH
          + " pixels, too large to decode");
    }
    across = (width + blockW - 1) / blockW;
    down = (height + blockH - 1) / blockH;
    long expected = (long) across * down * (planar ? bands : 1);
    if (offsets.length < expected || counts == null || counts.length < expected) {
      throw new RasterException(name + " is corrupt: " + offsets.length + " block offsets and "
          + (counts == null ? 0 : counts.length) + " byte counts for " + expected + " blocks");
    }
    for (int i = 0; i < expected; i++) {
      if (counts[i] > 0 && (offsets[i] < 0 || offsets[i] + counts[i] > d.fileSize)) {
        throw new RasterException(name + " is truncated: block " + i + " ends at byte "
            + (offsets[i] + counts[i]) + ", past the file's " + d.fileSize + " bytes");
      }
      if (counts[i] > Integer.MAX_VALUE - 64) {
        throw new RasterException(name + " is corrupt: block " + i + " claims " + counts[i]
            + " bytes");
      }
    }
  }

  /** A compression this reader does not decode (the JDK's reader may, in a classic TIFF). */
  static final class UnsupportedCompression extends RasterException {
    private static final long serialVersionUID = 1L;

    UnsupportedCompression(String message) {
      super(message);
    }
  }

  static SampleType sampleType(int bits, int format) throws RasterException {
    SampleType t = switch (bits * 10 + format) {
      case 81 -> SampleType.UINT8;
      case 161 -> SampleType.UINT16;
      case 162 -> SampleType.INT16;
      case 322 -> SampleType.INT32;
      case 323 -> SampleType.FLOAT32;
      case 643 -> SampleType.FLOAT64;
      default -> null;
    };
    if (t == null) {
      String f = format == 1 ? "unsigned integer" : format == 2 ? "signed integer"
          : format == 3 ? "floating-point" : "format " + format;
      throw new RasterException(bits + "-bit " + f + " samples are not supported"
          + " (only 8-bit unsigned, 16-bit, 32-bit integer or float and 64-bit float)");
    }
    return t;
  }

  /** Opens a classic TIFF or a BigTIFF; the file must be georeferenced. */
  static OwnTiffRaster open(Path path) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    try {
      String name = String.valueOf(path.getFileName());
      TiffDirectory d = TiffDirectory.read(ch, name);
      GeoTiffTags geo = GeoTiffTags.of(name, d.doubles(TiffDirectory.MODEL_PIXEL_SCALE),
          d.doubles(TiffDirectory.MODEL_TIEPOINT), d.doubles(TiffDirectory.MODEL_TRANSFORMATION),
          d.longs(TiffDirectory.GEO_KEY_DIRECTORY), d.ascii(TiffDirectory.GDAL_NODATA));
      try {
        return new OwnTiffRaster(path, ch, d, geo);
      } catch (UnsupportedCompression e) {
        throw e;
      } catch (RasterException e) {
        String m = e.getMessage();
        throw m.contains(name) ? e : new RasterException(name + ": " + m, e);
      }
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
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
    return geo.transform();
  }

  @Override
  public OptionalInt epsg() {
    return geo.epsg();
  }

  @Override
  public OptionalDouble noData() {
    return geo.noData();
  }

  @Override
  public int blockWidth() {
    return blockW;
  }

  @Override
  public int blockHeight() {
    return blockH;
  }

  @Override
  public void readFloats(int band, int x, int y, int w, int h, float[] dst) throws IOException {
    Rasters.checkWindow(this, band, x, y, w, h, dst.length);
    float[][] out = new float[bands][];
    out[band] = dst;
    read(x, y, w, h, out);
  }

  @Override
  public void readBands(int x, int y, int w, int h, float[][] dst) throws IOException {
    Rasters.checkBands(this, x, y, w, h, dst);
    read(x, y, w, h, dst);
  }

  @Override
  public void readArgb(int x, int y, int w, int h, int[] dst) throws IOException {
    Rasters.argb(this, x, y, w, h, dst);
  }

  /** Reads the bands whose {@code dst} entry is not null. */
  private void read(int x, int y, int w, int h, float[][] dst) throws IOException {
    if (w == 0 || h == 0) {
      return;
    }
    int bx0 = x / blockW;
    int bx1 = (x + w - 1) / blockW;
    int by0 = y / blockH;
    int by1 = (y + h - 1) / blockH;
    int sb = type.bytes();
    for (int by = by0; by <= by1; by++) {
      int rows = Math.min(blockH, height - by * blockH);
      int r0 = Math.max(y, by * blockH);
      int r1 = Math.min(y + h, by * blockH + rows);
      for (int bx = bx0; bx <= bx1; bx++) {
        int c0 = Math.max(x, bx * blockW);
        int c1 = Math.min(x + w, (bx + 1) * blockW);
        for (int plane = 0; plane < (planar ? bands : 1); plane++) {
          if (planar && dst[plane] == null) {
            continue;
          }
          int spp = planar ? 1 : bands;
          ByteBuffer block = ByteBuffer.wrap(decode(plane, bx, by, rows, spp)).order(order);
          for (int b = 0; b < bands; b++) {
            float[] out = dst[b];
            if (out == null || planar && b != plane) {
              continue;
            }
            int s = planar ? 0 : b;
            for (int r = r0; r < r1; r++) {
              int src = ((r - by * blockH) * blockW + (c0 - bx * blockW)) * spp + s;
              int o = (r - y) * w + (c0 - x);
              convert(block, src, spp, sb, out, o, c1 - c0);
            }
          }
        }
      }
    }
  }

  private void convert(ByteBuffer b, int sample, int stride, int sb, float[] out, int o, int n) {
    switch (type) {
      case FLOAT32 -> {
        if (stride == 1) {
          b.asFloatBuffer().get(sample, out, o, n);
        } else {
          for (int i = 0; i < n; i++) {
            out[o + i] = b.getFloat((sample + i * stride) * 4);
          }
        }
      }
      case UINT8 -> {
        for (int i = 0; i < n; i++) {
          out[o + i] = b.get(sample + i * stride) & 0xff;
        }
      }
      case INT16 -> {
        for (int i = 0; i < n; i++) {
          out[o + i] = b.getShort((sample + i * stride) * 2);
        }
      }
      case UINT16 -> {
        for (int i = 0; i < n; i++) {
          out[o + i] = b.getShort((sample + i * stride) * 2) & 0xffff;
        }
      }
      case INT32 -> {
        for (int i = 0; i < n; i++) {
          out[o + i] = b.getInt((sample + i * stride) * 4);
        }
      }
      case FLOAT64 -> {
        for (int i = 0; i < n; i++) {
          out[o + i] = (float) b.getDouble((sample + i * stride) * 8);
        }
      }
      default -> throw new IllegalStateException(type.name());
    }
  }

  /** Reads and decodes one block: {@code rows} rows of blockW pixels of spp samples. */
  private byte[] decode(int plane, int bx, int by, int rows, int spp) throws IOException {
    int index = (plane * down + by) * across + bx;
    int sb = type.bytes();
    int size = blockW * (tiled ? blockH : rows) * spp * sb;
    byte[] out = new byte[size];
    long count = counts[index];
    if (count == 0 || offsets[index] == 0) {
      fillNoData(out, spp);
      return out;
    }
    String problem;
    if (compression == 1) {
      ByteBuffer buf = ByteBuffer.wrap(out, 0, (int) Math.min(count, size));
      readFully(buf, offsets[index]);
      problem = count < size ? "it holds " + count + " of " + size + " bytes" : null;
    } else {
      byte[] raw = new byte[(int) count];
      readFully(ByteBuffer.wrap(raw), offsets[index]);
      problem = compression == 5
          ? TiffCodecs.lzw(raw, raw.length, out, size)
          : TiffCodecs.inflate(raw, raw.length, out, size);
    }
    if (problem != null) {
      throw new RasterException(name + " is corrupt: block " + index + " cannot be decoded: "
          + problem);
    }
    int decodedRows = size / (blockW * spp * sb);
    if (predictor == 2) {
      TiffCodecs.undoHorizontal(out, decodedRows, blockW * spp, spp, sb, order);
    } else if (predictor == 3) {
      TiffCodecs.undoFloat(out, decodedRows, blockW * spp, spp, sb, order,
          new byte[blockW * spp * sb]);
    }
    return out;
  }

  private void fillNoData(byte[] out, int spp) {
    OptionalDouble nd = geo.noData();
    if (nd.isEmpty() || nd.getAsDouble() == 0) {
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(out).order(order);
    double v = nd.getAsDouble();
    int n = out.length / type.bytes();
    for (int i = 0; i < n; i++) {
      switch (type) {
        case UINT8 -> b.put(i, (byte) v);
        case INT16, UINT16 -> b.putShort(i * 2, (short) v);
        case INT32 -> b.putInt(i * 4, (int) v);
        case FLOAT32 -> b.putFloat(i * 4, (float) v);
        default -> b.putDouble(i * 8, v);
      }
    }
  }

  private void readFully(ByteBuffer buf, long pos) throws IOException {
    long start = pos - buf.position();
    while (buf.hasRemaining()) {
      int r = read(buf, start + buf.position());
      if (r < 0) {
        throw new RasterException(name + " is truncated: a block at byte " + pos
            + " ends past the end of the file");
      }
    }
  }

  private int read(ByteBuffer buf, long pos) throws IOException {
    while (true) {
      FileChannel c = ch;
      try {
        return c.read(buf, pos);
      } catch (ClosedByInterruptException e) {
        reopen(c);
        throw e;
      } catch (ClosedChannelException e) {
        if (closed) {
          throw e;
        }
        reopen(c);
      }
    }
  }

  private synchronized void reopen(FileChannel broken) throws IOException {
    if (!closed && ch == broken) {
      ch = FileChannel.open(path, StandardOpenOption.READ);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    ch.close();
  }
}

package io.tessera.core.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first image file directory of a classic TIFF or a BigTIFF, read with positional reads: the
 * tags' values are loaded when the directory is read (a few kB, or the offsets of every block).
 */
final class TiffDirectory {
  static final int IMAGE_WIDTH = 256;
  static final int IMAGE_LENGTH = 257;
  static final int BITS_PER_SAMPLE = 258;
  static final int COMPRESSION = 259;
  static final int PHOTOMETRIC = 262;
  static final int STRIP_OFFSETS = 273;
  static final int SAMPLES_PER_PIXEL = 277;
  static final int ROWS_PER_STRIP = 278;
  static final int STRIP_BYTE_COUNTS = 279;
  static final int PLANAR_CONFIGURATION = 284;
  static final int PREDICTOR = 317;
  static final int TILE_WIDTH = 322;
  static final int TILE_LENGTH = 323;
  static final int TILE_OFFSETS = 324;
  static final int TILE_BYTE_COUNTS = 325;
  static final int EXTRA_SAMPLES = 338;
  static final int SAMPLE_FORMAT = 339;
  static final int MODEL_PIXEL_SCALE = 33550;
  static final int MODEL_TIEPOINT = 33922;
  static final int MODEL_TRANSFORMATION = 34264;
  static final int GEO_KEY_DIRECTORY = 34735;
  static final int GEO_DOUBLE_PARAMS = 34736;
  static final int GEO_ASCII_PARAMS = 34737;
  static final int GDAL_NODATA = 42113;

  /** Sizes in bytes of TIFF field types 1..18 (0 for unknown types). */
  private static final int[] TYPE_SIZE = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};

  private record Entry(int type, long count, ByteBuffer value) {}

  final String name;
  final boolean bigTiff;
  final ByteOrder order;
  final long fileSize;
  private final Map<Integer, Entry> entries = new TreeMap<>();

  private TiffDirectory(String name, boolean bigTiff, ByteOrder order, long fileSize) {
    this.name = name;
    this.bigTiff = bigTiff;
    this.order = order;
    this.fileSize = fileSize;
  }

  /** Whether the first bytes of a file are a TIFF header (classic or BigTIFF). */
  static boolean isTiff(byte[] head) {
    if (head.length < 4) {
      return false;
    }
    boolean ii = head[0] == 'I' && head[1] == 'I';
    boolean mm = head[0] == 'M' && head[1] == 'M';
    int magic = ii
        ? (head[2] & 0xff | (head[3] & 0xff) << 8)
        : (head[2] & 0xff) << 8 | head[3] & 0xff;
    return (ii || mm) && (magic == 42 || magic == 43);
  }

  /** Reads the header and the first directory; {@code name} names the file in messages. */
  static TiffDirectory read(FileChannel ch, String name) throws IOException {
    long size = ch.size();
    ByteBuffer head = readFully(ch, 0, (int) Math.min(16, size), name, "the header");
    if (head.remaining() < 8) {
      throw new RasterException(name + " is not a TIFF file: only " + size + " bytes");
    }
    ByteOrder order;
    if (head.get(0) == 'I' && head.get(1) == 'I') {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (head.get(0) == 'M' && head.get(1) == 'M') {
      order = ByteOrder.BIG_ENDIAN;
    } else {
      throw new RasterException(name + " is not a TIFF file (no II or MM byte-order mark)");
    }
    head.order(order);
    int magic = head.getShort(2) & 0xffff;
    long ifd;
    boolean big;
    if (magic == 42) {
      big = false;
      ifd = head.getInt(4) & 0xffffffffL;
    } else if (magic == 43) {
      big = true;
      if (head.remaining() < 16 || head.getShort(4) != 8 || head.getShort(6) != 0) {
        throw new RasterException(name + " has a corrupt BigTIFF header");
      }
      ifd = head.getLong(8);
    } else {
      throw new RasterException(name + " is not a TIFF file (magic number " + magic + ")");
    }
    TiffDirectory dir = new TiffDirectory(name, big, order, size);
    dir.load(ch, ifd);
    return dir;
  }

  private void load(FileChannel ch, long ifd) throws IOException {
    int countSize = bigTiff ? 8 : 2;
    int entrySize = bigTiff ? 20 : 12;
    int inline = bigTiff ? 8 : 4;
    if (ifd < 8 || ifd + countSize > fileSize) {
      throw new RasterException(name + " is truncated or corrupt: its first directory at byte "
          + ifd + " lies outside the file's " + fileSize + " bytes");
    }
    ByteBuffer c = readFully(ch, ifd, countSize, name, "the directory").order(order);
    long n = bigTiff ? c.getLong(0) : c.getShort(0) & 0xffff;
    if (n <= 0 || n > 4096) {
      throw new RasterException(name + " is corrupt: a directory of " + n + " entries");
    }
    ByteBuffer all =
        readFully(ch, ifd + countSize, (int) n * entrySize, name, "the directory").order(order);
    for (int i = 0; i < n; i++) {
      int at = i * entrySize;
      int tag = all.getShort(at) & 0xffff;
      int type = all.getShort(at + 2) & 0xffff;
      long count = bigTiff ? all.getLong(at + 4) : all.getInt(at + 4) & 0xffffffffL;
      int typeSize = type < TYPE_SIZE.length ? TYPE_SIZE[type] : 0;
      if (typeSize == 0) {
        continue; // an unknown field type: skip the tag, as libtiff does
      }
      long bytes = count * typeSize;
      if (count < 0 || bytes > Integer.MAX_VALUE - 8) {
        throw new RasterException(name + " is corrupt: tag " + tag + " has " + count + " values");
      }
      ByteBuffer value;
      int valueAt = at + 4 + (bigTiff ? 8 : 4);
      if (bytes <= inline) {
        value = all.slice(valueAt, (int) bytes).order(order);
      } else {
        long offset = bigTiff ? all.getLong(valueAt) : all.getInt(valueAt) & 0xffffffffL;
        if (offset < 0 || offset + bytes > fileSize) {
          throw new RasterException(name + " is truncated or corrupt: the values of tag " + tag
              + " end at byte " + (offset + bytes) + ", past the file's " + fileSize + " bytes");
        }
        value = readFully(ch, offset, (int) bytes, name, "tag " + tag).order(order);
      }
      entries.put(tag, new Entry(type, count, value));
    }
  }

  static ByteBuffer readFully(FileChannel ch, long pos, int len, String name, String what)
      throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(len);
    while (buf.hasRemaining()) {
      int r = ch.read(buf, pos + buf.position());
      if (r < 0) {
        throw new RasterException(name + " is truncated: " + what + " (" + len + " bytes at "
            + pos + ") ends past the end of the file");
      }
    }
    return buf.flip();
  }

  boolean has(int tag) {
    return entries.containsKey(tag);
  }

  /** The tag's values as longs (integer types), or null when the tag is absent. */
  long[] longs(int tag) throws RasterException {
    Entry e = entries.get(tag);
    if (e == null) {
      return null;
    }
    long[] out = new long[(int) e.count];
    ByteBuffer b = e.value.duplicate().order(order);
    for (int i = 0; i < out.length; i++) {
      switch (e.type) {
        case 1, 7 -> out[i] = b.get(i) & 0xff;
        case 6 -> out[i] = b.get(i);
        case 3 -> out[i] = b.getShort(i * 2) & 0xffff;
        case 8 -> out[i] = b.getShort(i * 2);
        case 4, 13 -> out[i] = b.getInt(i * 4) & 0xffffffffL;
        case 9 -> out[i] = b.getInt(i * 4);
        case 16, 17, 18 -> out[i] = b.getLong(i * 8);
        default -> throw new RasterException(name + " is corrupt: tag " + tag
            + " should hold integers, not values of type " + e.type);
      }
    }
    return out;
  }

  /** The tag's values as doubles (any numeric type), or null when the tag is absent. */
  double[] doubles(int tag) throws RasterException {
    Entry e = entries.get(tag);
    if (e == null) {
      return null;
    }
    ByteBuffer b = e.value.duplicate().order(order);
    double[] out = new double[(int) e.count];
    switch (e.type) {
      case 11 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = b.getFloat(i * 4);
        }
      }
      case 12 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = b.getDouble(i * 8);
        }
      }
      case 5, 10 -> {
        for (int i = 0; i < out.length; i++) {
          long num = e.type == 5 ? b.getInt(i * 8) & 0xffffffffL : b.getInt(i * 8);
          long den = e.type == 5 ? b.getInt(i * 8 + 4) & 0xffffffffL : b.getInt(i * 8 + 4);
          out[i] = (double) num / den;
        }
      }
      default -> {
        long[] l = longs(tag);
        for (int i = 0; i < out.length; i++) {
          out[i] = l[i];
        }
      }
    }
    return out;
  }

  /** The tag's ASCII value without its trailing NULs, or null when absent. */
  String ascii(int tag) {
    Entry e = entries.get(tag);
    if (e == null) {
      return null;
    }
    ByteBuffer b = e.value.duplicate();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] == 0) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
  }

  /** The tag's first value, or {@code absent} when the tag is missing. */
  long first(int tag, long absent) throws RasterException {
    long[] v = longs(tag);
    return v == null || v.length == 0 ? absent : v[0];
  }
}

package io.tessera.core.raster;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import java.util.zip.Deflater;

/**
 * Writes a {@link Raster} as a Cloud-optimised GeoTIFF: tiled, Deflate-compressed (with the
 * horizontal predictor for integers and the floating-point one for floats, unless turned off),
 * internal overviews halving the size until it fits in one tile (averages that skip NoData), every
 * directory at the start of the file before any image data (the smallest overview's tiles first,
 * the full resolution's last), GeoTIFF tags (ModelPixelScale and ModelTiepoint when north-up,
 * ModelTransformation otherwise, GeoKeys with the EPSG code, GDAL_NODATA), and BigTIFF when the
 * file would pass 4 GB.
 *
 * <p>Memory is bounded by one row of tiles per level; tiles are compressed in parallel and spooled
 * to temporary files next to the target, then copied after the directories. The target appears
 * (by rename) only once complete.
 */
public final class CogWriter {
  private CogWriter() {}

  /** When to write a BigTIFF. */
  public enum BigTiff {
    /** Only when a classic TIFF's 4 GB offsets would not do. */
    AUTO,
    YES,
    /** Never: a {@link RasterException} when the file would need it. */
    NO
  }

  /**
   * @param tileSize tile side, a multiple of 16 (GDAL's COG driver uses 512)
   * @param predictor whether to use predictor 2 (integers) or 3 (floats) before Deflate
   * @param level Deflate level 1..9
   * @param bigTiff when to write a BigTIFF
   */
  public record Options(int tileSize, boolean predictor, int level, BigTiff bigTiff) {
    public Options {
      if (tileSize < 16 || tileSize % 16 != 0 || tileSize > 4096) {
        throw new IllegalArgumentException("tile size " + tileSize
            + ": a multiple of 16 up to 4096");
      }
      if (level < 1 || level > 9) {
        throw new IllegalArgumentException("Deflate level " + level + " outside 1..9");
      }
    }

    /** 512² tiles, predictor on, Deflate level 6, BigTIFF when needed. */
    public static Options defaults() {
      return new Options(512, true, 6, BigTiff.AUTO);
    }
  }

  /** Writes {@code src} to {@code dst} with no progress report and no cancel. */
  public static void write(Raster src, Path dst, Options options) throws IOException {
    write(src, dst, options, f -> {}, () -> false);
  }

  /**
   * Writes {@code src} to {@code dst}.
   *
   * @param progress receives the fraction done, 0..1, from the calling thread
   * @param cancelled polled between rows of tiles
   * @throws CancellationException when {@code cancelled} answered true (nothing is left behind)
   */
  public static void write(Raster src, Path dst, Options options, DoubleConsumer progress,
      BooleanSupplier cancelled) throws IOException {
    new Job(src, dst.toAbsolutePath(), options, progress, cancelled).run();
  }

  /** One resolution level: its spooled tiles and a buffer of one row of tiles. */
  private static final class Level {
    final int w;
    final int h;
    final int across;
    final int down;
    final long[] offsets;
    final long[] counts;
    final float[][] rows;
    int filled;
    int tileRow;
    Path spool;
    FileChannel ch;
    long spooled;

    Level(int w, int h, int tile, int bands) {
      this.w = w;
      this.h = h;
      across = (w + tile - 1) / tile;
      down = (h + tile - 1) / tile;
      offsets = new long[across * down];
      counts = new long[across * down];
      rows = new float[bands][w * tile];
    }
  }

  private static final class Job {
    final Raster src;
    final Path dst;
    final Options o;
    final DoubleConsumer progress;
    final BooleanSupplier cancelled;
    final int tile;
    final int bands;
    final SampleType type;
    final boolean hasNoData;
    final float noData;
    final int predictor;
    final List<Level> levels = new ArrayList<>();

    Job(Raster src, Path dst, Options o, DoubleConsumer progress, BooleanSupplier cancelled) {
      this.src = src;
      this.dst = dst;
      this.o = o;
      this.progress = progress;
      this.cancelled = cancelled;
      tile = o.tileSize();
      bands = src.bands();
      type = src.sampleType() == SampleType.FLOAT64 ? SampleType.FLOAT32 : src.sampleType();
      hasNoData = src.noData().isPresent();
      noData = (float) src.noData().orElse(0);
      predictor = !o.predictor() ? 1 : type == SampleType.FLOAT32 ? 3 : 2;
      int w = src.width();
      int h = src.height();
      levels.add(new Level(w, h, tile, bands));
      while (w > tile || h > tile) {
        w = (w + 1) / 2;
        h = (h + 1) / 2;
        levels.add(new Level(w, h, tile, bands));
      }
    }

    void run() throws IOException {
      Path tmp = Rasters.sibling(dst, ".part");
      boolean done = false;
      try {
        for (int i = 0; i < levels.size(); i++) {
          Level l = levels.get(i);
          l.spool = Rasters.sibling(dst, ".level" + i + ".part");
          l.ch = FileChannel.open(l.spool, StandardOpenOption.WRITE, StandardOpenOption.READ);
        }
        Level top = levels.get(0);
        for (int y = 0; y < top.h; y += tile) {
          if (cancelled.getAsBoolean()) {
            throw new CancellationException("writing " + dst.getFileName() + " cancelled");
          }
          int n = Math.min(tile, top.h - y);
          src.readBands(0, y, top.w, n, top.rows);
          top.filled = n;
          flush(0);
          progress.accept(0.9 * (y + n) / top.h);
        }
        for (int i = 1; i < levels.size(); i++) {
          if (levels.get(i).filled > 0) {
            flush(i);
          }
        }
        assemble(tmp);
        done = true;
      } finally {
        for (Level l : levels) {
          if (l.ch != null) {
            l.ch.close();
          }
          if (l.spool != null) {
            Files.deleteIfExists(l.spool);
          }
        }
        if (!done) {
          Files.deleteIfExists(tmp);
        }
      }
      try {
        Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      progress.accept(1.0);
    }

    /** Encodes level i's buffered row of tiles and passes its halved rows to level i + 1. */
    void flush(int i) throws IOException {
      Level l = levels.get(i);
      int n = l.filled;
      byte[][] encoded = IntStream.range(0, l.across).parallel()
          .mapToObj(tx -> encode(l, tx, n)).toArray(byte[][]::new);
      for (int tx = 0; tx < l.across; tx++) {
        int index = l.tileRow * l.across + tx;
        ByteBuffer b = ByteBuffer.wrap(encoded[tx]);
        l.offsets[index] = l.spooled;
        l.counts[index] = encoded[tx].length;
        while (b.hasRemaining()) {
          l.spooled += l.ch.write(b, l.spooled);
        }
      }
      l.tileRow++;
      l.filled = 0;
      if (i + 1 < levels.size()) {
        Level next = levels.get(i + 1);
        for (int r = 0; r < n; r += 2) {
          halve(l, r, Math.min(2, n - r), next);
          if (++next.filled == tile) {
            flush(i + 1);
          }
        }
      }
    }

    /** Averages rows r (and r + 1) of level l into the next free row of level next. */
    void halve(Level l, int r, int pair, Level next) {
      for (int b = 0; b < bands; b++) {
        float[] in = l.rows[b];
        float[] out = next.rows[b];
        int o = next.filled * next.w;
        for (int c = 0; c < next.w; c++) {
          double sum = 0;
          int count = 0;
          for (int dy = 0; dy < pair; dy++) {
            for (int dx = 0; dx < 2 && 2 * c + dx < l.w; dx++) {
              float v = in[(r + dy) * l.w + 2 * c + dx];
              if (!Float.isNaN(v) && !(hasNoData && v == noData)) {
                sum += v;
                count++;
              }
            }
          }
          out[o + c] = count > 0 ? (float) (sum / count) : hasNoData ? noData : Float.NaN;
        }
      }
    }

    byte[] encode(Level l, int tx, int rows) {
      int sb = type.bytes();
      byte[] raw = new byte[tile * tile * bands * sb];
      ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
      int x0 = tx * tile;
      int cols = Math.min(tile, l.w - x0);
      float pad = hasNoData ? noData : 0;
      for (int r = 0; r < tile; r++) {
        for (int c = 0; c < tile; c++) {
          for (int k = 0; k < bands; k++) {
            float v = r < rows && c < cols ? l.rows[k][r * l.w + x0 + c] : pad;
            int at = ((r * tile + c) * bands + k) * sb;
            switch (type) {
              case FLOAT32 -> b.putFloat(at, v);
              case UINT8 -> b.put(at, (byte) clamp(v, 0, 255));
              case INT16 -> b.putShort(at, (short) clamp(v, Short.MIN_VALUE, Short.MAX_VALUE));
              case UINT16 -> b.putShort(at, (short) clamp(v, 0, 65535));
              default -> b.putInt(at, (int) Math.round((double) v));
            }
          }
        }
      }
      if (predictor == 2) {
        TiffCodecs.applyHorizontal(raw, tile, tile * bands, bands, sb, ByteOrder.LITTLE_ENDIAN);
      } else if (predictor == 3) {
        TiffCodecs.applyFloat(raw, tile, tile * bands, bands, sb, ByteOrder.LITTLE_ENDIAN,
            new byte[tile * bands * sb]);
      }
      Deflater d = new Deflater(o.level());
      try {
        return TiffCodecs.deflate(raw, raw.length, d, new byte[64 * 1024]);
      } finally {
        d.end();
      }
    }

    static int clamp(float v, int min, int max) {
      return Float.isNaN(v) ? 0 : (int) Math.max(min, Math.min(max, Math.round(v)));
    }

    /** Writes header, directories and then the spooled tiles, smallest level first. */
    void assemble(Path tmp) throws IOException {
      long data = 0;
      for (Level l : levels) {
        data += l.spooled;
      }
      boolean big = switch (o.bigTiff()) {
        case YES -> true;
        case NO -> false;
        case AUTO -> layout(false).end + data > 0xffffffffL - (1 << 20);
      };
      Layout layout = layout(big);
      if (!big && layout.end + data > 0xffffffffL) {
        throw new RasterException(dst.getFileName() + " would need "
            + (layout.end + data) + " bytes, more than a classic TIFF holds; allow BigTIFF");
      }
      // The data follow the directories, smallest overview first.
      long[] base = new long[levels.size()];
      long at = layout.end;
      for (int i = levels.size() - 1; i >= 0; i--) {
        base[i] = at;
        at += levels.get(i).spooled;
      }
      layout = layout(big, base);
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer head = ByteBuffer.allocate(big ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 'I').put((byte) 'I');
        if (big) {
          head.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(16);
        } else {
          head.putShort((short) 42).putInt(8);
        }
        write(out, head.flip(), 0);
        write(out, layout.bytes, big ? 16 : 8);
        for (int i = levels.size() - 1; i >= 0; i--) {
          Level l = levels.get(i);
          long pos = 0;
          while (pos < l.spooled) {
            pos += l.ch.transferTo(pos, l.spooled - pos, out.position(base[i] + pos));
          }
          if (cancelled.getAsBoolean()) {
            throw new CancellationException("writing " + dst.getFileName() + " cancelled");
          }
        }
        out.force(false);
      }
    }

    private static void write(FileChannel ch, ByteBuffer b, long pos) throws IOException {
      while (b.hasRemaining()) {
        pos += ch.write(b, pos);
      }
    }

    record Layout(ByteBuffer bytes, long end) {}

    Layout layout(boolean big) throws RasterException {
      return layout(big, new long[levels.size()]);
    }

    /** The directories of every level, laid out from byte 8 (16), with tile offsets from base. */
    Layout layout(boolean big, long[] base) throws RasterException {
      long start = big ? 16 : 8;
      List<Ifd> ifds = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        ifds.add(ifd(i, big, base[i]));
      }
      long pos = start;
      long[] at = new long[ifds.size()];
      for (int i = 0; i < ifds.size(); i++) {
        at[i] = pos;
        pos += ifds.get(i).size();
      }
      ByteBuffer all = ByteBuffer.allocate((int) (pos - start)).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < ifds.size(); i++) {
        ifds.get(i).write(all, at[i], i + 1 < ifds.size() ? at[i + 1] : 0);
      }
      return new Layout(all.flip(), pos);
    }

    Ifd ifd(int i, boolean big, long base) throws RasterException {
      Level l = levels.get(i);
      Ifd d = new Ifd(big);
      int sb = type.bytes();
      if (i > 0) {
        d.longs(254, Ifd.LONG, 1);
      }
      d.longs(256, Ifd.LONG, l.w);
      d.longs(257, Ifd.LONG, l.h);
      d.longs(258, Ifd.SHORT, repeat(sb * 8L));
      d.longs(259, Ifd.SHORT, 8);
      boolean rgb = bands >= 3 && type == SampleType.UINT8;
      d.longs(262, Ifd.SHORT, rgb ? 2 : 1);
      d.longs(277, Ifd.SHORT, bands);
      d.longs(284, Ifd.SHORT, 1);
      if (predictor != 1) {
        d.longs(317, Ifd.SHORT, predictor);
      }
      d.longs(322, Ifd.SHORT, tile);
      d.longs(323, Ifd.SHORT, tile);
      long[] offsets = new long[l.offsets.length];
      for (int t = 0; t < offsets.length; t++) {
        offsets[t] = base + l.offsets[t];
      }
      d.longs(324, big ? Ifd.LONG8 : Ifd.LONG, offsets);
      d.longs(325, big ? Ifd.LONG8 : Ifd.LONG, l.counts);
      int extra = bands - (rgb ? 3 : 1);
      if (extra > 0) {
        long[] e = new long[extra];
        if (rgb && bands == 4) {
          e[0] = 2; // unassociated alpha, as GDAL writes for RGBA
        }
        d.longs(338, Ifd.SHORT, e);
      }
      int format = switch (type) {
        case FLOAT32 -> 3;
        case INT16, INT32 -> 2;
        default -> 1;
      };
      d.longs(339, Ifd.SHORT, repeat(format));
      if (i == 0) {
        geoTags(d);
      }
      return d;
    }

    private long[] repeat(long v) {
      long[] a = new long[bands];
      Arrays.fill(a, v);
      return a;
    }

    private void geoTags(Ifd d) {
      GeoTransform g = src.transform();
      if (g.isNorthUp()) {
        d.doubles(33550, g.pixelWidth(), -g.pixelHeight(), 0);
        d.doubles(33922, 0, 0, 0, g.originX(), g.originY(), 0);
      } else {
        d.doubles(34264, g.pixelWidth(), g.rowRotation(), 0, g.originX(),
            g.columnRotation(), g.pixelHeight(), 0, g.originY(), 0, 0, 0, 0, 0, 0, 0, 1);
      }
      List<long[]> keys = new ArrayList<>();
      if (src.epsg().isPresent()) {
        int code = src.epsg().getAsInt();
        boolean geographic = isGeographic(code);
        keys.add(new long[] {1024, 0, 1, geographic ? 2 : 1});
        keys.add(new long[] {1025, 0, 1, 1});
        keys.add(new long[] {geographic ? 2048 : 3072, 0, 1, code});
      } else {
        keys.add(new long[] {1025, 0, 1, 1});
      }
      long[] dir = new long[4 + 4 * keys.size()];
      dir[0] = 1;
      dir[1] = 1;
      dir[2] = 0;
      dir[3] = keys.size();
      for (int k = 0; k < keys.size(); k++) {
        System.arraycopy(keys.get(k), 0, dir, 4 + 4 * k, 4);
      }
      d.longs(34735, Ifd.SHORT, dir);
      if (src.noData().isPresent()) {
        double v = src.noData().getAsDouble();
        String text = Double.isNaN(v) ? "nan"
            : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
            : String.format(Locale.ROOT, "%.17g", v);
        d.ascii(42113, text);
      }
    }
  }

  /** Whether an EPSG code names a geographic CRS (GeographicTypeGeoKey) or a projected one. */
  static boolean isGeographic(int code) {
    try {
      return Crs.parse("EPSG:" + code).isGeographic();
    } catch (CrsException | RuntimeException e) {
      return code >= 4000 && code < 5000;
    }
  }

  /** One image file directory being laid out: its entries, sorted by tag. */
  private static final class Ifd {
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int ASCII = 2;
    static final int DOUBLE = 12;
    static final int LONG8 = 16;

    private record Field(int tag, int type, long count, byte[] value) {}

    private final boolean big;
    private final List<Field> fields = new ArrayList<>();

    Ifd(boolean big) {
      this.big = big;
    }

    void longs(int tag, int type, long... values) {
      int size = type == SHORT ? 2 : type == LONG ? 4 : 8;
      ByteBuffer b = ByteBuffer.allocate(values.length * size).order(ByteOrder.LITTLE_ENDIAN);
      for (long v : values) {
        switch (size) {
          case 2 -> b.putShort((short) v);
          case 4 -> b.putInt((int) v);
          default -> b.putLong(v);
        }
      }
      fields.add(new Field(tag, type, values.length, b.array()));
    }

    void doubles(int tag, double... values) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (double v : values) {
        b.putDouble(v);
      }
      fields.add(new Field(tag, DOUBLE, values.length, b.array()));
    }

    void ascii(int tag, String s) {
      byte[] t = (s + "\0").getBytes(StandardCharsets.US_ASCII);
      fields.add(new Field(tag, ASCII, t.length, t));
    }

    private int inline() {
      return big ? 8 : 4;
    }

    long size() {
      long s = (big ? 8 : 2) + (long) fields.size() * (big ? 20 : 12) + (big ? 8 : 4);
      for (Field f : fields) {
        if (f.value.length > inline()) {
          s += f.value.length + (f.value.length & 1);
        }
      }
      return s;
    }

    /** Writes the directory at file offset {@code at} ({@code out}'s position 0 = byte 8/16). */
    void write(ByteBuffer out, long at, long next) {
      long origin = at - out.position();
      fields.sort((a, b) -> Integer.compare(a.tag, b.tag));
      long extra = at + (big ? 8 : 2) + (long) fields.size() * (big ? 20 : 12) + (big ? 8 : 4);
      if (big) {
        out.putLong(fields.size());
      } else {
        out.putShort((short) fields.size());
      }
      List<Field> outOfLine = new ArrayList<>();
      for (Field f : fields) {
        out.putShort((short) f.tag).putShort((short) f.type);
        if (big) {
          out.putLong(f.count);
        } else {
          out.putInt((int) f.count);
        }
        if (f.value.length <= inline()) {
          byte[] v = Arrays.copyOf(f.value, inline());
          out.put(v);
        } else {
          if (big) {
            out.putLong(extra);
          } else {
            out.putInt((int) extra);
          }
          outOfLine.add(f);
          extra += f.value.length + (f.value.length & 1);
        }
      }
      if (big) {
        out.putLong(next);
      } else {
        out.putInt((int) next);
      }
      for (Field f : outOfLine) {
        out.put(f.value);
        if ((f.value.length & 1) != 0) {
          out.put((byte) 0);
        }
      }
      assert out.position() + origin == extra;
    }
  }
}

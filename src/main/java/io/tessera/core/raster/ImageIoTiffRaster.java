package io.tessera.core.raster;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFImageReadParam;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * A classic GeoTIFF read through the JDK's own TIFF reader ({@code javax.imageio}): each window is
 * one {@code read(0, param)} with a source region, which decodes only the tiles or strips it
 * touches. An {@code ImageReader} serves one thread at a time, so the raster keeps a small pool
 * of readers, each on its own stream, and lends one per read.
 */
final class ImageIoTiffRaster implements Raster {
  private final Path path;
  private final String name;
  private final int width;
  private final int height;
  private final int bands;
  private final SampleType type;
  private final int blockW;
  private final int blockH;
  private final GeoTiffTags geo;
  private final ConcurrentLinkedDeque<Reader> idle = new ConcurrentLinkedDeque<>();
  private final List<Reader> all = new ArrayList<>();
  private volatile boolean closed;

  private record Reader(ImageReader reader, ImageInputStream stream) {
    void close() throws IOException {
      reader.dispose();
      stream.close();
    }
  }

  private ImageIoTiffRaster(Path path, Reader first) throws IOException {
    this.path = path;
    this.name = String.valueOf(path.getFileName());
    ImageReader r = first.reader;
    IIOMetadata meta = r.getImageMetadata(0);
    TIFFDirectory dir = TIFFDirectory.createFromMetadata(meta);
    width = r.getWidth(0);
    height = r.getHeight(0);
    bands = (int) longs(dir, TiffDirectory.SAMPLES_PER_PIXEL, new long[] {1})[0];
    long[] bps = longs(dir, TiffDirectory.BITS_PER_SAMPLE, new long[] {1});
    long[] format = longs(dir, TiffDirectory.SAMPLE_FORMAT, new long[] {1});
    type = OwnTiffRaster.sampleType((int) bps[0], (int) format[0]);
    if (r.isImageTiled(0)) {
      blockW = r.getTileWidth(0);
      blockH = r.getTileHeight(0);
    } else {
      blockW = width;
      blockH = (int) Math.min(height,
          longs(dir, TiffDirectory.ROWS_PER_STRIP, new long[] {height})[0]);
    }
    TIFFField nd = dir.getTIFFField(TiffDirectory.GDAL_NODATA);
    geo = GeoTiffTags.of(name, doubles(dir, TiffDirectory.MODEL_PIXEL_SCALE),
        doubles(dir, TiffDirectory.MODEL_TIEPOINT),
        doubles(dir, TiffDirectory.MODEL_TRANSFORMATION),
        longs(dir, TiffDirectory.GEO_KEY_DIRECTORY, null), nd == null ? null : nd.getAsString(0));
    checkBlocks(dir, Files.size(path));
    long predictor = longs(dir, TiffDirectory.PREDICTOR, new long[] {1})[0];
    if (predictor == 3 || predictor == 2 && bps[0] != 8) {
      throw new RasterException(name + " uses predictor " + predictor + " on " + bps[0]
          + "-bit samples, which the JDK's TIFF reader does not support");
    }
    all.add(first);
    idle.push(first);
  }

  /** Opens a classic GeoTIFF; a BigTIFF or a file that is not a TIFF is refused. */
  static ImageIoTiffRaster open(Path path) throws IOException {
    Reader first = newReader(path);
    try {
      return new ImageIoTiffRaster(path, first);
    } catch (IOException | RuntimeException e) {
      first.close();
      if (e instanceof RasterException re) {
        throw re;
      }
      throw new RasterException(path.getFileName() + " cannot be read as a TIFF: " + e, e);
    }
  }

  private static Reader newReader(Path path) throws IOException {
    Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("tiff");
    ImageReader reader = null;
    while (it.hasNext()) {
      ImageReader candidate = it.next();
      if (candidate.getClass().getName().startsWith("com.sun.imageio.plugins.tiff.")) {
        reader = candidate;
        break;
      }
    }
    if (reader == null) {
      throw new RasterException("the JDK's TIFF reader is missing from this Java runtime");
    }
    ImageInputStream in = new FileImageInputStream(path.toFile());
    reader.setInput(in, true, false);
    TIFFImageReadParam p = new TIFFImageReadParam();
    p.setReadUnknownTags(true);
    // The JDK reader takes its tag sets from the param of the first read(), which parses the
    // metadata: a 1×1 read with ours keeps GDAL_NODATA, a tag no tag set names. A failure to
    // decode that pixel is reported by the checks after it or by the window reads.
    p.setSourceRegion(new Rectangle(0, 0, 1, 1));
    try {
      reader.read(0, p);
    } catch (IOException | RuntimeException e) {
      if (reader.getNumImages(false) == 0) {
        reader.dispose();
        in.close();
        throw new RasterException(path.getFileName() + " cannot be read as a TIFF: "
            + e.getMessage(), e);
      }
    }
    return new Reader(reader, in);
  }

  private void checkBlocks(TIFFDirectory dir, long size) throws RasterException {
    long[] offsets = longs(dir, TiffDirectory.TILE_OFFSETS, null);
    long[] counts = longs(dir, TiffDirectory.TILE_BYTE_COUNTS, null);
    if (offsets == null) {
      offsets = longs(dir, TiffDirectory.STRIP_OFFSETS, new long[0]);
      counts = longs(dir, TiffDirectory.STRIP_BYTE_COUNTS, new long[0]);
    }
    for (int i = 0; i < Math.min(offsets.length, counts.length); i++) {
      if (offsets[i] + counts[i] > size) {
        throw new RasterException(name + " is truncated: block " + i + " ends at byte "
            + (offsets[i] + counts[i]) + ", past the file's " + size + " bytes");
      }
    }
  }

  private static long[] longs(TIFFDirectory dir, int tag, long[] absent) {
    TIFFField f = dir.getTIFFField(tag);
    if (f == null) {
      return absent;
    }
    long[] out = new long[f.getCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.getAsLong(i);
    }
    return out;
  }

  private static double[] doubles(TIFFDirectory dir, int tag) {
    TIFFField f = dir.getTIFFField(tag);
    if (f == null) {
      return null;
    }
    double[] out = new double[f.getCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.getAsDouble(i);
    }
    return out;
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

  private void read(int x, int y, int w, int h, float[][] dst) throws IOException {
    if (w == 0 || h == 0) {
      return;
    }
    Reader r = borrow();
    BufferedImage img;
    try {
      ImageReadParam p = r.reader.getDefaultReadParam();
      p.setSourceRegion(new Rectangle(x, y, w, h));
      img = r.reader.read(0, p);
    } catch (IOException | RuntimeException e) {
      throw new RasterException(name + " cannot be read (window " + x + "," + y + " " + w + "×"
          + h + "): " + e.getMessage(), e);
    } finally {
      idle.push(r);
    }
    WritableRaster raster = img.getRaster();
    for (int b = 0; b < bands; b++) {
      if (dst[b] != null) {
        raster.getSamples(0, 0, w, h, b, dst[b]);
      }
    }
  }

  private Reader borrow() throws IOException {
    if (closed) {
      throw new IOException(name + " is closed");
    }
    Reader r = idle.poll();
    if (r == null) {
      r = newReader(path);
      synchronized (all) {
        all.add(r);
      }
    }
    return r;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    synchronized (all) {
      for (Reader r : all) {
        r.close();
      }
      all.clear();
    }
  }
}

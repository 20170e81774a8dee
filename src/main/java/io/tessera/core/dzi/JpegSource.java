package io.tessera.core.dzi;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import io.tessera.core.dzi.BadImageException.Reason;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * A baseline or progressive JPEG, decoded once from start to end by the JDK's reader into a
 * {@link StreamingRaster}. Baseline files stream with memory bounded by a row. A progressive file
 * cannot: libjpeg keeps the whole image's coefficients (outside the Java heap) until its last
 * scan, and the JDK's reader renders the whole image once per scan, of which only the last
 * rendering is passed on (see {@link #scans}).
 *
 * <p>The EXIF orientation (read with metadata-extractor) is applied through an {@link
 * OrientedSpool}. Embedded ICC profiles are not applied: the pixels are tiled as stored, as {@code
 * vips dzsave} does, which also spares a colour conversion per row. Any decoder warning
 * (premature end, corrupt data) fails the run rather than tiling a grey remainder.
 */
final class JpegSource implements ImageSource {
  private static final byte[] EOI = {(byte) 0xFF, (byte) 0xD9};

  private final Path file;
  private final ImageInputStream in;
  private final ImageReader reader;
  private final int storedWidth;
  private final int storedHeight;
  private final int orientation;
  private final ColorModel colorModel;
  private final PixelConverter.Kind kind;

  private JpegSource(Path file, ImageInputStream in, ImageReader reader, int storedWidth,
      int storedHeight, int orientation, ColorModel colorModel, PixelConverter.Kind kind) {
    this.file = file;
    this.in = in;
    this.reader = reader;
    this.storedWidth = storedWidth;
    this.storedHeight = storedHeight;
    this.orientation = orientation;
    this.colorModel = colorModel;
    this.kind = kind;
  }

  static JpegSource open(Path file) throws IOException {
    int orientation = orientation(file);
    return ImageSources.open(file, "jpeg", true, true, e -> failure(file, e), (in, reader) -> {
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      ColorModel cm = destinationModel(reader.getImageTypes(0));
      PixelConverter.Kind kind =
          PixelConverter.kindOf(cm, cm.createCompatibleSampleModel(1, 1));
      return new JpegSource(file, in, reader, width, height, orientation, cm, kind);
    });
  }

  @Override
  public BadImageException decodingFailed(Throwable e) throws IOException {
    return failure(file, e);
  }

  private static BadImageException failure(Path file, Throwable e) throws IOException {
    return ImageSources.decodingFailed("JPEG", e, !ImageSources.tailContains(file, EOI));
  }

  @Override
  public int width() {
    return OrientedSpool.swapsAxes(orientation) ? storedHeight : storedWidth;
  }

  @Override
  public int height() {
    return OrientedSpool.swapsAxes(orientation) ? storedWidth : storedHeight;
  }

  @Override
  public PixelConverter.Kind kind() {
    return kind;
  }

  @Override
  public void read(TileFormat format, RowSink rows) throws IOException {
    if (orientation == 1) {
      decode(format, rows);
      return;
    }
    try (OrientedSpool spool = new OrientedSpool(storedWidth, storedHeight,
        kind.channels(format), orientation)) {
      decode(format, spool);
      spool.replay(rows);
    }
  }

  private void decode(TileFormat format, RowSink rows) throws IOException {
    SampleModel model = colorModel.createCompatibleSampleModel(storedWidth, 1);
    StreamingRaster raster = StreamingRaster.of(model, storedWidth, storedHeight,
        PixelConverter.of(colorModel, model, format), rows);
    raster.skipPasses(scans(file) - 1);
    ImageReadParam param = reader.getDefaultReadParam();
    param.setDestination(new BufferedImage(colorModel, raster, false, null));
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> {
      warnings.add(warning);
      reader.abort();
    });
    reader.read(0, param);
    if (!warnings.isEmpty()) {
      throw failure(file, new IIOException(warnings.get(0)));
    }
    if (raster.rowsWritten() != storedHeight) {
      throw new BadImageException(Reason.CORRUPT, "the JPEG file is corrupt: it gave "
          + raster.rowsWritten() + " of its " + storedHeight + " rows");
    }
  }

  /**
   * The pixels' colour model: gray or RGB as the reader offers them, in the file's own ICC colour
   * space when it has one, so that the reader converts nothing.
   */
  private static ColorModel destinationModel(Iterator<ImageTypeSpecifier> types)
      throws BadImageException {
    if (!types.hasNext()) {
      throw unsupported();
    }
    ImageTypeSpecifier first = types.next();
    ColorSpace space = first.getColorModel().getColorSpace();
    while (types.hasNext()) {
      ColorSpace other = types.next().getColorModel().getColorSpace();
      if (other.getType() == space.getType() && other.getNumComponents() == 3
          && space.getNumComponents() == 3) {
        space = other;
      }
    }
    ColorModel cm = new ComponentColorModel(space, false, false, Transparency.OPAQUE,
        DataBuffer.TYPE_BYTE);
    if (PixelConverter.kindOf(cm, cm.createCompatibleSampleModel(1, 1)) == null) {
      throw unsupported();
    }
    return cm;
  }

  private static BadImageException unsupported() {
    return new BadImageException(Reason.UNSUPPORTED,
        "only gray and colour (YCbCr or RGB) JPEGs can be tiled, not CMYK or YCCK ones");
  }

  /**
   * How many scans a progressive JPEG has, or 1 for a sequential one. The JDK's decoder outputs
   * the whole image once per scan, each time a little sharper; only the last output is final.
   * Counted by walking the marker segments (skipping each by its length, so an EXIF thumbnail's
   * markers are not counted) and the entropy-coded data, where every 0xFF byte that is not a
   * marker is followed by a stuffed 0x00.
   */
  static int scans(Path file) throws IOException {
    int scans = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      int b;
      while ((b = in.read()) >= 0) {
        if (b != 0xFF) {
          continue;
        }
        int marker = in.read();
        while (marker == 0xFF) {
          marker = in.read();
        }
        if (marker < 0 || marker == 0xD9) {
          break;
        }
        if (marker == 0x00 || marker == 0x01 || marker == 0xD8
            || (marker >= 0xD0 && marker <= 0xD7)) {
          continue;
        }
        boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4
            && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame && (marker & 0x03) != 0x02) {
          return 1;
        }
        if (marker == 0xDA) {
          scans++;
        }
        int length = (in.read() << 8) | in.read();
        if (length < 2) {
          break;
        }
        in.skipNBytes(length - 2);
      }
    } catch (java.io.EOFException e) {
      // a truncated file: the decoder will say so
    }
    return Math.max(1, scans);
  }

  /** The EXIF orientation, 1..8; 1 when there is none or it cannot be read. */
  static int orientation(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      Metadata md = JpegMetadataReader.readMetadata(in, List.of(new ExifReader()));
      ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        int o = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        return o >= 1 && o <= 8 ? o : 1;
      }
    } catch (IOException | JpegProcessingException | MetadataException | RuntimeException e) {
      // unreadable EXIF: the pixels are shown as stored; the decoder judges the image itself
    }
    return 1;
  }

  @Override
  public void close() throws IOException {
    ImageSources.close(reader, in);
  }
}

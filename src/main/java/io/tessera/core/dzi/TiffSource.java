package io.tessera.core.dzi;

import io.tessera.core.dzi.BadImageException.Reason;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;

/**
 * The first image of a TIFF (a GeoTIFF orthomosaic's full resolution) with 8-bit gray, RGB or
 * RGBA samples, striped or tiled, uncompressed, LZW, Deflate, PackBits or JPEG: read by the JDK's
 * reader (ARCHITECTURE §7, §10) in full-width bands of whole strips or tile rows, top to bottom,
 * so every strip and tile is decoded once and memory is one band.
 *
 * <p>A band is at least 256 rows. Uncompressed striped files are read 256 rows at a time whatever
 * their strips (the reader reads just the rows asked for); compressed strips must be decoded
 * whole, so a file written as one compressed strip is read as one band, the whole image.
 */
final class TiffSource implements ImageSource {
  private static final int MIN_BAND_ROWS = 256;
  private static final Set<Integer> COMPRESSIONS = Set.of(
      BaselineTIFFTagSet.COMPRESSION_NONE,
      BaselineTIFFTagSet.COMPRESSION_LZW,
      BaselineTIFFTagSet.COMPRESSION_JPEG,
      BaselineTIFFTagSet.COMPRESSION_ZLIB,
      BaselineTIFFTagSet.COMPRESSION_PACKBITS,
      BaselineTIFFTagSet.COMPRESSION_DEFLATE);

  private final ImageInputStream in;
  private final ImageReader reader;
  private final boolean dataPastTheEnd;
  private final int width;
  private final int height;
  private final int bandRows;
  private final ImageTypeSpecifier type;
  private final PixelConverter.Kind kind;

  private TiffSource(ImageInputStream in, ImageReader reader, boolean dataPastTheEnd, int width,
      int height, int bandRows, ImageTypeSpecifier type, PixelConverter.Kind kind) {
    this.in = in;
    this.reader = reader;
    this.dataPastTheEnd = dataPastTheEnd;
    this.width = width;
    this.height = height;
    this.bandRows = bandRows;
    this.type = type;
    this.kind = kind;
  }

  static TiffSource open(Path file) throws IOException {
    return ImageSources.open(file, "tiff", false, false,
        e -> ImageSources.decodingFailed("TIFF", e, ImageSources.ranOutOfBytes(e)),
        (in, reader) -> {
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      TIFFDirectory dir = TIFFDirectory.createFromMetadata(reader.getImageMetadata(0));
      int compression = checkSamples(dir);
      ImageTypeSpecifier type = reader.getImageTypes(0).next();
      PixelConverter.Kind kind =
          PixelConverter.kindOf(type.getColorModel(), type.getSampleModel(1, 1));
      if (kind == null) {
        throw new BadImageException(Reason.UNSUPPORTED, "only gray, RGB and RGBA TIFFs can be"
            + " tiled, not this one's colour space ("
            + type.getColorModel().getColorSpace().getType() + ")");
      }
      int stripRows = reader.getTileHeight(0);
      int rows = compression == BaselineTIFFTagSet.COMPRESSION_NONE && !reader.isImageTiled(0)
          ? MIN_BAND_ROWS
          : (int) Math.min(Integer.MAX_VALUE,
              ((long) MIN_BAND_ROWS + stripRows - 1) / stripRows * stripRows);
      return new TiffSource(in, reader, dataPastTheEnd(dir, Files.size(file)), width, height,
          Math.min(rows, height), type, kind);
    });
  }

  /** Whether a strip or tile is said to end beyond the file's last byte: the file was cut off. */
  private static boolean dataPastTheEnd(TIFFDirectory dir, long fileSize) {
    boolean tiled = dir.containsTIFFField(BaselineTIFFTagSet.TAG_TILE_OFFSETS);
    TIFFField offsets = dir.getTIFFField(tiled ? BaselineTIFFTagSet.TAG_TILE_OFFSETS
        : BaselineTIFFTagSet.TAG_STRIP_OFFSETS);
    TIFFField counts = dir.getTIFFField(tiled ? BaselineTIFFTagSet.TAG_TILE_BYTE_COUNTS
        : BaselineTIFFTagSet.TAG_STRIP_BYTE_COUNTS);
    if (offsets == null || counts == null) {
      return false;
    }
    for (int i = 0; i < Math.min(offsets.getCount(), counts.getCount()); i++) {
      if (offsets.getAsLong(i) + counts.getAsLong(i) > fileSize) {
        return true;
      }
    }
    return false;
  }

  @Override
  public BadImageException decodingFailed(Throwable e) {
    return ImageSources.decodingFailed("TIFF", e,
        dataPastTheEnd || ImageSources.ranOutOfBytes(e));
  }

  /** Refuses float, non-8-bit and unknown compressions with a message; returns the compression. */
  private static int checkSamples(TIFFDirectory dir) throws BadImageException {
    TIFFField format = dir.getTIFFField(BaselineTIFFTagSet.TAG_SAMPLE_FORMAT);
    if (format != null) {
      for (int i = 0; i < format.getCount(); i++) {
        if (format.getAsInt(i) == BaselineTIFFTagSet.SAMPLE_FORMAT_FLOATING_POINT) {
          throw new BadImageException(Reason.UNSUPPORTED, "this TIFF holds floating-point"
              + " samples (elevations or other measurements), not an 8-bit picture");
        }
      }
    }
    TIFFField bits = dir.getTIFFField(BaselineTIFFTagSet.TAG_BITS_PER_SAMPLE);
    if (bits != null) {
      for (int i = 0; i < bits.getCount(); i++) {
        if (bits.getAsInt(i) != 8) {
          throw new BadImageException(Reason.UNSUPPORTED, "this TIFF has " + bits.getAsInt(i)
              + "-bit samples; only 8-bit gray, RGB and RGBA TIFFs can be tiled");
        }
      }
    }
    TIFFField compression = dir.getTIFFField(BaselineTIFFTagSet.TAG_COMPRESSION);
    int c = compression == null ? BaselineTIFFTagSet.COMPRESSION_NONE : compression.getAsInt(0);
    if (!COMPRESSIONS.contains(c)) {
      throw new BadImageException(Reason.UNSUPPORTED, "TIFF compression " + c + " is not"
          + " supported; uncompressed, LZW, Deflate, PackBits and JPEG are");
    }
    return c;
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
  public PixelConverter.Kind kind() {
    return kind;
  }

  @Override
  public void read(TileFormat format, RowSink rows) throws IOException {
    BufferedImage band = type.createBufferedImage(width, bandRows);
    PixelConverter converter = PixelConverter.of(type.getColorModel(), band.getSampleModel(),
        format);
    ImageReadParam param = reader.getDefaultReadParam();
    param.setDestination(band);
    for (int first = 0; first < height; first += bandRows) {
      int n = Math.min(bandRows, height - first);
      param.setSourceRegion(new Rectangle(0, first, width, n));
      reader.read(0, param);
      for (int y = 0; y < n; y++) {
        converter.row(band.getRaster(), y, width, rows.rowArray(), rows.rowOffset());
        rows.rowDone();
      }
    }
  }

  @Override
  public void close() throws IOException {
    ImageSources.close(reader, in);
  }
}

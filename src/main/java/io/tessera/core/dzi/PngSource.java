package io.tessera.core.dzi;

import io.tessera.core.dzi.BadImageException.Reason;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A PNG of any colour type and bit depth, read by the JDK's reader. Non-interlaced files stream
 * through a {@link StreamingRaster}, pixel by pixel in row order (the reader copies whole spans
 * only into the JDK's own raster class), with memory bounded by a row. Interlaced (Adam7) files
 * fill their rows in seven passes, so they are decoded whole first: about 4 bytes per pixel of
 * Java heap.
 */
final class PngSource implements ImageSource {
  private static final byte[] IEND = {'I', 'E', 'N', 'D'};

  private final Path file;
  private final ImageInputStream in;
  private final ImageReader reader;
  private final int width;
  private final int height;
  private final boolean interlaced;
  private final ImageTypeSpecifier type;
  private final PixelConverter.Kind kind;

  private PngSource(Path file, ImageInputStream in, ImageReader reader, int width, int height,
      boolean interlaced, ImageTypeSpecifier type, PixelConverter.Kind kind) {
    this.file = file;
    this.in = in;
    this.reader = reader;
    this.width = width;
    this.height = height;
    this.interlaced = interlaced;
    this.type = type;
    this.kind = kind;
  }

  static PngSource open(Path file) throws IOException {
    return ImageSources.open(file, "png", true, false, e -> failure(file, e), (in, reader) -> {
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      ImageTypeSpecifier type = reader.getImageTypes(0).next();
      PixelConverter.Kind kind = PixelConverter.kindOf(type.getColorModel(),
          type.getSampleModel(1, 1));
      if (kind == null) {
        throw new BadImageException(Reason.UNSUPPORTED, "this PNG's pixel layout is not supported");
      }
      return new PngSource(file, in, reader, width, height,
          interlaced(reader.getImageMetadata(0)), type, kind);
    });
  }

  @Override
  public BadImageException decodingFailed(Throwable e) throws IOException {
    return failure(file, e);
  }

  /** A PNG without its closing IEND chunk was cut off. */
  private static BadImageException failure(Path file, Throwable e) throws IOException {
    return ImageSources.decodingFailed("PNG", e, !ImageSources.tailContains(file, IEND));
  }

  private static boolean interlaced(IIOMetadata metadata) {
    Element root = (Element) metadata.getAsTree("javax_imageio_png_1.0");
    NodeList ihdr = root.getElementsByTagName("IHDR");
    return ihdr.getLength() > 0
        && "adam7".equals(((Element) ihdr.item(0)).getAttribute("interlaceMethod"));
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
    ColorModel cm = type.getColorModel();
    SampleModel model = type.getSampleModel(width, 1);
    PixelConverter converter = PixelConverter.of(cm, model, format);
    if (interlaced) {
      BufferedImage whole = reader.read(0);
      for (int y = 0; y < height; y++) {
        converter.row(whole.getRaster(), y, width, rows.rowArray(), rows.rowOffset());
        rows.rowDone();
      }
      return;
    }
    StreamingRaster raster = StreamingRaster.of(model, width, height, converter, rows);
    ImageReadParam param = reader.getDefaultReadParam();
    param.setDestination(new BufferedImage(cm, raster, false, null));
    reader.read(0, param);
    if (raster.rowsWritten() != height) {
      throw new BadImageException(Reason.CORRUPT, "the PNG file is corrupt: it gave "
          + raster.rowsWritten() + " of its " + height + " rows");
    }
  }

  @Override
  public void close() throws IOException {
    ImageSources.close(reader, in);
  }
}

package io.tessera.core.dzi;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * Encodes tiles with the JDK's JPEG or PNG writer, reading pixels in place from a band. One per
 * thread: ImageIO writers are not thread-safe.
 *
 * <p>JPEG quality q maps to the JDK's {@code q / 100}, which scales the standard quantisation
 * tables exactly as libjpeg's {@code jpeg_set_quality(q)} and so vips's {@code Q=q} do; chroma is
 * subsampled 2×2 and Huffman tables are the standard ones, also as vips does by default.
 */
final class TileEncoder implements AutoCloseable {
  private final ImageWriter writer;
  private final ImageWriteParam param;
  private final ColorModel colorModel;
  private final int channels;
  private final TileBytes out = new TileBytes();

  TileEncoder(TileFormat format, int jpegQuality, int channels) {
    this.channels = channels;
    this.writer = ImageIO.getImageWritersByFormatName(format.extension()).next();
    this.param = writer.getDefaultWriteParam();
    if (format == TileFormat.JPG) {
      if (channels == 4) {
        throw new IllegalArgumentException("JPEG tiles have no alpha");
      }
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(jpegQuality / 100f);
    }
    ColorSpace space = ColorSpace.getInstance(channels == 1 ? ColorSpace.CS_GRAY
        : ColorSpace.CS_sRGB);
    this.colorModel = new ComponentColorModel(space, channels == 4, false,
        channels == 4 ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
  }

  /**
   * Encodes the {@code width × height} pixels at {@code data[offset]}, rows {@code scanline}
   * bytes apart; the result is in {@link #bytes()} up to {@link #length()}, until the next call.
   */
  void encode(byte[] data, int offset, int width, int height, int scanline) throws IOException {
    int[] bands = new int[channels];
    for (int b = 0; b < channels; b++) {
      bands[b] = offset + b;
    }
    WritableRaster raster = Raster.createInterleavedRaster(
        new DataBufferByte(data, data.length), width, height, scanline, channels, bands, null);
    out.clear();
    writer.setOutput(out);
    writer.write(null, new IIOImage(new BufferedImage(colorModel, raster, false, null), null,
        null), param);
  }

  byte[] bytes() {
    return out.array();
  }

  int length() {
    return out.size();
  }

  @Override
  public void close() {
    writer.dispose();
  }
}

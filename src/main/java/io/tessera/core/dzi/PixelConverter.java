package io.tessera.core.dzi;

import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;

/**
 * Turns a decoder's samples into the tiler's pixels: interleaved 8-bit gray (1 byte), RGB (3) or
 * RGBA (4, straight alpha). Palettes are looked up, other bit depths scaled to 8 bits, and alpha
 * either kept (PNG tiles) or flattened onto black (JPEG tiles), as vips does.
 *
 * <p>8-bit interleaved rasters in the tiler's own band order (what the JPEG reader and most TIFFs
 * give) are copied row by row; everything else goes pixel by pixel.
 */
final class PixelConverter {
  /** What a source's pixels hold, whatever their encoding. */
  enum Kind {
    GRAY(1),
    GRAY_ALPHA(2),
    RGB(3),
    RGBA(4);

    /** Samples per pixel, and whether the last is alpha. */
    final int bands;
    final boolean alpha;

    Kind(int bands) {
      this.bands = bands;
      this.alpha = bands == 2 || bands == 4;
    }

    /** Bytes per pixel in the tiler for tiles in {@code format}. */
    int channels(TileFormat format) {
      boolean keepAlpha = alpha && format == TileFormat.PNG;
      if (keepAlpha) {
        return 4;
      }
      return this == GRAY || this == GRAY_ALPHA ? 1 : 3;
    }
  }

  private final Kind kind;
  private final int channels;
  private final int sourceBands;
  private final int[] toByte;
  private final byte[][] palette;
  private final boolean premultiplied;
  private final boolean copyable;

  private PixelConverter(Kind kind, int channels, int sourceBands, int[] toByte,
      byte[][] palette, boolean premultiplied, boolean copyable) {
    this.kind = kind;
    this.channels = channels;
    this.sourceBands = sourceBands;
    this.toByte = toByte;
    this.palette = palette;
    this.premultiplied = premultiplied;
    this.copyable = copyable;
  }

  /**
   * What pixels of {@code cm} over {@code sm} hold, or null when the tiler cannot read them
   * (CMYK, float samples, more than 16 bits).
   */
  static Kind kindOf(ColorModel cm, SampleModel sm) {
    if (cm instanceof IndexColorModel icm) {
      return sm.getNumBands() == 1 ? (icm.hasAlpha() ? Kind.RGBA : Kind.RGB) : null;
    }
    int type = sm.getDataType();
    if (type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT) {
      return null;
    }
    for (int size : sm.getSampleSize()) {
      if (size < 1 || size > 16) {
        return null;
      }
    }
    int space = cm.getColorSpace().getType();
    int colours = cm.getNumColorComponents();
    if (space == ColorSpace.TYPE_GRAY && colours == 1) {
      return cm.hasAlpha() ? Kind.GRAY_ALPHA : Kind.GRAY;
    }
    if (space == ColorSpace.TYPE_RGB && colours == 3) {
      return cm.hasAlpha() ? Kind.RGBA : Kind.RGB;
    }
    return null;
  }

  /** A converter for pixels of {@code cm} over {@code sm} ({@link #kindOf} not null). */
  static PixelConverter of(ColorModel cm, SampleModel sm, TileFormat format) {
    Kind kind = kindOf(cm, sm);
    if (kind == null) {
      throw new IllegalArgumentException("unsupported pixel layout " + cm);
    }
    int channels = kind.channels(format);
    byte[][] palette = null;
    int[] toByte = null;
    if (cm instanceof IndexColorModel icm) {
      int n = icm.getMapSize();
      palette = new byte[4][n];
      icm.getReds(palette[0]);
      icm.getGreens(palette[1]);
      icm.getBlues(palette[2]);
      icm.getAlphas(palette[3]);
    } else {
      int bits = sm.getSampleSize(0);
      if (bits != 8) {
        int max = (1 << bits) - 1;
        toByte = new int[max + 1];
        for (int v = 0; v <= max; v++) {
          toByte[v] = (v * 255 + max / 2) / max;
        }
      }
    }
    boolean premultiplied = cm.isAlphaPremultiplied();
    return new PixelConverter(kind, channels, sm.getNumBands(), toByte, palette, premultiplied,
        palette == null && toByte == null && !premultiplied && sm.getNumBands() == kind.bands);
  }

  /** Bytes per pixel this converter writes. */
  int channels() {
    return channels;
  }

  /**
   * Writes row {@code y} of {@code src} ({@code width} pixels from its min x) at {@code
   * dst[offset]}.
   */
  void row(Raster src, int y, int width, byte[] dst, int offset) {
    if (copyable && consecutiveBytes(src.getSampleModel())) {
      ComponentSampleModel sm = (ComponentSampleModel) src.getSampleModel();
      DataBufferByte db = (DataBufferByte) src.getDataBuffer();
      int start = db.getOffset()
          + sm.getOffset(src.getMinX() - src.getSampleModelTranslateX(),
              y - src.getSampleModelTranslateY());
      copyRow(db.getData(), start, width, dst, offset);
      return;
    }
    int[] samples = new int[sourceBands * width];
    src.getPixels(src.getMinX(), y, width, 1, samples);
    int[] one = new int[sourceBands];
    for (int x = 0; x < width; x++) {
      System.arraycopy(samples, x * sourceBands, one, 0, sourceBands);
      pixel(one, dst, offset + x * channels);
    }
  }

  /** Writes one pixel given as the source's samples, band by band. */
  void pixel(int[] samples, byte[] dst, int offset) {
    int r;
    int g;
    int b;
    int a = 255;
    if (palette != null) {
      int i = samples[0];
      r = palette[0][i] & 0xff;
      g = palette[1][i] & 0xff;
      b = palette[2][i] & 0xff;
      a = palette[3][i] & 0xff;
    } else {
      int n = kind == Kind.GRAY || kind == Kind.GRAY_ALPHA ? 1 : 3;
      r = sample(samples[0]);
      g = n == 3 ? sample(samples[1]) : r;
      b = n == 3 ? sample(samples[2]) : r;
      if (kind.alpha) {
        a = sample(samples[n]);
      }
    }
    if (kind.alpha) {
      if (channels == 4) {
        if (premultiplied) {
          r = unpremultiply(r, a);
          g = unpremultiply(g, a);
          b = unpremultiply(b, a);
        }
      } else if (!premultiplied) {
        r = (r * a + 127) / 255;
        g = (g * a + 127) / 255;
        b = (b * a + 127) / 255;
      }
    }
    if (channels == 1) {
      dst[offset] = (byte) r;
      return;
    }
    dst[offset] = (byte) r;
    dst[offset + 1] = (byte) g;
    dst[offset + 2] = (byte) b;
    if (channels == 4) {
      dst[offset + 3] = (byte) a;
    }
  }

  private int sample(int v) {
    return toByte == null ? v : toByte[v];
  }

  private static int unpremultiply(int c, int a) {
    return a == 0 ? 0 : Math.min(255, (c * 255 + a / 2) / a);
  }

  /** An 8-bit row whose bands sit in order in each pixel, converted without a per-pixel call. */
  private void copyRow(byte[] src, int start, int width, byte[] dst, int offset) {
    if (sourceBands == channels) {
      System.arraycopy(src, start, dst, offset, width * channels);
    } else if (kind == Kind.RGBA) {
      for (int x = 0, s = start, d = offset; x < width; x++, s += 4, d += 3) {
        int a = src[s + 3] & 0xff;
        dst[d] = (byte) (((src[s] & 0xff) * a + 127) / 255);
        dst[d + 1] = (byte) (((src[s + 1] & 0xff) * a + 127) / 255);
        dst[d + 2] = (byte) (((src[s + 2] & 0xff) * a + 127) / 255);
      }
    } else if (channels == 1) {
      for (int x = 0, s = start, d = offset; x < width; x++, s += 2, d++) {
        dst[d] = (byte) (((src[s] & 0xff) * (src[s + 1] & 0xff) + 127) / 255);
      }
    } else {
      for (int x = 0, s = start, d = offset; x < width; x++, s += 2, d += 4) {
        dst[d] = src[s];
        dst[d + 1] = src[s];
        dst[d + 2] = src[s];
        dst[d + 3] = src[s + 1];
      }
    }
  }

  private static boolean consecutiveBytes(SampleModel sm) {
    if (!(sm instanceof ComponentSampleModel csm) || sm.getDataType() != DataBuffer.TYPE_BYTE
        || csm.getPixelStride() != sm.getNumBands()) {
      return false;
    }
    int[] offsets = csm.getBandOffsets();
    int[] banks = csm.getBankIndices();
    for (int b = 0; b < offsets.length; b++) {
      if (offsets[b] != b || banks[b] != 0) {
        return false;
      }
    }
    return true;
  }
}

package io.tessera.core.raster;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** TIFF block codecs: LZW and Deflate decoding, Deflate encoding, and the predictors 2 and 3. */
final class TiffCodecs {
  private TiffCodecs() {}

  /**
   * Inflates {@code src[0, len)} into {@code dst}, which it must fill exactly.
   *
   * @return null on success, else what went wrong
   */
  static String inflate(byte[] src, int len, byte[] dst, int dstLen) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(src, 0, len);
      int n = 0;
      while (n < dstLen) {
        int r = inf.inflate(dst, n, dstLen - n);
        if (r == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
          return "its Deflate data end after " + n + " of " + dstLen + " bytes";
        }
        n += r;
      }
      return null;
    } catch (DataFormatException e) {
      return "its Deflate data are corrupt (" + e.getMessage() + ")";
    } finally {
      inf.end();
    }
  }

  /**
   * Decodes TIFF LZW (MSB-first codes, early change) from {@code src[0, len)} into {@code dst}.
   *
   * @return null on success, else what went wrong
   */
  static String lzw(byte[] src, int len, byte[] dst, int dstLen) {
    if (len >= 2 && src[0] == 0 && (src[1] & 1) != 0) {
      return "it uses the old-style (pre-TIFF 6) LZW, which is not supported";
    }
    int[] prefix = new int[4096];
    byte[] suffix = new byte[4096];
    byte[] first = new byte[4096];
    int[] length = new int[4096];
    for (int i = 0; i < 256; i++) {
      prefix[i] = -1;
      suffix[i] = (byte) i;
      first[i] = (byte) i;
      length[i] = 1;
    }
    int next = 258;
    int width = 9;
    int old = -1;
    long bits = 0;
    int nbits = 0;
    int in = 0;
    int out = 0;
    while (out < dstLen) {
      while (nbits < width && in < len) {
        bits = bits << 8 | src[in++] & 0xff;
        nbits += 8;
      }
      if (nbits < width) {
        break;
      }
      int code = (int) (bits >>> (nbits - width)) & (1 << width) - 1;
      nbits -= width;
      if (code == 257) {
        break;
      }
      if (code == 256) {
        next = 258;
        width = 9;
        old = -1;
        continue;
      }
      if (old == -1) {
        if (code > 255) {
          return "its LZW data are corrupt (code " + code + " after a clear code)";
        }
        dst[out++] = (byte) code;
        old = code;
        continue;
      }
      if (code > next || next >= 4096) {
        return "its LZW data are corrupt (code " + code + " with " + next + " table entries)";
      }
      // Add old + first byte of code (or of old, for the code being defined right now).
      prefix[next] = old;
      first[next] = first[old];
      suffix[next] = code == next ? first[old] : first[code];
      length[next] = length[old] + 1;
      next++;
      if (next == (1 << width) - 1 && width < 12) {
        width++;
      }
      int n = length[code];
      int end = Math.min(out + n, dstLen);
      int p = out + n - 1;
      int c = code;
      while (c >= 0) {
        if (p < end) {
          dst[p] = suffix[c];
        }
        p--;
        c = prefix[c];
      }
      out = end;
      old = code;
    }
    return out < dstLen ? "its LZW data end after " + out + " of " + dstLen + " bytes" : null;
  }

  /**
   * Undoes horizontal differencing (predictor 2) in place: {@code rows} rows of {@code rowSamples}
   * samples of {@code bytes} bytes, {@code stride} samples per pixel.
   */
  static void undoHorizontal(byte[] b, int rows, int rowSamples, int stride, int bytes,
      ByteOrder order) {
    boolean le = order == ByteOrder.LITTLE_ENDIAN;
    for (int r = 0; r < rows; r++) {
      int base = r * rowSamples * bytes;
      for (int i = stride; i < rowSamples; i++) {
        int at = base + i * bytes;
        int prev = at - stride * bytes;
        switch (bytes) {
          case 1 -> b[at] += b[prev];
          case 2 -> put16(b, at, get16(b, at, le) + get16(b, prev, le), le);
          case 4 -> put32(b, at, get32(b, at, le) + get32(b, prev, le), le);
          default -> put64(b, at, get64(b, at, le) + get64(b, prev, le), le);
        }
      }
    }
  }

  /** Applies horizontal differencing (predictor 2) in place: the inverse of undoHorizontal. */
  static void applyHorizontal(byte[] b, int rows, int rowSamples, int stride, int bytes,
      ByteOrder order) {
    boolean le = order == ByteOrder.LITTLE_ENDIAN;
    for (int r = 0; r < rows; r++) {
      int base = r * rowSamples * bytes;
      for (int i = rowSamples - 1; i >= stride; i--) {
        int at = base + i * bytes;
        int prev = at - stride * bytes;
        switch (bytes) {
          case 1 -> b[at] -= b[prev];
          case 2 -> put16(b, at, get16(b, at, le) - get16(b, prev, le), le);
          case 4 -> put32(b, at, get32(b, at, le) - get32(b, prev, le), le);
          default -> put64(b, at, get64(b, at, le) - get64(b, prev, le), le);
        }
      }
    }
  }

  /**
   * Undoes the floating-point predictor (3) in place: each row's bytes were split into planes
   * (most significant first) and differenced with a stride of one pixel. The result is in
   * {@code order}.
   */
  static void undoFloat(byte[] b, int rows, int rowSamples, int stride, int bytes,
      ByteOrder order, byte[] tmp) {
    int rowBytes = rowSamples * bytes;
    boolean le = order == ByteOrder.LITTLE_ENDIAN;
    for (int r = 0; r < rows; r++) {
      int base = r * rowBytes;
      for (int i = base + stride; i < base + rowBytes; i++) {
        b[i] += b[i - stride];
      }
      System.arraycopy(b, base, tmp, 0, rowBytes);
      for (int k = 0; k < bytes; k++) {
        int plane = k * rowSamples;
        int pos = le ? bytes - 1 - k : k;
        for (int i = 0; i < rowSamples; i++) {
          b[base + i * bytes + pos] = tmp[plane + i];
        }
      }
    }
  }

  /** Applies the floating-point predictor (3) in place: the inverse of undoFloat. */
  static void applyFloat(byte[] b, int rows, int rowSamples, int stride, int bytes,
      ByteOrder order, byte[] tmp) {
    int rowBytes = rowSamples * bytes;
    boolean le = order == ByteOrder.LITTLE_ENDIAN;
    for (int r = 0; r < rows; r++) {
      int base = r * rowBytes;
      for (int k = 0; k < bytes; k++) {
        int plane = k * rowSamples;
        int pos = le ? bytes - 1 - k : k;
        for (int i = 0; i < rowSamples; i++) {
          tmp[plane + i] = b[base + i * bytes + pos];
        }
      }
      for (int i = rowBytes - 1; i >= stride; i--) {
        tmp[i] -= tmp[i - stride];
      }
      System.arraycopy(tmp, 0, b, base, rowBytes);
    }
  }

  /** Deflates {@code src[0, len)} (zlib format, as TIFF compression 8 wants). */
  static byte[] deflate(byte[] src, int len, Deflater def, byte[] scratch) {
    def.reset();
    def.setInput(src, 0, len);
    def.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(len / 4 + 64);
    while (!def.finished()) {
      int n = def.deflate(scratch);
      out.write(scratch, 0, n);
    }
    return out.toByteArray();
  }

  private static int get16(byte[] b, int at, boolean le) {
    return le ? (b[at] & 0xff | (b[at + 1] & 0xff) << 8) : ((b[at] & 0xff) << 8 | b[at + 1] & 0xff);
  }

  private static void put16(byte[] b, int at, int v, boolean le) {
    b[at + (le ? 0 : 1)] = (byte) v;
    b[at + (le ? 1 : 0)] = (byte) (v >>> 8);
  }

  private static int get32(byte[] b, int at, boolean le) {
    int v = 0;
    for (int k = 0; k < 4; k++) {
      v |= (b[at + (le ? k : 3 - k)] & 0xff) << (8 * k);
    }
    return v;
  }

  private static void put32(byte[] b, int at, int v, boolean le) {
    for (int k = 0; k < 4; k++) {
      b[at + (le ? k : 3 - k)] = (byte) (v >>> (8 * k));
    }
  }

  private static long get64(byte[] b, int at, boolean le) {
    long v = 0;
    for (int k = 0; k < 8; k++) {
      v |= (b[at + (le ? k : 7 - k)] & 0xffL) << (8 * k);
    }
    return v;
  }

  private static void put64(byte[] b, int at, long v, boolean le) {
    for (int k = 0; k < 8; k++) {
      b[at + (le ? k : 7 - k)] = (byte) (v >>> (8 * k));
    }
  }

  /** A name for a TIFF compression code, for messages. */
  static String compressionName(int code) {
    return switch (code) {
      case 1 -> "none";
      case 2 -> "CCITT RLE";
      case 3 -> "CCITT Group 3";
      case 4 -> "CCITT Group 4";
      case 5 -> "LZW";
      case 6 -> "old-style JPEG";
      case 7 -> "JPEG";
      case 8, 32946 -> "Deflate";
      case 32773 -> "PackBits";
      case 34712 -> "JPEG 2000";
      case 34887 -> "LERC";
      case 34925 -> "LZMA";
      case 50000 -> "ZSTD";
      case 50001 -> "WebP";
      default -> "unknown";
    };
  }
}

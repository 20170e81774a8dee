package io.tessera.core.dzi;

import io.tessera.core.dzi.BadImageException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Opens an image by what its first bytes say, not by its name, and refuses what cannot be tiled
 * with a {@link BadImageException} that says why.
 */
final class ImageSources {
  private ImageSources() {}

  /** Opens {@code file} and checks its size against {@code maxPixels}. */
  static ImageSource open(Path file, long maxPixels) throws IOException {
    byte[] head = new byte[16];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n == 0) {
      throw new BadImageException(Reason.EMPTY, "the file is empty");
    }
    head = Arrays.copyOf(head, n);
    ImageSource source;
    if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
      source = JpegSource.open(file);
    } else if (startsWith(head, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n')) {
      source = PngSource.open(file);
    } else if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) {
      source = TiffSource.open(file);
    } else {
      throw notTileable(head);
    }
    long pixels = (long) source.width() * source.height();
    if (pixels > maxPixels) {
      source.close();
      throw new BadImageException(Reason.TOO_LARGE, String.format(Locale.ROOT,
          "the image is %d × %d = %,d pixels, more than the limit of %,d", source.width(),
          source.height(), pixels, maxPixels));
    }
    return source;
  }

  /**
   * What a decoder's failure means: truncated when the source's own structural check says the
   * file was cut off ({@code truncated}), else corrupt, with the decoder's words.
   */
  static BadImageException decodingFailed(String format, Throwable e, boolean truncated) {
    if (truncated) {
      return new BadImageException(Reason.TRUNCATED,
          "the " + format + " file is truncated: its data ends early", e);
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return new BadImageException(Reason.CORRUPT,
        "the " + format + " file is corrupt: " + detail, e);
  }

  /**
   * Whether a decoder failed for want of bytes: an {@link EOFException} among the causes, or the
   * TIFF reader's words for a field or strip beyond the end of the stream.
   */
  static boolean ranOutOfBytes(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof EOFException || m.contains("out of stream") || m.contains("end of file")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code marker} occurs in the last 4 KiB of {@code file}: the end marker of a whole
   * JPEG or PNG, allowing for the padding some writers add after it.
   */
  static boolean tailContains(Path file, byte[] marker) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      int n = (int) Math.min(size, 4096);
      ByteBuffer tail = ByteBuffer.allocate(n);
      ch.position(size - n);
      while (tail.hasRemaining() && ch.read(tail) >= 0) {
        // read the tail whole
      }
      byte[] b = tail.array();
      for (int i = tail.position() - marker.length; i >= 0; i--) {
        if (Arrays.equals(b, i, i + marker.length, marker, 0, marker.length)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The JDK's own reader for {@code format}: the one whose behaviour the tiler relies on. */
  /** Reads what a source needs from a reader that is set on its file. */
  interface Opener<T> {
    T open(ImageInputStream in, ImageReader reader) throws IOException;
  }

  /** Turns a reader's failure into a refusal that says what is wrong with the file. */
  interface Failure {
    BadImageException of(Throwable e) throws IOException;
  }

  /**
   * Opens {@code file} with the JDK's reader for {@code format} and hands it to {@code opener};
   * if that fails, the reader and stream are closed and the failure explained by {@code failure}
   * (a {@link BadImageException} the opener throws passes unchanged).
   */
  static <T> T open(Path file, String format, boolean seekForwardOnly, boolean ignoreMetadata,
      Failure failure, Opener<T> opener) throws IOException {
    ImageInputStream in = new FileImageInputStream(file.toFile());
    ImageReader reader = null;
    try {
      reader = jdkReader(format);
      reader.setInput(in, seekForwardOnly, ignoreMetadata);
      return opener.open(in, reader);
    } catch (BadImageException e) {
      close(reader, in);
      throw e;
    } catch (IOException | RuntimeException e) {
      close(reader, in);
      throw failure.of(e);
    }
  }

  /** Disposes of a reader (when one was made) and closes its stream. */
  static void close(ImageReader reader, ImageInputStream in)
      throws IOException {
    if (reader != null) {
      reader.dispose();
    }
    in.close();
  }

  static ImageReader jdkReader(String format) throws IIOException {
    var readers = ImageIO.getImageReadersByFormatName(format);
    ImageReader first = null;
    while (readers.hasNext()) {
      ImageReader r = readers.next();
      if (r.getClass().getName().startsWith("com.sun.imageio.")) {
        return r;
      }
      first = first == null ? r : first;
    }
    if (first == null) {
      throw new IIOException("no " + format + " reader");
    }
    return first;
  }

  private static BadImageException notTileable(byte[] head) {
    String known = null;
    if (startsWith(head, 'I', 'I', 43, 0) || startsWith(head, 'M', 'M', 0, 43)) {
      known = "BigTIFF";
    } else if (startsWith(head, 'G', 'I', 'F', '8')) {
      known = "GIF";
    } else if (startsWith(head, 'B', 'M')) {
      known = "BMP";
    } else if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
        && new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP")) {
      known = "WebP";
    } else if (head.length >= 12
        && new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("ftyp")) {
      known = "HEIF/AVIF";
    }
    if (known != null) {
      return new BadImageException(Reason.UNSUPPORTED,
          known + " images are not supported: the tiler reads JPEG, PNG and TIFF");
    }
    return new BadImageException(Reason.NOT_AN_IMAGE, "not an image: the tiler reads JPEG, PNG"
        + " and TIFF, and the file is none of them");
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}

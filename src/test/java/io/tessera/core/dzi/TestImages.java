package io.tessera.core.dzi;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Small generated images in every input form the tiler reads, written with the JDK's writers. */
public final class TestImages {
  private TestImages() {}

  /**
   * A deterministic, photo-like image: gradients, soft waves, a faint check and a little grain,
   * so that halving and encoding have something to do but JPEG's losses stay those of a photo;
   * optionally with an alpha ramp that reaches 0.
   */
  public static BufferedImage textured(int width, int height, boolean alpha) {
    BufferedImage img = new BufferedImage(width, height,
        alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    long seed = 12345;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        int noise = (int) ((seed >>> 61) & 7);
        int r = clamp(x * 255 / Math.max(1, width - 1) / 2 + 60 + noise);
        int g = clamp((int) (128 + 90 * Math.sin(x / 17.0) * Math.cos(y / 23.0)) + noise);
        int b = clamp(y * 255 / Math.max(1, height - 1) / 2 + ((x / 16 + y / 16) % 2) * 24
            + noise);
        int a = alpha ? clamp((x + y) * 300 / Math.max(1, width + height - 2) - 20) : 255;
        img.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
      }
    }
    return img;
  }

  public static byte[] jpeg(BufferedImage img, float quality, boolean progressive) {
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam p = w.getDefaultWriteParam();
    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    p.setCompressionQuality(quality);
    if (progressive) {
      p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    return write(w, img, p);
  }

  public static byte[] png(BufferedImage img, boolean interlaced) {
    ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
    ImageWriteParam p = w.getDefaultWriteParam();
    p.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
    return write(w, img, p);
  }

  /**
   * A TIFF with {@code compression} ("LZW", "Deflate", or null for none), tiled in {@code tile}
   * pixels or striped when {@code tile} is 0.
   */
  static byte[] tiff(BufferedImage img, String compression, int tile) {
    ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
    ImageWriteParam p = w.getDefaultWriteParam();
    if (compression != null) {
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionType(compression);
    } else {
      p.setCompressionMode(ImageWriteParam.MODE_DISABLED);
    }
    if (tile > 0) {
      p.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
      p.setTiling(tile, tile, 0, 0);
    }
    return write(w, img, p);
  }

  public static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
      if (img == null) {
        throw new IllegalArgumentException("not an image");
      }
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code img} redrawn as {@code type} (e.g. gray, or RGB without alpha). */
  static BufferedImage as(BufferedImage img, int type) {
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), type);
    out.getGraphics().drawImage(img, 0, 0, null);
    return out;
  }

  private static byte[] write(ImageWriter w, BufferedImage img, ImageWriteParam p) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      w.setOutput(out);
      w.write(null, new IIOImage(img, null, null), p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      w.dispose();
    }
    return bytes.toByteArray();
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}

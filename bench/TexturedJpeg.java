import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.File;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;

/**
 * Writes a textured baseline JPEG of any size with a few MB of memory, for bench/dzi:
 * {@code java bench/TexturedJpeg.java WIDTH HEIGHT OUT.jpg [QUALITY]}.
 *
 * <p>The picture is two tileable 1024² textures of band-limited noise (octaves of smooth random
 * grids, 256 px down to 2 px, plus grain), one sheared and one scaled so the sum does not repeat
 * visibly, over a slow colour gradient: detail at every scale, like an aerial photo, so that
 * decoding, halving and encoding do real work (a flat image would flatter every tiler).
 *
 * <p>The JDK's JPEG writer asks its source for one row at a time ({@code Raster.createChild} of
 * a single scanline); the image given to it is a raster with no storage that computes each row
 * when asked, so a 30000 × 20000 image is never in memory.
 */
public class TexturedJpeg {
  private static final int T = 1024;

  public static void main(String[] args) throws Exception {
    int w = Integer.parseInt(args[0]);
    int h = Integer.parseInt(args[1]);
    File out = new File(args[2]);
    float quality = args.length > 3 ? Integer.parseInt(args[3]) / 100f : 0.9f;
    byte[][] fine = new byte[3][];
    byte[][] coarse = new byte[3][];
    for (int c = 0; c < 3; c++) {
      fine[c] = texture(new Random(42 + c));
      coarse[c] = texture(new Random(7 + c));
    }
    byte[] row = new byte[w * 3];
    WritableRaster rowRaster = Raster.createInterleavedRaster(
        new DataBufferByte(row, row.length), w, 1, w * 3, 3, new int[] {0, 1, 2}, null);
    PixelInterleavedSampleModel model = new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, w,
        h, 3, 3 * w, new int[] {0, 1, 2});
    WritableRaster generated = new WritableRaster(model, new DataBufferByte(3), new Point()) {
      @Override
      public Raster createChild(int x, int y, int width, int height, int childX, int childY,
          int[] bands) {
        for (int i = 0, px = 0; px < w; px++) {
          int a = ((y & (T - 1)) << 10) | ((px + (y >> 10) * 397) & (T - 1));
          int b = (((y / 3 + px / 7) & (T - 1)) << 10) | ((px / 3 + 211) & (T - 1));
          int gradient = ((px >> 6) + (y >> 6)) & 63;
          for (int c = 0; c < 3; c++) {
            int v = (fine[c][a] & 0xff) * 5 / 8 + (coarse[c][b] & 0xff) * 3 / 8 + gradient - 32
                + c * 8;
            row[i++] = (byte) Math.max(0, Math.min(255, v));
          }
        }
        return rowRaster;
      }
    };
    ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
        false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    BufferedImage image = new BufferedImage(cm, generated, false, null);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    File partial = new File(out.getPath() + ".partial");
    partial.delete();
    try (FileImageOutputStream stream = new FileImageOutputStream(partial)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    }
    if (!partial.renameTo(out)) {
      throw new IllegalStateException("cannot rename " + partial + " to " + out);
    }
  }

  /** Tileable band-limited noise: octaves of bilinearly interpolated random grids, and grain. */
  private static byte[] texture(Random r) {
    float[] acc = new float[T * T];
    float amp = 70;
    for (int period = 256; period >= 2; period /= 4) {
      int n = T / period;
      float[] grid = new float[n * n];
      for (int i = 0; i < grid.length; i++) {
        grid[i] = r.nextFloat() * 2 - 1;
      }
      for (int y = 0; y < T; y++) {
        int gy = y / period;
        float fy = (y % period) / (float) period;
        for (int x = 0; x < T; x++) {
          int gx = x / period;
          float fx = (x % period) / (float) period;
          float a = grid[gy * n + gx];
          float b = grid[gy * n + (gx + 1) % n];
          float c = grid[((gy + 1) % n) * n + gx];
          float d = grid[((gy + 1) % n) * n + (gx + 1) % n];
          acc[y * T + x] += amp * ((a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy);
        }
      }
      amp *= 0.55f;
    }
    byte[] t = new byte[T * T];
    for (int i = 0; i < t.length; i++) {
      t[i] = (byte) Math.max(0, Math.min(255, Math.round(128 + acc[i] + r.nextGaussian() * 6)));
    }
    return t;
  }
}

package io.tessera.core.dzi;

import java.awt.image.BufferedImage;

/**
 * The pyramid computed the naive way, independently of the tiler: the whole image in memory as
 * doubles, each level the 2×2 mean of the one above (an odd last column or row averaged with
 * itself; with alpha, colours weighted by alpha), rounded only when a pixel is read.
 */
final class ReferencePyramid {
  private final double[][][] levels; // [level][channel][y * width + x]
  private final int[] widths;
  private final int[] heights;
  private final boolean alpha;

  /**
   * @param alpha keep alpha (PNG tiles); without it, pixels are flattened onto black (JPEG tiles)
   */
  ReferencePyramid(BufferedImage image, boolean alpha) {
    this.alpha = alpha;
    int n = DziPyramid.levelCount(image.getWidth(), image.getHeight());
    levels = new double[n][][];
    widths = new int[n];
    heights = new int[n];
    int w = image.getWidth();
    int h = image.getHeight();
    double[][] top = new double[4][w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = argb(image, x, y);
        double a = (argb >>> 24) / 255.0;
        double k = alpha ? 1 : a;
        top[0][y * w + x] = ((argb >> 16) & 0xff) * k;
        top[1][y * w + x] = ((argb >> 8) & 0xff) * k;
        top[2][y * w + x] = (argb & 0xff) * k;
        top[3][y * w + x] = alpha ? argb >>> 24 : 255;
      }
    }
    levels[n - 1] = top;
    widths[n - 1] = w;
    heights[n - 1] = h;
    for (int l = n - 2; l >= 0; l--) {
      int fw = widths[l + 1];
      int fh = heights[l + 1];
      int cw = (fw + 1) / 2;
      int ch = (fh + 1) / 2;
      double[][] fine = levels[l + 1];
      double[][] coarse = new double[4][cw * ch];
      for (int y = 0; y < ch; y++) {
        for (int x = 0; x < cw; x++) {
          int[] xs = {2 * x, Math.min(2 * x + 1, fw - 1)};
          int[] ys = {2 * y, Math.min(2 * y + 1, fh - 1)};
          double sa = 0;
          double[] sc = new double[3];
          for (int yy : ys) {
            for (int xx : xs) {
              double a = fine[3][yy * fw + xx];
              double weight = alpha ? a : 1;
              sa += a;
              for (int c = 0; c < 3; c++) {
                sc[c] += fine[c][yy * fw + xx] * weight;
              }
            }
          }
          double norm = alpha ? sa : 4;
          for (int c = 0; c < 3; c++) {
            coarse[c][y * cw + x] = norm == 0 ? 0 : sc[c] / norm;
          }
          coarse[3][y * cw + x] = sa / 4;
        }
      }
      levels[l] = coarse;
      widths[l] = cw;
      heights[l] = ch;
    }
  }

  /**
   * A pixel as ARGB; gray images by their sample, which {@code getRGB} would convert from linear
   * gray.
   */
  static int argb(BufferedImage img, int x, int y) {
    if (img.getRaster().getNumBands() == 1 && img.getColorModel().getNumColorComponents() == 1) {
      int v = img.getRaster().getSample(x, y, 0);
      return 0xff000000 | v << 16 | v << 8 | v;
    }
    return img.getRGB(x, y);
  }

  int maxLevel() {
    return levels.length - 1;
  }

  /** Channel {@code c} (0 red … 3 alpha) of pixel (x, y) of {@code level}, 0..255. */
  double sample(int level, int x, int y, int c) {
    return levels[level][c][y * widths[level] + x];
  }

  /**
   * The reference pixels of {@code level} from (x0, y0) on, rounded, as an image of {@code
   * type} ({@code TYPE_BYTE_GRAY} takes the red channel).
   */
  BufferedImage tile(int level, int x0, int y0, int width, int height, int type) {
    BufferedImage img = new BufferedImage(width, height, type);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int[] v = new int[4];
        for (int c = 0; c < 4; c++) {
          v[c] = (int) Math.round(sample(level, x0 + x, y0 + y, c));
        }
        if (type == BufferedImage.TYPE_BYTE_GRAY) {
          img.getRaster().setSample(x, y, 0, v[0]);
        } else {
          img.setRGB(x, y, v[3] << 24 | v[0] << 16 | v[1] << 8 | v[2]);
        }
      }
    }
    return img;
  }

  /** Mean absolute difference over the colour channels (and alpha) of two decoded images. */
  static double meanAbsoluteDifference(BufferedImage a, BufferedImage b, boolean alpha) {
    double sum = 0;
    long n = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = argb(a, x, y);
        int q = argb(b, x, y);
        for (int shift = alpha ? 24 : 16; shift >= 0; shift -= 8) {
          sum += Math.abs(((p >>> shift) & 0xff) - ((q >>> shift) & 0xff));
          n++;
        }
      }
    }
    return sum / n;
  }

  /**
   * Mean absolute difference, over all channels, between a decoded tile and the reference
   * pixels it should show from (x0, y0) on; gray tiles are compared with the reference's red.
   */
  double meanAbsoluteDifference(BufferedImage tile, int level, int x0, int y0) {
    double sum = 0;
    long n = 0;
    boolean gray = tile.getColorModel().getNumColorComponents() == 1;
    for (int y = 0; y < tile.getHeight(); y++) {
      for (int x = 0; x < tile.getWidth(); x++) {
        int argb = argb(tile, x, y);
        int[] got = {(argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, argb >>> 24};
        int channels = alpha ? 4 : gray ? 1 : 3;
        for (int c = 0; c < channels; c++) {
          sum += Math.abs(got[c] - sample(level, x0 + x, y0 + y, c));
          n++;
        }
      }
    }
    return sum / n;
  }
}

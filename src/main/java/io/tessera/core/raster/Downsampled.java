package io.tessera.core.raster;

import java.io.IOException;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A raster at half the resolution of another, each cell the mean of the (up to) 2×2 cells it
 * covers: the next level of an overview pyramid, read lazily window by window (materialise it with
 * the tiled writer to keep it). Missing samples are left out of the mean; a cell with none is
 * missing. ARGB pixels average their colour weighted by alpha.
 */
public final class Downsampled implements Raster {
  private final Raster source;
  private final int width;
  private final int height;
  private final GeoTransform transform;

  public Downsampled(Raster source) {
    this.source = source;
    this.width = (source.width() + 1) / 2;
    this.height = (source.height() + 1) / 2;
    GeoTransform t = source.transform();
    this.transform = new GeoTransform(t.originX(), t.pixelWidth() * 2, t.rowRotation() * 2,
        t.originY(), t.columnRotation() * 2, t.pixelHeight() * 2);
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
  public int bands() {
    return source.bands();
  }

  @Override
  public SampleType sampleType() {
    return source.sampleType();
  }

  @Override
  public GeoTransform transform() {
    return transform;
  }

  @Override
  public OptionalInt epsg() {
    return source.epsg();
  }

  @Override
  public OptionalDouble noData() {
    return source.noData();
  }

  @Override
  public int blockWidth() {
    return Math.max(1, source.blockWidth() / 2);
  }

  @Override
  public int blockHeight() {
    return Math.max(1, source.blockHeight() / 2);
  }

  @Override
  public void readFloats(int band, int x, int y, int w, int h, float[] dst) throws IOException {
    check(x, y, w, h);
    int sx = 2 * x;
    int sy = 2 * y;
    int sw = Math.min(2 * w, source.width() - sx);
    int sh = Math.min(2 * h, source.height() - sy);
    float[] src = new float[sw * sh];
    source.readFloats(band, sx, sy, sw, sh, src);
    float missing = (float) noData().orElse(Double.NaN);
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        double sum = 0;
        int n = 0;
        for (int dy = 0; dy < 2; dy++) {
          int r = 2 * row + dy;
          if (r >= sh) {
            continue;
          }
          for (int dx = 0; dx < 2; dx++) {
            int c = 2 * col + dx;
            if (c >= sw) {
              continue;
            }
            float v = src[r * sw + c];
            if (!source.isNoData(v)) {
              sum += v;
              n++;
            }
          }
        }
        dst[row * w + col] = n == 0 ? missing : (float) (sum / n);
      }
    }
  }

  @Override
  public void readArgb(int x, int y, int w, int h, int[] dst) throws IOException {
    check(x, y, w, h);
    int sx = 2 * x;
    int sy = 2 * y;
    int sw = Math.min(2 * w, source.width() - sx);
    int sh = Math.min(2 * h, source.height() - sy);
    int[] src = new int[sw * sh];
    source.readArgb(sx, sy, sw, sh, src);
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        long a = 0;
        long r = 0;
        long g = 0;
        long b = 0;
        int n = 0;
        for (int dy = 0; dy < 2; dy++) {
          int sr = 2 * row + dy;
          for (int dx = 0; dx < 2 && sr < sh; dx++) {
            int sc = 2 * col + dx;
            if (sc >= sw) {
              continue;
            }
            int p = src[sr * sw + sc];
            int pa = p >>> 24;
            a += pa;
            r += (long) ((p >> 16) & 0xff) * pa;
            g += (long) ((p >> 8) & 0xff) * pa;
            b += (long) (p & 0xff) * pa;
            n++;
          }
        }
        if (a == 0) {
          dst[row * w + col] = 0;
        } else {
          int ma = (int) Math.round((double) a / n);
          dst[row * w + col] = ma << 24 | (int) Math.round((double) r / a) << 16
              | (int) Math.round((double) g / a) << 8 | (int) Math.round((double) b / a);
        }
      }
    }
  }

  private void check(int x, int y, int w, int h) {
    if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
      throw new IndexOutOfBoundsException("window " + x + "," + y + " " + w + "×" + h
          + " outside a " + width + "×" + height + " raster");
    }
  }

  /** Closes nothing: the source belongs to the caller. */
  @Override
  public void close() {}
}

package io.tessera.core.raster;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A one-band Float32 raster held in memory: for computed surfaces and tests, not for whole DSMs
 * (a 10000² DSM is 400 MB).
 */
public final class ArrayRaster implements Raster {
  private final int width;
  private final int height;
  private final float[] samples;
  private final GeoTransform transform;
  private final OptionalInt epsg;
  private final OptionalDouble noData;

  /**
   * @param samples row-major, {@code width * height} values; kept, not copied
   */
  public ArrayRaster(int width, int height, float[] samples, GeoTransform transform,
      OptionalInt epsg, OptionalDouble noData) {
    if (width <= 0 || height <= 0 || samples.length != (long) width * height) {
      throw new IllegalArgumentException(
          "a " + width + "×" + height + " raster needs " + (long) width * height + " samples, not "
              + samples.length);
    }
    this.width = width;
    this.height = height;
    this.samples = samples;
    this.transform = Objects.requireNonNull(transform);
    this.epsg = Objects.requireNonNull(epsg);
    this.noData = Objects.requireNonNull(noData);
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
    return 1;
  }

  @Override
  public SampleType sampleType() {
    return SampleType.FLOAT32;
  }

  @Override
  public GeoTransform transform() {
    return transform;
  }

  @Override
  public OptionalInt epsg() {
    return epsg;
  }

  @Override
  public OptionalDouble noData() {
    return noData;
  }

  @Override
  public int blockWidth() {
    return width;
  }

  @Override
  public int blockHeight() {
    return 1;
  }

  @Override
  public void readFloats(int band, int x, int y, int w, int h, float[] dst) {
    check(band, x, y, w, h);
    for (int row = 0; row < h; row++) {
      System.arraycopy(samples, (y + row) * width + x, dst, row * w, w);
    }
  }

  @Override
  public void readArgb(int x, int y, int w, int h, int[] dst) {
    check(0, x, y, w, h);
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : samples) {
      if (!isNoData(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    float span = max > min ? max - min : 1;
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        float v = samples[(y + row) * width + x + col];
        if (isNoData(v)) {
          dst[row * w + col] = 0;
        } else {
          int g = Math.round((v - min) / span * 255);
          dst[row * w + col] = 0xff000000 | g << 16 | g << 8 | g;
        }
      }
    }
  }

  private void check(int band, int x, int y, int w, int h) {
    if (band != 0 || x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
      throw new IndexOutOfBoundsException("band " + band + " window " + x + "," + y + " " + w + "×"
          + h + " outside a " + width + "×" + height + " raster of one band");
    }
  }

  @Override
  public void close() {}
}

package io.tessera.core.raster;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.IntBinaryOperator;

/** A computed RGB "ortho" (colour per pixel from a function), for draping tests. */
public final class RgbRaster implements Raster {
  private final int width;
  private final int height;
  private final GeoTransform transform;
  private final IntBinaryOperator argbAt;
  private final OptionalInt epsg;

  public RgbRaster(int width, int height, GeoTransform transform, IntBinaryOperator argbAt) {
    this(width, height, transform, OptionalInt.empty(), argbAt);
  }

  /** An ortho whose pixel (x, y) is {@code argbAt(x, y)}, in the CRS {@code epsg}. */
  public RgbRaster(int width, int height, GeoTransform transform, OptionalInt epsg,
      IntBinaryOperator argbAt) {
    this.epsg = epsg;
    this.width = width;
    this.height = height;
    this.transform = transform;
    this.argbAt = argbAt;
  }

  /** Fields of four colours in a checkerboard of {@code field} pixels, with white roads between. */
  public static RgbRaster fields(int width, int height, GeoTransform t, int field) {
    int[] palette = {0xff6f8f3a, 0xffb8a060, 0xff4a6b2c, 0xff8c7a52};
    return new RgbRaster(width, height, t, (x, y) -> {
      if (x % field < field / 20 || y % field < field / 20) {
        return 0xffe8e4dc;
      }
      int k = (x / field * 7 + y / field * 3) % palette.length;
      return palette[k];
    });
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
    return 3;
  }

  @Override
  public SampleType sampleType() {
    return SampleType.UINT8;
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
    return OptionalDouble.empty();
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
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        dst[r * w + c] = argbAt.applyAsInt(x + c, y + r) >> (16 - 8 * band) & 0xff;
      }
    }
  }

  @Override
  public void readArgb(int x, int y, int w, int h, int[] dst) {
    if (x < 0 || y < 0 || x + w > width || y + h > height) {
      throw new IndexOutOfBoundsException(x + "," + y + " " + w + "×" + h);
    }
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        dst[r * w + c] = argbAt.applyAsInt(x + c, y + r);
      }
    }
  }

  @Override
  public void close() {}
}

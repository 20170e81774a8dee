package io.tessera.core.dzi;

import java.awt.Point;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;

/**
 * A destination raster without storage: whatever a decoder writes into it is converted at once
 * and handed to a {@link RowSink}, a row at a time. Given to {@code
 * ImageReadParam.setDestination}, it turns one ordinary {@code read} into a single sequential
 * pass with memory bounded by one row (ARCHITECTURE §10): region reads would make the JPEG reader
 * decode from the start of the file for every band.
 *
 * <p>The JPEG reader delivers each decoded row through {@link #setRect(int, int, Raster)}; the PNG
 * reader, which copies spans only into the JDK's own raster class, sets pixels one by one through
 * {@link #setPixel(int, int, int[])} in row order. Anything else a decoder might call fails
 * loudly instead of losing pixels.
 */
final class StreamingRaster extends WritableRaster {
  private final PixelConverter converter;
  private final RowSink rows;
  private final int channels;
  private final int lastColumn;
  private int nextRow;
  private int passesToSkip;

  private StreamingRaster(SampleModel model, DataBuffer oneRow, PixelConverter converter,
      RowSink rows) {
    super(model, oneRow, new Point(0, 0));
    this.converter = converter;
    this.rows = rows;
    this.channels = converter.channels();
    this.lastColumn = model.getWidth() - 1;
  }

  /**
   * A raster of {@code width × height} laid out as {@code model} describes (its band count, data
   * type and sample sizes are what decoders check), or, for interleaved models, with a scanline
   * stride of 0 so that no size overflows whatever the height.
   */
  static StreamingRaster of(SampleModel model, int width, int height, PixelConverter converter,
      RowSink rows) {
    SampleModel sized;
    if (model instanceof ComponentSampleModel) {
      int bands = model.getNumBands();
      int[] offsets = new int[bands];
      for (int b = 0; b < bands; b++) {
        offsets[b] = b;
      }
      sized = new ComponentSampleModel(model.getDataType(), width, height, bands, 0, offsets);
    } else {
      sized = model.createCompatibleSampleModel(width, height);
    }
    return new StreamingRaster(sized, sized.createCompatibleSampleModel(width, 1).createDataBuffer(),
        converter, rows);
  }

  /**
   * Ignores the first {@code passes} complete passes over the image: a progressive JPEG's coarse
   * renderings before its final one.
   */
  void skipPasses(int passes) {
    this.passesToSkip = passes;
  }

  @Override
  public void setRect(int dx, int dy, Raster src) {
    if (dx != 0 || src.getWidth() != getWidth()) {
      throw new IllegalStateException("a decoder wrote a partial row");
    }
    for (int y = 0; y < src.getHeight(); y++) {
      if (passesToSkip > 0) {
        if (dy + y == getHeight() - 1) {
          passesToSkip--;
        }
        continue;
      }
      expectRow(dy + y);
      converter.row(src, src.getMinY() + y, src.getWidth(), rows.rowArray(), rows.rowOffset());
      nextRow++;
      rows.rowDone();
    }
  }

  @Override
  public void setPixel(int x, int y, int[] samples) {
    expectRow(y);
    converter.pixel(samples, rows.rowArray(), rows.rowOffset() + x * channels);
    if (x == lastColumn) {
      nextRow++;
      rows.rowDone();
    }
  }

  @Override
  public void setRect(Raster src) {
    setRect(0, 0, src);
  }

  @Override
  public void setPixel(int x, int y, float[] samples) {
    throw unsupported();
  }

  @Override
  public void setPixel(int x, int y, double[] samples) {
    throw unsupported();
  }

  @Override
  public void setPixels(int x, int y, int w, int h, int[] samples) {
    throw unsupported();
  }

  @Override
  public void setDataElements(int x, int y, Object data) {
    throw unsupported();
  }

  @Override
  public void setDataElements(int x, int y, int w, int h, Object data) {
    throw unsupported();
  }

  @Override
  public void setSample(int x, int y, int b, int s) {
    throw unsupported();
  }

  /** Rows handed on so far. */
  int rowsWritten() {
    return nextRow;
  }

  private void expectRow(int y) {
    if (y != nextRow) {
      throw new IllegalStateException("a decoder wrote row " + y + " where row " + nextRow
          + " was due");
    }
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("a decoder wrote pixels in an unexpected way");
  }
}

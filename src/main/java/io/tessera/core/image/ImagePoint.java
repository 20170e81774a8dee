package io.tessera.core.image;

/**
 * A position on an image in Tessera's one pixel convention: the origin is the top-left corner of
 * the top-left pixel, x grows right and y grows down, in pixels; the centre of the first pixel is
 * (0.5, 0.5) and an image W×H pixels spans [0, W] × [0, H].
 *
 * <p>Formats that count differently are converted where they enter or leave, with the reader or
 * writer naming its convention: one whose first pixel centre is (0, 0) goes through
 * {@link #fromCentreOrigin} and {@link #toCentreOrigin}.
 *
 * @param x pixels from the left edge
 * @param y pixels from the top edge
 */
public record ImagePoint(double x, double y) {
  public ImagePoint {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("pixel coordinates must be finite: " + x + ", " + y);
    }
  }

  /** The centre of the pixel in column {@code col}, row {@code row} (both from 0). */
  public static ImagePoint centreOf(int col, int row) {
    return new ImagePoint(col + 0.5, row + 0.5);
  }

  /** From a convention whose first pixel centre is (0, 0), e.g. integer pixel indices. */
  public static ImagePoint fromCentreOrigin(double x, double y) {
    return new ImagePoint(x + 0.5, y + 0.5);
  }

  /** {@code [x, y]} in a convention whose first pixel centre is (0, 0). */
  public double[] toCentreOrigin() {
    return new double[] {x - 0.5, y - 0.5};
  }

  /** The column of the pixel that contains this point (a point on a left edge belongs right). */
  public int column() {
    return (int) Math.floor(x);
  }

  /** The row of the pixel that contains this point (a point on a top edge belongs below). */
  public int row() {
    return (int) Math.floor(y);
  }

  /** True when the point lies on an image of {@code width} × {@code height} pixels. */
  public boolean within(int width, int height) {
    return x >= 0 && y >= 0 && x <= width && y <= height;
  }
}

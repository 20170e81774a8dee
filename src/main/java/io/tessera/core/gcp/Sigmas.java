package io.tessera.core.gcp;

/**
 * The standard deviations of a surveyed position, in Tessera's axis order (x on the east–west
 * axis) and in the CRS's linear unit — metres for a geographic CRS, as OPF has it.
 *
 * @param x along the east–west axis
 * @param y along the north–south axis
 * @param z of the height
 */
public record Sigmas(double x, double y, double z) {
  public Sigmas {
    if (!(x >= 0) || !(y >= 0) || !(z >= 0) || Double.isInfinite(x + y + z)) {
      throw new IllegalArgumentException("sigmas must be finite and ≥ 0: " + x + ", " + y + ", " + z);
    }
  }

  /** One horizontal accuracy for both axes and a vertical one (PIX4D's accH, accV). */
  public static Sigmas of(double horizontal, double vertical) {
    return new Sigmas(horizontal, horizontal, vertical);
  }

  /**
   * The one horizontal accuracy formats such as PIX4D's CSV and the photogrammetry API carry: x
   * when x and y agree, else their quadratic mean √((x² + y²) / 2).
   */
  public double horizontal() {
    return x == y ? x : Math.sqrt((x * x + y * y) / 2);
  }

  /** The accuracy of the height. */
  public double vertical() {
    return z;
  }
}

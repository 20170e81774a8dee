package io.tessera.core.geo;

import java.util.Locale;

/** Round lengths for a map scale bar: 1, 2 or 5 times a power of ten, in metres. */
public final class ScaleLengths {
  private ScaleLengths() {}

  /**
   * The largest round length (1, 2 or 5 × 10^n metres) not longer than {@code maxMeters}.
   *
   * @param maxMeters longest length that fits, metres; must be positive and finite
   */
  public static double niceLengthMeters(double maxMeters) {
    if (!(maxMeters > 0) || Double.isInfinite(maxMeters)) {
      throw new IllegalArgumentException("length must be positive and finite: " + maxMeters);
    }
    double power = Math.pow(10, Math.floor(Math.log10(maxMeters)));
    // log10 rounding can put maxMeters a hair below the power it names.
    if (power > maxMeters) {
      power /= 10;
    }
    for (int step : new int[] {5, 2, 1}) {
      if (step * power <= maxMeters * (1 + 1e-12)) {
        return step * power;
      }
    }
    return power;
  }

  /**
   * A length written for people, in the unit that keeps the number small: {@code "5 mm"}, {@code
   * "20 cm"}, {@code "500 m"}, {@code "2 km"}; whole numbers, {@link Locale#ROOT} digits.
   */
  public static String format(double meters) {
    if (meters >= 1000) {
      return String.format(Locale.ROOT, "%.0f km", meters / 1000);
    }
    if (meters >= 1) {
      return String.format(Locale.ROOT, "%.0f m", meters);
    }
    if (meters >= 0.01) {
      return String.format(Locale.ROOT, "%.0f cm", meters * 100);
    }
    return String.format(Locale.ROOT, "%.0f mm", meters * 1000);
  }
}

package io.tessera.ui.volume;

import java.util.Locale;

/**
 * How volume figures read on screen, in the user's locale (files use {@link Locale#ROOT}): fewer
 * decimals as figures grow, thousands grouped.
 */
public final class VolumeFormat {
  private VolumeFormat() {}

  private static Locale locale() {
    return Locale.getDefault(Locale.Category.FORMAT);
  }

  /** A number with decimals fitting its size: {@code 1.234}, {@code 12.35}, {@code 1,234.5}. */
  public static String number(double v) {
    return number(locale(), v);
  }

  static String number(Locale locale, double v) {
    if (!Double.isFinite(v)) {
      return "—";
    }
    double a = Math.abs(v);
    String pattern = a < 10 ? "%,.3f" : a < 1000 ? "%,.2f" : "%,.1f";
    return String.format(locale, pattern, v);
  }

  /** A figure with its unit and error: {@code 75.40 m³ ± 0.62}. */
  public static String withError(double v, double error, String unit) {
    return number(v) + " " + unit + (Double.isFinite(error) ? "  ± " + number(error) : "");
  }

  /** A figure with its unit: {@code 400.00 m²}. */
  public static String of(double v, String unit) {
    return number(v) + " " + unit;
  }
}

package io.tessera.core.gcp;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers in text formats, independent of the default locale: a '.' decimal separator, no
 * grouping, no hexadecimal or type suffixes (which {@link Double#parseDouble} would take).
 */
final class Numbers {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private Numbers() {}

  /** The number, or null when {@code text} is not a decimal number ({@code NaN} only if allowed). */
  static Double parse(String text, boolean nanAllowed) {
    String t = text.strip();
    if (nanAllowed && t.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    if (!DECIMAL.matcher(t).matches()) {
      return null;
    }
    double v = Double.parseDouble(t);
    return Double.isFinite(v) ? v : null;
  }

  /** What a decimal number looks like, for messages. */
  static String expected(boolean nanAllowed) {
    return "a number with '.' as decimal separator" + (nanAllowed ? " (or NaN)" : "");
  }

  /**
   * The shortest text that reads back as {@code v}, without exponent, and without ".0" for
   * integral values ({@code 3564}, {@code 235269.88}, {@code 0.000012}, {@code NaN}).
   */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (v == 0) {
      return "0";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}

package io.tessera.ui.mission;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How mission figures read on screen: in the user's locale (these are for display only; files and
 * the wire use {@link Locale#ROOT}).
 */
public final class MissionFormat {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

  private MissionFormat() {}

  private static Locale locale() {
    return Locale.getDefault(Locale.Category.FORMAT);
  }

  /**
   * An area in hectares, with square metres beside it below one hectare ({@code 0.42 ha (4,213
   * m²)}), and in square kilometres from 100 km² up ({@code 11,479,203 km²}), with fewer decimals
   * as it grows: a country-sized slip of the mouse should not read as a ten-digit hectare count.
   */
  public static String area(double squareMeters) {
    if (!Double.isFinite(squareMeters)) {
      return "—";
    }
    double ha = squareMeters / 10_000;
    if (ha >= 10_000) {
      double km2 = squareMeters / 1_000_000;
      return String.format(locale(), km2 >= 1000 ? "%,.0f km²" : "%,.1f km²", km2);
    }
    if (ha >= 100) {
      return String.format(locale(), "%,.1f ha", ha);
    }
    if (ha >= 1) {
      return String.format(locale(), "%,.2f ha", ha);
    }
    return String.format(locale(), "%.2f ha (%,.0f m²)", ha, squareMeters);
  }

  /** Approved of required images: {@code 12 / 50 approved}. */
  public static String progress(int approved, int required) {
    return String.format(locale(), "%,d / %,d approved", approved, required);
  }

  /** 0..1, for a progress bar. */
  public static double progressFraction(int approved, int required) {
    return required <= 0 ? 0 : Math.min(1, (double) approved / required);
  }

  /** A wire status (received, approved, rejected, active, completed) as a word with a capital. */
  public static String status(String status) {
    if (status == null || status.isEmpty()) {
      return "";
    }
    return status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1);
  }

  /** A wire time (ISO-8601 UTC) in the user's zone and style; empty for null, as-is if unparsable. */
  public static String dateTime(String isoInstant) {
    if (isoInstant == null) {
      return "";
    }
    try {
      return DATE_TIME.withLocale(locale()).format(Instant.parse(isoInstant).atZone(ZoneId.systemDefault()));
    } catch (DateTimeParseException e) {
      return isoInstant;
    }
  }
}

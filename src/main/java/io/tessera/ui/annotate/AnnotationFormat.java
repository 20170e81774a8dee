package io.tessera.ui.annotate;

import java.util.Locale;

/**
 * How annotation measures read on screen, in the user's locale (display only; files and the wire
 * use {@link Locale#ROOT}): lengths in metres, areas in square metres with hectares beside them
 * from one hectare up.
 */
public final class AnnotationFormat {
  private AnnotationFormat() {}

  private static Locale locale() {
    return Locale.getDefault(Locale.Category.FORMAT);
  }

  /**
   * {@code 12.34 m}, {@code 1,234.5 m}; from 100 km on in kilometres ({@code 1,232.42 km}), where
   * metres would only add digits; a dash when there is no length.
   */
  public static String length(double meters) {
    if (!Double.isFinite(meters)) {
      return "—";
    }
    if (meters >= 100_000) {
      return String.format(locale(), "%,.2f km", meters / 1000);
    }
    return String.format(locale(), meters < 1000 ? "%,.2f m" : "%,.1f m", meters);
  }

  /**
   * {@code 812.4 m²}, {@code 17,003.1 m² (1.70 ha)}; from 100 km² on in square kilometres
   * ({@code 92,878.62 km²}); a dash when there is no area.
   */
  public static String area(double squareMeters) {
    if (!Double.isFinite(squareMeters)) {
      return "—";
    }
    if (squareMeters >= 100_000_000) {
      return String.format(locale(), "%,.2f km²", squareMeters / 1_000_000);
    }
    String m2 = String.format(locale(), "%,.1f m²", squareMeters);
    return squareMeters < 10_000 ? m2
        : m2 + String.format(locale(), " (%,.2f ha)", squareMeters / 10_000);
  }
}

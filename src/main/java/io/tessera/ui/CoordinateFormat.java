package io.tessera.ui;

import io.tessera.core.geo.LonLat;
import java.util.Locale;

/**
 * How the status bar writes positions. Always {@link Locale#ROOT}: a decimal comma would make a
 * copied coordinate unparseable for most GIS tools.
 */
public final class CoordinateFormat {
  private CoordinateFormat() {}

  /**
   * Latitude first, as people read positions aloud, with hemisphere letters and five decimals
   * (about 1 m): {@code 52.37012° N, 4.89123° E}.
   */
  public static String latLon(LonLat p) {
    return String.format(
        Locale.ROOT,
        "%.5f° %s, %.5f° %s",
        Math.abs(p.latDeg()),
        p.latDeg() < 0 ? "S" : "N",
        Math.abs(p.lonDeg()),
        p.lonDeg() < 0 ? "W" : "E");
  }

  /**
   * Image pixel coordinates (origin at the top-left corner of the top-left pixel, so the first
   * pixel's centre is 0.5, 0.5) with two decimals, enough for sub-pixel marking.
   */
  public static String pixel(double x, double y) {
    return String.format(Locale.ROOT, "x %.2f, y %.2f px", x, y);
  }
}

package io.tessera.ui.volume;

import io.tessera.ui.volume.VolumeViewModel.Measurement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A measured volume as CSV (RFC 4180, {@link Locale#ROOT} numbers, CRLF lines): a header and one
 * row of figures, an empty line, then the polygon's corners in the project's coordinates.
 */
public final class VolumeCsv {
  /** The figures' columns, in order. */
  static final List<String> COLUMNS = List.of("project", "crs", "measured_at", "base_surface",
      "custom_elevation", "units", "cut", "cut_error", "fill", "fill_error", "net", "net_error",
      "area", "polygon_area", "nodata_area", "outside_area", "base_min", "base_max", "warning");

  private VolumeCsv() {}

  /** The CSV text of {@code m}, measured at {@code when}. */
  public static String of(Measurement m, Instant when) {
    VolumeFigures f = m.figures();
    List<String> row = new ArrayList<>();
    row.add(m.frame().projectName());
    row.add(m.frame().crsName());
    row.add(when.toString());
    row.add(f.baseSurface());
    row.add(m.customElevation() == null ? "" : num(m.customElevation()));
    row.add(f.units());
    for (double v : new double[] {f.cut(), f.cutError(), f.fill(), f.fillError(), f.net(),
        f.netError(), f.area(), f.polygonArea(), f.noDataArea(), f.outsideArea(), f.baseMin(),
        f.baseMax()}) {
      row.add(num(v));
    }
    row.add(f.warning() == null ? "" : f.warning());
    StringBuilder s = new StringBuilder();
    line(s, COLUMNS);
    line(s, row);
    s.append("\r\n");
    line(s, List.of("vertex", "x", "y"));
    int i = 1;
    for (double[] c : m.ring()) {
      line(s, List.of(Integer.toString(i++), num(c[0]), num(c[1])));
    }
    return s.toString();
  }

  private static String num(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    return s.equals("-0.0000") ? "0.0000" : s;
  }

  private static void line(StringBuilder s, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(quote(fields.get(i)));
    }
    s.append("\r\n");
  }

  /**
   * A temp name beside {@code file} for writing it whole before moving it into place; created
   * with the user's default permissions (unlike {@code Files.createTempFile}'s owner-only ones:
   * an exported file is for sharing).
   */
  static java.nio.file.Path tempBeside(java.nio.file.Path file) {
    java.nio.file.Path abs = file.toAbsolutePath();
    return abs.resolveSibling("." + abs.getFileName() + "." + System.nanoTime() + ".tmp");
  }

  /** A field, quoted when it holds a comma, a quote or a line break (quotes doubled). */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}

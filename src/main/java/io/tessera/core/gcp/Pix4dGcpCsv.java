package io.tessera.core.gcp;

import io.tessera.core.crs.Crs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PIX4D's GCP coordinates file: one point per line, {@code label,x,y,z} or {@code
 * label,x,y,z,accH,accV}, comma-separated, no CRS inside (PIX4D's import dialog asks for it, so
 * {@link #read} takes it).
 *
 * <p><b>Axis order.</b> The coordinates follow the order of the CRS definition's axes (PIX4Dmatic's
 * "Tie points import format": "the order of coordinates in the input file must match the order of
 * axes in the coordinate system definition"), while Tessera, like the photogrammetry API, keeps x on
 * the east–west axis and y on the north–south one. For a {@linkplain Crs#northingFirst()
 * northing-first} CRS — EPSG:4326 (latitude first), JGD2011 / Japan Plane Rectangular CS VI
 * (EPSG:6674, X northing then Y easting) — the two are swapped on the way in and out. Cape / Lo17
 * (EPSG:22277) lists Y (westing) before X (southing), so nothing is swapped and x is the westing, as
 * the photogrammetry API wants it.
 *
 * <p>Blank lines and lines starting with {@code #} are skipped, and so is a first line whose
 * coordinate columns are not numbers (a header such as {@code label,x,y,z}). A label may be quoted
 * ({@code "GCP 14"}, with {@code ""} for a quote), as PIX4D's own exports do. Accuracies are
 * horizontal (one value for x and y) and vertical, in the CRS's units. All points read are GCPs:
 * the format has no type, no marks and no MTPs ({@link ControlPointSet#withSurveyed} merges a read
 * list into a set that has them).
 */
public final class Pix4dGcpCsv {
  private static final String SOURCE = "GCP CSV";
  private static final String COLUMNS = "label,x,y,z or label,x,y,z,accH,accV";
  private static final String[] COLUMN_NAMES = {"label", "x", "y", "z", "accH", "accV"};

  private Pix4dGcpCsv() {}

  /**
   * Reads the points of a GCP CSV whose coordinates are in {@code crs}.
   *
   * @throws GcpFormatException naming each bad line: what was expected and what was found
   */
  public static List<ControlPoint> read(Reader in, Crs crs) throws IOException, GcpFormatException {
    Problems problems = new Problems(SOURCE);
    BufferedReader reader = new BufferedReader(in);
    List<ControlPoint> points = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    int lineNo = 0;
    boolean first = true;
    for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
      lineNo++;
      String line = (lineNo == 1 ? raw.replace("\uFEFF", "") : raw).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> f = fields(line);
      if (f == null) {
        problems.add(lineNo, "expected a closing quote after the label, found the end of the line");
        continue;
      }
      if (first && f.size() >= 4 && f.subList(1, 4).stream().allMatch(c -> Numbers.parse(c, false) == null)) {
        first = false;
        continue;
      }
      first = false;
      if (f.size() != 4 && f.size() != 6) {
        problems.add(lineNo, "expected " + COLUMNS + ", found " + f.size() + " column"
            + (f.size() == 1 ? "" : "s") + ": \"" + line + "\"");
        continue;
      }
      double[] v = new double[f.size() - 1];
      boolean ok = true;
      for (int i = 1; i < f.size(); i++) {
        Double d = Numbers.parse(f.get(i), false);
        if (d == null || i >= 4 && d < 0) {
          problems.add(lineNo, "column " + (i + 1) + " (" + COLUMN_NAMES[i] + "): expected "
              + (i >= 4 ? "an accuracy ≥ 0" : Numbers.expected(false)) + ", found \"" + f.get(i) + "\"");
          ok = false;
        } else {
          v[i - 1] = d;
        }
      }
      if (!ok) {
        continue;
      }
      double x = crs.northingFirst() ? v[1] : v[0];
      double y = crs.northingFirst() ? v[0] : v[1];
      if (crs.isGeographic() && (Math.abs(y) > 90 || Math.abs(x) > 180)) {
        problems.add(lineNo, "expected latitude within ±90° and longitude within ±180° ("
            + (crs.northingFirst() ? "latitude" : "longitude") + " first for this CRS), found "
            + f.get(1) + ", " + f.get(2));
        continue;
      }
      Optional<Sigmas> sigmas = v.length == 5 ? Optional.of(Sigmas.of(v[3], v[4])) : Optional.empty();
      try {
        ControlPoint p = new ControlPoint(f.get(0), PointType.GCP, x, y, v[2], sigmas);
        Integer earlier = lineOf.putIfAbsent(p.name(), lineNo);
        if (earlier != null) {
          problems.add(lineNo, "expected a new label, found " + p.name() + " again (first on line " + earlier + ")");
          continue;
        }
        points.add(p);
      } catch (IllegalArgumentException e) {
        problems.add(lineNo, e.getMessage());
      }
    }
    problems.throwIfAny();
    return points;
  }

  /**
   * Writes points whose coordinates are in {@code crs}, one line each ({@code \n} endings), with
   * accuracies when the point has them.
   *
   * @throws GcpFormatException for a point without height (NaN), which the format cannot hold
   */
  public static void write(List<ControlPoint> points, Crs crs, Writer out) throws IOException, GcpFormatException {
    Problems problems = new Problems(SOURCE);
    StringBuilder text = new StringBuilder();
    for (ControlPoint p : points) {
      if (Double.isNaN(p.z())) {
        problems.add(0, p.name() + " has no height, which a GCP CSV needs");
        continue;
      }
      text.append(label(p.name())).append(',')
          .append(Numbers.format(crs.northingFirst() ? p.y() : p.x())).append(',')
          .append(Numbers.format(crs.northingFirst() ? p.x() : p.y())).append(',')
          .append(Numbers.format(p.z()));
      p.sigmas().ifPresent(s -> text.append(',').append(Numbers.format(s.horizontal()))
          .append(',').append(Numbers.format(s.vertical())));
      text.append('\n');
    }
    problems.throwIfAny();
    out.write(text.toString());
  }

  private static String label(String name) {
    return name.contains(",") || name.contains("\"") || name.startsWith("#")
        ? "\"" + name.replace("\"", "\"\"") + "\""
        : name;
  }

  /** The line's comma-separated fields, stripped; null for an unterminated quote. */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (true) {
      StringBuilder field = new StringBuilder();
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            return null;
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < line.length() && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        while (i < line.length() && line.charAt(i) != ',') {
          field.append(line.charAt(i++));
        }
      } else {
        while (i < line.length() && line.charAt(i) != ',') {
          field.append(line.charAt(i++));
        }
      }
      out.add(field.toString().strip());
      if (i >= line.length()) {
        return out;
      }
      i++;
    }
  }
}

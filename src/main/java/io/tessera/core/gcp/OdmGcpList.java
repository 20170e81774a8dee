package io.tessera.core.gcp;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsDefinition;
import io.tessera.core.crs.CrsException;
import io.tessera.core.image.ImagePoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * OpenDroneMap's {@code gcp_list.txt}: the CRS on the first line, then one mark per line,
 * {@code geo_x geo_y geo_z im_x im_y image_name [gcp_name] [extras…]}, separated by tabs or spaces.
 *
 * <p>The rules follow OpenDroneMap's own reader ({@code opendm/gcp.py}, {@code
 * opendm/location.py}) and its documentation (docs.opendronemap.org, "Ground Control Points"):
 *
 * <ul>
 *   <li>CRS line: a PROJ string, {@code EPSG:nnnn}, or {@code WGS84 UTM <zone>N|S} (read as EPSG
 *       326zz / 327zz). Coordinates are east first ({@code geo_x} is the easting or longitude)
 *       whatever the CRS, as in Tessera.
 *   <li>Blank lines and lines starting with {@code #} are skipped; a UTF-8 byte-order mark is
 *       dropped.
 *   <li>The point's name is the rest of the line after the image name, words joined by one space
 *       (OpenDroneMap's GCP id). Lines without a name that share coordinates are one point, named
 *       {@code GCP-1}, {@code GCP-2}, … in order of appearance, as OpenDroneMap names them.
 *   <li>A name starting with {@code CHK-} marks a checkpoint (OpenDroneMap 3.x's {@code
 *       is_checkpoint}); the prefix is dropped on reading and added on writing.
 *   <li>{@code %20} in image names stands for a space ({@code fromFile}/{@code toFile}).
 *   <li>{@code geo_z} may be {@code NaN} (no elevation).
 *   <li><b>Pixels:</b> OpenDroneMap hands the marks to OpenSfM, which normalises them as {@code
 *       (im_x + 0.5 - width / 2) / max(width, height)} ({@code export_opensfm_json}, OpenSfM's
 *       {@code features.normalized_image_coordinates}): the centre of the top-left pixel is (0, 0),
 *       OpenSfM's documented "pixel coordinates". Tessera's is (0.5, 0.5), so 0.5 is added on
 *       reading and taken off on writing.
 * </ul>
 *
 * <p>The format has no accuracies, no MTPs and no vertical CRS: writing leaves out MTPs, points
 * without marks and the vertical part of an {@code EPSG:a+b} definition.
 */
public final class OdmGcpList {
  private static final String SOURCE = "gcp_list.txt";
  private static final String CHECKPOINT_PREFIX = "CHK-";
  private static final String COLUMNS = "geo_x geo_y geo_z im_x im_y image_name [gcp_name]";

  private OdmGcpList() {}

  /**
   * Reads a GCP list.
   *
   * @throws GcpFormatException naming each bad line: what was expected and what was found
   */
  public static ControlPointSet read(Reader in) throws IOException, GcpFormatException {
    Problems problems = new Problems(SOURCE);
    BufferedReader reader = new BufferedReader(in);
    CrsDefinition crs = null;
    Map<String, Point> points = new LinkedHashMap<>();
    Map<String, String> unnamedByCoordinates = new HashMap<>();
    Map<List<String>, Integer> markLines = new HashMap<>();
    List<Mark> marks = new ArrayList<>();
    int lineNo = 0;
    for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
      lineNo++;
      String line = (lineNo == 1 ? raw.replace("\uFEFF", "") : raw).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (crs == null) {
        crs = header(line, lineNo, problems);
        if (crs == null) {
          break;
        }
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length < 6) {
        problems.add(lineNo, "expected " + COLUMNS + ", found " + f.length + " field"
            + (f.length == 1 ? "" : "s") + ": \"" + line + "\"");
        continue;
      }
      double[] v = new double[5];
      boolean ok = true;
      for (int i = 0; i < 5; i++) {
        Double d = Numbers.parse(f[i], i == 2);
        if (d == null) {
          problems.add(lineNo, "column " + (i + 1) + " (" + COLUMNS.split(" ")[i] + "): expected "
              + Numbers.expected(i == 2) + ", found \"" + f[i] + "\"");
          ok = false;
        } else {
          v[i] = d;
        }
      }
      if (!ok) {
        continue;
      }
      String image = f[5].replace("%20", " ");
      String name = String.join(" ", List.of(f).subList(6, f.length));
      PointType type = PointType.GCP;
      if (name.toUpperCase(Locale.ROOT).startsWith(CHECKPOINT_PREFIX)) {
        type = PointType.CHECKPOINT;
        name = name.substring(CHECKPOINT_PREFIX.length()).strip();
        if (name.isEmpty()) {
          problems.add(lineNo, "expected a name after the checkpoint prefix CHK-, found none");
          continue;
        }
      }
      if (name.isEmpty()) {
        String key = Numbers.format(v[0]) + " " + Numbers.format(v[1]) + " " + Numbers.format(v[2]);
        String generated = unnamedByCoordinates.get(key);
        if (generated == null) {
          generated = freeGeneratedName(points, unnamedByCoordinates);
          unnamedByCoordinates.put(key, generated);
        }
        name = generated;
      }
      try {
        Names.check("point name", name);
      } catch (IllegalArgumentException e) {
        problems.add(lineNo, e.getMessage());
        continue;
      }
      Point known = points.get(name);
      if (known == null) {
        points.put(name, new Point(name, type, v[0], v[1], v[2], lineNo));
      } else if (known.type() != type) {
        problems.add(lineNo, name + " is a " + describe(type) + " here but a " + describe(known.type())
            + " on line " + known.line());
        continue;
      } else if (!known.sameCoordinates(v[0], v[1], v[2])) {
        problems.add(lineNo, "expected " + name + " at " + known.coordinates() + " as on line "
            + known.line() + ", found " + Numbers.format(v[0]) + " " + Numbers.format(v[1]) + " "
            + Numbers.format(v[2]));
        continue;
      }
      Integer earlier = markLines.putIfAbsent(List.of(name, image), lineNo);
      if (earlier != null) {
        problems.add(lineNo, name + " is marked on " + image + " again (first on line " + earlier
            + "): a point is marked once per image");
        continue;
      }
      try {
        marks.add(new Mark(name, image, ImagePoint.fromCentreOrigin(v[3], v[4])));
      } catch (IllegalArgumentException e) {
        problems.add(lineNo, e.getMessage());
      }
    }
    if (crs == null && problems.isEmpty()) {
      problems.add(0, "expected the CRS on the first line, found an empty file");
    }
    problems.throwIfAny();
    List<ControlPoint> gcps = points.values().stream()
        .map(p -> new ControlPoint(p.name(), p.type(), p.x(), p.y(), p.z()))
        .toList();
    return new ControlPointSet(new GcpCrs(crs), gcps, marks);
  }

  private static CrsDefinition header(String line, int lineNo, Problems problems) {
    try {
      CrsDefinition definition = CrsDefinition.parse(line);
      Crs.of(definition);
      return definition;
    } catch (CrsException e) {
      problems.add(lineNo, "expected the CRS (a PROJ string, EPSG:nnnn or WGS84 UTM <zone>N|S): "
          + e.getMessage());
      return null;
    }
  }

  /** OpenDroneMap's name for the next unnamed point, GCP-n, skipping names the file already uses. */
  private static String freeGeneratedName(Map<String, Point> points, Map<String, String> generated) {
    for (int n = generated.size() + 1; ; n++) {
      String name = "GCP-" + n;
      if (!points.containsKey(name) && !generated.containsValue(name)) {
        return name;
      }
    }
  }

  private static String describe(PointType type) {
    return type == PointType.CHECKPOINT ? "checkpoint (CHK-)" : "GCP";
  }

  /**
   * Writes the marks of the set's GCPs and checkpoints, one line each, tab-separated, in set
   * order, with the CRS line first ({@code EPSG:a} for an EPSG definition, the PROJ string as
   * given, or the EPSG code a WKT declares).
   *
   * @throws GcpFormatException when the CRS cannot be written (WKT without EPSG code, a local
   *     CRS) or a GCP's name starts with {@code CHK-}, which OpenDroneMap would take for a checkpoint
   */
  public static void write(ControlPointSet set, Writer out) throws IOException, GcpFormatException {
    Problems problems = new Problems(SOURCE);
    String header = set.crs().map(c -> headerOf(c.definition(), problems)).orElse(null);
    if (set.crs().isEmpty()) {
      problems.add(0, "the set has no CRS, which is the list's first line");
    }
    for (ControlPoint p : set.gcps()) {
      if (p.type() == PointType.GCP && p.name().toUpperCase(Locale.ROOT).startsWith(CHECKPOINT_PREFIX)) {
        problems.add(0, "GCP " + p.name() + " cannot be written: OpenDroneMap reads names starting with "
            + CHECKPOINT_PREFIX + " as checkpoints");
      }
    }
    problems.throwIfAny();
    StringBuilder text = new StringBuilder();
    text.append(header).append('\n');
    Map<String, ControlPoint> byName = new HashMap<>();
    set.gcps().forEach(p -> byName.put(p.name(), p));
    for (Mark m : set.marks()) {
      ControlPoint p = byName.get(m.point());
      if (p == null) {
        continue;
      }
      double[] px = m.position().toCentreOrigin();
      text.append(Numbers.format(p.x())).append('\t')
          .append(Numbers.format(p.y())).append('\t')
          .append(Numbers.format(p.z())).append('\t')
          .append(Numbers.format(px[0])).append('\t')
          .append(Numbers.format(px[1])).append('\t')
          .append(m.image().replace(" ", "%20")).append('\t')
          .append(p.isCheckpoint() ? CHECKPOINT_PREFIX + p.name() : p.name())
          .append('\n');
    }
    out.write(text.toString());
  }

  private static String headerOf(CrsDefinition definition, Problems problems) {
    if (definition instanceof CrsDefinition.Epsg epsg) {
      return "EPSG:" + epsg.horizontal();
    }
    if (definition instanceof CrsDefinition.Proj proj) {
      return proj.parameters();
    }
    try {
      OptionalInt code = Crs.of(definition).epsgCode();
      if (code.isPresent()) {
        return "EPSG:" + code.getAsInt();
      }
    } catch (CrsException e) {
      problems.add(0, "the CRS cannot be written: " + e.getMessage());
      return null;
    }
    problems.add(0, "OpenDroneMap takes a PROJ string or an EPSG code; this CRS is WKT without an EPSG code");
    return null;
  }

  private record Point(String name, PointType type, double x, double y, double z, int line) {
    boolean sameCoordinates(double ox, double oy, double oz) {
      return x == ox && y == oy && (z == oz || Double.isNaN(z) && Double.isNaN(oz));
    }

    String coordinates() {
      return Numbers.format(x) + " " + Numbers.format(y) + " " + Numbers.format(z);
    }
  }
}

package io.tessera.core.camera;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads camera-position files: one photo per line with its WGS 84 position and, optionally, its
 * attitude, under a header line that names the columns.
 *
 * <p>Accepted forms:
 * <pre>
 * image,lat,lon,alt                                   position only
 * image,lat,lon,alt,yaw,pitch,roll                    Pix4D yaw/pitch/roll: pitch 0 = nadir
 * image,lat,lon,alt,gimbal_yaw,gimbal_pitch,gimbal_roll   DJI gimbal angles: pitch −90 = nadir
 * image,lat,lon,alt,omega,phi,kappa                   omega/phi/kappa (see below)
 * </pre>
 * <ul>
 *   <li>The header is the first line that is not blank; a leading {@code #} on it is dropped (as
 *       PIX4D writes it). Column names are matched without regard to case, spaces, {@code _},
 *       {@code -} and units in brackets ({@code "Altitude (m)"}), in any order, and may be:
 *       image: {@code image, imagename, name, file, filename, photo, label}; latitude:
 *       {@code lat, latitude}; longitude: {@code lon, lng, long, longitude}; height:
 *       {@code alt, altitude, height, h, z, elevation}; angles as above; accuracies (metres,
 *       optional): {@code acc_h, accuracy_h, accuracy_horz, horizontal_accuracy, xy_accuracy} and
 *       {@code acc_v, accuracy_v, accuracy_vert, vertical_accuracy, z_accuracy}. Other columns are
 *       ignored.
 *   <li>The separator is the header's: a tab, else {@code ;}, else {@code ,}, else runs of
 *       spaces (then image names cannot hold spaces). Fields may be double-quoted.
 *   <li>Numbers use a decimal point ({@code Locale.ROOT}); angles are degrees; heights metres, in
 *       whatever reference the photos and GCPs share (see {@link LocalFrame}).
 *   <li>Lines that are blank or start with {@code #} after the header are skipped.
 *   <li>Angles are all three of one convention or none; a line with the angle columns empty has no
 *       attitude. Omega/phi/kappa are taken against the local East-North-Up axes at the photo; a
 *       file whose angles refer to a projected grid is off by the grid's meridian convergence
 *       there (see {@link AngleConvention#OMEGA_PHI_KAPPA}).
 * </ul>
 * Anything else is refused with a {@link FormatException} naming the line.
 */
public final class CameraPositionFile {
  private static final Pattern UNITS = Pattern.compile("[\\[(].*?[\\])]");
  private static final Pattern IGNORED = Pattern.compile("[\\s_\\-.]");

  private enum Col { IMAGE, LAT, LON, ALT, YAW, PITCH, ROLL, GIMBAL_YAW, GIMBAL_PITCH, GIMBAL_ROLL,
    OMEGA, PHI, KAPPA, ACC_H, ACC_V }

  private static final Map<String, Col> NAMES = new HashMap<>();

  static {
    names(Col.IMAGE, "image", "imagename", "name", "file", "filename", "photo", "label");
    names(Col.LAT, "lat", "latitude");
    names(Col.LON, "lon", "lng", "long", "longitude");
    names(Col.ALT, "alt", "altitude", "height", "h", "z", "elevation");
    names(Col.YAW, "yaw");
    names(Col.PITCH, "pitch");
    names(Col.ROLL, "roll");
    names(Col.GIMBAL_YAW, "gimbalyaw", "gimbalyawdegree");
    names(Col.GIMBAL_PITCH, "gimbalpitch", "gimbalpitchdegree");
    names(Col.GIMBAL_ROLL, "gimbalroll", "gimbalrolldegree");
    names(Col.OMEGA, "omega");
    names(Col.PHI, "phi");
    names(Col.KAPPA, "kappa");
    names(Col.ACC_H, "acch", "accuracyh", "accuracyhorz", "horizontalaccuracy", "xyaccuracy");
    names(Col.ACC_V, "accv", "accuracyv", "accuracyvert", "verticalaccuracy", "zaccuracy");
  }

  private static void names(Col c, String... names) {
    for (String n : names) {
      NAMES.put(n, c);
    }
  }

  private CameraPositionFile() {}

  /** The file does not follow the accepted forms; the message names the line. */
  public static final class FormatException extends Exception {
    private final int line;

    public FormatException(int line, String message) {
      super("line " + line + ": " + message);
      this.line = line;
    }

    /** The 1-based line number. */
    public int line() {
      return line;
    }
  }

  /** Parses {@code text}. */
  public static List<CameraPosition> parse(String text) throws FormatException {
    try {
      return parse(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  /** Parses the whole of {@code in} (not closed). */
  public static List<CameraPosition> parse(Reader in) throws IOException, FormatException {
    BufferedReader r = new BufferedReader(in);
    String line;
    int n = 0;
    String header = null;
    while ((line = r.readLine()) != null) {
      n++;
      if (n == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (!line.isBlank()) {
        header = line.strip();
        break;
      }
    }
    if (header == null) {
      throw new FormatException(Math.max(n, 1), "empty file: a header line is required");
    }
    if (header.startsWith("#")) {
      header = header.substring(1).strip();
    }
    Pattern sep = separator(header);
    String[] names = split(header, sep);
    Map<Col, Integer> cols = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      String key = IGNORED.matcher(UNITS.matcher(names[i].toLowerCase(Locale.ROOT)).replaceAll(""))
          .replaceAll("");
      Col c = NAMES.get(key);
      if (c != null && cols.putIfAbsent(c, i) != null) {
        throw new FormatException(n, "column " + c.name().toLowerCase(Locale.ROOT) + " appears twice");
      }
    }
    for (Col required : List.of(Col.IMAGE, Col.LAT, Col.LON, Col.ALT)) {
      if (!cols.containsKey(required)) {
        throw new FormatException(n, "the header needs image, lat, lon and alt columns; it has: " + header);
      }
    }
    Col[] angles = angleColumns(cols, n);
    AngleConvention convention = angles == null ? null
        : angles[0] == Col.YAW ? AngleConvention.YAW_PITCH_ROLL
        : angles[0] == Col.GIMBAL_YAW ? AngleConvention.DJI_GIMBAL
        : AngleConvention.OMEGA_PHI_KAPPA;

    List<CameraPosition> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while ((line = r.readLine()) != null) {
      n++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] f = split(t, sep);
      String image = field(f, cols.get(Col.IMAGE));
      if (image == null) {
        throw new FormatException(n, "no image name");
      }
      if (!seen.add(image)) {
        throw new FormatException(n, "image " + image + " appears twice");
      }
      double lat = number(f, cols.get(Col.LAT), "lat", n);
      double lon = number(f, cols.get(Col.LON), "lon", n);
      double alt = number(f, cols.get(Col.ALT), "alt", n);
      if (lat < -90 || lat > 90) {
        throw new FormatException(n, "latitude out of range [-90, 90]: " + lat);
      }
      if (lon < -180 || lon > 360) {
        throw new FormatException(n, "longitude out of range [-180, 360]: " + lon);
      }
      Rotation attitude = null;
      if (convention != null) {
        String a = field(f, cols.get(angles[0]));
        String b = field(f, cols.get(angles[1]));
        String c = field(f, cols.get(angles[2]));
        if (a != null || b != null || c != null) {
          attitude = convention.cameraToEnu(
              number(f, cols.get(angles[0]), name(angles[0]), n),
              number(f, cols.get(angles[1]), name(angles[1]), n),
              number(f, cols.get(angles[2]), name(angles[2]), n));
        }
      }
      Double accH = optionalNumber(f, cols.get(Col.ACC_H), "horizontal accuracy", n);
      Double accV = optionalNumber(f, cols.get(Col.ACC_V), "vertical accuracy", n);
      out.add(new CameraPosition(image,
          new GeoPose(new GeoPoint(lon > 180 ? lon - 360 : lon, lat, alt), attitude, accH, accV)));
    }
    return out;
  }

  private static Col[] angleColumns(Map<Col, Integer> cols, int line) throws FormatException {
    Col[][] sets = {
      {Col.YAW, Col.PITCH, Col.ROLL},
      {Col.GIMBAL_YAW, Col.GIMBAL_PITCH, Col.GIMBAL_ROLL},
      {Col.OMEGA, Col.PHI, Col.KAPPA}
    };
    Col[] found = null;
    for (Col[] set : sets) {
      int present = 0;
      for (Col c : set) {
        present += cols.containsKey(c) ? 1 : 0;
      }
      if (present == 0) {
        continue;
      }
      if (present < 3) {
        throw new FormatException(line, "angle columns come in threes: "
            + name(set[0]) + ", " + name(set[1]) + ", " + name(set[2]));
      }
      if (found != null) {
        throw new FormatException(line, "two sets of angle columns: " + name(found[0]) + "… and "
            + name(set[0]) + "…");
      }
      found = set;
    }
    return found;
  }

  private static Pattern separator(String header) {
    if (header.contains("\t")) {
      return Pattern.compile("\t");
    }
    if (header.contains(";")) {
      return Pattern.compile(";");
    }
    if (header.contains(",")) {
      return Pattern.compile(",");
    }
    return Pattern.compile("\\s+");
  }

  private static String[] split(String line, Pattern sep) {
    String[] f = sep.split(line, -1);
    for (int i = 0; i < f.length; i++) {
      String s = f[i].strip();
      if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
        s = s.substring(1, s.length() - 1).replace("\"\"", "\"").strip();
      }
      f[i] = s;
    }
    return f;
  }

  private static String field(String[] f, Integer i) {
    if (i == null || i >= f.length || f[i].isEmpty()) {
      return null;
    }
    return f[i];
  }

  private static double number(String[] f, Integer i, String what, int line) throws FormatException {
    Double v = optionalNumber(f, i, what, line);
    if (v == null) {
      throw new FormatException(line, "no " + what);
    }
    return v;
  }

  private static Double optionalNumber(String[] f, Integer i, String what, int line)
      throws FormatException {
    String s = field(f, i);
    if (s == null) {
      return null;
    }
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v) || !s.matches("[+-]?[0-9.eE+-]+")) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new FormatException(line, what + " is not a number: " + s);
    }
  }

  private static String name(Col c) {
    return c.name().toLowerCase(Locale.ROOT);
  }
}

package io.tessera.core.gcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsDefinition;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsKind;
import io.tessera.core.image.ImagePoint;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OPF input control points, {@code input_control_points.json} ({@code format:
 * application/opf-input-control-points+json}): GCPs with a CRS, coordinates and sigmas, MTPs, and
 * marks with {@code position_px} and {@code accuracy}. Written as version 0.2, the version the
 * photogrammetry API's zip bundles use, whose marks name the photo ({@code "photo":
 * "sample_image1.jpg"}); versions 0.x and 1.x are read, and a 1.x mark's {@code camera_id} becomes
 * the mark's image as a decimal number.
 *
 * <p>Conventions, from the OPF specification (github.com/Pix4D/opf-spec, "Control Points" and
 * "Auxiliary objects"):
 *
 * <ul>
 *   <li><b>Pixels:</b> "(0, 0) is located at the top left corner of the top left pixel and (width,
 *       height) at the bottom right corner of the bottom right pixel": Tessera's own convention,
 *       so {@code position_px} is taken as it is.
 *   <li><b>Axis order:</b> {@code coordinates} (and {@code sigmas}) use "the same axis convention
 *       as declared by the CRS, i.e., the X, Y axes are not always Easting-Northing": for a
 *       {@linkplain Crs#northingFirst() northing-first} CRS such as EPSG:4326 they are swapped on
 *       the way in and out.
 *   <li><b>CRS:</b> {@code EPSG:a}, {@code EPSG:a+b}, {@code EPSG:a+EPSG:b} or WKT, with an optional
 *       {@code geoid_height}. Tessera holds one CRS per set, so every GCP must have the same one
 *       (the bundle rule of the photogrammetry API). A PROJ string, which OPF does not allow, is
 *       written as its EPSG equivalent with the original kept in a {@code TESSERA_proj} extension
 *       of the CRS object; reading restores it when it still matches, so OpenDroneMap's CRS line
 *       survives a trip through OPF.
 *   <li>{@code sigmas} and mark {@code accuracy} are required by the format: a GCP without known
 *       accuracy is written with sigmas 0.02 (the API's example accuracy, in CRS units) and a mark
 *       without one with accuracy 1 px.
 * </ul>
 */
public final class OpfControlPoints {
  /** The format identifier. */
  public static final String FORMAT = "application/opf-input-control-points+json";

  private static final String SOURCE = "input_control_points.json";
  private static final String VERSION = "0.2";
  private static final Pattern VERSION_PATTERN = Pattern.compile("(\\d+)\\.(\\d+)(-[\\w.]+)?");
  private static final String PROJ_EXTENSION = "TESSERA_proj";
  private static final double DEFAULT_SIGMA = 0.02;
  private static final double DEFAULT_MARK_ACCURACY_PX = 1.0;
  // The caller owns the writer: Jackson must not close it.
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private OpfControlPoints() {}

  /**
   * Reads input control points.
   *
   * @throws GcpFormatException naming each problem with its line and JSON path, what was expected
   *     and what was found
   */
  public static ControlPointSet read(Reader in) throws IOException, GcpFormatException {
    return read(in, SOURCE);
  }

  static ControlPointSet read(Reader in, String source) throws IOException, GcpFormatException {
    Problems problems = new Problems(source);
    JsonDoc doc = JsonDoc.parse(in, problems, source);
    JsonNode root = doc.object(doc.root(), "");
    problems.throwIfAny();
    String format = doc.string(root.get("format"), "format");
    if (format != null && !format.equals(FORMAT)) {
      doc.problem("format", "expected \"" + FORMAT + "\", found \"" + format + "\"");
    }
    String version = doc.string(root.get("version"), "version");
    if (version != null) {
      var m = VERSION_PATTERN.matcher(version);
      if (!m.matches() || Integer.parseInt(m.group(1)) > 1) {
        doc.problem("version", "expected a version 0.x or 1.x (MAJOR.MINOR), found \"" + version + "\"");
      }
    }
    Reading r = new Reading(doc);
    JsonNode gcps = doc.array(root.get("gcps"), "gcps");
    JsonNode mtps = doc.array(root.get("mtps"), "mtps");
    if (gcps != null) {
      for (int i = 0; i < gcps.size(); i++) {
        r.gcp(gcps.get(i), "gcps[" + i + "]");
      }
    }
    if (mtps != null) {
      for (int i = 0; i < mtps.size(); i++) {
        r.mtp(mtps.get(i), "mtps[" + i + "]");
      }
    }
    problems.throwIfAny();
    return new ControlPointSet(Optional.ofNullable(r.crs), r.points, r.tiePoints, r.marks);
  }

  /** The state of one reading: the CRS found on the first GCP, names and marks so far. */
  private static final class Reading {
    final JsonDoc doc;
    final List<ControlPoint> points = new ArrayList<>();
    final List<Mtp> tiePoints = new ArrayList<>();
    final List<Mark> marks = new ArrayList<>();
    final Map<String, String> pathOfName = new HashMap<>();
    GcpCrs crs;
    String crsPath;
    Crs resolved;

    Reading(JsonDoc doc) {
      this.doc = doc;
    }

    void gcp(JsonNode node, String path) {
      if (doc.object(node, path) == null) {
        return;
      }
      String id = id(node, path);
      JsonNode geo = doc.object(node.get("geolocation"), path + ".geolocation");
      Boolean checkpoint = doc.bool(node.get("is_checkpoint"), path + ".is_checkpoint");
      List<Mark> own = marks(node, path, id);
      if (geo == null) {
        return;
      }
      GcpCrs gcpCrs = crs(geo.get("crs"), path + ".geolocation.crs");
      double[] c = doc.numbers(geo.get("coordinates"), path + ".geolocation.coordinates", 3, JsonDoc.Sign.ANY);
      double[] s = doc.numbers(geo.get("sigmas"), path + ".geolocation.sigmas", 3, JsonDoc.Sign.NOT_NEGATIVE);
      if (id == null || checkpoint == null || own == null || gcpCrs == null || c == null || s == null
          || resolved == null) {
        return;
      }
      boolean swap = resolved.northingFirst();
      try {
        points.add(new ControlPoint(id, checkpoint ? PointType.CHECKPOINT : PointType.GCP,
            swap ? c[1] : c[0], swap ? c[0] : c[1], c[2],
            Optional.of(new Sigmas(swap ? s[1] : s[0], swap ? s[0] : s[1], s[2]))));
        marks.addAll(own);
      } catch (IllegalArgumentException e) {
        doc.problem(path, e.getMessage());
      }
    }

    void mtp(JsonNode node, String path) {
      if (doc.object(node, path) == null) {
        return;
      }
      String id = id(node, path);
      Boolean checkpoint = doc.bool(node.get("is_checkpoint"), path + ".is_checkpoint");
      List<Mark> own = marks(node, path, id);
      if (id != null && checkpoint != null && own != null) {
        tiePoints.add(new Mtp(id, checkpoint));
        marks.addAll(own);
      }
    }

    private String id(JsonNode node, String path) {
      String id = doc.string(node.get("id"), path + ".id");
      if (id == null) {
        return null;
      }
      try {
        Names.check("id", id);
      } catch (IllegalArgumentException e) {
        doc.problem(path + ".id", e.getMessage());
        return null;
      }
      String earlier = pathOfName.putIfAbsent(id, path);
      if (earlier != null) {
        doc.problem(path + ".id", "expected a unique id, found \"" + id + "\" again (first at " + earlier
            + ", line " + doc.line(earlier) + ")");
        return null;
      }
      return id;
    }

    /** The point's marks, or null when any is wrong. */
    private List<Mark> marks(JsonNode node, String path, String id) {
      JsonNode array = doc.array(node.get("marks"), path + ".marks");
      if (array == null) {
        return null;
      }
      List<Mark> out = new ArrayList<>();
      Set<String> images = new HashSet<>();
      boolean ok = true;
      for (int i = 0; i < array.size(); i++) {
        String at = path + ".marks[" + i + "]";
        JsonNode mark = doc.object(array.get(i), at);
        if (mark == null) {
          ok = false;
          continue;
        }
        String image = image(mark, at);
        double[] px = doc.numbers(mark.get("position_px"), at + ".position_px", 2, JsonDoc.Sign.ANY);
        Double accuracy = doc.number(mark.get("accuracy"), at + ".accuracy", JsonDoc.Sign.POSITIVE);
        if (image == null || px == null || accuracy == null) {
          ok = false;
          continue;
        }
        if (!images.add(image)) {
          doc.problem(at, "expected one mark per image, found a second one on " + image);
          ok = false;
          continue;
        }
        if (id != null) {
          try {
            out.add(new Mark(id, image, new ImagePoint(px[0], px[1]), OptionalDouble.of(accuracy)));
          } catch (IllegalArgumentException e) {
            doc.problem(at, e.getMessage());
            ok = false;
          }
        }
      }
      return ok ? out : null;
    }

    private String image(JsonNode mark, String at) {
      if (mark.has("photo")) {
        String photo = doc.string(mark.get("photo"), at + ".photo");
        return photo == null || photo.isBlank() ? null : photo;
      }
      JsonNode camera = mark.get("camera_id");
      if (camera != null && camera.isIntegralNumber() && camera.bigIntegerValue().signum() >= 0
          && camera.bigIntegerValue().bitLength() <= 64) {
        return camera.bigIntegerValue().toString();
      }
      doc.problem(at, "expected \"photo\" (an image name) or \"camera_id\" (an unsigned 64-bit integer), found "
          + (camera == null ? "neither" : "camera_id " + JsonDoc.describe(camera)));
      return null;
    }

    /** The GCP's CRS, checked against the first GCP's; null when wrong. */
    private GcpCrs crs(JsonNode node, String path) {
      if (doc.object(node, path) == null) {
        return null;
      }
      String text = doc.string(node.get("definition"), path + ".definition");
      OptionalDouble geoid = OptionalDouble.empty();
      if (node.has("geoid_height")) {
        Double g = doc.number(node.get("geoid_height"), path + ".geoid_height", JsonDoc.Sign.ANY);
        if (g == null) {
          return null;
        }
        geoid = OptionalDouble.of(g);
      }
      if (text == null) {
        return null;
      }
      CrsDefinition definition;
      try {
        definition = CrsDefinition.parse(text);
        if (definition instanceof CrsDefinition.Proj) {
          doc.problem(path + ".definition", "expected EPSG:code, EPSG:code+code or WKT, found a PROJ string");
          return null;
        }
      } catch (CrsException e) {
        doc.problem(path + ".definition", e.getMessage());
        return null;
      }
      definition = restoredProj(node, definition);
      GcpCrs gcpCrs = new GcpCrs(definition, geoid);
      if (crs == null) {
        try {
          resolved = Crs.of(definition);
        } catch (CrsException e) {
          doc.problem(path + ".definition", e.getMessage());
          return null;
        }
        crs = gcpCrs;
        crsPath = path;
        return gcpCrs;
      }
      if (!crs.equals(gcpCrs)) {
        doc.problem(path, "expected the CRS of every GCP to be the same (" + describe(crs) + " at "
            + crsPath + "), found " + describe(gcpCrs));
        return null;
      }
      return gcpCrs;
    }

    /** The PROJ string Tessera kept in its extension, when it still describes the EPSG definition. */
    private static CrsDefinition restoredProj(JsonNode crsNode, CrsDefinition definition) {
      JsonNode kept = crsNode.path("extensions").path(PROJ_EXTENSION).path("definition");
      if (!kept.isTextual() || !(definition instanceof CrsDefinition.Epsg epsg)) {
        return definition;
      }
      try {
        CrsDefinition proj = CrsDefinition.parse(kept.textValue());
        OptionalInt code = proj instanceof CrsDefinition.Proj ? Crs.of(proj).epsgCode() : OptionalInt.empty();
        return code.isPresent() && code.getAsInt() == epsg.horizontal() && epsg.vertical().isEmpty()
            ? proj
            : definition;
      } catch (CrsException e) {
        return definition;
      }
    }

    private static String describe(GcpCrs c) {
      String text = c.definition().text();
      return (text.length() > 60 ? text.substring(0, 57) + "…" : text)
          + (c.geoidHeight().isPresent() ? " with geoid height " + c.geoidHeight().getAsDouble() : "");
    }
  }

  /**
   * Writes the set as OPF input control points, version 0.2, GCPs and MTPs in set order, each with
   * its marks.
   *
   * @throws GcpFormatException when the CRS has no OPF form (a local CRS, a PROJ string without
   *     EPSG equivalent) or a GCP has no height
   */
  public static void write(ControlPointSet set, Writer out) throws IOException, GcpFormatException {
    Problems problems = new Problems(SOURCE);
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    ArrayNode gcps = root.putArray("gcps");
    Crs crs = null;
    ObjectNode crsNode = null;
    if (set.crs().isPresent() && !set.gcps().isEmpty()) {
      try {
        crs = Crs.of(set.crs().get().definition());
        crsNode = crsNode(set.crs().get(), crs, problems);
      } catch (CrsException e) {
        problems.add(0, "the CRS cannot be written: " + e.getMessage());
      }
    }
    for (ControlPoint p : set.gcps()) {
      if (Double.isNaN(p.z())) {
        problems.add(0, p.name() + " has no height, which OPF needs");
      }
      if (crs == null || crsNode == null || Double.isNaN(p.z())) {
        continue;
      }
      boolean swap = crs.northingFirst();
      ObjectNode g = gcps.addObject();
      g.put("id", p.name());
      ObjectNode geo = g.putObject("geolocation");
      geo.set("crs", crsNode.deepCopy());
      geo.putArray("coordinates").add(swap ? p.y() : p.x()).add(swap ? p.x() : p.y()).add(p.z());
      Sigmas s = p.sigmas().orElse(new Sigmas(DEFAULT_SIGMA, DEFAULT_SIGMA, DEFAULT_SIGMA));
      geo.putArray("sigmas").add(swap ? s.y() : s.x()).add(swap ? s.x() : s.y()).add(s.z());
      marks(g, set.marksOf(p.name()));
      g.put("is_checkpoint", p.isCheckpoint());
    }
    ArrayNode mtps = root.putArray("mtps");
    for (Mtp m : set.mtps()) {
      ObjectNode t = mtps.addObject();
      t.put("id", m.name());
      marks(t, set.marksOf(m.name()));
      t.put("is_checkpoint", m.checkpoint());
    }
    problems.throwIfAny();
    JSON.writeValue(out, root);
    out.write('\n');
  }

  private static ObjectNode crsNode(GcpCrs gcpCrs, Crs crs, Problems problems) {
    ObjectNode node = JSON.createObjectNode();
    CrsDefinition definition = gcpCrs.definition();
    if (crs.kind() == CrsKind.LOCAL) {
      problems.add(0, "OPF does not take a local (arbitrary) CRS: " + abbreviate(definition.text()));
      return null;
    }
    if (definition instanceof CrsDefinition.Proj proj) {
      OptionalInt code = crs.epsgCode();
      if (code.isEmpty()) {
        problems.add(0, "OPF takes EPSG codes or WKT, and the PROJ string " + abbreviate(proj.text())
            + " matches no EPSG code");
        return null;
      }
      node.put("definition", "EPSG:" + code.getAsInt());
      node.putObject("extensions").putObject(PROJ_EXTENSION).put("definition", proj.parameters());
    } else {
      node.put("definition", definition.text());
    }
    gcpCrs.geoidHeight().ifPresent(h -> node.put("geoid_height", h));
    return node;
  }

  private static void marks(ObjectNode point, List<Mark> marks) {
    ArrayNode array = point.putArray("marks");
    for (Mark m : marks) {
      ObjectNode o = array.addObject();
      o.put("photo", m.image());
      o.putArray("position_px").add(m.position().x()).add(m.position().y());
      o.put("accuracy", m.accuracyPx().orElse(DEFAULT_MARK_ACCURACY_PX));
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "…";
  }
}

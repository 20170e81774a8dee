package io.tessera.ui.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.draw.ShapeKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Annotations to and from JSON: the annotation API's items (geometry in the project's
 * coordinates, {@link #toApi} / {@link #fromApi}) and GeoJSON files (RFC 7946: WGS 84, longitude
 * before latitude, {@link #toFeatureCollection} / {@link #fromGeoJson}). Properties cross both
 * ways: {@code name}, {@code color}, {@code color_fill}, {@code description}, {@code visible}
 * and any others unchanged; tags as a feature's {@code tags} property. Coordinates are written
 * with every digit, so that a file read back gives the same positions.
 */
public final class AnnotationCodec {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> OWN =
      Set.of("name", "color", "color_fill", "description", "visible");

  private AnnotationCodec() {}

  /** GeoJSON read from a file: the annotations found and what was left out, in words. */
  public record Imported(List<AnnotationData> annotations, List<String> skipped) {}

  // ---- the annotation API ----

  /**
   * An API item for project {@code projectId}; {@code toProject} takes WGS 84 to the project's
   * coordinates (null when the project is in WGS 84).
   */
  public static ObjectNode toApi(AnnotationData a, long projectId, CrsTransform toProject)
      throws CrsException {
    ObjectNode item = JSON.objectNode();
    item.put("entity_type", "Project");
    item.put("entity_id", projectId);
    item.set("geometry", geometry(a, toProject));
    item.set("properties", properties(a));
    item.set("tags", a.tags());
    return item;
  }

  /**
   * An annotation from the API, or null for a geometry the desktop does not draw (a Circle);
   * {@code toWgs84} takes the project's coordinates to WGS 84 (null when they are WGS 84).
   */
  public static AnnotationData fromApi(JsonNode annotation, CrsTransform toWgs84)
      throws CrsException {
    return read(annotation.path("geometry"), annotation.path("properties"),
        annotation.get("tags"), toWgs84);
  }

  // ---- GeoJSON files ----

  /** A FeatureCollection in WGS 84 (RFC 7946), one Feature per annotation. */
  public static ObjectNode toFeatureCollection(List<AnnotationData> annotations) {
    ObjectNode fc = JSON.objectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (AnnotationData a : annotations) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      try {
        f.set("geometry", geometry(a, null));
      } catch (CrsException e) {
        throw new IllegalStateException("no transform, no failure", e);
      }
      ObjectNode props = properties(a);
      if (!a.tags().isEmpty()) {
        props.set("tags", a.tags());
      }
      f.set("properties", props);
    }
    return fc;
  }

  /**
   * The annotations of a GeoJSON FeatureCollection, Feature or bare geometry in WGS 84. Features
   * whose geometry is not a Point, LineString or Polygon (or is not valid) are left out and named
   * in {@link Imported#skipped()}; a polygon keeps its outer ring only.
   *
   * @throws IllegalArgumentException when {@code root} is not GeoJSON at all
   */
  public static Imported fromGeoJson(JsonNode root) {
    List<AnnotationData> out = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String type = root.path("type").asText("");
    List<JsonNode> features = new ArrayList<>();
    switch (type) {
      case "FeatureCollection" -> root.path("features").forEach(features::add);
      case "Feature" -> features.add(root);
      case "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
          "GeometryCollection" -> {
        ObjectNode f = JSON.objectNode();
        f.set("geometry", root);
        features.add(f);
      }
      default -> throw new IllegalArgumentException("This is not GeoJSON: a GeoJSON file is an"
          + " object whose \"type\" is FeatureCollection, Feature or a geometry"
          + (type.isEmpty() ? "." : ", not " + type + "."));
    }
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      JsonNode props = f.path("properties");
      String label = "Feature " + (i + 1)
          + (props.path("name").isTextual() ? " (" + props.path("name").asText() + ")" : "");
      try {
        JsonNode tags = props.get("tags");
        ObjectNode rest = props.isObject() ? ((ObjectNode) props).deepCopy() : JSON.objectNode();
        rest.remove("tags");
        AnnotationData a = read(f.path("geometry"), rest, tags, null);
        if (a == null) {
          skipped.add(label + ": a " + f.path("geometry").path("type").asText("missing")
              + " geometry cannot be an annotation (Point, LineString or Polygon only).");
        } else if (f.path("geometry").path("coordinates").size() > 1
            && a.kind() == ShapeKind.POLYGON) {
          out.add(a);
          skipped.add(label + ": its holes were left out.");
        } else {
          out.add(a);
        }
      } catch (IllegalArgumentException | CrsException e) {
        skipped.add(label + ": " + e.getMessage());
      }
    }
    return new Imported(out, skipped);
  }

  // ---- shared ----

  private static ObjectNode geometry(AnnotationData a, CrsTransform t) throws CrsException {
    ObjectNode g = JSON.objectNode();
    g.put("type", a.kind().geoJsonType());
    List<LonLat> vs = a.vertices();
    switch (a.kind()) {
      case POINT -> g.set("coordinates", position(vs.get(0), height(a, 0), t));
      case LINE -> {
        ArrayNode line = g.putArray("coordinates");
        for (int i = 0; i < vs.size(); i++) {
          line.add(position(vs.get(i), height(a, i), t));
        }
      }
      case POLYGON -> {
        ArrayNode ring = g.putArray("coordinates").addArray();
        for (int i = 0; i <= vs.size(); i++) {
          int k = i % vs.size();
          ring.add(position(vs.get(k), height(a, k), t));
        }
      }
      default -> throw new IllegalStateException();
    }
    return g;
  }

  private static double height(AnnotationData a, int i) {
    return a.heights().isEmpty() ? Double.NaN : a.heights().get(i);
  }

  private static ArrayNode position(LonLat v, double z, CrsTransform t) throws CrsException {
    Position p = new Position(v.lonDeg(), v.latDeg(), z);
    if (t != null) {
      p = t.apply(p);
    }
    ArrayNode a = JSON.arrayNode();
    a.add(p.x());
    a.add(p.y());
    if (!Double.isNaN(z)) {
      a.add(z);
    }
    return a;
  }

  private static ObjectNode properties(AnnotationData a) {
    ObjectNode p = JSON.objectNode();
    p.put("name", a.name());
    p.put("color", a.color());
    if (a.colorFill() != null) {
      p.put("color_fill", a.colorFill());
    }
    if (a.description() != null) {
      p.put("description", a.description());
    }
    p.put("visible", a.visible());
    Iterator<Map.Entry<String, JsonNode>> it = a.extra().fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      p.set(e.getKey(), e.getValue());
    }
    return p;
  }

  private static AnnotationData read(JsonNode geometry, JsonNode props, JsonNode tags,
      CrsTransform t) throws CrsException {
    ShapeKind kind = ShapeKind.ofGeoJson(geometry.path("type").asText(""));
    if (kind == null) {
      return null;
    }
    JsonNode c = geometry.path("coordinates");
    List<JsonNode> positions = new ArrayList<>();
    switch (kind) {
      case POINT -> positions.add(c);
      case LINE -> c.forEach(positions::add);
      case POLYGON -> {
        c.path(0).forEach(positions::add);
        if (positions.size() >= 2 && same(positions.get(0), positions.get(positions.size() - 1))) {
          positions.remove(positions.size() - 1);
        }
      }
      default -> throw new IllegalStateException();
    }
    if (positions.size() < kind.minVertices()) {
      throw new IllegalArgumentException("a " + kind.word() + " needs at least "
          + kind.minVertices() + (kind == ShapeKind.POINT ? " position." : " positions."));
    }
    List<LonLat> vertices = new ArrayList<>();
    List<Double> heights = new ArrayList<>();
    boolean allZ = true;
    for (JsonNode p : positions) {
      if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
        throw new IllegalArgumentException("a position is not [x, y] or [x, y, z]: " + p + ".");
      }
      double z = p.size() > 2 && p.get(2).isNumber() ? p.get(2).asDouble() : Double.NaN;
      allZ &= !Double.isNaN(z);
      Position pos = new Position(p.get(0).asDouble(), p.get(1).asDouble(), z);
      if (t != null) {
        pos = t.apply(pos);
      }
      if (Math.abs(pos.x()) > 180 || Math.abs(pos.y()) > 90) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "(%s, %s) is not a longitude and latitude in degrees.", pos.x(), pos.y()));
      }
      vertices.add(new LonLat(pos.x(), pos.y()));
      heights.add(z);
    }
    ObjectNode rest = props != null && props.isObject() ? ((ObjectNode) props).deepCopy()
        : JSON.objectNode();
    String name = text(rest, "name");
    String color = colour(text(rest, "color"));
    String fill = colour(text(rest, "color_fill"));
    String description = text(rest, "description");
    boolean visible = !rest.path("visible").isBoolean() || rest.path("visible").asBoolean();
    rest.remove(OWN);
    return new AnnotationData(kind, vertices, allZ ? heights : List.of(), name, color, fill,
        description, visible, rest, tags != null && tags.isArray() ? tags : null);
  }

  private static boolean same(JsonNode a, JsonNode b) {
    return a.path(0).asDouble() == b.path(0).asDouble()
        && a.path(1).asDouble() == b.path(1).asDouble();
  }

  private static String text(JsonNode props, String field) {
    JsonNode v = props.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /**
   * A colour as the API keeps it, {@code #RRGGBBAA}: {@code #RRGGBB} gains an opaque alpha;
   * anything else is dropped (the default applies).
   */
  static String colour(String s) {
    if (s == null) {
      return null;
    }
    if (s.matches("#[0-9A-Fa-f]{8}")) {
      return s.toUpperCase(Locale.ROOT);
    }
    if (s.matches("#[0-9A-Fa-f]{6}")) {
      return s.toUpperCase(Locale.ROOT) + "FF";
    }
    return null;
  }
}

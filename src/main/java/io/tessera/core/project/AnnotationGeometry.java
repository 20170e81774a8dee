package io.tessera.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks an annotation's geometry: a GeoJSON (RFC 7946) Point, LineString or Polygon whose
 * positions are two or three finite numbers (x, y and an optional z, in the project's
 * coordinates), or the document's Circle: a centre position under {@code coordinates} and a
 * positive finite {@code radius}. LineStrings have at least two positions; each Polygon ring at
 * least four, the last equal to the first (a closed ring).
 *
 * <p>{@link #check} never throws: it answers the problems found, each naming where
 * ({@code coordinates[0][3]: ...}), and the bounding box when there are none.
 */
public final class AnnotationGeometry {
  /** The geometry types an annotation may have. */
  public static final List<String> TYPES = List.of("Point", "LineString", "Polygon", "Circle");

  private AnnotationGeometry() {}

  /**
   * What {@link #check} found.
   *
   * @param type the geometry's type when it is one of {@link #TYPES}, else null
   * @param problems empty when the geometry is valid
   * @param bbox min x, min y, max x, max y; null unless valid
   */
  public record Result(String type, List<String> problems, double[] bbox) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /** Checks {@code geometry} (null or missing counts as absent). */
  public static Result check(JsonNode geometry) {
    List<String> problems = new ArrayList<>();
    if (geometry == null || geometry.isNull() || geometry.isMissingNode()) {
      problems.add("This field is required.");
      return new Result(null, problems, null);
    }
    if (!geometry.isObject()) {
      problems.add("Expected a GeoJSON geometry object.");
      return new Result(null, problems, null);
    }
    JsonNode typeNode = geometry.get("type");
    String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
    if (type == null || !TYPES.contains(type)) {
      problems.add("type: \"" + (typeNode == null ? "" : typeNode.asText()) + "\" is not one of "
          + String.join(", ", TYPES) + ".");
      return new Result(null, problems, null);
    }
    double[] bbox = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    JsonNode c = geometry.get("coordinates");
    if (c == null || c.isNull()) {
      problems.add("coordinates: This field is required.");
      return new Result(type, problems, null);
    }
    switch (type) {
      case "Point" -> position(c, "coordinates", problems, bbox);
      case "LineString" -> positions(c, "coordinates", 2, problems, bbox);
      case "Polygon" -> polygon(c, problems, bbox);
      default -> circle(geometry, c, problems, bbox);
    }
    return new Result(type, problems, problems.isEmpty() ? bbox : null);
  }

  private static void circle(JsonNode geometry, JsonNode c, List<String> problems,
      double[] bbox) {
    boolean centre = position(c, "coordinates", problems, bbox);
    JsonNode r = geometry.get("radius");
    if (r == null || !r.isNumber() || !Double.isFinite(r.asDouble()) || r.asDouble() <= 0) {
      problems.add("radius: a Circle needs a positive finite radius (in the project's units).");
    } else if (centre) {
      double radius = r.asDouble();
      bbox[0] -= radius;
      bbox[1] -= radius;
      bbox[2] += radius;
      bbox[3] += radius;
    }
  }

  private static void polygon(JsonNode rings, List<String> problems, double[] bbox) {
    if (!rings.isArray() || rings.isEmpty()) {
      problems.add("coordinates: a Polygon needs an array of linear rings.");
      return;
    }
    for (int i = 0; i < rings.size(); i++) {
      String where = "coordinates[" + i + "]";
      JsonNode ring = rings.get(i);
      if (!positions(ring, where, 4, problems, bbox)) {
        continue;
      }
      JsonNode first = ring.get(0);
      JsonNode last = ring.get(ring.size() - 1);
      if (!samePosition(first, last)) {
        problems.add(where + ": a linear ring must be closed (its last position equal to its"
            + " first).");
      }
    }
  }

  /** Checks an array of at least {@code min} positions; false when it is not one. */
  private static boolean positions(JsonNode array, String where, int min, List<String> problems,
      double[] bbox) {
    if (array == null || !array.isArray()) {
      problems.add(where + ": expected an array of positions.");
      return false;
    }
    if (array.size() < min) {
      problems.add(String.format(Locale.ROOT, "%s: needs at least %d positions, found %d.",
          where, min, array.size()));
      return false;
    }
    boolean ok = true;
    for (int i = 0; i < array.size(); i++) {
      ok &= position(array.get(i), where + "[" + i + "]", problems, bbox);
    }
    return ok;
  }

  /** Checks one position [x, y] or [x, y, z] and widens {@code bbox}; false when invalid. */
  private static boolean position(JsonNode p, String where, List<String> problems,
      double[] bbox) {
    if (p == null || !p.isArray() || p.size() < 2 || p.size() > 3) {
      problems.add(where + ": a position is an array of 2 or 3 numbers (x, y and optional z).");
      return false;
    }
    for (int k = 0; k < p.size(); k++) {
      JsonNode n = p.get(k);
      if (!n.isNumber()) {
        problems.add(where + "[" + k + "]: expected a finite number, found " + n + ".");
        return false;
      }
      if (!Double.isFinite(n.asDouble())) {
        problems.add(where + "[" + k + "]: expected a finite number, found one beyond the"
            + " range of a double.");
        return false;
      }
    }
    double x = p.get(0).asDouble();
    double y = p.get(1).asDouble();
    bbox[0] = Math.min(bbox[0], x);
    bbox[1] = Math.min(bbox[1], y);
    bbox[2] = Math.max(bbox[2], x);
    bbox[3] = Math.max(bbox[3], y);
    return true;
  }

  private static boolean samePosition(JsonNode a, JsonNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int k = 0; k < a.size(); k++) {
      if (a.get(k).asDouble() != b.get(k).asDouble()) {
        return false;
      }
    }
    return true;
  }
}

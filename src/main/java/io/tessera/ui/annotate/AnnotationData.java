package io.tessera.ui.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.Polygons;
import io.tessera.ui.map.draw.DrawViewModel;
import io.tessera.ui.map.draw.ShapeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One annotation's content as the desktop holds it: its shape in WGS 84 (a polygon's vertices
 * without the closing repeat) with the heights it came with, and its properties. Immutable:
 * edits make a new value, which is what undo keeps.
 *
 * @param heights one per vertex, or empty when the geometry had no z
 * @param color the outline (a point's dot) as {@code #RRGGBBAA}
 * @param colorFill a polygon's fill as {@code #RRGGBBAA}; null for none
 * @param description free text; null for none
 * @param extra the other properties ({@code volume}, {@code camera_position}, …), carried across
 *     unchanged; never null
 * @param tags the annotation's tags (a JSON array), carried across; never null
 */
public record AnnotationData(ShapeKind kind, List<LonLat> vertices, List<Double> heights,
    String name, String color, String colorFill, String description, boolean visible,
    ObjectNode extra, JsonNode tags) {
  /** The colour of a new annotation's outline. */
  public static final String DEFAULT_COLOR = "#1E88E5FF";
  /** The colour of a new polygon's fill. */
  public static final String DEFAULT_FILL = "#1E88E540";

  public AnnotationData {
    Objects.requireNonNull(kind, "kind");
    vertices = List.copyOf(vertices);
    heights = heights.size() == vertices.size() ? List.copyOf(heights) : List.of();
    name = name == null ? "" : name;
    color = color == null ? DEFAULT_COLOR : color;
    extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra;
    tags = tags == null ? JsonNodeFactory.instance.arrayNode() : tags;
  }

  /** A new annotation drawn by the user, in the default colours. */
  public static AnnotationData drawn(ShapeKind kind, List<LonLat> vertices, String name) {
    return new AnnotationData(kind, vertices, List.of(), name, DEFAULT_COLOR,
        kind == ShapeKind.POLYGON ? DEFAULT_FILL : null, null, true, null, null);
  }

  /**
   * The same annotation with another shape. Heights go with their vertices: by position when
   * the count is unchanged (a vertex moved keeps its height), else each vertex still in the shape
   * keeps its own and an inserted one takes the height interpolated between its neighbours along
   * the path (the nearest one's at an end).
   */
  public AnnotationData withVertices(List<LonLat> shape) {
    List<Double> h = heights.isEmpty() || shape.size() == vertices.size() ? heights
        : carryHeights(vertices, heights, shape);
    return new AnnotationData(kind, shape, h, name, color, colorFill, description, visible,
        extra, tags);
  }

  private static List<Double> carryHeights(List<LonLat> before, List<Double> heights,
      List<LonLat> after) {
    java.util.Map<LonLat, Double> kept = new java.util.HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      kept.putIfAbsent(before.get(i), heights.get(i));
    }
    int n = after.size();
    double[] z = new double[n];
    double[] along = new double[n]; // distance along the path, degrees: only ratios matter
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Double k = kept.get(after.get(i));
      z[i] = k == null ? Double.NaN : k;
      any |= k != null;
      if (i > 0) {
        LonLat a = after.get(i - 1);
        LonLat b = after.get(i);
        along[i] = along[i - 1] + Math.hypot(b.lonDeg() - a.lonDeg(), b.latDeg() - a.latDeg());
      }
    }
    if (!any) {
      return List.of();
    }
    List<Double> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(z[i])) {
        out.add(z[i]);
        continue;
      }
      int lo = i - 1;
      while (lo >= 0 && Double.isNaN(z[lo])) {
        lo--;
      }
      int hi = i + 1;
      while (hi < n && Double.isNaN(z[hi])) {
        hi++;
      }
      if (lo < 0) {
        out.add(z[hi]);
      } else if (hi >= n) {
        out.add(z[lo]);
      } else {
        double span = along[hi] - along[lo];
        double t = span > 0 ? (along[i] - along[lo]) / span : 0.5;
        out.add(z[lo] + t * (z[hi] - z[lo]));
      }
    }
    return out;
  }

  public AnnotationData withName(String value) {
    return new AnnotationData(kind, vertices, heights, value, color, colorFill, description,
        visible, extra, tags);
  }

  public AnnotationData withColor(String value) {
    return new AnnotationData(kind, vertices, heights, name, value, colorFill, description,
        visible, extra, tags);
  }

  public AnnotationData withColorFill(String value) {
    return new AnnotationData(kind, vertices, heights, name, color, value, description,
        visible, extra, tags);
  }

  public AnnotationData withDescription(String value) {
    return new AnnotationData(kind, vertices, heights, name, color, colorFill, value, visible,
        extra, tags);
  }

  public AnnotationData withVisible(boolean value) {
    return new AnnotationData(kind, vertices, heights, name, color, colorFill, description,
        value, extra, tags);
  }

  /** A line's length or a polygon's perimeter on the WGS 84 ellipsoid, m; NaN for a point. */
  public double lengthMeters() {
    return switch (kind) {
      case POINT -> Double.NaN;
      case LINE -> DrawViewModel.pathLength(vertices, false);
      case POLYGON -> DrawViewModel.pathLength(vertices, true);
    };
  }

  /** A polygon's geodesic area, m²; NaN for points, lines and polygons that are not valid. */
  public double areaSquareMeters() {
    if (kind != ShapeKind.POLYGON || vertices.size() < 3) {
      return Double.NaN;
    }
    List<double[]> ring = new ArrayList<>();
    for (LonLat v : vertices) {
      ring.add(new double[] {v.lonDeg(), v.latDeg()});
    }
    ring.add(ring.get(0));
    try {
      return Polygons.geodesicAreaSquareMeters(Polygons.fromRings(List.of(ring)));
    } catch (Polygons.InvalidPolygonException e) {
      return Double.NaN;
    }
  }

  /** Whether the shape has as many vertices as its kind needs. */
  public boolean complete() {
    return vertices.size() >= kind.minVertices();
  }
}

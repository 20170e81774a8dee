package io.tessera.service.project;

import io.tessera.core.geo.Polygons;
import io.tessera.core.project.ProcessingOptions;
import io.tessera.core.project.ProcessingOptions.Area;
import io.tessera.core.project.ProcessingOptions.Plane;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reference document's rules for processing options; each problem named by its field. */
final class ProcessingOptionsRules {
  static final Set<String> TAGS = Set.of("rtk", "building", "3d-maps", "nadir", "flat",
      "oblique", "half-scale", "quarter-scale", "high-confidence-positions");
  static final Set<String> OUTPUTS = Set.of("ortho", "dsm", "point_cloud", "mesh",
      "gaussian_splatting");

  private ProcessingOptionsRules() {}

  /** Field → messages; empty when the options are valid. */
  static Map<String, List<String>> problems(ProcessingOptions o) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    choices("tags", o.tags(), TAGS, errors);
    choices("outputs", o.outputs(), OUTPUTS, errors);
    epsg("output_cs_horizontal", o.outputCsHorizontal(), errors);
    epsg("output_cs_vertical", o.outputCsVertical(), errors);
    boolean anyOther = o.outputCsVertical() != null || o.outputCsGeoid() != null
        || o.outputCsGeoidHeight() != null;
    if (anyOther && o.outputCsHorizontal() == null) {
      errors.put("output_cs_horizontal", List.of("This field is required when any other"
          + " output_cs_* field is set."));
    }
    if (o.outputCsVertical() != null && o.outputCsGeoid() == null
        && o.outputCsGeoidHeight() == null) {
      errors.put("output_cs_vertical", List.of("A vertical output coordinate system needs"
          + " output_cs_geoid or output_cs_geoid_height."));
    }
    if (o.outputCsGeoid() != null && o.outputCsGeoid().length() > 50) {
      errors.put("output_cs_geoid", List.of("Ensure this field has no more than 50"
          + " characters."));
    }
    if (o.formats() != null) {
      for (var e : o.formats().entrySet()) {
        if (!OUTPUTS.contains(e.getKey())) {
          errors.put("formats", List.of("\"" + e.getKey() + "\" is not an output."));
        } else if (e.getValue() == null || e.getValue().isEmpty()
            || e.getValue().stream().anyMatch(v -> v == null || !v.matches("[a-z0-9]{1,10}"))) {
          errors.put("formats", List.of("The formats of " + e.getKey() + " must be a non-empty"
              + " list of file extensions."));
        }
      }
    }
    if (o.area() != null) {
      area(o.area(), errors);
    }
    return errors;
  }

  private static void area(Area a, Map<String, List<String>> errors) {
    if (a.thickness() != null && !(a.thickness() > 0)) {
      errors.put("area.thickness", List.of("The thickness must be a positive number."));
    }
    Plane p = a.plane();
    if (p == null) {
      errors.put("area.plane", List.of("This field is required."));
      return;
    }
    List<List<Double>> v = p.vertices3d() == null ? List.of() : p.vertices3d();
    for (int i = 0; i < v.size(); i++) {
      List<Double> xyz = v.get(i);
      if (xyz == null || xyz.size() != 3 || xyz.stream().anyMatch(c -> c == null)) {
        errors.put("area.plane.vertices3d", List.of("Vertex " + i + " must be three numbers"
            + " (longitude, latitude, altitude)."));
        return;
      }
      if (Math.abs(xyz.get(0)) > 180 || Math.abs(xyz.get(1)) > 90) {
        errors.put("area.plane.vertices3d", List.of("Vertex " + i + " is not a WGS 84"
            + " longitude/latitude."));
        return;
      }
    }
    List<List<double[]>> rings = new ArrayList<>();
    String outer = ring("area.plane.outer_boundary", p.outerBoundary(), v, rings, errors);
    if (outer != null) {
      return;
    }
    List<List<Integer>> holes = p.innerBoundaries() == null ? List.of() : p.innerBoundaries();
    for (int i = 0; i < holes.size(); i++) {
      if (ring("area.plane.inner_boundaries[" + i + "]", holes.get(i), v, rings, errors)
          != null) {
        return;
      }
    }
    try {
      Polygons.fromRings(rings);
    } catch (Polygons.InvalidPolygonException e) {
      errors.put("area.plane", List.of("The region of interest is not a valid polygon: "
          + e.getMessage()));
    }
  }

  /** Adds the closed ring the indices describe; returns the field in error, or null. */
  private static String ring(String field, List<Integer> indices, List<List<Double>> v,
      List<List<double[]>> rings, Map<String, List<String>> errors) {
    if (indices == null || indices.size() < 3) {
      errors.put(field, List.of("A boundary needs at least three vertex indices."));
      return field;
    }
    Set<Integer> seen = new HashSet<>();
    List<double[]> ring = new ArrayList<>();
    for (Integer i : indices) {
      if (i == null || i < 0 || i >= v.size()) {
        errors.put(field, List.of("Index " + i + " is not a vertex of vertices3d (0.."
            + (v.size() - 1) + ")."));
        return field;
      }
      if (!seen.add(i)) {
        errors.put(field, List.of("Index " + i + " appears twice."));
        return field;
      }
      ring.add(new double[] {v.get(i).get(0), v.get(i).get(1)});
    }
    ring.add(ring.get(0));
    rings.add(ring);
    return null;
  }

  private static void choices(String field, List<String> values, Set<String> allowed,
      Map<String, List<String>> errors) {
    if (values == null) {
      return;
    }
    List<String> bad = values.stream().filter(t -> t == null || !allowed.contains(t)).toList();
    if (!bad.isEmpty()) {
      errors.put(field, bad.stream().map(b -> "\"" + b + "\" is not a valid choice.").toList());
    }
  }

  private static void epsg(String field, Integer code, Map<String, List<String>> errors) {
    if (code != null && (code < 1024 || code > 32767)) {
      errors.put(field, List.of("Ensure this value is between 1024 and 32767."));
    }
  }
}

package io.tessera.ui.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of {@code POST /v1/project/{id}/volumes/}, as the inspector, the exports and the
 * saved annotation use it. Volumes are in the unit cubed, areas squared, elevations in the unit.
 *
 * @param baseSurface the base surface the answer is for ({@code average}, {@code fitPlane} …)
 * @param units {@code m}, {@code yd} or {@code ydUS}
 * @param baseMin the lowest base elevation over the polygon
 * @param baseMax the highest; equal to {@code baseMin} for a flat base
 * @param warning the service's warning (a crossed ring it untangled), or null
 */
public record VolumeFigures(
    String baseSurface,
    String units,
    double cut,
    double cutError,
    double fill,
    double fillError,
    double net,
    double area,
    double polygonArea,
    long noDataCells,
    double noDataArea,
    double outsideArea,
    double baseMin,
    double baseMax,
    double baseMean,
    String baseSource,
    String warning) {

  /** Reads the API's answer; fields it lacks read as 0 (or NaN for the base's mean). */
  public static VolumeFigures of(JsonNode v) {
    JsonNode base = v.path("base");
    String warning = v.path("warning").asText("");
    return new VolumeFigures(
        v.path("base_surface").asText(""),
        v.path("units").asText("m"),
        v.path("cut").asDouble(),
        v.path("cut_error").asDouble(),
        v.path("fill").asDouble(),
        v.path("fill_error").asDouble(),
        v.path("net").asDouble(),
        v.path("area").asDouble(),
        v.path("polygon_area").asDouble(),
        v.path("nodata_cells").asLong(),
        v.path("nodata_area").asDouble(),
        v.path("outside_area").asDouble(),
        base.path("min").asDouble(Double.NaN),
        base.path("max").asDouble(Double.NaN),
        base.path("mean").isNumber() ? base.path("mean").asDouble() : Double.NaN,
        base.path("source").asText(""),
        warning.isBlank() ? null : warning);
  }

  /** The error of the net volume: cut's and fill's errors combined as independent. */
  public double netError() {
    return Math.hypot(cutError, fillError);
  }

  /** Whether the base is flat (one elevation everywhere), as for average, lowest, custom … */
  public boolean flatBase() {
    return Double.isFinite(baseMin) && Math.abs(baseMax - baseMin) < 1e-9;
  }

  /**
   * The figures as an annotation's {@code volume} property: the API's field names, so that what
   * the desktop saves reads like the volume answer it came from.
   */
  public Map<String, Object> toProperty(Double customElevation) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("base_surface", baseSurface);
    if (customElevation != null) {
      m.put("custom_elevation", customElevation);
    }
    m.put("units", units);
    m.put("cut", cut);
    m.put("cut_error", cutError);
    m.put("fill", fill);
    m.put("fill_error", fillError);
    m.put("net", net);
    m.put("area", area);
    m.put("polygon_area", polygonArea);
    m.put("nodata_area", noDataArea);
    m.put("outside_area", outsideArea);
    if (warning != null) {
      m.put("warning", warning);
    }
    return m;
  }
}

package io.tessera.core.project;

import java.util.List;
import java.util.Map;

/**
 * A project's processing options, as the photogrammetry API names them; null fields take the
 * engine's defaults.
 *
 * @param tags what describes the input data: rtk, building, 3d-maps, nadir, flat, oblique,
 *     half-scale, quarter-scale, high-confidence-positions
 * @param outputCsHorizontal EPSG code of the horizontal output CRS
 * @param outputCsVertical EPSG code of the vertical output CRS (with a geoid or geoid height)
 * @param outputs ortho, dsm, point_cloud, mesh, gaussian_splatting
 * @param formats file formats per output
 * @param area the region of interest
 */
public record ProcessingOptions(
    List<String> tags,
    Integer outputCsHorizontal,
    Integer outputCsVertical,
    String outputCsGeoid,
    Double outputCsGeoidHeight,
    List<String> outputs,
    Map<String, List<String>> formats,
    Area area) {

  /** The defaults: nothing set. */
  public static final ProcessingOptions DEFAULTS =
      new ProcessingOptions(null, null, null, null, null, null, null, null);

  /**
   * A region of interest in the OPF plane form: WGS 84 vertices (lon, lat, z; z is ignored), the
   * outer boundary and optional holes as indices into them, and an optional thickness (metres;
   * infinite when null).
   */
  public record Area(Plane plane, Double thickness) {}

  public record Plane(
      List<List<Double>> vertices3d,
      List<Integer> outerBoundary,
      List<List<Integer>> innerBoundaries) {}
}

package io.tessera.core.raster.volume;

/**
 * The base surface as used, in the result's length unit.
 *
 * @param source where the boundary elevations came from
 * @param min the lowest base elevation over the polygon
 * @param max the highest base elevation over the polygon
 * @param mean the area-weighted mean base elevation over the counted cells (NaN when none counted)
 * @param boundarySamples how many boundary elevations the base was built from
 * @param boundaryMean the length-weighted mean boundary elevation
 * @param residual the base's RMS departure from the boundary elevations (σb of {@link
 *     VolumeErrorEstimate})
 */
public record BaseStatistics(
    ElevationSource source,
    double min,
    double max,
    double mean,
    int boundarySamples,
    double boundaryMean,
    double residual) {

  /** Where the boundary elevations came from, in the engine's order of precedence. */
  public enum ElevationSource {
    /** {@code custom_elevation}: every boundary elevation is that value, the base is flat. */
    CUSTOM_ELEVATION("custom_elevation"),
    /** The vertices' z, interpolated linearly along each edge. */
    VERTICES("vertices"),
    /** The DSM, sampled bilinearly every half cell along the boundary. */
    DSM("dsm");

    private final String apiName;

    ElevationSource(String apiName) {
      this.apiName = apiName;
    }

    /** The name in the API's field map. */
    public String apiName() {
      return apiName;
    }
  }
}

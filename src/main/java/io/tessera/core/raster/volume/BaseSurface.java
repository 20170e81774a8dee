package io.tessera.core.raster.volume;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The reference surface a volume is measured against, under the names of the photogrammetry API
 * ({@code base_surface}). Each is built from the boundary elevations (see {@link VolumeCalculator}).
 */
public enum BaseSurface {
  /** A flat base at the length-weighted mean of the boundary elevations. */
  AVERAGE("average"),
  /** A flat base at the given {@code custom_elevation}. */
  CUSTOM("custom"),
  /** The least-squares plane through the boundary samples (length-weighted). */
  FIT_PLANE("fitPlane"),
  /** A constrained Delaunay TIN over the boundary samples: the base at a point is its triangle's plane. */
  TRIANGULATED("triangulated"),
  /** A flat base at the highest boundary elevation. */
  HIGHEST("highest"),
  /** A flat base at the lowest boundary elevation. */
  LOWEST("lowest");

  private final String apiName;

  BaseSurface(String apiName) {
    this.apiName = apiName;
  }

  /** The name on the wire, e.g. {@code "fitPlane"}. */
  public String apiName() {
    return apiName;
  }

  /**
   * The base surface named {@code name} on the wire (exact, case-sensitive as the document has it).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static BaseSurface fromApiName(String name) {
    for (BaseSurface b : values()) {
      if (b.apiName.equals(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "base_surface \"%s\" is not one of %s", name,
        Arrays.stream(values()).map(BaseSurface::apiName).collect(Collectors.joining(", "))));
  }
}

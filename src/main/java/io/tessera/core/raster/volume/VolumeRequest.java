package io.tessera.core.raster.volume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What to measure: the photogrammetry API's volume request, plus the engine's one option.
 *
 * @param baseSurface {@code base_surface}
 * @param coordinates {@code coordinates}: the polygon's vertices in the raster's coordinate system,
 *     each {@code [x, y]} or {@code [x, y, z]} (all with z or none); the ring may be closed (last
 *     vertex = first) or not. Copied; validated by {@link VolumeCalculator}
 * @param customElevation {@code custom_elevation} in metres: required for {@link
 *     BaseSurface#CUSTOM}; when present the base is flat at this elevation whatever {@code
 *     baseSurface} says (the document: "the Z is the custom_elevation")
 * @param units {@code units} of the result
 * @param verticalUncertaintyMeters the DSM's vertical uncertainty (one standard deviation, metres)
 *     used by the error estimate; empty: one ground sampling distance (the square root of a cell's
 *     area), see {@link VolumeErrorEstimate}
 */
public record VolumeRequest(
    BaseSurface baseSurface,
    List<double[]> coordinates,
    OptionalDouble customElevation,
    VolumeUnits units,
    OptionalDouble verticalUncertaintyMeters) {

  /**
   * @throws IllegalArgumentException when {@code custom} has no elevation, an elevation or
   *     uncertainty is not finite, or the uncertainty is negative
   */
  public VolumeRequest {
    Objects.requireNonNull(baseSurface, "baseSurface");
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(customElevation, "customElevation");
    Objects.requireNonNull(verticalUncertaintyMeters, "verticalUncertaintyMeters");
    Objects.requireNonNull(coordinates, "coordinates");
    List<double[]> copy = new ArrayList<>(coordinates.size());
    for (double[] c : coordinates) {
      copy.add(c == null ? null : c.clone());
    }
    coordinates = Collections.unmodifiableList(copy);
    if (baseSurface == BaseSurface.CUSTOM && customElevation.isEmpty()) {
      throw new IllegalArgumentException(
          "custom_elevation is required when base_surface is custom");
    }
    if (customElevation.isPresent() && !Double.isFinite(customElevation.getAsDouble())) {
      throw new IllegalArgumentException("custom_elevation must be a finite number");
    }
    if (verticalUncertaintyMeters.isPresent()
        && !(verticalUncertaintyMeters.getAsDouble() >= 0
            && Double.isFinite(verticalUncertaintyMeters.getAsDouble()))) {
      throw new IllegalArgumentException("the vertical uncertainty must be finite and >= 0");
    }
  }

  /** A request in metres with the default error model. */
  public static VolumeRequest of(BaseSurface baseSurface, List<double[]> coordinates) {
    return new VolumeRequest(baseSurface, coordinates, OptionalDouble.empty(), VolumeUnits.METRE,
        OptionalDouble.empty());
  }

  /** A {@code custom} request in metres: flat base at {@code elevation}. */
  public static VolumeRequest custom(List<double[]> coordinates, double elevation) {
    return new VolumeRequest(BaseSurface.CUSTOM, coordinates, OptionalDouble.of(elevation),
        VolumeUnits.METRE, OptionalDouble.empty());
  }

  /** This request with {@code custom_elevation} set. */
  public VolumeRequest withCustomElevation(double elevation) {
    return new VolumeRequest(baseSurface, coordinates, OptionalDouble.of(elevation), units,
        verticalUncertaintyMeters);
  }

  /** This request with other units. */
  public VolumeRequest withUnits(VolumeUnits newUnits) {
    return new VolumeRequest(baseSurface, coordinates, customElevation, newUnits,
        verticalUncertaintyMeters);
  }

  /** This request with an explicit vertical uncertainty in metres. */
  public VolumeRequest withVerticalUncertainty(double metres) {
    return new VolumeRequest(baseSurface, coordinates, customElevation, units,
        OptionalDouble.of(metres));
  }
}

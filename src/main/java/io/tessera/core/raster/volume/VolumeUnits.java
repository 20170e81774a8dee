package io.tessera.core.raster.volume;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The length unit of a volume result ({@code units} on the wire). The engine assumes the raster's
 * coordinate system and elevations are in metres and converts its results: volumes to the cube of
 * the unit, areas to its square, elevations and lengths to the unit.
 */
public enum VolumeUnits {
  /** Metres: m³ and m². */
  METRE("m", 1.0),
  /** International yards (0.9144 m exactly): yd³ and yd². */
  YARD("yd", 0.9144),
  /** US survey yards (3 US survey feet, 3600/3937 m): ydUS³ and ydUS². */
  US_SURVEY_YARD("ydUS", 3600.0 / 3937.0);

  private final String apiName;
  private final double metres;

  VolumeUnits(String apiName, double metres) {
    this.apiName = apiName;
    this.metres = metres;
  }

  /** The name on the wire: {@code m}, {@code yd} or {@code ydUS}. */
  public String apiName() {
    return apiName;
  }

  /** The length of one unit in metres. */
  public double metres() {
    return metres;
  }

  /** A length or elevation in metres, in this unit. */
  public double length(double metres) {
    return metres / this.metres;
  }

  /** An area in square metres, in this unit squared. */
  public double area(double squareMetres) {
    return squareMetres / (metres * metres);
  }

  /** A volume in cubic metres, in this unit cubed. */
  public double volume(double cubicMetres) {
    return cubicMetres / (metres * metres * metres);
  }

  /**
   * The unit named {@code name} on the wire.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static VolumeUnits fromApiName(String name) {
    for (VolumeUnits u : values()) {
      if (u.apiName.equals(name)) {
        return u;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT, "units \"%s\" is not one of %s",
        name, Arrays.stream(values()).map(VolumeUnits::apiName).collect(Collectors.joining(", "))));
  }
}

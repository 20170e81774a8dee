package io.tessera.core.gcp;

import io.tessera.core.crs.CrsDefinition;
import java.util.OptionalDouble;

/**
 * The CRS of a set's control points, as OPF's {@code crs} object carries it.
 *
 * @param definition the CRS
 * @param geoidHeight a constant geoid height over the ellipsoid, in the vertical axis's unit
 *     (OPF's {@code geoid_height}), when given
 */
public record GcpCrs(CrsDefinition definition, OptionalDouble geoidHeight) {
  public GcpCrs {
    if (definition == null) {
      throw new IllegalArgumentException("a GCP CRS needs a definition");
    }
    if (geoidHeight == null) {
      geoidHeight = OptionalDouble.empty();
    }
    if (geoidHeight.isPresent() && !Double.isFinite(geoidHeight.getAsDouble())) {
      throw new IllegalArgumentException("geoid height must be finite: " + geoidHeight.getAsDouble());
    }
  }

  /** A CRS without geoid height. */
  public GcpCrs(CrsDefinition definition) {
    this(definition, OptionalDouble.empty());
  }
}

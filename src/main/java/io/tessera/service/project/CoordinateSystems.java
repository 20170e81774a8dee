package io.tessera.service.project;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsKind;
import io.tessera.core.crs.WktValidation;

/**
 * Which coordinate systems a project may output in, as the reference document says: an EPSG code
 * ({@code EPSG:a}, {@code EPSG:a+b}, {@code EPSG:a+EPSG:b}), a WKT string, or one of the arbitrary
 * systems; resolved with proj4j and Apache SIS ({@link Crs}), so that an unknown code or a
 * malformed WKT is refused by content, and geographic systems (EPSG:4326) are refused.
 */
public final class CoordinateSystems {

  /** Null when {@code definition} may be a project's output CRS, else the reason it may not. */
  public String problemWithOutputCrs(String definition) {
    try {
      Crs crs = Crs.parse(definition);
      if (crs.kind() == CrsKind.GEOGRAPHIC) {
        return "Geographical coordinate systems are not supported: choose a projected or"
            + " arbitrary system.";
      }
      return null;
    } catch (CrsException e) {
      return "Not a valid coordinate system: " + e.getMessage();
    }
  }

  /** The document's {@code validate_wkt/}: GEOGCS, PROJCS, LOCAL_CS or ARBITRARY_*. */
  public WktValidation validateWkt(String wkt) {
    return WktValidation.of(wkt);
  }

  /**
   * True when (x, y) given in the project's CRS are probably longitude and latitude instead;
   * false when the CRS cannot be resolved or is not projected.
   */
  public boolean looksLikeDegrees(String definition, double x, double y) {
    try {
      return Crs.parse(definition).looksLikeDegrees(x, y);
    } catch (CrsException e) {
      return false;
    }
  }
}

package io.tessera.core.crs;

import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.util.CRSCache;

/** proj4j CRSs by EPSG code or PROJ string, cached (proj4j parses its EPSG file per lookup). */
final class Proj4 {
  private static final CRSCache CACHE = new CRSCache();

  private Proj4() {}

  /** The CRS of an EPSG code, or null when proj4j-epsg does not list it. */
  static CoordinateReferenceSystem fromEpsg(int code) throws CrsException {
    try {
      return CACHE.createFromName("EPSG:" + code);
    } catch (org.locationtech.proj4j.UnknownAuthorityCodeException e) {
      return null;
    } catch (Proj4jException | IllegalStateException e) {
      throw new CrsException("EPSG:" + code + " cannot be used: " + e.getMessage(), e);
    }
  }

  static CoordinateReferenceSystem fromParameters(String parameters) throws CrsException {
    try {
      return CACHE.createFromParameters(null, parameters);
    } catch (Proj4jException | IllegalArgumentException | IllegalStateException e) {
      throw new CrsException("bad PROJ string \"" + DefinitionParser.abbreviate(parameters)
          + "\": " + e.getMessage(), e);
    }
  }

  /** True when proj4j's coordinates for this CRS put the north–south axis first (+axis=n…/s…). */
  static boolean northingFirst(CoordinateReferenceSystem crs) {
    return EpsgLookup.parameter(crs.getParameters(), "axis")
        .map(a -> !a.isEmpty() && (a.charAt(0) == 'n' || a.charAt(0) == 's'))
        .orElse(false);
  }

  static boolean geocentric(CoordinateReferenceSystem crs) {
    return EpsgLookup.parameter(crs.getParameters(), "proj").map("geocent"::equals).orElse(false);
  }
}

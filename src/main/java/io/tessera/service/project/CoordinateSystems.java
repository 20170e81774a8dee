package io.tessera.service.project;

import java.util.regex.Pattern;

/**
 * Which coordinate systems a project may output in, as the reference document says: an EPSG code
 * ({@code EPSG:a}, {@code EPSG:a+b}, {@code EPSG:a+EPSG:b}), a WKT string, or one of the arbitrary
 * systems; geographic systems are refused.
 *
 * <p>This first check is by form only. TODO(#5): parse EPSG codes and WKT with the CRS library
 * (proj4j + Apache SIS), so that EPSG:4326 and a malformed WKT are refused by content.
 */
public final class CoordinateSystems {
  private static final Pattern EPSG =
      Pattern.compile("(?i)EPSG:\\d{4,6}(\\+(EPSG:)?\\d{4,6})?");
  private static final Pattern ARBITRARY =
      Pattern.compile("ARBITRARY_(METERS|FEET|US_FEET)");

  /** Null when {@code definition} may be a project's output CRS, else the reason it may not. */
  public String problemWithOutputCrs(String definition) {
    if (EPSG.matcher(definition).matches() || ARBITRARY.matcher(definition).matches()) {
      return null;
    }
    String upper = definition.toUpperCase(java.util.Locale.ROOT);
    if (upper.startsWith("GEOGCS") || upper.startsWith("GEOGCRS")) {
      return "Geographical coordinate systems are not supported.";
    }
    if (upper.startsWith("PROJCS") || upper.startsWith("PROJCRS") || upper.startsWith("LOCAL_CS")
        || upper.startsWith("ENGCRS") || upper.startsWith("COMPD_CS")
        || upper.startsWith("COMPOUNDCRS")) {
      return null;
    }
    return "Not a valid coordinate system: give EPSG:code, EPSG:code+code, a WKT string or"
        + " ARBITRARY_METERS / ARBITRARY_FEET / ARBITRARY_US_FEET.";
  }
}

package io.tessera.core.crs;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verdict on a coordinate system given as WKT, by the photogrammetry API's rules ({@code POST
 * /common/api/v3/coordinate_systems/validate_wkt/}): a geographic ({@code GEOGCS}), projected
 * ({@code PROJCS}) or arbitrary ({@code LOCAL_CS}) horizontal system, in WKT 1 or its WKT 2
 * equivalents ({@code GEOGCRS}, {@code PROJCRS}, {@code ENGCRS}, …), or one of the values {@code
 * ARBITRARY_METERS}, {@code ARBITRARY_FEET}, {@code ARBITRARY_US_FEET}. Compound, vertical and
 * geocentric systems are refused; so is anything Apache SIS cannot parse, with SIS's reason.
 *
 * @param valid whether the WKT is accepted
 * @param kind what it describes when valid, else null
 * @param reason why it was refused when invalid, else null
 */
public record WktValidation(boolean valid, CrsKind kind, String reason) {
  private static final Pattern ROOT = Pattern.compile("\\s*([A-Za-z_]+)\\s*[\\[(]");
  private static final Set<String> HORIZONTAL =
      Set.of("GEOGCS", "PROJCS", "LOCAL_CS", "GEOGCRS", "GEOGRAPHICCRS", "GEODCRS", "GEODETICCRS",
          "PROJCRS", "PROJECTEDCRS", "ENGCRS", "ENGINEERINGCRS");

  public WktValidation {
    if (valid == (kind == null) || valid == (reason != null)) {
      throw new IllegalArgumentException("a valid WKT has a kind and no reason, an invalid one the reverse");
    }
  }

  /** Validates {@code wkt}; never throws. */
  public static WktValidation of(String wkt) {
    if (wkt == null || wkt.isBlank()) {
      return invalid("the WKT string is empty");
    }
    if (CrsDefinition.Wkt.arbitraryUnit(wkt) != null) {
      return new WktValidation(true, CrsKind.LOCAL, null);
    }
    Matcher root = ROOT.matcher(wkt);
    if (!root.lookingAt()) {
      return invalid("not WKT: expected a keyword such as PROJCS[, GEOGCS[ or LOCAL_CS[ at the start,"
          + " or ARBITRARY_METERS, ARBITRARY_FEET, ARBITRARY_US_FEET");
    }
    String keyword = root.group(1).toUpperCase(Locale.ROOT);
    if (!HORIZONTAL.contains(keyword)) {
      return invalid(switch (keyword) {
        case "COMPD_CS", "COMPOUNDCRS" -> keyword + ": compound (horizontal + vertical) systems are not"
            + " accepted; give the horizontal system alone";
        case "VERT_CS", "VERTCRS", "VERTICALCRS" -> keyword + ": a vertical system alone is not accepted;"
            + " give a horizontal system";
        case "GEOCCS" -> "GEOCCS: geocentric systems are not accepted";
        default -> keyword + " is not a coordinate system keyword accepted here: expected GEOGCS, PROJCS"
            + " or LOCAL_CS (or their WKT 2 forms)";
      });
    }
    try {
      Crs crs = Crs.of(new CrsDefinition.Wkt(wkt));
      return new WktValidation(true, crs.kind(), null);
    } catch (CrsException e) {
      return invalid(e.getMessage());
    }
  }

  private static WktValidation invalid(String reason) {
    return new WktValidation(false, null, reason);
  }
}

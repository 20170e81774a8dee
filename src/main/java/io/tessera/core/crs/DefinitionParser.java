package io.tessera.core.crs;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the form of a CRS definition's text ({@link CrsDefinition#parse}). */
final class DefinitionParser {
  private static final Pattern EPSG =
      Pattern.compile("(?i)EPSG:\\s*(\\d{1,9})(?:\\s*\\+\\s*(?:EPSG:\\s*)?(\\d{1,9}))?");
  // OpenDroneMap's shorthand; its parse_srs_header reads it as +proj=utm +zone=Z +datum=WGS84 [+south].
  private static final Pattern ODM_UTM = Pattern.compile("(?i)WGS84\\s+UTM\\s+(\\d{1,2})([NS])");
  private static final Pattern WKT_START = Pattern.compile("[A-Za-z_]+\\s*[\\[(]");

  private DefinitionParser() {}

  static CrsDefinition parse(String text) throws CrsException {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new CrsException("empty CRS definition: expected EPSG:nnnn, a PROJ string or WKT");
    }
    Matcher epsg = EPSG.matcher(t);
    if (epsg.matches()) {
      try {
        int horizontal = Integer.parseInt(epsg.group(1));
        return epsg.group(2) == null
            ? new CrsDefinition.Epsg(horizontal)
            : new CrsDefinition.Epsg(horizontal, OptionalInt.of(Integer.parseInt(epsg.group(2))));
      } catch (IllegalArgumentException e) {
        throw new CrsException("bad EPSG code in \"" + t + "\": " + e.getMessage());
      }
    }
    Matcher utm = ODM_UTM.matcher(t);
    if (utm.matches()) {
      int zone = Integer.parseInt(utm.group(1));
      if (zone < 1 || zone > 60) {
        throw new CrsException("UTM zone out of range 1..60 in \"" + t + "\"");
      }
      boolean south = utm.group(2).equalsIgnoreCase("S");
      return new CrsDefinition.Epsg((south ? 32700 : 32600) + zone);
    }
    if (t.startsWith("+proj=") || t.contains(" +proj=")) {
      return new CrsDefinition.Proj(t);
    }
    if (WKT_START.matcher(t).lookingAt() || CrsDefinition.Wkt.arbitraryUnit(t) != null) {
      return new CrsDefinition.Wkt(t);
    }
    throw new CrsException(
        "not a CRS definition: expected EPSG:nnnn, EPSG:nnnn+nnnn, a PROJ string (+proj=…), "
            + "WGS84 UTM <zone>N|S or WKT; found \"" + abbreviate(t) + "\"");
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "…";
  }
}

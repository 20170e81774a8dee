package io.tessera.core.crs;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * How a CRS is written down: an EPSG code (with an optional vertical code), a PROJ string, or WKT.
 * A definition is only text with its form recognised; {@link Crs#of} resolves it.
 *
 * <p>{@link #parse} accepts what the GCP formats and the photogrammetry API accept:
 *
 * <ul>
 *   <li>{@code EPSG:a}, {@code EPSG:a+b} and {@code EPSG:a+EPSG:b} (OPF and the API: a horizontal
 *       2D or 3D code, then a vertical one);
 *   <li>a PROJ string such as {@code +proj=utm +zone=11 +datum=WGS84 +units=m +no_defs}
 *       (OpenDroneMap);
 *   <li>{@code WGS84 UTM 11N} / {@code WGS84 UTM 33S}, OpenDroneMap's shorthand, read as EPSG
 *       32611 / 32733;
 *   <li>WKT 1 or 2 ({@code PROJCS[…]}, {@code GEOGCRS[…]}, …) and the photogrammetry API's {@code
 *       ARBITRARY_METERS}, {@code ARBITRARY_FEET} and {@code ARBITRARY_US_FEET}.
 * </ul>
 */
public sealed interface CrsDefinition permits CrsDefinition.Epsg, CrsDefinition.Proj, CrsDefinition.Wkt {

  /** The definition as files and the API write it. */
  String text();

  /**
   * Recognises the form of {@code text} (surrounding blanks ignored).
   *
   * @throws CrsException when the text is none of the accepted forms, naming what was expected
   */
  static CrsDefinition parse(String text) throws CrsException {
    return DefinitionParser.parse(text);
  }

  /**
   * An EPSG code, optionally with a vertical CRS code (OPF's {@code EPSG:a+b}).
   *
   * @param horizontal the 2D (or 3D) CRS code
   * @param vertical the vertical CRS code, if any
   */
  record Epsg(int horizontal, OptionalInt vertical) implements CrsDefinition {
    public Epsg {
      if (horizontal <= 0) {
        throw new IllegalArgumentException("EPSG codes are positive: " + horizontal);
      }
      if (vertical == null) {
        vertical = OptionalInt.empty();
      }
      if (vertical.isPresent() && vertical.getAsInt() <= 0) {
        throw new IllegalArgumentException("EPSG codes are positive: " + vertical.getAsInt());
      }
    }

    /** A horizontal code alone. */
    public Epsg(int horizontal) {
      this(horizontal, OptionalInt.empty());
    }

    /** {@code EPSG:a} or {@code EPSG:a+b}. */
    @Override
    public String text() {
      return "EPSG:" + horizontal + (vertical.isPresent() ? "+" + vertical.getAsInt() : "");
    }
  }

  /**
   * A PROJ (proj.4) parameter string, e.g. {@code +proj=utm +zone=11 +datum=WGS84 +units=m}.
   *
   * @param parameters the string as written
   */
  record Proj(String parameters) implements CrsDefinition {
    public Proj {
      if (parameters == null || !parameters.strip().contains("+proj=")) {
        throw new IllegalArgumentException("a PROJ string needs +proj=: " + parameters);
      }
      parameters = parameters.strip();
    }

    @Override
    public String text() {
      return parameters;
    }
  }

  /**
   * WKT (version 1 or 2), or one of the API's {@code ARBITRARY_METERS}, {@code ARBITRARY_FEET},
   * {@code ARBITRARY_US_FEET}.
   *
   * @param wkt the text as written
   */
  record Wkt(String wkt) implements CrsDefinition {
    public Wkt {
      if (wkt == null || wkt.isBlank()) {
        throw new IllegalArgumentException("WKT must not be blank");
      }
      wkt = wkt.strip();
      if (arbitraryUnit(wkt) != null) {
        wkt = wkt.toUpperCase(Locale.ROOT);
      }
    }

    @Override
    public String text() {
      return wkt;
    }

    /** The unit name of an {@code ARBITRARY_…} value, or null for real WKT. */
    static String arbitraryUnit(String text) {
      return switch (text.strip().toUpperCase(Locale.ROOT)) {
        case "ARBITRARY_METERS" -> "metre";
        case "ARBITRARY_FEET" -> "foot";
        case "ARBITRARY_US_FEET" -> "US survey foot";
        default -> null;
      };
    }
  }
}

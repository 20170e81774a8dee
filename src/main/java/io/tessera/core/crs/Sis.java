package io.tessera.core.crs;

import java.text.ParseException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.OptionalInt;
import org.apache.sis.io.wkt.WKTFormat;
import org.apache.sis.metadata.iso.citation.Citations;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.opengis.metadata.Identifier;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.EngineeringCRS;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.cs.AxisDirection;
import org.opengis.util.FactoryException;

/** What Tessera asks of Apache SIS: WKT parsing, and the few EPSG codes it knows without a database. */
final class Sis {
  private Sis() {}

  /**
   * Parses WKT 1 or 2 (ISO 19162:2019 included).
   *
   * @throws CrsException with SIS's reason when the text is not a CRS in WKT
   */
  static CoordinateReferenceSystem parseWkt(String wkt) throws CrsException {
    // WKTFormat collects warnings instead of logging them, and is not thread-safe: one per call.
    WKTFormat format = new WKTFormat(Locale.ROOT, (ZoneId) null);
    Object parsed;
    try {
      parsed = format.parseObject(wkt);
    } catch (ParseException e) {
      throw new CrsException(e.getMessage(), e);
    }
    if (!(parsed instanceof CoordinateReferenceSystem crs)) {
      throw new CrsException(
          "the WKT describes a " + parsed.getClass().getSimpleName().replace("Default", "")
              + ", not a coordinate reference system");
    }
    return crs;
  }

  /** The CRS of an EPSG code that SIS knows without the EPSG database, or null. */
  static CoordinateReferenceSystem forEpsg(int code) {
    try {
      return CRS.forCode("EPSG:" + code);
    } catch (FactoryException e) {
      return null;
    }
  }

  /** The 2D part of a CRS (itself, or the horizontal component of a compound CRS), or null. */
  static CoordinateReferenceSystem horizontal(CoordinateReferenceSystem crs) {
    if (crs instanceof EngineeringCRS) {
      return crs;
    }
    return CRS.getHorizontalComponent(crs);
  }

  static CrsKind kind(CoordinateReferenceSystem horizontal) throws CrsException {
    if (horizontal instanceof GeographicCRS) {
      return CrsKind.GEOGRAPHIC;
    }
    if (horizontal instanceof ProjectedCRS) {
      return CrsKind.PROJECTED;
    }
    if (horizontal instanceof EngineeringCRS) {
      return CrsKind.LOCAL;
    }
    throw new CrsException("not a geographic, projected or local CRS: "
        + horizontal.getClass().getSimpleName().replace("Default", ""));
  }

  static boolean northingFirst(CoordinateReferenceSystem horizontal) {
    AxisDirection first = horizontal.getCoordinateSystem().getAxis(0).getDirection();
    return first == AxisDirection.NORTH || first == AxisDirection.SOUTH;
  }

  /** The EPSG code a CRS declares ({@code ID["EPSG",…]} or {@code AUTHORITY["EPSG",…]}). */
  static OptionalInt declaredEpsg(CoordinateReferenceSystem crs) {
    Identifier id = IdentifiedObjects.getIdentifier(crs, Citations.EPSG);
    if (id == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(id.getCode().strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** The EPSG code of an object SIS built from its own small EPSG set, looked up by its content. */
  static OptionalInt lookupEpsg(CoordinateReferenceSystem crs) {
    try {
      Integer code = IdentifiedObjects.lookupEPSG(crs);
      return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    } catch (FactoryException e) {
      return OptionalInt.empty();
    }
  }
}

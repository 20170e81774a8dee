package io.tessera.core.crs;

/**
 * The EPSG dataset's axis order for projected CRSs whose proj4j definition does not carry it.
 *
 * <p>proj4j-epsg ships PROJ strings, which say nothing about axis order except for south-oriented
 * systems ({@code +axis=wsu}), and Apache SIS resolves EPSG codes without the EPSG database only for
 * a handful of CRSs (WGS 84 and its UTM zones). Geographic CRSs need no table: the EPSG dataset lists
 * latitude first for all of them. What remains are projected CRSs whose EPSG coordinate system
 * lists northing first; the families below are those whose order is certain. A CRS missing here
 * can still be given with its order stated: as WKT (whose {@code AXIS} elements are read) or as a
 * PROJ string with {@code +axis=neu}.
 */
final class EpsgAxisOrder {
  /** Inclusive ranges of EPSG codes whose first axis is northing. */
  private static final int[][] NORTHING_FIRST = {
    {2443, 2461}, // JGD2000 / Japan Plane Rectangular CS I–XIX (EPSG CS 4530: X north, Y east)
    {6669, 6687}, // JGD2011 / Japan Plane Rectangular CS I–XIX (CS 4530)
    {30161, 30179}, // Tokyo / Japan Plane Rectangular CS I–XIX (CS 4530)
    {31466, 31469}, // DHDN / 3-degree Gauss-Kruger zones 2–5 (CS 4530)
    {3034, 3035}, // ETRS89-extended / LCC Europe (CS 4500), LAEA Europe (CS 4532)
    {3006, 3006}, // SWEREF99 TM (CS 4500)
    {2193, 2193}, // NZGD2000 / New Zealand Transverse Mercator 2000 (CS 4500)
  };

  private EpsgAxisOrder() {}

  static boolean projectedNorthingFirst(int code) {
    for (int[] range : NORTHING_FIRST) {
      if (code >= range[0] && code <= range[1]) {
        return true;
      }
    }
    return false;
  }
}

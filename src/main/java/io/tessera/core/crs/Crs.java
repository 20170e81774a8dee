package io.tessera.core.crs;

import java.util.OptionalInt;

/**
 * A resolved CRS: what kind it is, the order of its axes, its EPSG code when it has one, and
 * transforms to other CRSs. EPSG codes and PROJ strings are resolved with proj4j (and its EPSG
 * table); WKT is parsed with Apache SIS and transformed through its EPSG code.
 *
 * <p>Axis order ({@link #northingFirst()}) comes from the definition: a WKT's {@code AXIS}
 * elements; a PROJ string's {@code +axis} (east first when absent, as PROJ reads it); an EPSG
 * code's order in the EPSG dataset — latitude first for every geographic CRS, the {@code +axis} of
 * proj4j-epsg's entry for south-oriented systems (Cape / Lo17, EPSG:22277, is westing then
 * southing), else a short table of northing-first families (JGD2011 / Japan Plane Rectangular CS
 * VI, EPSG:6674, among them). Codes proj4j-epsg lacks are resolved by Apache SIS where it knows
 * them without the EPSG database (WGS 84 3D, EPSG:4979), axes included.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Crs {
  private final CrsDefinition definition;
  private final CrsKind kind;
  private final boolean northingFirst;
  private final org.locationtech.proj4j.CoordinateReferenceSystem proj;
  private final OptionalInt declaredEpsg;

  private Crs(
      CrsDefinition definition,
      CrsKind kind,
      boolean northingFirst,
      org.locationtech.proj4j.CoordinateReferenceSystem proj,
      OptionalInt declaredEpsg) {
    this.definition = definition;
    this.kind = kind;
    this.northingFirst = northingFirst;
    this.proj = proj;
    this.declaredEpsg = declaredEpsg;
  }

  /**
   * Resolves a definition.
   *
   * @throws CrsException for an EPSG code neither proj4j-epsg nor Apache SIS knows, a PROJ string
   *     proj4j rejects, WKT that SIS cannot parse, or a CRS that is not geographic, projected or
   *     local (geocentric, vertical only); the message says which
   */
  public static Crs of(CrsDefinition definition) throws CrsException {
    if (definition instanceof CrsDefinition.Epsg epsg) {
      return ofEpsg(epsg);
    }
    if (definition instanceof CrsDefinition.Proj p) {
      return ofProj(p);
    }
    return ofWkt((CrsDefinition.Wkt) definition);
  }

  /** WGS 84 (EPSG:4326), resolved on first use and kept: callers need not parse it again. */
  public static Crs wgs84() {
    return Wgs84.CRS;
  }

  /** Holds WGS 84 until first asked for: proj4j's EPSG tables load when it is resolved. */
  private static final class Wgs84 {
    static final Crs CRS;

    static {
      try {
        CRS = parse("EPSG:4326");
      } catch (CrsException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  /**
   * Loads what resolving and transforming need the first time (proj4j's EPSG tables, a
   * projection, Apache SIS's WKT parser: ~0.5 s of class loading), so that a caller on a thread
   * that must not wait (the desktop's FX thread) parses in milliseconds afterwards. Call it on a
   * background thread; it never fails.
   */
  public static void warmUp() {
    try {
      parse("EPSG:32632").transformTo(wgs84()).apply(new Position(500_000, 5_000_000, 0));
      parse("PROJCS[\"UTM 32N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\","
          + "6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
          + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
          + "PARAMETER[\"central_meridian\",9],PARAMETER[\"scale_factor\",0.9996],"
          + "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
          + "UNIT[\"metre\",1]]").transformTo(wgs84()).apply(new Position(500_000, 5_000_000, 0));
    } catch (CrsException | RuntimeException e) {
      // the caller's own parse meets and reports whatever this met
    }
  }

  /** Parses and resolves definition text ({@link CrsDefinition#parse}, then {@link #of}). */
  public static Crs parse(String text) throws CrsException {
    return of(CrsDefinition.parse(text));
  }

  private static Crs ofEpsg(CrsDefinition.Epsg epsg) throws CrsException {
    int code = epsg.horizontal();
    var proj = Proj4.fromEpsg(code);
    if (proj != null) {
      rejectGeocentric(proj, epsg.text());
      boolean geographic = proj.isGeographic();
      boolean northingFirst =
          geographic
              || Proj4.northingFirst(proj)
              || EpsgAxisOrder.projectedNorthingFirst(code);
      return new Crs(
          epsg, geographic ? CrsKind.GEOGRAPHIC : CrsKind.PROJECTED, northingFirst, proj,
          OptionalInt.of(code));
    }
    var sis = Sis.forEpsg(code);
    if (sis == null) {
      throw new CrsException("unknown EPSG code " + code
          + ": not in proj4j-epsg's table nor among the codes Apache SIS knows without the EPSG database");
    }
    var horizontal = Sis.horizontal(sis);
    if (horizontal == null) {
      throw new CrsException("EPSG:" + code + " has no horizontal part");
    }
    OptionalInt twoD = Sis.lookupEpsg(horizontal);
    return new Crs(
        epsg, Sis.kind(horizontal), Sis.northingFirst(horizontal),
        twoD.isPresent() ? Proj4.fromEpsg(twoD.getAsInt()) : null, OptionalInt.of(code));
  }

  private static Crs ofProj(CrsDefinition.Proj p) throws CrsException {
    var proj = Proj4.fromParameters(p.parameters());
    rejectGeocentric(proj, p.text());
    return new Crs(
        p, proj.isGeographic() ? CrsKind.GEOGRAPHIC : CrsKind.PROJECTED,
        Proj4.northingFirst(proj), proj, OptionalInt.empty());
  }

  private static Crs ofWkt(CrsDefinition.Wkt wkt) throws CrsException {
    if (CrsDefinition.Wkt.arbitraryUnit(wkt.wkt()) != null) {
      return new Crs(wkt, CrsKind.LOCAL, false, null, OptionalInt.empty());
    }
    var parsed = Sis.parseWkt(wkt.wkt());
    var horizontal = Sis.horizontal(parsed);
    if (horizontal == null) {
      throw new CrsException("the WKT has no horizontal CRS (vertical or geocentric only)");
    }
    CrsKind kind = Sis.kind(horizontal);
    OptionalInt code = Sis.declaredEpsg(horizontal);
    var proj = kind != CrsKind.LOCAL && code.isPresent() ? Proj4.fromEpsg(code.getAsInt()) : null;
    return new Crs(wkt, kind, Sis.northingFirst(horizontal), proj, code);
  }

  private static void rejectGeocentric(
      org.locationtech.proj4j.CoordinateReferenceSystem proj, String text) throws CrsException {
    if (Proj4.geocentric(proj)) {
      throw new CrsException(text + " is geocentric: control points need a geographic or projected CRS");
    }
  }

  /** The definition this CRS was resolved from. */
  public CrsDefinition definition() {
    return definition;
  }

  /** Geographic, projected or local. */
  public CrsKind kind() {
    return kind;
  }

  /** True for longitude/latitude CRSs. */
  public boolean isGeographic() {
    return kind == CrsKind.GEOGRAPHIC;
  }

  /**
   * True when the definition lists the north–south axis first (EPSG:4326, EPSG:6674, a WKT whose
   * first {@code AXIS} is north or south). Formats that follow the definition's axis order swap x
   * and y for such CRSs.
   */
  public boolean northingFirst() {
    return northingFirst;
  }

  /**
   * The horizontal CRS's EPSG code: the definition's own, the one a WKT declares, or for a PROJ
   * string the proj4j-epsg entry with the same projection and datum (found by a scan of the table
   * the first time, a few hundred milliseconds).
   */
  public OptionalInt epsgCode() {
    if (definition instanceof CrsDefinition.Proj) {
      return EpsgLookup.codeOf(proj);
    }
    return declaredEpsg;
  }

  /**
   * True when coordinates given for this projected CRS are probably longitude and latitude in
   * degrees: both within ±180. Such values put a point within about 250 units of the projection's
   * false origin, where real survey sites almost never lie, while degrees always do. Always false
   * for geographic and local CRSs.
   */
  public boolean looksLikeDegrees(double x, double y) {
    return kind == CrsKind.PROJECTED && Math.abs(x) <= 180 && Math.abs(y) <= 180;
  }

  /**
   * A transform from this CRS to {@code target}, in Tessera's axis order. Heights are carried
   * unchanged: GCP heights are usually above a geoid or a vertical datum, which proj4j does not
   * model.
   *
   * @throws CrsException when either CRS cannot be transformed: a local CRS (except to itself), or
   *     WKT without an EPSG code that proj4j-epsg knows
   */
  public CrsTransform transformTo(Crs target) throws CrsException {
    if (kind == CrsKind.LOCAL || target.kind == CrsKind.LOCAL) {
      if (definition.equals(target.definition)) {
        return CrsTransform.identity();
      }
      throw new CrsException("a local (arbitrary) CRS has no datum: it transforms only to itself");
    }
    return new CrsTransform(proj4j(), target.proj4j());
  }

  private org.locationtech.proj4j.CoordinateReferenceSystem proj4j() throws CrsException {
    if (proj == null) {
      throw new CrsException(
          "cannot transform " + DefinitionParser.abbreviate(definition.text())
              + ": transforms need an EPSG code that proj4j-epsg knows, or a PROJ string");
    }
    return proj;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Crs other && definition.equals(other.definition);
  }

  @Override
  public int hashCode() {
    return definition.hashCode();
  }

  @Override
  public String toString() {
    return "Crs[" + DefinitionParser.abbreviate(definition.text()) + ", " + kind + "]";
  }
}

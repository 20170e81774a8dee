package io.tessera.core.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * WGS 84 lon/lat polygons as RFC 7946 has them: rings of positions, the first exterior and
 * counter-clockwise by recommendation (either winding is accepted), each closed with at least four
 * positions, longitudes in [-180, 180], latitudes in [-90, 90], no self-intersection.
 */
public final class Polygons {
  /** SRID 4326 (WGS 84 lon/lat). */
  public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private Polygons() {}

  /** A polygon that is not valid GeoJSON or not a valid simple-feature polygon. */
  public static final class InvalidPolygonException extends IllegalArgumentException {
    public InvalidPolygonException(String message) {
      super(message);
    }
  }

  /**
   * Builds and validates a polygon from GeoJSON rings ({@code [lon, lat]} or {@code [lon, lat,
   * alt]} positions).
   *
   * @throws InvalidPolygonException naming the first problem found, with the ring and position
   */
  public static Polygon fromRings(List<List<double[]>> rings) {
    if (rings == null || rings.isEmpty()) {
      throw new InvalidPolygonException("a Polygon needs at least one ring (its exterior)");
    }
    List<LinearRing> built = new ArrayList<>();
    for (int r = 0; r < rings.size(); r++) {
      built.add(ring(rings.get(r), r));
    }
    Polygon p =
        WGS84.createPolygon(
            built.get(0), built.subList(1, built.size()).toArray(new LinearRing[0]));
    TopologyValidationError error = new IsValidOp(p).getValidationError();
    if (error != null) {
      Coordinate c = error.getCoordinate();
      throw new InvalidPolygonException(
          "the polygon is not valid: "
              + error.getMessage().toLowerCase(Locale.ROOT)
              + (c == null ? "" : String.format(Locale.ROOT, " at [%s, %s]", num(c.x), num(c.y))));
    }
    return p;
  }

  private static LinearRing ring(List<double[]> positions, int index) {
    String name = index == 0 ? "the exterior ring" : "interior ring " + index;
    if (positions == null || positions.size() < 4) {
      throw new InvalidPolygonException(
          name + " has " + (positions == null ? 0 : positions.size())
              + " positions; a closed ring needs at least 4 (the first repeated at the end)");
    }
    Coordinate[] cs = new Coordinate[positions.size()];
    for (int i = 0; i < cs.length; i++) {
      double[] p = positions.get(i);
      if (p == null || p.length < 2 || p.length > 3) {
        throw new InvalidPolygonException(
            name + ", position " + i + ": a position is [longitude, latitude] or"
                + " [longitude, latitude, altitude]");
      }
      double lon = p[0];
      double lat = p[1];
      if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
        throw new InvalidPolygonException(
            name + ", position " + i + ": longitude " + num(lon) + " is outside [-180, 180]");
      }
      if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
        throw new InvalidPolygonException(
            name + ", position " + i + ": latitude " + num(lat) + " is outside [-90, 90]");
      }
      cs[i] = new Coordinate(lon, lat);
    }
    if (!cs[0].equals2D(cs[cs.length - 1])) {
      throw new InvalidPolygonException(
          name + " is not closed: its last position must repeat its first");
    }
    return WGS84.createLinearRing(cs);
  }

  /** Area on the WGS 84 ellipsoid in square metres (GeographicLib; holes subtracted). */
  public static double geodesicAreaSquareMeters(Polygon p) {
    double area = Math.abs(ringArea(p.getExteriorRing().getCoordinates()));
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      area -= Math.abs(ringArea(p.getInteriorRingN(i).getCoordinates()));
    }
    return area;
  }

  /** Area of an open or closed ring of lon/lat positions, square metres, sign by winding. */
  public static double ringArea(Coordinate[] ring) {
    PolygonArea pa = new PolygonArea(Geodesic.WGS84, false);
    int n = ring.length;
    if (n > 1 && ring[0].equals2D(ring[n - 1])) {
      n--;
    }
    if (n < 3) {
      return 0;
    }
    for (int i = 0; i < n; i++) {
      pa.AddPoint(ring[i].y, ring[i].x);
    }
    PolygonResult r = pa.Compute(false, true);
    return r.area;
  }

  /** True when the position lies inside the polygon or on its boundary. */
  public static boolean covers(Polygon p, double lon, double lat) {
    Point pt = WGS84.createPoint(new Coordinate(lon, lat));
    return p.covers(pt);
  }

  /** The polygon as GeoJSON rings of {@code [lon, lat]} positions. */
  public static List<List<double[]>> toRings(Polygon p) {
    List<List<double[]>> out = new ArrayList<>();
    out.add(positions(p.getExteriorRing().getCoordinates()));
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      out.add(positions(p.getInteriorRingN(i).getCoordinates()));
    }
    return out;
  }

  private static List<double[]> positions(Coordinate[] cs) {
    List<double[]> out = new ArrayList<>(cs.length);
    for (Coordinate c : cs) {
      out.add(new double[] {c.x, c.y});
    }
    return out;
  }

  private static String num(double v) {
    return Double.toString(v);
  }
}

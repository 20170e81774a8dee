package io.tessera.core.crs;

import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.Proj4jException;

/**
 * Transforms points between two CRSs ({@link Crs#transformTo}), in Tessera's axis order on both
 * sides (x on the east–west axis). Heights pass through unchanged. Not thread-safe: proj4j's
 * transforms are not documented as such, so use one per thread.
 */
public final class CrsTransform {
  private static final CoordinateTransformFactory FACTORY = new CoordinateTransformFactory();

  private final CoordinateTransform transform;
  private final boolean swapIn;
  private final boolean swapOut;

  private CrsTransform(CoordinateTransform transform, boolean swapIn, boolean swapOut) {
    this.transform = transform;
    this.swapIn = swapIn;
    this.swapOut = swapOut;
  }

  CrsTransform(CoordinateReferenceSystem source, CoordinateReferenceSystem target) {
    // proj4j's coordinates follow the CRS's +axis (east first by default); Tessera's are always
    // east–west first, so a north-first +axis is swapped on the way in and out.
    this(FACTORY.createTransform(source, target), Proj4.northingFirst(source),
        Proj4.northingFirst(target));
  }

  static CrsTransform identity() {
    return new CrsTransform(null, false, false);
  }

  /**
   * The point in the target CRS.
   *
   * @throws CrsException when the point is outside what the projections can handle
   */
  public Position apply(Position p) throws CrsException {
    if (transform == null) {
      return p;
    }
    ProjCoordinate in = swapIn ? new ProjCoordinate(p.y(), p.x()) : new ProjCoordinate(p.x(), p.y());
    ProjCoordinate out = new ProjCoordinate();
    try {
      transform.transform(in, out);
    } catch (Proj4jException | ArithmeticException e) {
      throw new CrsException("cannot transform (" + p.x() + ", " + p.y() + "): " + e.getMessage(), e);
    }
    if (!Double.isFinite(out.x) || !Double.isFinite(out.y)) {
      throw new CrsException("(" + p.x() + ", " + p.y() + ") is outside the target projection's domain");
    }
    return swapOut ? new Position(out.y, out.x, p.z()) : new Position(out.x, out.y, p.z());
  }
}

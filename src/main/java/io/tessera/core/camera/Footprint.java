package io.tessera.core.camera;

import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The ground a photo covers: the image border back-projected onto the terrain, as a polygon in
 * the {@link LocalFrame} (x east, y north, metres; each vertex carries its ground height as z).
 *
 * <p>Rays of the border that point at or above the horizon, or only slightly below it, would
 * meet the ground far away or never: each one is clamped to {@link Options#minDepressionDeg}
 * below the horizon, keeping its azimuth, so an oblique photo's footprint stays finite. Such a
 * footprint ends at an arbitrary range and {@link #clamped()} says so. A photo that sees no ground
 * at all (the camera below the terrain, or the whole image above the horizon) has an empty
 * footprint.
 *
 * @param polygon the covered ground, ENU; empty when the photo sees no ground
 * @param clamped true when at least one border ray was clamped near the horizon
 */
public record Footprint(Polygon polygon, boolean clamped) {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  /**
   * How a footprint is traced.
   *
   * @param minDepressionDeg the smallest angle below the horizon a border ray may have, degrees
   * @param samplesPerEdge border points per image edge (corners included once), at least 1; more
   *     follow uneven terrain and clamped corners better
   */
  public record Options(double minDepressionDeg, int samplesPerEdge) {
    public Options {
      if (!(minDepressionDeg > 0 && minDepressionDeg < 90)) {
        throw new IllegalArgumentException("minimum depression must be in (0, 90) degrees");
      }
      if (samplesPerEdge < 1) {
        throw new IllegalArgumentException("at least one sample per edge");
      }
    }

    /** 5° below the horizon at most, 8 samples per edge. */
    public static Options defaults() {
      return new Options(5, 8);
    }
  }

  /** The footprint of {@code camera} on level ground at {@code groundZ}, default options. */
  public static Footprint of(CameraModel camera, double groundZ) {
    return of(camera, Terrain.flat(groundZ), Options.defaults());
  }

  /** The footprint of {@code camera} on {@code terrain}. */
  public static Footprint of(CameraModel camera, Terrain terrain, Options options) {
    Vec3 c = camera.pose().centre();
    double above = c.z() - terrain.heightAt(c.x(), c.y());
    if (!(above > 0)) {
      return new Footprint(GEOMETRY.createPolygon(), false);
    }
    double sinMin = Math.sin(Math.toRadians(options.minDepressionDeg()));
    double cosMin = Math.cos(Math.toRadians(options.minDepressionDeg()));
    // the clamped ray over level ground at the camera's own ground height reaches this far
    double maxRange = above / sinMin;
    List<ImagePoint> border = border(camera.intrinsics(), options.samplesPerEdge());
    List<Vec3> directions = new ArrayList<>(border.size());
    boolean seesBelowHorizon = false;
    for (ImagePoint p : border) {
      Vec3 d = camera.ray(p).direction();
      directions.add(d);
      seesBelowHorizon |= d.z() < 0;
    }
    if (!seesBelowHorizon) {
      // no part of the image border is below the horizon, so no part of the image is either
      return new Footprint(GEOMETRY.createPolygon(), false);
    }
    boolean clamped = false;
    List<Coordinate> ring = new ArrayList<>();
    for (Vec3 direction : directions) {
      Vec3 d = direction;
      if (d.z() > -sinMin) {
        double h = Math.hypot(d.x(), d.y());
        if (h < 1e-9) {
          continue; // straight up: no azimuth to keep
        }
        d = new Vec3(d.x() / h * cosMin, d.y() / h * cosMin, -sinMin);
        clamped = true;
      }
      Ray ray = new Ray(c, d);
      Vec3 g = terrain.intersect(ray, maxRange * 1.5);
      if (g == null) {
        // the ground falls away faster than the ray: end the footprint at the clamping range
        Vec3 far = ray.at(maxRange);
        g = new Vec3(far.x(), far.y(), terrain.heightAt(far.x(), far.y()));
        clamped = true;
      }
      ring.add(new Coordinate(g.x(), g.y(), g.z()));
    }
    if (ring.size() < 3) {
      return new Footprint(GEOMETRY.createPolygon(), clamped);
    }
    ring.add(new Coordinate(ring.get(0)));
    Polygon polygon = GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
    if (!polygon.isValid()) {
      // clamping can fold the ring of a strongly tilted or rolled photo; its hull is close
      Geometry hull = polygon.convexHull();
      polygon = hull instanceof Polygon hp ? hp : GEOMETRY.createPolygon();
    }
    return new Footprint(polygon, clamped);
  }

  /** True when the ground position {@code east}, {@code north} lies in the footprint. */
  public boolean contains(double east, double north) {
    return !polygon.isEmpty()
        && polygon.getEnvelopeInternal().contains(east, north)
        && polygon.covers(GEOMETRY.createPoint(new Coordinate(east, north)));
  }

  /** Covered ground area, square metres (horizontal projection). */
  public double areaM2() {
    return polygon.getArea();
  }

  /**
   * The footprint in WGS 84 as a polygon of (lon, lat) coordinates with ellipsoidal heights as z,
   * GeoJSON order (RFC 7946).
   */
  public Polygon toLonLat(LocalFrame frame) {
    if (polygon.isEmpty()) {
      return GEOMETRY.createPolygon();
    }
    Coordinate[] src = polygon.getExteriorRing().getCoordinates();
    Coordinate[] dst = new Coordinate[src.length];
    for (int i = 0; i < src.length; i++) {
      double z = Double.isNaN(src[i].getZ()) ? 0 : src[i].getZ();
      GeoPoint g = frame.toGeodetic(new Vec3(src[i].x, src[i].y, z));
      dst[i] = new Coordinate(g.lonDeg(), g.latDeg(), g.heightM());
    }
    return GEOMETRY.createPolygon(dst);
  }

  /** Points around the image border, clockwise on the image from the top-left corner. */
  static List<ImagePoint> border(Intrinsics in, int perEdge) {
    double w = in.widthPx();
    double h = in.heightPx();
    List<ImagePoint> pts = new ArrayList<>(4 * perEdge);
    for (int i = 0; i < perEdge; i++) {
      double f = (double) i / perEdge;
      pts.add(new ImagePoint(f * w, 0));
    }
    for (int i = 0; i < perEdge; i++) {
      double f = (double) i / perEdge;
      pts.add(new ImagePoint(w, f * h));
    }
    for (int i = 0; i < perEdge; i++) {
      double f = (double) i / perEdge;
      pts.add(new ImagePoint(w - f * w, h));
    }
    for (int i = 0; i < perEdge; i++) {
      double f = (double) i / perEdge;
      pts.add(new ImagePoint(0, h - f * h));
    }
    return pts;
  }
}

package io.tessera.ui.volume;

import io.tessera.core.raster.Bilinear;
import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.triangulate.polygon.ConstrainedDelaunayTriangulator;

/**
 * The base surface of a measured volume as a function of project coordinates (x, y) → elevation
 * (metres), for drawing: the map's cut/fill tint, the profile's base line, the 3D pane. A flat base
 * takes the service's own elevation; a plane or a TIN is rebuilt here the way the volume engine
 * builds it, from the DSM sampled along the boundary (on the overview level given, so it may
 * differ from the service's by the overview's smoothing). Thread-safe once built.
 */
public final class BaseSampler {
  /** The most boundary samples a local TIN keeps (every vertex, then evenly spaced samples). */
  static final int MAX_TIN_SAMPLES = 600;

  private BaseSampler() {}

  /**
   * The base for {@code figures} over {@code ring} (project coordinates, open), sampling
   * {@code dsm} for a plane or a TIN; the figures must be in metres for a flat base to be taken
   * from them as they are.
   *
   * @throws IOException when the DSM cannot be read
   */
  public static DoubleBinaryOperator of(VolumeFigures figures, List<double[]> ring, Raster dsm)
      throws IOException {
    double scale = switch (figures.units()) {
      case "yd" -> 0.9144;
      case "ydUS" -> 3600.0 / 3937.0;
      default -> 1;
    };
    if (figures.flatBase()) {
      double z = figures.baseMin() * scale;
      return (x, y) -> z;
    }
    double[][] samples = boundary(ring, dsm);
    if ("fitPlane".equals(figures.baseSurface())) {
      double[] abc = plane(samples);
      return (x, y) -> abc[0] + abc[1] * x + abc[2] * y;
    }
    return tin(samples);
  }

  /**
   * DSM elevations along the ring every cell of {@code dsm} (bilinear; NoData and off-raster
   * samples are left out), as {x, y, z, isVertex}.
   */
  static double[][] boundary(List<double[]> ring, Raster dsm) throws IOException {
    GeoTransform t = dsm.transform();
    double cell = Math.sqrt(Math.abs(t.cellArea()));
    double perimeter = 0;
    int m = ring.size();
    for (int k = 0; k < m; k++) {
      double[] a = ring.get(k);
      double[] b = ring.get((k + 1) % m);
      perimeter += Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
    double step = Math.max(cell, perimeter / 4000);
    List<double[]> out = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      double[] a = ring.get(k);
      double[] b = ring.get((k + 1) % m);
      int n = (int) Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
      for (int s = 0; s < n; s++) {
        double x = a[0] + (b[0] - a[0]) * s / n;
        double y = a[1] + (b[1] - a[1]) * s / n;
        double z = Bilinear.at(dsm, t.px(x, y), t.py(x, y));
        if (!Double.isNaN(z)) {
          out.add(new double[] {x, y, z, s == 0 ? 1 : 0});
        }
      }
    }
    if (out.size() < 3) {
      throw new IOException("the DSM has no data along the polygon's edge");
    }
    return out.toArray(new double[0][]);
  }

  /** The least-squares plane z = a + b·x + c·y through the samples, centred for conditioning. */
  static double[] plane(double[][] s) {
    double mx = 0;
    double my = 0;
    double mz = 0;
    for (double[] p : s) {
      mx += p[0];
      my += p[1];
      mz += p[2];
    }
    mx /= s.length;
    my /= s.length;
    mz /= s.length;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    double sxz = 0;
    double syz = 0;
    for (double[] p : s) {
      double dx = p[0] - mx;
      double dy = p[1] - my;
      double dz = p[2] - mz;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
      sxz += dx * dz;
      syz += dy * dz;
    }
    double det = sxx * syy - sxy * sxy;
    if (Math.abs(det) < 1e-12) {
      return new double[] {mz, 0, 0};
    }
    double b = (sxz * syy - syz * sxy) / det;
    double c = (syz * sxx - sxz * sxy) / det;
    return new double[] {mz - b * mx - c * my, b, c};
  }

  /** A constrained Delaunay TIN over the (thinned) samples; outside it, the nearest triangle. */
  static DoubleBinaryOperator tin(double[][] samples) {
    int keepEvery = Math.max(1, (int) Math.ceil(samples.length / (double) MAX_TIN_SAMPLES));
    List<Coordinate> ring = new ArrayList<>();
    for (int i = 0; i < samples.length; i++) {
      if (samples[i][3] > 0 || i % keepEvery == 0) {
        Coordinate c = new Coordinate(samples[i][0], samples[i][1], samples[i][2]);
        if (ring.isEmpty() || !ring.get(ring.size() - 1).equals2D(c)) {
          ring.add(c);
        }
      }
    }
    ring.add(ring.get(0).copy());
    GeometryFactory f = new GeometryFactory();
    Geometry triangles;
    try {
      Geometry poly = f.createPolygon(ring.toArray(new Coordinate[0]));
      if (!poly.isValid()) {
        poly = poly.buffer(0);
      }
      triangles = ConstrainedDelaunayTriangulator.triangulate(poly);
    } catch (RuntimeException e) {
      double[] abc = plane(samples);
      return (x, y) -> abc[0] + abc[1] * x + abc[2] * y;
    }
    STRtree index = new STRtree();
    List<double[]> planes = new ArrayList<>();
    for (int i = 0; i < triangles.getNumGeometries(); i++) {
      Coordinate[] c = triangles.getGeometryN(i).getCoordinates();
      double x1 = c[1].x - c[0].x;
      double y1 = c[1].y - c[0].y;
      double x2 = c[2].x - c[0].x;
      double y2 = c[2].y - c[0].y;
      double det = x1 * y2 - x2 * y1;
      if (Math.abs(det) < 1e-12 || Double.isNaN(c[0].getZ())) {
        continue;
      }
      double z1 = c[1].getZ() - c[0].getZ();
      double z2 = c[2].getZ() - c[0].getZ();
      double b = (z1 * y2 - z2 * y1) / det;
      double cc = (x1 * z2 - x2 * z1) / det;
      double[] tri = {c[0].x, c[0].y, c[1].x, c[1].y, c[2].x, c[2].y,
          c[0].getZ() - b * c[0].x - cc * c[0].y, b, cc};
      planes.add(tri);
      index.insert(envelope(c), tri);
    }
    index.build();
    if (planes.isEmpty()) {
      double[] abc = plane(samples);
      return (x, y) -> abc[0] + abc[1] * x + abc[2] * y;
    }
    return (x, y) -> {
      double[] best = null;
      for (Object o : index.query(new Envelope(x, x, y, y))) {
        double[] t = (double[]) o;
        if (inside(t, x, y)) {
          best = t;
          break;
        }
      }
      if (best == null) {
        double bestD = Double.POSITIVE_INFINITY;
        for (double[] t : planes) {
          double d = Math.hypot((t[0] + t[2] + t[4]) / 3 - x, (t[1] + t[3] + t[5]) / 3 - y);
          if (d < bestD) {
            bestD = d;
            best = t;
          }
        }
      }
      return best[6] + best[7] * x + best[8] * y;
    };
  }

  private static Envelope envelope(Coordinate[] c) {
    Envelope e = new Envelope(c[0]);
    e.expandToInclude(c[1]);
    e.expandToInclude(c[2]);
    return e;
  }

  private static boolean inside(double[] t, double x, double y) {
    double d1 = side(x, y, t[0], t[1], t[2], t[3]);
    double d2 = side(x, y, t[2], t[3], t[4], t[5]);
    double d3 = side(x, y, t[4], t[5], t[0], t[1]);
    boolean neg = d1 < 0 || d2 < 0 || d3 < 0;
    boolean pos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(neg && pos);
  }

  private static double side(double px, double py, double ax, double ay, double bx, double by) {
    return (px - bx) * (ay - by) - (ax - bx) * (py - by);
  }
}

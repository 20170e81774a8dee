package io.tessera.core.raster.volume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.ConstrainedDelaunayTriangulator;

/**
 * A base surface evaluated at cell centres row by row, in pixel coordinates (a plane in CRS
 * coordinates is a plane in pixel coordinates: the geotransform is affine). Instances are
 * immutable; per-thread state lives in {@link Scratch}.
 */
abstract sealed class BaseModel {

  /** Per-thread working arrays. */
  static final class Scratch {
    int[] tris = new int[16];
    int triCount;
    int[] triRow = new int[0];
  }

  /** Called once per band of rows [rs, re) before its rows. */
  void prepareBand(int rs, int re, Scratch s) {}

  /**
   * Writes the base at the centres of cells {@code colOffset + lo .. colOffset + hi} of row
   * {@code row} into {@code out[lo..hi]}.
   */
  abstract void fillRow(int row, int colOffset, int lo, int hi, double[] out, Scratch s);

  /** The lowest base elevation over the polygon with pixel vertices (vx, vy). */
  abstract double min(double[] vx, double[] vy);

  abstract double max(double[] vx, double[] vy);

  /** A flat base. */
  static final class Flat extends BaseModel {
    final double z;

    Flat(double z) {
      this.z = z;
    }

    @Override
    void fillRow(int row, int colOffset, int lo, int hi, double[] out, Scratch s) {
      Arrays.fill(out, lo, hi + 1, z);
    }

    @Override
    double min(double[] vx, double[] vy) {
      return z;
    }

    @Override
    double max(double[] vx, double[] vy) {
      return z;
    }
  }

  /** z = a + b·px + c·py. */
  static final class Plane extends BaseModel {
    final double a;
    final double b;
    final double c;

    Plane(double[] abc) {
      this.a = abc[0];
      this.b = abc[1];
      this.c = abc[2];
    }

    @Override
    void fillRow(int row, int colOffset, int lo, int hi, double[] out, Scratch s) {
      double r0 = a + c * (row + 0.5) + b * (colOffset + 0.5);
      for (int i = lo; i <= hi; i++) {
        out[i] = r0 + b * i;
      }
    }

    double at(double px, double py) {
      return a + b * px + c * py;
    }

    @Override
    double min(double[] vx, double[] vy) {
      double m = Double.POSITIVE_INFINITY;
      for (int i = 0; i < vx.length; i++) {
        m = Math.min(m, at(vx[i], vy[i]));
      }
      return m;
    }

    @Override
    double max(double[] vx, double[] vy) {
      double m = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < vx.length; i++) {
        m = Math.max(m, at(vx[i], vy[i]));
      }
      return m;
    }
  }

  /**
   * A TIN: triangles sorted by their top, each with its plane. Rows are filled by spans: for each
   * triangle crossing the row's centre line, the cells whose centres lie in its x-interval take
   * its plane. Cells whose centre lies outside every triangle (boundary cells whose centre is
   * outside the polygon) take the plane of the nearest filled cell's triangle in the row,
   * extended; failing that, the triangle nearest to the cell.
   */
  static final class Tin extends BaseModel {
    final int count;
    final double[] x;
    final double[] y;
    final double[] pa;
    final double[] pb;
    final double[] pc;
    final double[] ymin;
    final double[] ymax;
    final double zmin;
    final double zmax;
    /** Length-weighted RMS of what simplifying the boundary profile dropped. */
    final double residual;
    final int vertices;

    private Tin(List<double[]> tris, double zmin, double zmax, double residual, int vertices) {
      tris.sort((p, q) -> Double.compare(Math.min(p[1], Math.min(p[4], p[7])),
          Math.min(q[1], Math.min(q[4], q[7]))));
      count = tris.size();
      x = new double[3 * count];
      y = new double[3 * count];
      pa = new double[count];
      pb = new double[count];
      pc = new double[count];
      ymin = new double[count];
      ymax = new double[count];
      for (int t = 0; t < count; t++) {
        double[] v = tris.get(t);
        double x1 = v[3] - v[0];
        double y1 = v[4] - v[1];
        double z1 = v[5] - v[2];
        double x2 = v[6] - v[0];
        double y2 = v[7] - v[1];
        double z2 = v[8] - v[2];
        double det = x1 * y2 - x2 * y1;
        pb[t] = (z1 * y2 - z2 * y1) / det;
        pc[t] = (x1 * z2 - x2 * z1) / det;
        pa[t] = v[2] - pb[t] * v[0] - pc[t] * v[1];
        for (int k = 0; k < 3; k++) {
          x[3 * t + k] = v[3 * k];
          y[3 * t + k] = v[3 * k + 1];
        }
        ymin[t] = Math.min(v[1], Math.min(v[4], v[7]));
        ymax[t] = Math.max(v[1], Math.max(v[4], v[7]));
      }
      this.zmin = zmin;
      this.zmax = zmax;
      this.residual = residual;
      this.vertices = vertices;
    }

    /**
     * The most boundary samples a TIN keeps: beyond it the simplification tolerance doubles until
     * it fits (a noisy boundary would otherwise keep every sample, and the triangulation and the
     * row spans grow with it); what that drops shows in the residual, hence in the error.
     */
    static final int MAX_VERTICES = 2048;

    /**
     * Simplifies the profile edge by edge (Douglas–Peucker on elevation against position along
     * the edge, keeping every polygon vertex) to within {@code tolerance}, then triangulates the
     * kept samples as a polygon with JTS's constrained Delaunay triangulator.
     */
    static Tin build(BoundaryProfile p, double tolerance) {
      boolean[] keep = new boolean[p.n];
      double tol = tolerance;
      while (true) {
        Arrays.fill(keep, false);
        int kept = 0;
        int start = 0;
        while (start < p.n) {
          int end = start + 1;
          while (end < p.n && p.vertex[end] < 0) {
            end++;
          }
          keep[start] = true;
          simplify(p.z, start, end, tol, keep);
          start = end;
        }
        for (boolean k : keep) {
          kept += k ? 1 : 0;
        }
        boolean onlyVertices = true;
        for (int i = 0; i < p.n && onlyVertices; i++) {
          onlyVertices = !keep[i] || p.vertex[i] >= 0;
        }
        if (kept <= MAX_VERTICES || onlyVertices) {
          break;
        }
        tol *= 2;
      }
      double s = 0;
      double ws = 0;
      int prevKept = 0;
      List<Coordinate> ring = new ArrayList<>();
      double zmin = Double.POSITIVE_INFINITY;
      double zmax = Double.NEGATIVE_INFINITY;
      for (int i = 0; i <= p.n; i++) {
        int ii = i % p.n;
        if (i == p.n || keep[ii]) {
          for (int j = prevKept + 1; j < i; j++) {
            double zl = p.z[prevKept] + (p.z[ii] - p.z[prevKept]) * (j - prevKept) / (i - prevKept);
            double d = p.z[j] - zl;
            s += p.weight[j] * d * d;
          }
          prevKept = i;
          if (i < p.n) {
            ring.add(new Coordinate(p.px[i], p.py[i], p.z[i]));
            zmin = Math.min(zmin, p.z[i]);
            zmax = Math.max(zmax, p.z[i]);
          }
        }
        if (i < p.n) {
          ws += p.weight[i];
        }
      }
      ring.add(ring.get(0).copy());
      GeometryFactory f = new GeometryFactory();
      Polygon poly = f.createPolygon(ring.toArray(new Coordinate[0]));
      Geometry g = ConstrainedDelaunayTriangulator.triangulate(poly);
      List<double[]> tris = new ArrayList<>(g.getNumGeometries());
      for (int t = 0; t < g.getNumGeometries(); t++) {
        Coordinate[] c = g.getGeometryN(t).getCoordinates();
        double det = (c[1].x - c[0].x) * (c[2].y - c[0].y) - (c[2].x - c[0].x) * (c[1].y - c[0].y);
        if (Math.abs(det) < 1e-12) {
          continue;
        }
        tris.add(new double[] {c[0].x, c[0].y, c[0].getZ(), c[1].x, c[1].y, c[1].getZ(), c[2].x,
            c[2].y, c[2].getZ()});
      }
      return new Tin(tris, zmin, zmax, Math.sqrt(s / ws), ring.size() - 1);
    }

    /** Douglas–Peucker over samples [from, to] (to may equal n: the ring's first sample). */
    private static void simplify(double[] z, int from, int to, double tol, boolean[] keep) {
      int n = z.length;
      int[] stack = new int[64];
      int sp = 0;
      stack[sp++] = from;
      stack[sp++] = to;
      while (sp > 0) {
        int b = stack[--sp];
        int a = stack[--sp];
        if (b - a < 2) {
          continue;
        }
        double za = z[a];
        double zb = z[b % n];
        int worst = -1;
        double worstD = tol;
        for (int j = a + 1; j < b; j++) {
          double d = Math.abs(z[j] - (za + (zb - za) * (j - a) / (b - a)));
          if (d > worstD) {
            worstD = d;
            worst = j;
          }
        }
        if (worst >= 0) {
          keep[worst] = true;
          if (sp + 4 > stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
          }
          stack[sp++] = a;
          stack[sp++] = worst;
          stack[sp++] = worst;
          stack[sp++] = b;
        }
      }
    }

    @Override
    void prepareBand(int rs, int re, Scratch s) {
      s.triCount = 0;
      for (int t = 0; t < count && ymin[t] < re; t++) {
        if (ymax[t] > rs) {
          if (s.triCount == s.tris.length) {
            s.tris = Arrays.copyOf(s.tris, s.tris.length * 2);
          }
          s.tris[s.triCount++] = t;
        }
      }
    }

    @Override
    void fillRow(int row, int colOffset, int lo, int hi, double[] out, Scratch s) {
      if (s.triRow.length < out.length) {
        s.triRow = new int[out.length];
      }
      int[] tr = s.triRow;
      Arrays.fill(tr, lo, hi + 1, -1);
      double yc = row + 0.5;
      boolean any = false;
      for (int k = 0; k < s.triCount; k++) {
        int t = s.tris[k];
        if (ymin[t] > yc || ymax[t] < yc) {
          continue;
        }
        double xl = Double.POSITIVE_INFINITY;
        double xr = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < 3; e++) {
          double x0 = x[3 * t + e];
          double y0 = y[3 * t + e];
          double x1 = x[3 * t + (e + 1) % 3];
          double y1 = y[3 * t + (e + 1) % 3];
          if ((y0 <= yc && yc <= y1 || y1 <= yc && yc <= y0) && y0 != y1) {
            double xx = x0 + (x1 - x0) * (yc - y0) / (y1 - y0);
            xl = Math.min(xl, xx);
            xr = Math.max(xr, xx);
          }
        }
        int i0 = Math.max(lo, (int) Math.ceil(xl - 0.5 - colOffset));
        int i1 = Math.min(hi, (int) Math.floor(xr - 0.5 - colOffset));
        if (i0 > i1) {
          continue;
        }
        any = true;
        double r0 = pa[t] + pc[t] * yc + pb[t] * (colOffset + 0.5);
        double b = pb[t];
        for (int i = i0; i <= i1; i++) {
          out[i] = r0 + b * i;
          tr[i] = t;
        }
      }
      if (!any) {
        for (int i = lo; i <= hi; i++) {
          int t = nearest(colOffset + i + 0.5, yc, s);
          out[i] = pa[t] + pb[t] * (colOffset + i + 0.5) + pc[t] * yc;
        }
        return;
      }
      // Gaps: the first half from the left neighbour's triangle, the rest from the right one's.
      int i = lo;
      while (i <= hi) {
        if (tr[i] >= 0) {
          i++;
          continue;
        }
        int g0 = i;
        while (i <= hi && tr[i] < 0) {
          i++;
        }
        int g1 = i - 1;
        int left = g0 > lo ? tr[g0 - 1] : -1;
        int right = i <= hi ? tr[i] : -1;
        int mid = (g0 + g1 + 1) / 2;
        for (int j = g0; j <= g1; j++) {
          int t = left < 0 ? right : right < 0 ? left : j < mid ? left : right;
          out[j] = pa[t] + pb[t] * (colOffset + j + 0.5) + pc[t] * yc;
        }
      }
    }

    private int nearest(double cx, double cy, Scratch s) {
      int best = 0;
      double bestD = Double.POSITIVE_INFINITY;
      int n = s.triCount > 0 ? s.triCount : count;
      for (int k = 0; k < n; k++) {
        int t = s.triCount > 0 ? s.tris[k] : k;
        double d = 0;
        for (int e = 0; e < 3; e++) {
          d += Math.hypot(x[3 * t + e] - cx, y[3 * t + e] - cy);
        }
        if (d < bestD) {
          bestD = d;
          best = t;
        }
      }
      return best;
    }

    @Override
    double min(double[] vx, double[] vy) {
      return zmin;
    }

    @Override
    double max(double[] vx, double[] vy) {
      return zmax;
    }
  }
}

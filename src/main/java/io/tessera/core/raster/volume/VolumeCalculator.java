package io.tessera.core.raster.volume;

import io.tessera.core.raster.ArrayRaster;
import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.Raster;
import io.tessera.core.raster.TiledRasterFile;
import io.tessera.core.raster.volume.BaseStatistics.ElevationSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Cut and fill between a DSM and a base surface under a polygon: the photogrammetry API's volume
 * computation ({@code POST /v1/project/{id}/volumes/}).
 *
 * <p><b>Convention.</b> Cut is the volume of terrain above the base, fill the volume between the
 * base and terrain below it, both ≥ 0; net = cut − fill (see {@link VolumeResult}). The raster's
 * coordinate system and its elevations are assumed to be in metres (a projected, metric CRS such
 * as UTM); results are converted to the requested {@link VolumeUnits}.
 *
 * <p><b>Boundary elevations</b>, in order of precedence: with {@code custom_elevation} every
 * boundary elevation is that value, so the base is flat at it whatever {@code base_surface} says;
 * else, when the vertices carry z, those, interpolated linearly along each edge; else the DSM,
 * sampled bilinearly every half cell along the whole boundary (NoData and off-raster stretches are
 * bridged by linear interpolation along the boundary between the valid samples either side; none
 * valid at all is an {@link InvalidPolygonException}, the API's "interpolation of elevations
 * inside the polygon boundary failed").
 *
 * <p><b>Bases</b> from those elevations: {@code average} their length-weighted mean;
 * {@code fitPlane} their length-weighted least-squares plane; {@code triangulated} a constrained
 * Delaunay TIN over them (the profile first simplified to within a tenth of the vertical
 * uncertainty, more if needed to keep at most {@value BaseModel.Tin#MAX_VERTICES} vertices; what
 * that drops is the base's residual); {@code lowest}/{@code highest} their
 * minimum/maximum; {@code custom} the custom elevation.
 *
 * <p><b>Integration.</b> Each cell's sample is the terrain's elevation over the whole cell (the
 * midpoint rule); a cell counts by the fraction of its area inside the polygon, computed exactly
 * for every cell the boundary crosses (signed-area accumulation along each row, as glyph
 * rasterizers do) and 1 for interior cells, which take the fast path. The base is evaluated at the
 * cell's centre (for boundary cells whose centre lies outside the polygon, the base extended). A
 * cell contributes {@code fraction × cellArea × (z − base)} to cut if positive, to fill if
 * negative. NoData (and NaN) cells are excluded and reported ({@link VolumeResult#noDataCells()},
 * {@link VolumeResult#noDataArea()}); the polygon's part outside the raster's extent is excluded
 * and reported apart ({@link VolumeResult#outsideArea()}). Error estimate: {@link
 * VolumeErrorEstimate}.
 *
 * <p><b>Cost.</b> Only the polygon's bounding window is read, in bands of whole raster blocks
 * (rows of {@link Raster#blockHeight()}), each into a buffer reused by its thread (a few rows at
 * a time where a read is a plain copy: the imported {@link TiledRasterFile}, an {@link
 * ArrayRaster}); bands are shared among {@code threads} workers. Per row, only the cells the
 * boundary crosses are weighted one by one; the runs between them share one coverage and are
 * summed in a branch-free loop ({@link RunSums}). Per cell: no allocation, no geometry call.
 * Instances are immutable and thread-safe.
 */
public final class VolumeCalculator {
  /** Below this many window cells one thread does all the work. */
  private static final long PARALLEL_CELLS = 1L << 18;
  /** Fractions below this are treated as outside (rounding of the accumulation). */
  private static final double EPS = 1e-9;
  /** Samples read at a time where reads are plain copies (256 KiB: well within a core's L2). */
  private static final int CACHED_FLOATS = 1 << 16;

  private final int threads;

  /** A calculator using every available processor. */
  public VolumeCalculator() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A calculator using at most {@code threads} threads (≥ 1) per computation. */
  public VolumeCalculator(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, not " + threads);
    }
    this.threads = threads;
  }

  /**
   * Computes the volume under the request's polygon.
   *
   * @throws InvalidPolygonException when the polygon is not usable (see its Javadoc)
   * @throws PolygonOutsideRasterException when the polygon has no area over the raster
   * @throws IllegalArgumentException when the raster has more than one band
   * @throws IOException when the raster cannot be read
   */
  public VolumeResult compute(Raster dsm, VolumeRequest request) throws IOException {
    if (dsm.bands() != 1) {
      throw new IllegalArgumentException(
          "a DSM has one band; this raster has " + dsm.bands());
    }
    Ring ring = Ring.of(request.coordinates());
    GeoTransform t = dsm.transform();
    int m = ring.x.length;
    double[] vx = new double[m];
    double[] vy = new double[m];
    for (int i = 0; i < m; i++) {
      vx[i] = t.px(ring.x[i], ring.y[i]);
      vy[i] = t.py(ring.x[i], ring.y[i]);
    }
    double cellArea = t.cellArea();
    double insideCells = insidePixelArea(vx, vy, dsm.width(), dsm.height());
    if (insideCells <= 1e-9 * Math.max(1, ring.area / cellArea)) {
      throw new PolygonOutsideRasterException(String.format(Locale.ROOT,
          "the polygon (%d vertices around %.3f, %.3f) has no area over the %d×%d raster",
          m, ring.x[0], ring.y[0], dsm.width(), dsm.height()));
    }
    double sigmaZ = request.verticalUncertaintyMeters().orElse(Math.sqrt(cellArea));

    BoundaryProfile profile = BoundaryProfile.densify(vx, vy, t);
    ElevationSource source;
    if (request.customElevation().isPresent()) {
      profile.fillConstant(request.customElevation().getAsDouble());
      source = ElevationSource.CUSTOM_ELEVATION;
    } else if (ring.z != null) {
      profile.fillFromVertices(ring.z);
      source = ElevationSource.VERTICES;
    } else {
      if (!profile.sampleDsm(dsm)) {
        throw new InvalidPolygonException("the DSM has no elevation anywhere along the polygon's"
            + " boundary (NoData or off the raster): no base can be interpolated");
      }
      source = ElevationSource.DSM;
    }

    BaseModel base;
    double residual;
    if (source == ElevationSource.CUSTOM_ELEVATION) {
      base = new BaseModel.Flat(request.customElevation().getAsDouble());
      residual = 0;
    } else {
      switch (request.baseSurface()) {
        case AVERAGE -> {
          double mean = profile.mean();
          base = new BaseModel.Flat(mean);
          residual = profile.rmsResidual(mean, 0, 0);
        }
        case FIT_PLANE -> {
          double[] abc = profile.fitPlane();
          base = new BaseModel.Plane(abc);
          residual = profile.rmsResidual(abc[0], abc[1], abc[2]);
        }
        case TRIANGULATED -> {
          BaseModel.Tin tin = BaseModel.Tin.build(profile, Math.max(1e-9, 0.1 * sigmaZ));
          base = tin;
          residual = tin.residual;
        }
        case LOWEST -> {
          base = new BaseModel.Flat(profile.min());
          residual = 0;
        }
        case HIGHEST -> {
          base = new BaseModel.Flat(profile.max());
          residual = 0;
        }
        default -> throw new IllegalStateException("custom without an elevation");
      }
    }

    Sums s = integrate(dsm, vx, vy, base);

    VolumeUnits u = request.units();
    double cutArea = u.area(s.cutCells * cellArea);
    double fillArea = u.area(s.fillCells * cellArea);
    double sz = u.length(sigmaZ);
    double sb = u.length(residual);
    VolumeErrorEstimate err = VolumeErrorEstimate.of(sz, sb, cutArea, fillArea);
    double cut = u.volume(s.cut * cellArea);
    double fill = u.volume(s.fill * cellArea);
    double outside = Math.max(0, ring.area - insideCells * cellArea);
    if (outside <= 1e-9 * ring.area) {
      outside = 0;
    }
    BaseStatistics stats = new BaseStatistics(source, u.length(base.min(vx, vy)),
        u.length(base.max(vx, vy)),
        s.counted > 0 ? u.length(s.baseSum / s.counted) : Double.NaN, profile.n,
        u.length(profile.mean()), sb);
    return new VolumeResult(request.baseSurface(), u, cut, err.cut(), fill, err.fill(), cut - fill,
        u.area(s.counted * cellArea), u.area(ring.area), s.noDataCells,
        u.area(s.noData * cellArea), u.area(outside), stats, err);
  }

  /** The polygon's area over the raster's extent, in cells (JTS, in pixel coordinates). */
  private static double insidePixelArea(double[] vx, double[] vy, int w, int h) {
    GeometryFactory f = new GeometryFactory();
    Coordinate[] cs = new Coordinate[vx.length + 1];
    for (int i = 0; i < vx.length; i++) {
      cs[i] = new Coordinate(vx[i], vy[i]);
    }
    cs[vx.length] = cs[0];
    Polygon p = f.createPolygon(cs);
    Envelope e = p.getEnvelopeInternal();
    if (e.getMaxX() <= 0 || e.getMaxY() <= 0 || e.getMinX() >= w || e.getMinY() >= h) {
      return 0;
    }
    if (e.getMinX() >= 0 && e.getMinY() >= 0 && e.getMaxX() <= w && e.getMaxY() <= h) {
      return p.getArea();
    }
    Geometry inside = p.intersection(f.toGeometry(new Envelope(0, w, 0, h)));
    return inside.getArea();
  }

  // ---------------------------------------------------------------------------------------------
  // The scan: per row, signed-area accumulation of the boundary, then one pass over the cells.

  /**
   * Accumulated sums, in cells (fractions of a cell) and cells × elevation units. Each row's sums
   * are kept apart and added up in row order at the end, so a result does not depend on how rows
   * were banded or shared among threads: one thread or several, a GeoTIFF or its imported tiled
   * form, the same request gives the same numbers to the last bit.
   */
  private static final class Sums {
    static final int FIELDS = 8;

    double cut;
    double fill;
    double cutCells;
    double fillCells;
    double counted;
    double baseSum;
    double noData;
    long noDataCells;

    void addRow(double[] rows, int at) {
      cut += rows[at];
      fill += rows[at + 1];
      cutCells += rows[at + 2];
      fillCells += rows[at + 3];
      counted += rows[at + 4];
      baseSum += rows[at + 5];
      noData += rows[at + 6];
      noDataCells += (long) rows[at + 7];
    }
  }

  /**
   * The polygon's edges in window coordinates (x − c0, y), each oriented downwards with its
   * direction's sign, split where they cross the window's left and right sides and clamped there
   * (a piece left of the window then covers its whole width, one right of it nothing: exact).
   */
  private static final class Edges {
    final int n;
    final double[] xTop;
    final double[] yTop;
    final double[] yBot;
    final double[] dxdy;
    final double[] dir;

    Edges(List<double[]> pieces) {
      pieces.sort((a, b) -> Double.compare(a[1], b[1]));
      n = pieces.size();
      xTop = new double[n];
      yTop = new double[n];
      yBot = new double[n];
      dxdy = new double[n];
      dir = new double[n];
      for (int i = 0; i < n; i++) {
        double[] p = pieces.get(i);
        xTop[i] = p[0];
        yTop[i] = p[1];
        yBot[i] = p[3];
        dxdy[i] = (p[2] - p[0]) / (p[3] - p[1]);
        dir[i] = p[4];
      }
    }

    static Edges of(double[] vx, double[] vy, int c0, int w, double sign) {
      List<double[]> out = new ArrayList<>();
      int m = vx.length;
      for (int k = 0; k < m; k++) {
        double x0 = vx[k] - c0;
        double y0 = vy[k];
        double x1 = vx[(k + 1) % m] - c0;
        double y1 = vy[(k + 1) % m];
        if (y0 == y1) {
          continue;
        }
        double[] ts = {0, 1, 1, 1};
        int nt = 1;
        for (double side : new double[] {0, w}) {
          double tt = (side - x0) / (x1 - x0);
          if (tt > 0 && tt < 1) {
            ts[nt++] = tt;
          }
        }
        ts[nt++] = 1;
        java.util.Arrays.sort(ts, 0, nt);
        for (int i = 0; i + 1 < nt; i++) {
          double ya = y0 + (y1 - y0) * ts[i];
          double yb = y0 + (y1 - y0) * ts[i + 1];
          if (ya == yb) {
            continue;
          }
          double xa = clamp(x0 + (x1 - x0) * ts[i], w);
          double xb = clamp(x0 + (x1 - x0) * ts[i + 1], w);
          if (ya < yb) {
            out.add(new double[] {xa, ya, xb, yb, sign});
          } else {
            out.add(new double[] {xb, yb, xa, ya, -sign});
          }
        }
      }
      return new Edges(out);
    }

    private static double clamp(double x, int w) {
      return x < 0 ? 0 : x > w ? w : x;
    }
  }

  private Sums integrate(Raster dsm, double[] vx, double[] vy, BaseModel base)
      throws IOException {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    double twiceArea = 0;
    int m = vx.length;
    for (int i = 0; i < m; i++) {
      minX = Math.min(minX, vx[i]);
      maxX = Math.max(maxX, vx[i]);
      minY = Math.min(minY, vy[i]);
      maxY = Math.max(maxY, vy[i]);
      twiceArea += vx[i] * vy[(i + 1) % m] - vx[(i + 1) % m] * vy[i];
    }
    int c0 = Math.max(0, (int) Math.floor(minX));
    int c1 = Math.min(dsm.width(), (int) Math.ceil(maxX));
    int r0 = Math.max(0, (int) Math.floor(minY));
    int r1 = Math.min(dsm.height(), (int) Math.ceil(maxY));
    int w = c1 - c0;
    // A downward edge adds its rows' heights to the cells right of it; with a positive (in pixel
    // space) shoelace area the interior is then at -1: flip so it is at +1.
    Edges edges = Edges.of(vx, vy, c0, w, twiceArea > 0 ? -1 : 1);
    int bh = Math.max(1, dsm.blockHeight());
    int bandRows = bh >= 32 ? bh : bh * ((32 + bh - 1) / bh);
    // Where a window read is a plain copy (the imported tiled form, an array) a band is read a
    // few rows at a time, so that what the copy wrote is still in the cache when it is summed.
    int readRows = dsm instanceof TiledRasterFile || dsm instanceof ArrayRaster
        ? Math.max(1, Math.min(bandRows, CACHED_FLOATS / Math.max(1, w))) : bandRows;
    int firstBand = r0 / bandRows;
    int bands = (r1 - 1) / bandRows - firstBand + 1;
    long cells = (long) w * (r1 - r0);
    int workers = cells < PARALLEL_CELLS ? 1 : Math.min(threads, bands);
    float nd = dsm.noData().isPresent() ? (float) dsm.noData().getAsDouble() : Float.NaN;
    AtomicInteger next = new AtomicInteger();
    double[] rowSums = new double[Sums.FIELDS * (r1 - r0)];
    Throwable[] failures = new Throwable[workers];
    Runnable[] tasks = new Runnable[workers];
    for (int k = 0; k < workers; k++) {
      int id = k;
      tasks[k] = () -> {
        try {
          scan(dsm, edges, base, c0, w, r0, r1, bandRows, readRows, firstBand, bands, nd, next,
              rowSums);
        } catch (Throwable e) {
          failures[id] = e;
        }
      };
    }
    Thread[] others = new Thread[workers - 1];
    for (int k = 1; k < workers; k++) {
      others[k - 1] = new Thread(tasks[k], "tessera-volume-" + k);
      others[k - 1].setDaemon(true);
      others[k - 1].start();
    }
    tasks[0].run();
    for (Thread th : others) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while measuring a volume", e);
      }
    }
    for (int k = 0; k < workers; k++) {
      Throwable f = failures[k];
      if (f instanceof UncheckedIOException u) {
        throw u.getCause();
      } else if (f instanceof RuntimeException r) {
        throw r;
      } else if (f instanceof Error e) {
        throw e;
      } else if (f != null) {
        throw new IOException(f);
      }
    }
    Sums total = new Sums();
    for (int at = 0; at < rowSums.length; at += Sums.FIELDS) {
      total.addRow(rowSums, at);
    }
    return total;
  }

  /**
   * Unweighted sums over a run of cells that all have the same coverage (a gap between the
   * boundary's crossings of a row), scaled by that coverage once by the caller. The loops have no
   * data-dependent branch: they sum {@code d} and {@code |d|} (cut = (Σ|d| + Σd) / 2, fill =
   * (Σ|d| − Σd) / 2; where every d has one sign the two sums are the same numbers added in the
   * same order, so the other side is exactly 0) and flag NoData; a run with NoData (or NaN) is
   * summed again cell by cell.
   */
  static final class RunSums {
    double sum;
    double abs;
    double baseSum;
    long positive;
    long negative;
    long valid;
    long noData;

    void clear() {
      sum = 0;
      abs = 0;
      baseSum = 0;
      positive = 0;
      negative = 0;
      valid = 0;
      noData = 0;
    }

    /** Cells {@code from..to} of {@code z} against the flat base {@code b}. */
    void addFlat(float[] z, int from, int to, double b, float nd) {
      double s = 0;
      double a = 0;
      int np = 0;
      int nn = 0;
      boolean bad = false;
      for (int i = from; i <= to; i++) {
        float v = z[i];
        bad |= v == nd;
        double d = v - b;
        s += d;
        a += Math.abs(d);
        np += d > 0 ? 1 : 0;
        nn += d < 0 ? 1 : 0;
      }
      if (bad || s != s) {
        byCell(z, from, to, b, null, 0, nd);
        return;
      }
      int n = to - from + 1;
      sum += s;
      abs += a;
      positive += np;
      negative += nn;
      valid += n;
      baseSum += b * n;
    }

    /** Cells {@code from..to} of {@code z} against {@code base[from - offset .. to - offset]}. */
    void add(float[] z, int from, int to, double[] base, int offset, float nd) {
      double s = 0;
      double a = 0;
      double bs = 0;
      int np = 0;
      int nn = 0;
      boolean bad = false;
      for (int i = from; i <= to; i++) {
        float v = z[i];
        bad |= v == nd;
        double b = base[i - offset];
        double d = v - b;
        s += d;
        a += Math.abs(d);
        bs += b;
        np += d > 0 ? 1 : 0;
        nn += d < 0 ? 1 : 0;
      }
      if (bad || s != s) {
        byCell(z, from, to, Double.NaN, base, offset, nd);
        return;
      }
      sum += s;
      abs += a;
      positive += np;
      negative += nn;
      valid += to - from + 1;
      baseSum += bs;
    }

    /** One cell at a time, skipping NoData: the base is {@code flat}, or when NaN {@code base}. */
    private void byCell(float[] z, int from, int to, double flat, double[] base, int offset,
        float nd) {
      for (int i = from; i <= to; i++) {
        float v = z[i];
        if (v != v || v == nd) {
          noData++;
          continue;
        }
        double b = flat == flat ? flat : base[i - offset];
        double d = v - b;
        sum += d;
        abs += Math.abs(d);
        positive += d > 0 ? 1 : 0;
        negative += d < 0 ? 1 : 0;
        baseSum += b;
        valid++;
      }
    }
  }

  /** Scans bands taken from {@code next}, writing each row's sums into {@code rowSums}. */
  private static void scan(Raster dsm, Edges edges, BaseModel base, int c0, int w, int r0,
      int r1, int bandRows, int readRows, int firstBand, int bands, float nd,
      AtomicInteger next, double[] rowSums) {
    float[] zb = new float[w * Math.min(readRows, r1 - r0)];
    double[] acc = new double[w + 2];
    double[] baseRow = new double[w];
    int[] bandEdges = new int[edges.n];
    int[] spanLo = new int[edges.n];
    int[] spanHi = new int[edges.n];
    BaseModel.Scratch scratch = new BaseModel.Scratch();
    RunSums run = new RunSums();
    double flat = base instanceof BaseModel.Flat f ? f.z : Double.NaN;
    double cut = 0;
    double fill = 0;
    double cutCells = 0;
    double fillCells = 0;
    double counted = 0;
    double baseSum = 0;
    double noData = 0;
    long noDataCells = 0;
    for (int band = next.getAndIncrement(); band < bands; band = next.getAndIncrement()) {
      int rs = Math.max(r0, (firstBand + band) * bandRows);
      int re = Math.min(r1, (firstBand + band + 1) * bandRows);
      int ne = 0;
      for (int e = 0; e < edges.n && edges.yTop[e] < re; e++) {
        if (edges.yBot[e] > rs) {
          bandEdges[ne++] = e;
        }
      }
      base.prepareBand(rs, re, scratch);
      int cs = rs;
      for (int row = rs; row < re; row++) {
        if (row == cs + readRows || row == rs) {
          cs = row;
          try {
            dsm.readFloats(0, c0, cs, w, Math.min(re, cs + readRows) - cs, zb);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        // The boundary's crossings of this row: each edge's piece adds to the cells it touches,
        // [spanLo, spanHi]; between those spans the running coverage is constant.
        int spans = 0;
        for (int k = 0; k < ne; k++) {
          int e = bandEdges[k];
          double yt = edges.yTop[e];
          double yb = edges.yBot[e];
          if (yt >= row + 1 || yb <= row) {
            continue;
          }
          double ya = Math.max(yt, row);
          double yz = Math.min(yb, row + 1);
          double xa = edges.xTop[e] + (ya - yt) * edges.dxdy[e];
          double xz = edges.xTop[e] + (yz - yt) * edges.dxdy[e];
          xa = xa < 0 ? 0 : xa > w ? w : xa;
          xz = xz < 0 ? 0 : xz > w ? w : xz;
          accumulate(acc, xa, xz, (yz - ya) * edges.dir[e]);
          int lo = (int) Math.floor(Math.min(xa, xz));
          int hi = Math.min(w + 1, (int) Math.ceil(Math.max(xa, xz)) + 1);
          // insert sorted by lo, merging with any span it overlaps or touches
          int at = spans;
          while (at > 0 && spanLo[at - 1] > lo) {
            at--;
          }
          System.arraycopy(spanLo, at, spanLo, at + 1, spans - at);
          System.arraycopy(spanHi, at, spanHi, at + 1, spans - at);
          spanLo[at] = lo;
          spanHi[at] = hi;
          spans++;
        }
        if (spans == 0) {
          continue;
        }
        int merged = 0;
        for (int k = 1; k < spans; k++) {
          if (spanLo[k] <= spanHi[merged] + 1) {
            spanHi[merged] = Math.max(spanHi[merged], spanHi[k]);
          } else {
            merged++;
            spanLo[merged] = spanLo[k];
            spanHi[merged] = spanHi[k];
          }
        }
        spans = merged + 1;
        int lo = spanLo[0];
        int hc = Math.min(spanHi[spans - 1], w - 1);
        if (flat != flat && lo <= hc) {
          base.fillRow(row, c0, lo, hc, baseRow, scratch);
        }
        int off = (row - cs) * w;
        double cov = 0;
        for (int k = 0; k < spans; k++) {
          // cells the boundary touches: coverage cell by cell
          int sl = spanLo[k];
          int sh = Math.min(spanHi[k], hc);
          for (int i = sl; i <= sh; i++) {
            cov += acc[i];
            acc[i] = 0;
            if (cov <= EPS) {
              continue;
            }
            double c = cov >= 1 ? 1 : cov;
            float z = zb[off + i];
            if (z != z || z == nd) {
              noData += c;
              noDataCells++;
              continue;
            }
            double b = flat == flat ? flat : baseRow[i];
            double d = z - b;
            counted += c;
            baseSum += c * b;
            if (d > 0) {
              cut += c * d;
              cutCells += c;
            } else if (d < 0) {
              fill -= c * d;
              fillCells += c;
            }
          }
          for (int i = Math.max(sl, sh + 1); i <= spanHi[k]; i++) {
            acc[i] = 0;
          }
          // the run up to the next span: one coverage for all its cells
          int g0 = sh + 1;
          int g1 = k + 1 < spans ? Math.min(spanLo[k + 1] - 1, hc) : -1;
          if (g0 > g1 || cov <= EPS) {
            continue;
          }
          double c = cov >= 1 ? 1 : cov;
          run.clear();
          if (flat == flat) {
            run.addFlat(zb, off + g0, off + g1, flat, nd);
          } else {
            run.add(zb, off + g0, off + g1, baseRow, off, nd);
          }
          cut += c * 0.5 * (run.abs + run.sum);
          fill += c * 0.5 * (run.abs - run.sum);
          cutCells += c * run.positive;
          fillCells += c * run.negative;
          counted += c * run.valid;
          baseSum += c * run.baseSum;
          noData += c * run.noData;
          noDataCells += run.noData;
        }
        int at = (row - r0) * Sums.FIELDS;
        rowSums[at] = cut;
        rowSums[at + 1] = fill;
        rowSums[at + 2] = cutCells;
        rowSums[at + 3] = fillCells;
        rowSums[at + 4] = counted;
        rowSums[at + 5] = baseSum;
        rowSums[at + 6] = noData;
        rowSums[at + 7] = noDataCells;
        cut = 0;
        fill = 0;
        cutCells = 0;
        fillCells = 0;
        counted = 0;
        baseSum = 0;
        noData = 0;
        noDataCells = 0;
      }
    }
  }

  /**
   * Adds the segment (x, within one row strip; the row-height {@code d} signed by direction) to
   * the accumulation row: after a running sum, each cell holds the signed fraction of its area
   * right of the segment within the strip (R. Levien's font-rs accumulation, exact for straight
   * segments).
   */
  static void accumulate(double[] a, double x, double xnext, double d) {
    double x0 = Math.min(x, xnext);
    double x1 = Math.max(x, xnext);
    double x0floor = Math.floor(x0);
    int x0i = (int) x0floor;
    double x1ceil = Math.ceil(x1);
    int x1i = (int) x1ceil;
    if (x1i <= x0i + 1) {
      double xmf = 0.5 * (x + xnext) - x0floor;
      a[x0i] += d - d * xmf;
      a[x0i + 1] += d * xmf;
    } else {
      double s = 1 / (x1 - x0);
      double x0f = x0 - x0floor;
      double a0 = 0.5 * s * (1 - x0f) * (1 - x0f);
      double x1f = x1 - x1ceil + 1;
      double am = 0.5 * s * x1f * x1f;
      a[x0i] += d * a0;
      if (x1i == x0i + 2) {
        a[x0i + 1] += d * (1 - a0 - am);
      } else {
        double a1 = s * (1.5 - x0f);
        a[x0i + 1] += d * (a1 - a0);
        for (int xi = x0i + 2; xi < x1i - 1; xi++) {
          a[xi] += d * s;
        }
        double a2 = a1 + (x1i - x0i - 3) * s;
        a[x1i - 1] += d * (1 - a2 - am);
      }
      a[x1i] += d * am;
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** The validated ring in CRS coordinates: open (last ≠ first), no repeated consecutive vertex. */
  private static final class Ring {
    final double[] x;
    final double[] y;
    final double[] z;
    final double area;

    private Ring(double[] x, double[] y, double[] z, double area) {
      this.x = x;
      this.y = y;
      this.z = z;
      this.area = area;
    }

    static Ring of(List<double[]> coordinates) {
      List<double[]> vs = new ArrayList<>();
      int withZ = 0;
      for (int i = 0; i < coordinates.size(); i++) {
        double[] c = coordinates.get(i);
        if (c == null || c.length < 2 || c.length > 3) {
          throw new InvalidPolygonException(
              "vertex " + i + ": a vertex is [x, y] or [x, y, z]");
        }
        for (double v : c) {
          if (!Double.isFinite(v)) {
            throw new InvalidPolygonException("vertex " + i + " has a non-finite coordinate");
          }
        }
        if (c.length == 3) {
          withZ++;
        }
        if (!vs.isEmpty()) {
          double[] p = vs.get(vs.size() - 1);
          if (p[0] == c[0] && p[1] == c[1]) {
            continue;
          }
        }
        vs.add(c);
      }
      if (vs.size() > 1) {
        double[] a = vs.get(0);
        double[] b = vs.get(vs.size() - 1);
        if (a[0] == b[0] && a[1] == b[1]) {
          vs.remove(vs.size() - 1);
        }
      }
      if (withZ != 0 && withZ != coordinates.size()) {
        throw new InvalidPolygonException(withZ + " of " + coordinates.size()
            + " vertices carry z: give z on every vertex or on none");
      }
      int m = vs.size();
      if (m < 3) {
        throw new InvalidPolygonException(
            "a polygon needs at least 3 distinct vertices; this one has " + m);
      }
      double[] x = new double[m];
      double[] y = new double[m];
      double[] z = withZ > 0 ? new double[m] : null;
      Coordinate[] cs = new Coordinate[m + 1];
      for (int i = 0; i < m; i++) {
        double[] c = vs.get(i);
        x[i] = c[0];
        y[i] = c[1];
        if (z != null) {
          z[i] = c[2];
        }
        cs[i] = new Coordinate(x[i] - x[0], y[i] - y[0]);
      }
      cs[m] = cs[0];
      Polygon p = new GeometryFactory().createPolygon(cs);
      double area = p.getArea();
      Envelope e = p.getEnvelopeInternal();
      double scale = Math.max(e.getWidth(), e.getHeight());
      if (!(area > 1e-12 * scale * scale)) {
        throw new InvalidPolygonException("the polygon has zero area");
      }
      TopologyValidationError error = new IsValidOp(p).getValidationError();
      if (error != null) {
        Coordinate c = error.getCoordinate();
        throw new InvalidPolygonException("the polygon is not valid: "
            + error.getMessage().toLowerCase(Locale.ROOT)
            + (c == null ? "" : String.format(Locale.ROOT, " at [%s, %s]",
                Double.toString(c.x + x[0]), Double.toString(c.y + y[0]))));
      }
      return new Ring(x, y, z, area);
    }
  }
}

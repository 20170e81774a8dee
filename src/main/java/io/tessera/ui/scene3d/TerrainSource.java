package io.tessera.ui.scene3d;

import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.Raster;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DSM prepared for the 3D pane: a local frame, a coarse overview and a quadtree of tiles whose
 * height grids are read at the resolution each level needs.
 *
 * <p><b>World frame.</b> JavaFX's: x east, y down, z north, in the DSM's CRS units, with the origin
 * at the DSM's centre (UTM coordinates are about 10^6 m, too large for the float vertices of a
 * mesh) and the lowest valid elevation at y = 0: {@code y = −(elevation − baseElevation) ×
 * exaggeration}.
 *
 * <p><b>Tiles.</b> Every tile has {@link #TILE_CELLS} × {@link #TILE_CELLS} cells. At the finest
 * level one cell is one DSM pixel; each level up doubles the step. A vertex at pixel (c, r) with
 * step s holds the mean of the valid samples of the s × s block around it ([c − s/2, c + s/2)), so
 * the finest level holds the DSM's own values. Steps at least {@link #overviewStep()} are read
 * from an in-memory overview built in one pass over the DSM; finer steps read the tile's window
 * from the DSM. NoData samples are NaN in the grids and become holes in the mesh.
 *
 * <p>Building one reads the whole DSM once (seconds for a large file): do it off the FX thread.
 * Reading tiles is thread-safe when the raster is.
 */
public final class TerrainSource {
  /** Cells along each side of a tile. */
  public static final int TILE_CELLS = 64;
  /** The overview holds at most this many samples (8 MB). */
  static final int OVERVIEW_MAX_SAMPLES = 1 << 21;

  private final Raster dsm;
  private final int width;
  private final int height;
  private final GeoTransform transform;
  private final double centreX;
  private final double centreY;
  private final double pixelSize;
  private final int overviewStep;
  private final int overviewWidth;
  private final int overviewHeight;
  private final float[] overview;
  private final double baseElevation;
  private final double topElevation;
  private final int rootStep;
  private final int leafLevel;
  private final Map<TileKey, float[]> ranges = new ConcurrentHashMap<>();

  private TerrainSource(Raster dsm) throws IOException {
    this.dsm = dsm;
    this.width = dsm.width();
    this.height = dsm.height();
    if (width < 2 || height < 2) {
      throw new IllegalArgumentException(
          "a DSM needs at least 2×2 samples to make a surface, this one has " + width + "×"
              + height);
    }
    this.transform = dsm.transform();
    this.centreX = transform.x(width / 2.0, height / 2.0);
    this.centreY = transform.y(width / 2.0, height / 2.0);
    this.pixelSize = Math.sqrt(transform.cellArea());
    int step = 1;
    while ((long) ((width - 1) / step + 1) * ((height - 1) / step + 1) > OVERVIEW_MAX_SAMPLES) {
      step *= 2;
    }
    this.overviewStep = step;
    this.overviewWidth = (width - 1) / step + 1;
    this.overviewHeight = (height - 1) / step + 1;
    this.overview = buildOverview();
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float v : overview) {
      if (!Float.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      throw new IllegalArgumentException("the DSM has no valid sample: every value is NoData");
    }
    this.baseElevation = lo;
    this.topElevation = hi;
    int root = 1;
    int leaf = 0;
    while ((long) TILE_CELLS * root < Math.max(width - 1, height - 1)) {
      root *= 2;
      leaf++;
    }
    this.rootStep = root;
    this.leafLevel = leaf;
  }

  /**
   * Prepares {@code dsm} (band 0): reads it once to build the overview. The raster stays open and
   * is read again for fine tiles; the caller closes it.
   *
   * @throws IOException when the DSM cannot be read
   * @throws IllegalArgumentException when it has fewer than 2×2 samples or no valid one
   */
  public static TerrainSource of(Raster dsm) throws IOException {
    return new TerrainSource(dsm);
  }

  private float[] buildOverview() throws IOException {
    float[] stored = storedOverview();
    if (stored != null) {
      return stored;
    }
    int s = overviewStep;
    int half = s / 2;
    double[] sum = new double[overviewWidth * overviewHeight];
    int[] count = new int[sum.length];
    int[] cellOfColumn = new int[width];
    for (int c = 0; c < width; c++) {
      cellOfColumn[c] = Math.min(overviewWidth - 1, (c + half) / s);
    }
    int rows = align(Math.max(256, dsm.blockHeight()), dsm.blockHeight());
    int cols = width <= 8192 ? width : align(4096, dsm.blockWidth());
    float[] buf = new float[Math.min(rows, height) * Math.min(cols, width)];
    for (int y0 = 0; y0 < height; y0 += rows) {
      int h = Math.min(rows, height - y0);
      for (int x0 = 0; x0 < width; x0 += cols) {
        int w = Math.min(cols, width - x0);
        dsm.readFloats(0, x0, y0, w, h, buf);
        for (int r = 0; r < h; r++) {
          int rowBase = Math.min(overviewHeight - 1, (y0 + r + half) / s) * overviewWidth;
          int at = r * w;
          for (int c = 0; c < w; c++) {
            float v = buf[at + c];
            if (!dsm.isNoData(v)) {
              int cell = rowBase + cellOfColumn[x0 + c];
              sum[cell] += v;
              count[cell]++;
            }
          }
        }
      }
    }
    float[] out = new float[sum.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = count[i] == 0 ? Float.NaN : (float) (sum[i] / count[i]);
    }
    return out;
  }

  /**
   * The overview from the raster's own, when it keeps one of the right size (a DSM read from the
   * service): reading it costs a fraction of a pass over the DSM. Its cells average the block
   * [c·s, (c + 1)·s) rather than the block centred on vertex c·s: half a block's shift, at levels
   * seen only from afar.
   */
  private float[] storedOverview() throws IOException {
    if (overviewStep == 1) {
      return null;
    }
    Optional<Raster> o = dsm.overview(Integer.numberOfTrailingZeros(overviewStep));
    if (o.isEmpty() || o.get().width() != overviewWidth || o.get().height() != overviewHeight) {
      return null;
    }
    float[] out = new float[overviewWidth * overviewHeight];
    o.get().readFloats(0, 0, 0, overviewWidth, overviewHeight, out);
    for (int i = 0; i < out.length; i++) {
      if (dsm.isNoData(out[i])) {
        out[i] = Float.NaN;
      }
    }
    return out;
  }

  private static int align(int n, int block) {
    int b = Math.max(1, block);
    return (n + b - 1) / b * b;
  }

  /** The height grid of one tile, with the pixel positions of its vertices. */
  public record TileGrid(TileKey key, int step, int[] cols, int[] rows, float[] heights,
      float min, float max) {
    /** Vertices along each side ({@link #TILE_CELLS} + 1). */
    public int size() {
      return cols.length;
    }

    /** The elevation at vertex (i, j) (column i, row j); NaN where missing or outside the DSM. */
    public float height(int i, int j) {
      return heights[j * cols.length + i];
    }
  }

  /** The step in DSM pixels between neighbouring vertices of a tile at {@code level}. */
  public int step(int level) {
    return rootStep >> level;
  }

  /**
   * Pixel positions of a tile's vertices along one axis: {@code start + i × step}, the last one
   * inside pulled back to the DSM's last pixel so that every level reaches the edge, and −1 past
   * it.
   */
  static int[] positions(int start, int step, int limit) {
    int[] out = new int[TILE_CELLS + 1];
    for (int i = 0; i <= TILE_CELLS; i++) {
      long p = start + (long) i * step;
      if (p <= limit - 1) {
        out[i] = (int) p;
      } else if (i > 0 && out[i - 1] >= 0 && out[i - 1] < limit - 1) {
        out[i] = limit - 1;
      } else {
        out[i] = -1;
      }
    }
    return out;
  }

  /** Whether the tile covers any of the DSM. */
  public boolean exists(TileKey k) {
    if (k.level() < 0 || k.level() > leafLevel || k.tx() < 0 || k.ty() < 0) {
      return false;
    }
    long span = (long) TILE_CELLS * step(k.level());
    return k.tx() * span < width - 1 && k.ty() * span < height - 1;
  }

  /**
   * Reads the tile's heights at its level's resolution.
   *
   * @throws IOException when the DSM cannot be read
   */
  public TileGrid read(TileKey k) throws IOException {
    if (!exists(k)) {
      throw new IllegalArgumentException("no such tile: " + k);
    }
    int s = step(k.level());
    int span = TILE_CELLS * s;
    int[] cols = positions(k.tx() * span, s, width);
    int[] rows = positions(k.ty() * span, s, height);
    int n = TILE_CELLS + 1;
    float[] heights = new float[n * n];
    java.util.Arrays.fill(heights, Float.NaN);
    if (s >= overviewStep) {
      int kk = s / overviewStep;
      for (int j = 0; j < n; j++) {
        if (rows[j] < 0) {
          continue;
        }
        int oy = Math.min(overviewHeight - 1, Math.round((float) rows[j] / overviewStep));
        for (int i = 0; i < n; i++) {
          if (cols[i] >= 0) {
            int ox = Math.min(overviewWidth - 1, Math.round((float) cols[i] / overviewStep));
            heights[j * n + i] =
                blockMean(overview, overviewWidth, overviewHeight, 0, 0, ox, oy, kk);
          }
        }
      }
    } else {
      int x0 = Math.max(0, cols[0] - s / 2);
      int y0 = Math.max(0, rows[0] - s / 2);
      int x1 = Math.min(width, last(cols) + s - s / 2);
      int y1 = Math.min(height, last(rows) + s - s / 2);
      int w = x1 - x0;
      int h = y1 - y0;
      float[] buf = new float[w * h];
      dsm.readFloats(0, x0, y0, w, h, buf);
      for (int i = 0; i < buf.length; i++) {
        if (dsm.isNoData(buf[i])) {
          buf[i] = Float.NaN;
        }
      }
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
          if (rows[j] >= 0 && cols[i] >= 0) {
            heights[j * n + i] = blockMean(buf, w, h, x0, y0, cols[i], rows[j], s);
          }
        }
      }
    }
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float v : heights) {
      if (!Float.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      lo = hi = (float) baseElevation;
    }
    return new TileGrid(k, s, cols, rows, heights, lo, hi);
  }

  private static int last(int[] positions) {
    int l = positions[0];
    for (int p : positions) {
      if (p >= 0) {
        l = p;
      }
    }
    return l;
  }

  /**
   * The mean of the valid (non-NaN) values in the k × k block [c − k/2, c + k − k/2) of a grid
   * whose array starts at grid position (x0, y0); NaN when none is valid.
   */
  static float blockMean(float[] grid, int w, int h, int x0, int y0, int c, int r, int k) {
    int ca = Math.max(0, c - k / 2 - x0);
    int cb = Math.min(w, c + k - k / 2 - x0);
    int ra = Math.max(0, r - k / 2 - y0);
    int rb = Math.min(h, r + k - k / 2 - y0);
    double sum = 0;
    int n = 0;
    for (int y = ra; y < rb; y++) {
      int base = y * w;
      for (int x = ca; x < cb; x++) {
        float v = grid[base + x];
        if (!Float.isNaN(v)) {
          sum += v;
          n++;
        }
      }
    }
    return n == 0 ? Float.NaN : (float) (sum / n);
  }

  /**
   * The lowest and highest elevation under a tile, from the overview (so available before the tile
   * is read): {@code {min, max}}.
   */
  public float[] range(TileKey k) {
    return ranges.computeIfAbsent(k, key -> {
      int span = TILE_CELLS * step(key.level());
      int ox0 = Math.max(0, key.tx() * span / overviewStep - 1);
      int oy0 = Math.max(0, key.ty() * span / overviewStep - 1);
      int ox1 = (int) Math.min(overviewWidth, ((long) key.tx() + 1) * span / overviewStep + 2);
      int oy1 = (int) Math.min(overviewHeight, ((long) key.ty() + 1) * span / overviewStep + 2);
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (int y = oy0; y < oy1; y++) {
        for (int x = ox0; x < ox1; x++) {
          float v = overview[y * overviewWidth + x];
          if (!Float.isNaN(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      return lo > hi ? new float[] {(float) baseElevation, (float) baseElevation}
          : new float[] {lo, hi};
    });
  }

  /**
   * The elevation near a world position (x, z) from the overview (bilinear); NaN outside the DSM
   * or over NoData. Cheap: for keeping the camera above ground and placing overlays roughly.
   */
  public double elevationAtWorld(double x, double z) {
    double px = transform.px(x + centreX, z + centreY) - 0.5;
    double py = transform.py(x + centreX, z + centreY) - 0.5;
    double ox = px / overviewStep;
    double oy = py / overviewStep;
    if (ox < 0 || oy < 0 || ox > overviewWidth - 1 || oy > overviewHeight - 1) {
      return Double.NaN;
    }
    int x0 = Math.min(overviewWidth - 2, (int) ox);
    int y0 = Math.min(overviewHeight - 2, (int) oy);
    if (x0 < 0 || y0 < 0) {
      return overview[Math.max(0, y0) * overviewWidth + Math.max(0, x0)];
    }
    double fx = ox - x0;
    double fy = oy - y0;
    double a = overview[y0 * overviewWidth + x0];
    double b = overview[y0 * overviewWidth + x0 + 1];
    double c = overview[(y0 + 1) * overviewWidth + x0];
    double d = overview[(y0 + 1) * overviewWidth + x0 + 1];
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
  }

  /**
   * The DSM's elevation at CRS position (x, y), bilinear between the four nearest samples read from
   * the DSM itself; NaN outside or where a neighbour is NoData.
   *
   * @throws IOException when the DSM cannot be read
   */
  public double elevationAt(double x, double y) throws IOException {
    double px = transform.px(x, y) - 0.5;
    double py = transform.py(x, y) - 0.5;
    if (px < -0.5 || py < -0.5 || px > width - 0.5 || py > height - 0.5) {
      return Double.NaN;
    }
    int x0 = (int) Math.max(0, Math.min(width - 2, Math.floor(px)));
    int y0 = (int) Math.max(0, Math.min(height - 2, Math.floor(py)));
    float[] v = new float[4];
    dsm.readFloats(0, x0, y0, 2, 2, v);
    for (float f : v) {
      if (dsm.isNoData(f)) {
        return Double.NaN;
      }
    }
    double fx = Math.max(0, Math.min(1, px - x0));
    double fy = Math.max(0, Math.min(1, py - y0));
    return (v[0] * (1 - fx) + v[1] * fx) * (1 - fy) + (v[2] * (1 - fx) + v[3] * fx) * fy;
  }

  /** World x of pixel position (px, py) (pixel corners at integers, centres at +0.5). */
  public double worldX(double px, double py) {
    return transform.x(px, py) - centreX;
  }

  /** World z of pixel position (px, py). */
  public double worldZ(double px, double py) {
    return transform.y(px, py) - centreY;
  }

  /** World y of an elevation at an exaggeration (y points down). */
  public double worldY(double elevation, double exaggeration) {
    return -(elevation - baseElevation) * exaggeration;
  }

  /** The elevation a world y stands for: the inverse of {@link #worldY}. */
  public double elevationOfWorldY(double y, double exaggeration) {
    return baseElevation - y / exaggeration;
  }

  public Raster raster() {
    return dsm;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** CRS x of the world origin (the DSM's centre). */
  public double centreX() {
    return centreX;
  }

  /** CRS y of the world origin. */
  public double centreY() {
    return centreY;
  }

  /** The side of a pixel in CRS units (the square root of its area). */
  public double pixelSize() {
    return pixelSize;
  }

  /** The lowest valid elevation (at world y = 0), from the overview. */
  public double baseElevation() {
    return baseElevation;
  }

  /** The highest elevation in the overview. */
  public double topElevation() {
    return topElevation;
  }

  /** The DSM's width and depth in world units. */
  public double extent() {
    return Math.max(width, height) * pixelSize;
  }

  public int overviewStep() {
    return overviewStep;
  }

  /** The level whose step is one pixel. */
  public int leafLevel() {
    return leafLevel;
  }
}

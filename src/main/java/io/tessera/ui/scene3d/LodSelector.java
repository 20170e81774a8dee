package io.tessera.ui.scene3d;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Chooses which tiles of a {@link TerrainSource} to draw for a view: starting from the root, the
 * tile whose cells look largest on screen is split into its children, until every tile's cells
 * project smaller than {@code maxPixelsPerCell}, the finest level is reached, or splitting would
 * exceed the triangle budget. Tiles outside the view frustum are not split.
 */
public final class LodSelector {
  /** Triangles of one tile's surface plus its skirts. */
  public static final int TRIANGLES_PER_TILE =
      2 * TerrainSource.TILE_CELLS * TerrainSource.TILE_CELLS + 8 * TerrainSource.TILE_CELLS;

  private LodSelector() {}

  /**
   * Where the camera is and where it looks, in world units (see {@link TerrainSource}).
   *
   * @param forward unit vector of the view direction
   * @param right unit vector to the right of the screen
   * @param up unit vector to the top of the screen
   * @param fovYDeg the vertical field of view in degrees
   * @param aspect the viewport's width over its height
   * @param viewportHeight the viewport's height in pixels
   */
  public record View(double eyeX, double eyeY, double eyeZ, double[] forward, double[] right,
      double[] up, double fovYDeg, double aspect, double viewportHeight) {

    double focalPixels() {
      return viewportHeight / 2 / Math.tan(Math.toRadians(fovYDeg) / 2);
    }
  }

  /** The tiles to draw and how many triangles they hold at most. */
  public record Selection(List<TileKey> tiles, int triangles) {}

  private record Candidate(TileKey key, double pixelsPerCell) {}

  /**
   * Selects tiles for {@code view}.
   *
   * @param exaggeration the vertical exaggeration heights are drawn with
   * @param maxPixelsPerCell split tiles whose cells look larger than this on screen
   * @param triangleBudget never select tiles holding more triangles than this (the root alone is
   *     always selected)
   */
  public static Selection select(TerrainSource src, double exaggeration, View view,
      double maxPixelsPerCell, int triangleBudget) {
    PriorityQueue<Candidate> queue =
        new PriorityQueue<>(Comparator.comparingDouble(Candidate::pixelsPerCell).reversed());
    TileKey root = new TileKey(0, 0, 0);
    queue.add(new Candidate(root, pixelsPerCell(src, exaggeration, view, root)));
    List<TileKey> out = new ArrayList<>();
    int triangles = TRIANGLES_PER_TILE;
    while (!queue.isEmpty()) {
      Candidate c = queue.poll();
      if (c.pixelsPerCell <= maxPixelsPerCell || c.key.level() >= src.leafLevel()) {
        out.add(c.key);
        continue;
      }
      List<TileKey> children = new ArrayList<>(4);
      for (TileKey child : c.key.children()) {
        if (src.exists(child)) {
          children.add(child);
        }
      }
      int after = triangles + (children.size() - 1) * TRIANGLES_PER_TILE;
      if (after > triangleBudget) {
        out.add(c.key);
        continue;
      }
      triangles = after;
      for (TileKey child : children) {
        queue.add(new Candidate(child, pixelsPerCell(src, exaggeration, view, child)));
      }
    }
    return new Selection(out, triangles);
  }

  /**
   * How many screen pixels one cell of the tile spans at its nearest point to the eye; 0 when the
   * tile is outside the view frustum.
   */
  static double pixelsPerCell(TerrainSource src, double exaggeration, View v, TileKey k) {
    double[] box = bounds(src, exaggeration, k);
    double cx = (box[0] + box[3]) / 2;
    double cy = (box[1] + box[4]) / 2;
    double cz = (box[2] + box[5]) / 2;
    double radius = Math.sqrt(sq(box[3] - box[0]) + sq(box[4] - box[1]) + sq(box[5] - box[2])) / 2;
    if (!inFrustum(v, cx, cy, cz, radius)) {
      return 0;
    }
    double dx = Math.max(box[0] - v.eyeX(), Math.max(0, v.eyeX() - box[3]));
    double dy = Math.max(box[1] - v.eyeY(), Math.max(0, v.eyeY() - box[4]));
    double dz = Math.max(box[2] - v.eyeZ(), Math.max(0, v.eyeZ() - box[5]));
    double distance = Math.max(1e-6, Math.sqrt(dx * dx + dy * dy + dz * dz));
    double cell = src.step(k.level()) * src.pixelSize();
    return cell / distance * v.focalPixels();
  }

  /** The tile's world bounding box: {minX, minY, minZ, maxX, maxY, maxZ}. */
  static double[] bounds(TerrainSource src, double exaggeration, TileKey k) {
    int span = TerrainSource.TILE_CELLS * src.step(k.level());
    double px0 = Math.min(src.width(), (long) k.tx() * span);
    double py0 = Math.min(src.height(), (long) k.ty() * span);
    double px1 = Math.min(src.width(), ((long) k.tx() + 1) * span + 1);
    double py1 = Math.min(src.height(), ((long) k.ty() + 1) * span + 1);
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minZ = Double.POSITIVE_INFINITY;
    double maxZ = Double.NEGATIVE_INFINITY;
    for (double[] p : new double[][] {{px0, py0}, {px1, py0}, {px0, py1}, {px1, py1}}) {
      double x = src.worldX(p[0], p[1]);
      double z = src.worldZ(p[0], p[1]);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minZ = Math.min(minZ, z);
      maxZ = Math.max(maxZ, z);
    }
    float[] range = src.range(k);
    double y0 = src.worldY(range[1], exaggeration);
    double y1 = src.worldY(range[0], exaggeration);
    return new double[] {minX, Math.min(y0, y1), minZ, maxX, Math.max(y0, y1), maxZ};
  }

  static boolean inFrustum(View v, double x, double y, double z, double radius) {
    double dx = x - v.eyeX();
    double dy = y - v.eyeY();
    double dz = z - v.eyeZ();
    double f = dot(v.forward(), dx, dy, dz);
    if (f < -radius) {
      return false;
    }
    double tanY = Math.tan(Math.toRadians(v.fovYDeg()) / 2);
    double tanX = tanY * v.aspect();
    double r = Math.abs(dot(v.right(), dx, dy, dz));
    double u = Math.abs(dot(v.up(), dx, dy, dz));
    // distance of the centre outside each side plane, against the radius
    return (r - f * tanX) / Math.sqrt(1 + tanX * tanX) <= radius
        && (u - f * tanY) / Math.sqrt(1 + tanY * tanY) <= radius;
  }

  private static double dot(double[] a, double x, double y, double z) {
    return a[0] * x + a[1] * y + a[2] * z;
  }

  private static double sq(double d) {
    return d * d;
  }
}

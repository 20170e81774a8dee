package io.tessera.ui.scene3d;

import io.tessera.ui.scene3d.TerrainSource.TileGrid;
import java.util.Arrays;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;

/**
 * Meshes a tile's height grid: one vertex per grid point at its world position, two triangles per
 * cell whose four corners are valid (a NoData corner leaves a hole), skirts hanging down from the
 * tile's edges to hide the cracks between neighbours of different levels, and per-vertex normals
 * (so JavaFX need not compute them on the FX thread). Plain arrays, buildable on any thread.
 *
 * @param points x, y, z per vertex
 * @param normals x, y, z per vertex (one normal per vertex, same index as its point)
 * @param texCoords u, v per vertex (same index as its point)
 * @param faces per triangle three (point, normal, texCoord) index triples
 * @param surfaceTriangles triangles of the surface, without the skirts
 */
public record TerrainMesh(float[] points, float[] normals, float[] texCoords, int[] faces,
    int surfaceTriangles) {

  /** How vertices pick their colour. */
  public enum Texturing {
    /** u = elevation within [base, top] of the DSM, v = 0.5: a colour ramp texture. */
    ELEVATION_RAMP,
    /** u, v across the tile: a texture covering exactly the tile's vertex positions. */
    TILE_IMAGE
  }

  /** Triangles in total, skirts included. */
  public int triangles() {
    return faces.length / 9;
  }

  /**
   * Builds the mesh of {@code grid}.
   *
   * @param exaggeration multiplies heights above the DSM's base elevation
   */
  public static TerrainMesh build(TerrainSource src, TileGrid grid, double exaggeration,
      Texturing texturing) {
    int n = grid.size();
    int[] cols = grid.cols();
    int[] rows = grid.rows();
    int lastCol = lastValid(cols);
    int lastRow = lastValid(rows);
    int skirtBase = n * n;
    int vertices = n * n + 4 * n;
    float[] p = new float[vertices * 3];
    float[] tex = new float[vertices * 2];
    boolean[] valid = new boolean[n * n];
    double spanC = Math.max(1, cols[lastCol] - cols[0]);
    double spanR = Math.max(1, rows[lastRow] - rows[0]);
    double relief = Math.max(1e-9, src.topElevation() - src.baseElevation());
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        int v = j * n + i;
        if (cols[i] < 0 || rows[j] < 0) {
          continue;
        }
        double px = cols[i] + 0.5;
        double py = rows[j] + 0.5;
        float h = grid.heights()[v];
        valid[v] = !Float.isNaN(h);
        p[v * 3] = (float) src.worldX(px, py);
        p[v * 3 + 1] = valid[v] ? (float) src.worldY(h, exaggeration) : 0;
        p[v * 3 + 2] = (float) src.worldZ(px, py);
        if (texturing == Texturing.ELEVATION_RAMP) {
          double u = valid[v] ? (h - src.baseElevation()) / relief : 0;
          tex[v * 2] = (float) (RAMP_TEXEL / 2 + Math.max(0, Math.min(1, u)) * (1 - RAMP_TEXEL));
          tex[v * 2 + 1] = 0.5f;
        } else {
          tex[v * 2] = texel((cols[i] - cols[0]) / spanC, TerrainTextures.tileSize(n));
          tex[v * 2 + 1] = texel((rows[j] - rows[0]) / spanR, TerrainTextures.tileSize(n));
        }
      }
    }
    float[] nrm = normals(p, valid, n, vertices, orientation(p, n, lastCol, lastRow));

    // A face is wound so that (p1 − p0) × (p2 − p0) points up (−y), as JavaFX's front faces.
    boolean flip = orientation(p, n, lastCol, lastRow) > 0;
    int[] faces = new int[(2 * (n - 1) * (n - 1) + 8 * (n - 1)) * 9];
    int f = 0;
    int surface = 0;
    for (int j = 0; j < n - 1; j++) {
      for (int i = 0; i < n - 1; i++) {
        int a = j * n + i;
        int b = a + 1;
        int c = a + n;
        int d = c + 1;
        if (valid[a] && valid[b] && valid[c] && valid[d]) {
          f = flip ? face(faces, f, a, c, b) : face(faces, f, a, b, c);
          f = flip ? face(faces, f, b, c, d) : face(faces, f, b, d, c);
          surface += 2;
        }
      }
    }
    // Skirts: each edge vertex again, lowered; quads between an edge and its lowered copy. A
    // crack between this tile and a neighbour of another level is at most about the height
    // change between two edge samples, so that (and a cell's width, for what lies between
    // samples) is how deep a skirt hangs: deeper ones show as teeth below the DSM's own border,
    // where the inner edges' skirts meet it.
    int[][] edges = new int[4][n];
    for (int k = 0; k < n; k++) {
      edges[0][k] = k; // top row
      edges[1][k] = lastRow * n + k; // bottom row
      edges[2][k] = k * n; // left column
      edges[3][k] = k * n + lastCol; // right column
    }
    double[] depths = new double[4];
    for (int e = 0; e < 4; e++) {
      double step = 0;
      for (int k = 0; k < n - 1; k++) {
        int a = edges[e][k];
        int b = edges[e][k + 1];
        if (valid[a] && valid[b]) {
          step = Math.max(step, Math.abs(p[a * 3 + 1] - p[b * 3 + 1]));
        }
      }
      depths[e] = 1.5 * step + grid.step() * src.pixelSize() * 0.5;
    }
    // the DSM's own border needs none: nothing lies beyond it to crack against
    boolean[] inner = {rows[0] > 0, rows[lastRow] < src.height() - 1, cols[0] > 0,
      cols[lastCol] < src.width() - 1};
    int next = skirtBase;
    for (int e = 0; e < 4; e++) {
      int[] edge = edges[e];
      double depth = depths[e];
      int first = next;
      for (int k = 0; k < n; k++) {
        int v = edge[k];
        System.arraycopy(p, v * 3, p, next * 3, 3);
        p[next * 3 + 1] += (float) depth;
        System.arraycopy(nrm, v * 3, nrm, next * 3, 3);
        System.arraycopy(tex, v * 2, tex, next * 2, 2);
        next++;
      }
      for (int k = 0; k < n - 1; k++) {
        int a = edge[k];
        int b = edge[k + 1];
        if (inner[e] && valid[a] && valid[b]) {
          f = face(faces, f, a, b, first + k + 1);
          f = face(faces, f, a, first + k + 1, first + k);
        }
      }
    }
    return new TerrainMesh(p, nrm, tex, Arrays.copyOf(faces, f), surface);
  }

  private static final float RAMP_TEXEL = 1f / TerrainTextures.RAMP_WIDTH;

  private static float texel(double t, int size) {
    return (float) ((0.5 + t * (size - 1)) / size);
  }

  private static int lastValid(int[] positions) {
    int l = 0;
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] >= 0) {
        l = i;
      }
    }
    return l;
  }

  /** The sign of the y of (right − origin) × (down − origin) on the flat grid. */
  private static double orientation(float[] p, int n, int lastCol, int lastRow) {
    int o = 0;
    int r = lastCol;
    int d = lastRow * n;
    double ux = p[r * 3] - p[o * 3];
    double uz = p[r * 3 + 2] - p[o * 3 + 2];
    double vx = p[d * 3] - p[o * 3];
    double vz = p[d * 3 + 2] - p[o * 3 + 2];
    return uz * vx - ux * vz;
  }

  private static float[] normals(float[] p, boolean[] valid, int n, int vertices, double orient) {
    float[] out = new float[vertices * 3];
    double sign = orient > 0 ? -1 : 1;
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        int v = j * n + i;
        if (!valid[v]) {
          out[v * 3 + 1] = -1;
          continue;
        }
        int l = i > 0 && valid[v - 1] ? v - 1 : v;
        int r = i < n - 1 && valid[v + 1] ? v + 1 : v;
        int u = j > 0 && valid[v - n] ? v - n : v;
        int d = j < n - 1 && valid[v + n] ? v + n : v;
        double ax = p[r * 3] - p[l * 3];
        double ay = p[r * 3 + 1] - p[l * 3 + 1];
        double az = p[r * 3 + 2] - p[l * 3 + 2];
        double bx = p[d * 3] - p[u * 3];
        double by = p[d * 3 + 1] - p[u * 3 + 1];
        double bz = p[d * 3 + 2] - p[u * 3 + 2];
        double nx = ay * bz - az * by;
        double ny = az * bx - ax * bz;
        double nz = ax * by - ay * bx;
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (len == 0 || l == r || u == d) {
          out[v * 3 + 1] = -1;
          continue;
        }
        out[v * 3] = (float) (sign * nx / len);
        out[v * 3 + 1] = (float) (sign * ny / len);
        out[v * 3 + 2] = (float) (sign * nz / len);
      }
    }
    return out;
  }

  private static int face(int[] faces, int at, int p0, int p1, int p2) {
    for (int v : new int[] {p0, p1, p2}) {
      faces[at++] = v;
      faces[at++] = v;
      faces[at++] = v;
    }
    return at;
  }

  /** The mesh as a JavaFX {@link TriangleMesh} with normals. */
  public TriangleMesh toTriangleMesh() {
    TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_NORMAL_TEXCOORD);
    mesh.getPoints().setAll(points);
    mesh.getNormals().setAll(normals);
    mesh.getTexCoords().setAll(texCoords);
    mesh.getFaces().setAll(faces);
    return mesh;
  }
}

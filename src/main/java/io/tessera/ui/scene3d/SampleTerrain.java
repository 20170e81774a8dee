package io.tessera.ui.scene3d;

import io.tessera.core.raster.ArrayRaster;
import io.tessera.core.raster.GeoTransform;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;

/**
 * A made-up landscape for the 3D pane until a project's DSM is shown there: a few hills, a hollow
 * and gentle ripples on a square grid, meshed as triangles and coloured by height through a
 * texture ramp (green lowland, tan slopes, brown ridges, pale tops).
 */
public final class SampleTerrain {
  /** Vertices along each side of the grid. */
  public static final int GRID = 128;
  /** Width and depth of the terrain in world units; it is centred on the origin. */
  public static final double SIZE = 200;
  /** Height of the highest point above the lowest, in world units. */
  public static final double RELIEF = 44;
  private static final int RAMP_WIDTH = 256;

  private SampleTerrain() {}

  /**
   * Heights on an {@code n × n} grid, row by row (z outer, x inner), from 0 (lowest) to {@link
   * #RELIEF} (highest).
   */
  public static float[] heights(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("grid needs at least 2 vertices a side: " + n);
    }
    double[] raw = new double[n * n];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int row = 0; row < n; row++) {
      double z = -1 + 2.0 * row / (n - 1);
      for (int col = 0; col < n; col++) {
        double x = -1 + 2.0 * col / (n - 1);
        double h =
            28 * gauss(x - 0.25, z + 0.2, 0.08)
                + 18 * gauss(x + 0.45, z - 0.35, 0.05)
                + 9 * gauss(x - 0.55, z - 0.6, 0.03)
                - 10 * gauss(x + 0.1, z + 0.55, 0.04)
                + 3 * Math.sin(5 * x) * Math.cos(4 * z)
                + 1.2 * Math.sin(13 * x + 3 * z);
        raw[row * n + col] = h;
        min = Math.min(min, h);
        max = Math.max(max, h);
      }
    }
    float[] out = new float[n * n];
    for (int i = 0; i < raw.length; i++) {
      out[i] = (float) ((raw[i] - min) / (max - min) * RELIEF);
    }
    return out;
  }

  /**
   * The sample landscape as a DSM: {@code 2 × GRID} samples a side over {@link #SIZE} units,
   * centred on the origin, in no particular CRS. Shown by the 3D pane until a real DSM is.
   */
  public static ArrayRaster raster() {
    int n = 2 * GRID;
    double cell = SIZE / n;
    return new ArrayRaster(n, n, heights(n), GeoTransform.northUp(-SIZE / 2, SIZE / 2, cell, cell),
        OptionalInt.empty(), OptionalDouble.empty());
  }

  private static double gauss(double dx, double dz, double spread) {
    return Math.exp(-(dx * dx + dz * dz) / spread);
  }

  /**
   * Meshes a height grid: one vertex per sample at {@code (x, −height, z)} (JavaFX's y points
   * down), two triangles per cell, one smoothing group so JavaFX computes smooth normals, and a
   * texture coordinate per vertex that picks the height's colour from {@link #colourRamp()}.
   */
  public static TriangleMesh mesh(float[] heights, int n) {
    TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_TEXCOORD);
    float[] points = new float[n * n * 3];
    float[] tex = new float[n * n * 2];
    float texel = 1f / RAMP_WIDTH;
    for (int row = 0; row < n; row++) {
      for (int col = 0; col < n; col++) {
        int i = row * n + col;
        points[i * 3] = (float) (-SIZE / 2 + SIZE * col / (n - 1));
        points[i * 3 + 1] = -heights[i];
        points[i * 3 + 2] = (float) (-SIZE / 2 + SIZE * row / (n - 1));
        // Sample texel centres only, so the ramp's ends do not bleed into each other.
        float u = (float) (heights[i] / RELIEF);
        tex[i * 2] = texel / 2 + u * (1 - texel);
        tex[i * 2 + 1] = 0.5f;
      }
    }
    int[] faces = new int[(n - 1) * (n - 1) * 2 * 6];
    int f = 0;
    for (int row = 0; row < n - 1; row++) {
      for (int col = 0; col < n - 1; col++) {
        int a = row * n + col;
        int b = a + 1;
        int c = a + n;
        int d = c + 1;
        // Wound so that the faces look up (−y) and are not culled when seen from above.
        f = face(faces, f, a, b, c);
        f = face(faces, f, b, d, c);
      }
    }
    int[] smoothing = new int[faces.length / 6];
    Arrays.fill(smoothing, 1);
    mesh.getPoints().setAll(points);
    mesh.getTexCoords().setAll(tex);
    mesh.getFaces().setAll(faces);
    mesh.getFaceSmoothingGroups().setAll(smoothing);
    return mesh;
  }

  private static int face(int[] faces, int at, int p0, int p1, int p2) {
    faces[at] = p0;
    faces[at + 1] = p0;
    faces[at + 2] = p1;
    faces[at + 3] = p1;
    faces[at + 4] = p2;
    faces[at + 5] = p2;
    return at + 6;
  }

  /** A 256×1 texture from low (left) to high (right). Needs the JavaFX toolkit. */
  public static Image colourRamp() {
    Color[] stops = {
      Color.web("#4f7f3a"), Color.web("#7da453"), Color.web("#c9b77c"),
      Color.web("#a07850"), Color.web("#7b5a44"), Color.web("#f2efe8")
    };
    double[] at = {0, 0.25, 0.5, 0.7, 0.88, 1};
    WritableImage img = new WritableImage(RAMP_WIDTH, 1);
    PixelWriter w = img.getPixelWriter();
    for (int x = 0; x < RAMP_WIDTH; x++) {
      double t = x / (RAMP_WIDTH - 1.0);
      int k = 0;
      while (k < at.length - 2 && t > at[k + 1]) {
        k++;
      }
      double local = (t - at[k]) / (at[k + 1] - at[k]);
      w.setColor(x, 0, stops[k].interpolate(stops[k + 1], local));
    }
    return img;
  }
}

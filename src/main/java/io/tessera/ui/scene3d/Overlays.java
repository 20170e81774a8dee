package io.tessera.ui.scene3d;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.DrawMode;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.Sphere;
import javafx.scene.shape.TriangleMesh;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds the 3D pane's overlay nodes from DSM-CRS geometry: the volume (outline, base sheet,
 * cut/fill tint), annotations and camera frusta. Heights come from the DSM; building reads it, so
 * call these off the FX thread and add the nodes on it.
 */
final class Overlays {
  /** Cells along the longer side of a volume's grid, at most. */
  static final int VOLUME_GRID = 240;

  private Overlays() {}

  /** Colours of a volume overlay (alpha is honoured: the tint and the sheet are translucent). */
  record VolumeStyle(Color cut, Color fill, Color sheet, Color outline) {}

  /**
   * The volume overlay: the polygon's outline as a fence on the terrain, the base surface as a
   * translucent sheet, and the terrain inside tinted {@code cut} where it is above the base and
   * {@code fill} where below. Cells where the base is NaN are left out.
   */
  static Group volume(TerrainSource src, double exaggeration, Polygon polygon,
      DoubleBinaryOperator base, VolumeStyle style) throws IOException {
    Envelope env = polygon.getEnvelopeInternal();
    double cell = Math.max(src.pixelSize(), Math.max(env.getWidth(), env.getHeight()) / VOLUME_GRID);
    int nx = Math.max(1, (int) Math.ceil(env.getWidth() / cell));
    int ny = Math.max(1, (int) Math.ceil(env.getHeight() / cell));
    int vx = nx + 1;
    int vy = ny + 1;
    double[] xs = new double[vx * vy];
    double[] ys = new double[vx * vy];
    for (int j = 0; j < vy; j++) {
      for (int i = 0; i < vx; i++) {
        xs[j * vx + i] = env.getMinX() + i * cell;
        ys[j * vx + i] = env.getMaxY() - j * cell;
      }
    }
    double[] dsm = sampleDsm(src, xs, ys);
    double[] baseZ = new double[xs.length];
    for (int k = 0; k < xs.length; k++) {
      baseZ[k] = base.applyAsDouble(xs[k], ys[k]);
    }
    IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(polygon);
    float lift = (float) (src.extent() * 4e-4);
    float[] terrainPts = new float[xs.length * 3];
    float[] sheetPts = new float[xs.length * 3];
    for (int k = 0; k < xs.length; k++) {
      float wx = (float) (xs[k] - src.centreX());
      float wz = (float) (ys[k] - src.centreY());
      terrainPts[k * 3] = wx;
      terrainPts[k * 3 + 1] = (float) src.worldY(dsm[k], exaggeration) - lift;
      terrainPts[k * 3 + 2] = wz;
      sheetPts[k * 3] = wx;
      sheetPts[k * 3 + 1] = (float) src.worldY(baseZ[k], exaggeration);
      sheetPts[k * 3 + 2] = wz;
    }
    double tolerance = src.pixelSize() * 0.01 + 1e-6;
    List<Integer> tint = new ArrayList<>();
    List<Integer> sheet = new ArrayList<>();
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int a = j * vx + i;
        int[] q = {a, a + 1, a + vx, a + vx + 1};
        double cx = env.getMinX() + (i + 0.5) * cell;
        double cy = env.getMaxY() - (j + 0.5) * cell;
        if (inside.locate(new Coordinate(cx, cy)) == Location.EXTERIOR) {
          continue;
        }
        boolean baseOk = true;
        boolean dsmOk = true;
        double diff = 0;
        for (int v : q) {
          baseOk &= !Double.isNaN(baseZ[v]);
          dsmOk &= !Double.isNaN(dsm[v]);
          diff += dsm[v] - baseZ[v];
        }
        if (baseOk) {
          sheet.add(a);
        }
        if (baseOk && dsmOk) {
          int texel = diff / 4 > tolerance ? 0 : diff / 4 < -tolerance ? 1 : 2;
          tint.add(a * 4 + texel);
        }
      }
    }
    Group g = new Group();
    g.setId("volumeOverlay");
    MeshView tinted = new MeshView(gridMesh(terrainPts, vx, tint, true));
    PhongMaterial tintMat = new PhongMaterial(Color.WHITE);
    tintMat.setDiffuseMap(swatch(style.cut(), style.fill(), Color.TRANSPARENT));
    tinted.setMaterial(tintMat);
    tinted.setCullFace(CullFace.NONE);
    tinted.setId("volumeCutFill");
    MeshView sheetView = new MeshView(gridMesh(sheetPts, vx, sheet, false));
    sheetView.setMaterial(new PhongMaterial(style.sheet()));
    sheetView.setCullFace(CullFace.NONE);
    sheetView.setId("volumeBase");
    Node outline = fence(src, exaggeration, polygon.getExteriorRing().getCoordinates(),
        style.outline(), true);
    outline.setId("volumeOutline");
    // translucent nodes last, so that what is behind them is drawn first
    g.getChildren().addAll(outline, tinted, sheetView);
    return g;
  }

  private static TriangleMesh gridMesh(float[] pts, int vx, List<Integer> cells, boolean tinted) {
    TriangleMesh mesh = new TriangleMesh();
    mesh.getPoints().setAll(pts);
    mesh.getTexCoords().setAll(1 / 6f, 0.5f, 3 / 6f, 0.5f, 5 / 6f, 0.5f);
    int[] faces = new int[cells.size() * 12];
    int f = 0;
    for (int c : cells) {
      int a = tinted ? c / 4 : c;
      int t = tinted ? c % 4 : 0;
      int b = a + 1;
      int d = a + vx;
      int e = d + 1;
      for (int v : new int[] {a, d, b, b, d, e}) {
        faces[f++] = v;
        faces[f++] = t;
      }
    }
    mesh.getFaces().setAll(faces);
    return mesh;
  }

  private static WritableImage swatch(Color... colours) {
    WritableImage img = new WritableImage(colours.length, 1);
    PixelWriter w = img.getPixelWriter();
    for (int i = 0; i < colours.length; i++) {
      w.setColor(i, 0, colours[i]);
    }
    return img;
  }

  /**
   * A line on the terrain drawn as a thin vertical band (a fence) standing on the DSM, densified to
   * about the DSM's resolution so it follows the relief; visible from every side.
   */
  static MeshView fence(TerrainSource src, double exaggeration, Coordinate[] line, Color colour,
      boolean closed) throws IOException {
    List<double[]> dense = new ArrayList<>();
    double maxStep = Math.max(src.pixelSize(), src.extent() / 1000);
    int segments = line.length - 1;
    for (int s = 0; s < segments; s++) {
      Coordinate a = line[s];
      Coordinate b = line[s + 1];
      int steps = Math.max(1, (int) Math.ceil(a.distance(b) / maxStep));
      for (int k = 0; k < steps; k++) {
        double t = k / (double) steps;
        dense.add(new double[] {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
      }
    }
    Coordinate end = line[line.length - 1];
    dense.add(new double[] {end.x, end.y});
    double[] xs = new double[dense.size()];
    double[] ys = new double[dense.size()];
    for (int k = 0; k < xs.length; k++) {
      xs[k] = dense.get(k)[0];
      ys[k] = dense.get(k)[1];
    }
    double[] z = sampleDsm(src, xs, ys);
    float band = (float) (src.extent() * 0.006);
    float[] pts = new float[xs.length * 6];
    for (int k = 0; k < xs.length; k++) {
      double h = Double.isNaN(z[k]) ? src.baseElevation() : z[k];
      float wx = (float) (xs[k] - src.centreX());
      float wy = (float) src.worldY(h, exaggeration);
      float wz = (float) (ys[k] - src.centreY());
      pts[k * 6] = wx;
      pts[k * 6 + 1] = wy + band * 0.25f;
      pts[k * 6 + 2] = wz;
      pts[k * 6 + 3] = wx;
      pts[k * 6 + 4] = wy - band;
      pts[k * 6 + 5] = wz;
    }
    TriangleMesh mesh = new TriangleMesh();
    mesh.getPoints().setAll(pts);
    mesh.getTexCoords().setAll(0, 0);
    int[] faces = new int[(xs.length - 1) * 12];
    int f = 0;
    for (int k = 0; k < xs.length - 1; k++) {
      int lo = 2 * k;
      int hi = lo + 1;
      int lo2 = lo + 2;
      int hi2 = lo + 3;
      for (int v : new int[] {lo, hi, lo2, hi, hi2, lo2}) {
        faces[f++] = v;
        faces[f++] = 0;
      }
    }
    mesh.getFaces().setAll(faces);
    MeshView view = new MeshView(mesh);
    PhongMaterial m = new PhongMaterial(colour);
    m.setSpecularColor(Color.TRANSPARENT);
    view.setMaterial(m);
    view.setCullFace(CullFace.NONE);
    return view;
  }

  /** Annotations drawn on the terrain: points as small spheres, lines and rings as fences. */
  static Group annotations(TerrainSource src, double exaggeration, List<Annotation3D> items)
      throws IOException {
    Group g = new Group();
    g.setId("annotations3d");
    double radius = src.extent() * 0.008;
    for (Annotation3D a : items) {
      for (int i = 0; i < a.geometry().getNumGeometries(); i++) {
        Geometry part = a.geometry().getGeometryN(i);
        if (part instanceof Point p) {
          double h = sampleDsm(src, new double[] {p.getX()}, new double[] {p.getY()})[0];
          Sphere s = new Sphere(radius, 12);
          s.setMaterial(new PhongMaterial(a.colour()));
          s.setTranslateX(p.getX() - src.centreX());
          s.setTranslateY(src.worldY(Double.isNaN(h) ? src.baseElevation() : h, exaggeration)
              - radius);
          s.setTranslateZ(p.getY() - src.centreY());
          g.getChildren().add(s);
        } else if (part instanceof LineString l) {
          g.getChildren().add(fence(src, exaggeration, l.getCoordinates(), a.colour(), false));
        } else if (part instanceof Polygon poly) {
          g.getChildren().add(fence(src, exaggeration, poly.getExteriorRing().getCoordinates(),
              a.colour(), true));
          for (int h = 0; h < poly.getNumInteriorRing(); h++) {
            g.getChildren().add(fence(src, exaggeration,
                poly.getInteriorRingN(h).getCoordinates(), a.colour(), true));
          }
        }
      }
    }
    return g;
  }

  /**
   * Camera frusta as wireframe pyramids, their apex at the camera and their base {@code depth}
   * world units along the optical axis. The positions follow the exaggeration, the shapes do not.
   */
  static Group frusta(TerrainSource src, double exaggeration, List<CameraPose> poses,
      double depth, Color colour) {
    Group g = new Group();
    g.setId("cameraFrusta");
    PhongMaterial m = new PhongMaterial(colour);
    for (CameraPose pose : poses) {
      float[] pts = frustumPoints(src, exaggeration, pose, depth);
      TriangleMesh mesh = new TriangleMesh();
      mesh.getPoints().setAll(pts);
      mesh.getTexCoords().setAll(0, 0);
      // four sides: their edges are the 4 rays and the 4 edges of the image rectangle
      mesh.getFaces().setAll(0, 0, 1, 0, 2, 0, 0, 0, 2, 0, 3, 0, 0, 0, 3, 0, 4, 0, 0, 0, 4, 0, 1,
          0);
      MeshView v = new MeshView(mesh);
      v.setDrawMode(DrawMode.LINE);
      v.setCullFace(CullFace.NONE);
      v.setMaterial(m);
      g.getChildren().add(v);
    }
    return g;
  }

  /** The frustum's five world points (apex first), x/y/z each. */
  static float[] frustumPoints(TerrainSource src, double exaggeration, CameraPose pose,
      double depth) {
    double ax = pose.x() - src.centreX();
    double ay = src.worldY(pose.z(), exaggeration);
    double az = pose.y() - src.centreY();
    double[][] enu = pose.frustumEnu(depth);
    float[] pts = new float[15];
    for (int k = 0; k < 5; k++) {
      pts[k * 3] = (float) (ax + enu[k][0]);
      pts[k * 3 + 1] = (float) (ay - enu[k][2]);
      pts[k * 3 + 2] = (float) (az + enu[k][1]);
    }
    return pts;
  }

  /**
   * DSM elevations at CRS points, bilinear; NaN outside or over NoData. Reads the points' window
   * once when it is small enough, else point by point.
   */
  static double[] sampleDsm(TerrainSource src, double[] xs, double[] ys) throws IOException {
    var t = src.raster().transform();
    double minPx = Double.POSITIVE_INFINITY;
    double minPy = Double.POSITIVE_INFINITY;
    double maxPx = Double.NEGATIVE_INFINITY;
    double maxPy = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < xs.length; k++) {
      double px = t.px(xs[k], ys[k]) - 0.5;
      double py = t.py(xs[k], ys[k]) - 0.5;
      minPx = Math.min(minPx, px);
      minPy = Math.min(minPy, py);
      maxPx = Math.max(maxPx, px);
      maxPy = Math.max(maxPy, py);
    }
    int x0 = (int) Math.max(0, Math.floor(minPx));
    int y0 = (int) Math.max(0, Math.floor(minPy));
    int x1 = (int) Math.min(src.width(), Math.floor(maxPx) + 2);
    int y1 = (int) Math.min(src.height(), Math.floor(maxPy) + 2);
    double[] out = new double[xs.length];
    long area = (long) (x1 - x0) * (y1 - y0);
    if (x1 - x0 < 2 || y1 - y0 < 2 || area > 16_000_000L) {
      for (int k = 0; k < xs.length; k++) {
        out[k] = src.elevationAt(xs[k], ys[k]);
      }
      return out;
    }
    int w = x1 - x0;
    int h = y1 - y0;
    float[] win = new float[w * h];
    src.raster().readFloats(0, x0, y0, w, h, win);
    for (int k = 0; k < xs.length; k++) {
      double px = t.px(xs[k], ys[k]) - 0.5 - x0;
      double py = t.py(xs[k], ys[k]) - 0.5 - y0;
      if (px < -0.5 || py < -0.5 || px > w - 0.5 || py > h - 0.5) {
        out[k] = src.elevationAt(xs[k], ys[k]);
        continue;
      }
      int xa = (int) Math.max(0, Math.min(w - 2, Math.floor(px)));
      int ya = (int) Math.max(0, Math.min(h - 2, Math.floor(py)));
      double fx = Math.max(0, Math.min(1, px - xa));
      double fy = Math.max(0, Math.min(1, py - ya));
      float a = win[ya * w + xa];
      float b = win[ya * w + xa + 1];
      float c = win[(ya + 1) * w + xa];
      float d = win[(ya + 1) * w + xa + 1];
      var r = src.raster();
      if (r.isNoData(a) || r.isNoData(b) || r.isNoData(c) || r.isNoData(d)) {
        out[k] = Double.NaN;
      } else {
        out[k] = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
      }
    }
    return out;
  }
}

package io.tessera.ui.annotate;

import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.MapLayer;
import io.tessera.ui.map.draw.DrawViewModel;
import io.tessera.ui.map.draw.ShapeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The current project's visible annotations on one canvas, in their own colours with alpha
 * (outline, and a polygon's fill), the selected one with a halo. The annotation being edited is
 * left to the drawing layer above, which shows it live with its handles. A click on an
 * annotation selects it, a click elsewhere drops the selection; hit-testing queries an STR-tree
 * of the annotations' extents, then measures on screen.
 */
public final class AnnotationsLayer extends MapLayer {
  static final Color HALO = Color.web("#ffd54f", 0.85);
  private static final double HIT_PIXELS = 6;
  private static final double POINT_RADIUS = 6;

  private final AnnotationsViewModel vm;
  private final Supplier<AnnotationItem> editing;
  private final DrawViewModel shape;
  private final Canvas canvas = new Canvas();
  private STRtree index = new STRtree();

  /**
   * @param shape the drawing model that shows the annotation being edited
   * @param editing the item {@code shape} shows (its halo follows the live shape, the rest is
   *     left to the drawing layer); null for none
   */
  public AnnotationsLayer(AnnotationsViewModel vm, DrawViewModel shape,
      Supplier<AnnotationItem> editing) {
    this.vm = vm;
    this.shape = shape;
    this.editing = editing;
    shape.vertices().addListener((InvalidationListener) o -> markDirty());
    getStyleClass().add("annotations-layer");
    canvas.setMouseTransparent(true);
    canvas.setManaged(false);
    getChildren().add(canvas);
    vm.items().addListener((InvalidationListener) o -> rebuild());
    vm.selectedProperty().addListener(o -> markDirty());
    rebuild();
  }

  private void rebuild() {
    STRtree tree = new STRtree();
    for (AnnotationItem item : vm.items()) {
      Envelope e = new Envelope();
      for (LonLat v : item.data().vertices()) {
        e.expandToInclude(v.lonDeg(), v.latDeg());
      }
      if (!e.isNull()) {
        tree.insert(e, item);
      }
    }
    index = tree;
    markDirty();
  }

  /** Parses {@code #RRGGBBAA} (or {@code #RRGGBB}); {@code fallback} when it is not one. */
  public static Color colour(String hex, Color fallback) {
    if (hex == null) {
      return fallback;
    }
    try {
      return Color.web(hex);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  /** A colour as the API keeps it: {@code #RRGGBBAA}, upper case. */
  public static String hex(Color c) {
    return String.format(java.util.Locale.ROOT, "#%02X%02X%02X%02X",
        Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
        Math.round(c.getBlue() * 255), Math.round(c.getOpacity() * 255));
  }

  @Override
  protected void layoutLayer() {
    double w = getWidth();
    double h = getHeight();
    canvas.setWidth(w);
    canvas.setHeight(h);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    g.setLineJoin(StrokeLineJoin.ROUND);
    g.setLineCap(StrokeLineCap.ROUND);
    AnnotationItem skip = editing.get();
    AnnotationItem selected = vm.selectedProperty().get();
    for (AnnotationItem item : vm.items()) {
      AnnotationData a = item.data();
      if (!a.visible() && item != selected || a.vertices().isEmpty()) {
        continue;
      }
      if (item == skip) {
        if (!shape.vertices().isEmpty()) {
          halo(g, a.kind(), screen(shape.vertices()));
        }
        continue;
      }
      List<Point2D> pts = screen(a.vertices());
      if (item == selected) {
        halo(g, a.kind(), pts);
      }
      draw(g, a, pts);
    }
  }

  private List<Point2D> screen(List<LonLat> vertices) {
    List<Point2D> out = new ArrayList<>(vertices.size());
    for (LonLat v : vertices) {
      out.add(getMapPoint(v));
    }
    return out;
  }

  private static void halo(GraphicsContext g, ShapeKind kind, List<Point2D> pts) {
    g.setStroke(HALO);
    g.setLineWidth(9);
    if (kind == ShapeKind.POINT) {
      Point2D p = pts.get(0);
      double r = POINT_RADIUS + 4;
      g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
      return;
    }
    path(g, pts, kind == ShapeKind.POLYGON);
    g.stroke();
  }

  private static void draw(GraphicsContext g, AnnotationData a, List<Point2D> pts) {
    Color stroke = colour(a.color(), Color.web(AnnotationData.DEFAULT_COLOR));
    switch (a.kind()) {
      case POINT -> {
        Point2D p = pts.get(0);
        g.setFill(stroke);
        g.fillOval(p.getX() - POINT_RADIUS, p.getY() - POINT_RADIUS, 2 * POINT_RADIUS,
            2 * POINT_RADIUS);
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        g.strokeOval(p.getX() - POINT_RADIUS, p.getY() - POINT_RADIUS, 2 * POINT_RADIUS,
            2 * POINT_RADIUS);
      }
      case LINE -> {
        path(g, pts, false);
        g.setStroke(stroke);
        g.setLineWidth(3);
        g.stroke();
      }
      case POLYGON -> {
        path(g, pts, true);
        if (a.colorFill() != null) {
          g.setFill(colour(a.colorFill(), Color.TRANSPARENT));
          g.fill();
        }
        g.setStroke(stroke);
        g.setLineWidth(2.5);
        g.stroke();
      }
      default -> throw new IllegalStateException();
    }
  }

  private static void path(GraphicsContext g, List<Point2D> pts, boolean closed) {
    g.beginPath();
    g.moveTo(pts.get(0).getX(), pts.get(0).getY());
    for (int i = 1; i < pts.size(); i++) {
      g.lineTo(pts.get(i).getX(), pts.get(i).getY());
    }
    if (closed) {
      g.closePath();
    }
  }

  // ---- picking ----

  /** The topmost visible annotation at view position (x, y); null for none. */
  public AnnotationItem itemAt(double x, double y) {
    LonLat a = getMapView().getLonLat(x - HIT_PIXELS, y + HIT_PIXELS);
    LonLat b = getMapView().getLonLat(x + HIT_PIXELS, y - HIT_PIXELS);
    if (a == null || b == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<AnnotationItem> near = index.query(new Envelope(a.lonDeg(), b.lonDeg(), a.latDeg(),
        b.latDeg()));
    AnnotationItem best = null;
    int bestRank = Integer.MAX_VALUE;
    int bestOrder = -1;
    Point2D at = new Point2D(x, y);
    for (AnnotationItem item : near) {
      AnnotationData d = item.data();
      if (!d.visible() && item != vm.selectedProperty().get()) {
        continue;
      }
      int rank = rank(d, screen(d.vertices()), at);
      int order = vm.items().indexOf(item);
      // points above lines above polygons' edges above polygons' insides; later above earlier
      if (rank < bestRank || rank == bestRank && order > bestOrder) {
        best = item;
        bestRank = rank;
        bestOrder = order;
      }
    }
    return bestRank == Integer.MAX_VALUE ? null : best;
  }

  private static int rank(AnnotationData d, List<Point2D> pts, Point2D at) {
    switch (d.kind()) {
      case POINT -> {
        return pts.get(0).distance(at) <= POINT_RADIUS + 3 ? 0 : Integer.MAX_VALUE;
      }
      case LINE -> {
        return nearEdge(pts, at, false) ? 1 : Integer.MAX_VALUE;
      }
      default -> {
        if (nearEdge(pts, at, true)) {
          return 2;
        }
        return inside(pts, at) ? 3 : Integer.MAX_VALUE;
      }
    }
  }

  private static boolean nearEdge(List<Point2D> pts, Point2D at, boolean closed) {
    int n = pts.size();
    int edges = closed ? n : n - 1;
    for (int i = 0; i < edges; i++) {
      if (segmentDistance(at, pts.get(i), pts.get((i + 1) % n)) <= HIT_PIXELS) {
        return true;
      }
    }
    return false;
  }

  private static double segmentDistance(Point2D p, Point2D a, Point2D b) {
    Point2D ab = b.subtract(a);
    double len2 = ab.dotProduct(ab);
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, p.subtract(a).dotProduct(ab) / len2));
    return p.distance(a.add(ab.multiply(t)));
  }

  private static boolean inside(List<Point2D> pts, Point2D p) {
    boolean in = false;
    for (int i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
      Point2D a = pts.get(i);
      Point2D b = pts.get(j);
      if ((a.getY() > p.getY()) != (b.getY() > p.getY())
          && p.getX() < (b.getX() - a.getX()) * (p.getY() - a.getY()) / (b.getY() - a.getY())
              + a.getX()) {
        in = !in;
      }
    }
    return in;
  }

  @Override
  protected boolean mapClicked(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return false;
    }
    AnnotationItem hit = itemAt(e.getX(), e.getY());
    if (hit == null) {
      if (e.getClickCount() == 1 && vm.selectedProperty().get() != null) {
        vm.selectedProperty().set(null);
      }
      return false;
    }
    vm.selectedProperty().set(hit);
    return true;
  }
}

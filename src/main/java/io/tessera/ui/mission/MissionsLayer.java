package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.Polygons;
import io.tessera.core.geo.Polygons.InvalidPolygonException;
import io.tessera.ui.map.MapLayer;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The missions' areas on the map, drawn on one canvas: filled and outlined in their status's colour
 * (active blue, completed green), the selected one stronger, with the title and approved / required
 * progress in the middle of each area large enough to hold it. A click inside an area selects that
 * mission; {@link #missionAt} finds the mission under a point (for drops of photos).
 */
public final class MissionsLayer extends MapLayer {
  static final Color ACTIVE = Color.web("#2f6f9f");
  static final Color COMPLETED = Color.web("#2e8540");
  private static final Color DROP_TARGET = Color.web("#f2b01e");
  /** Areas narrower than this on screen get no label: it would cover the area and its neighbours. */
  private static final double LABEL_MIN_WIDTH = 70;

  private final MissionsViewModel vm;
  private final Canvas canvas = new Canvas();
  private final List<Shape> shapes = new ArrayList<>();
  private String dropTargetId;

  /** A mission with its area as a JTS polygon (lon / lat), for drawing and hit-testing. */
  private record Shape(MissionDto mission, Polygon area, Point labelAt) {}

  public MissionsLayer(MissionsViewModel vm) {
    this.vm = vm;
    getStyleClass().add("missions-layer");
    canvas.setMouseTransparent(true);
    canvas.setManaged(false);
    getChildren().add(canvas);
    vm.missions().addListener((InvalidationListener) obs -> rebuild());
    vm.selectedMissionProperty().addListener(obs -> markDirty());
    rebuild();
  }

  private void rebuild() {
    shapes.clear();
    for (MissionDto m : vm.missions()) {
      if (m.bounds() == null) {
        continue;
      }
      try {
        Polygon p = Polygons.fromRings(m.bounds().coordinates());
        shapes.add(new Shape(m, p, p.getInteriorPoint()));
      } catch (InvalidPolygonException e) {
        // the service validates areas; one it serves invalid is not drawn rather than drawn wrong
      }
    }
    markDirty();
  }

  /** The mission whose area holds view point ({@code x}, {@code y}), the smallest if nested; or null. */
  public MissionDto missionAt(double x, double y) {
    if (getMapView() == null) {
      return null;
    }
    LonLat at = getMapView().getLonLat(x, y);
    if (at == null) {
      return null;
    }
    Shape best = null;
    for (Shape s : shapes) {
      if (Polygons.covers(s.area(), at.lonDeg(), at.latDeg())
          && (best == null || s.area().getArea() < best.area().getArea())) {
        best = s;
      }
    }
    return best == null ? null : best.mission();
  }

  /** Highlights the mission photos are dragged over; null for none. */
  public void setDropTarget(MissionDto mission) {
    String id = mission == null ? null : mission.id();
    if (!java.util.Objects.equals(id, dropTargetId)) {
      dropTargetId = id;
      markDirty();
    }
  }

  @Override
  protected boolean mapClicked(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 1) {
      return false; // a double-click inside an area still zooms
    }
    MissionDto m = missionAt(e.getX(), e.getY());
    if (m == null) {
      return false;
    }
    vm.selectedMissionProperty().set(m);
    return true;
  }

  @Override
  protected void layoutLayer() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    String selectedId = vm.selectedMissionProperty().get() == null ? null : vm.selectedMissionProperty().get().id();
    Shape selected = null;
    for (Shape s : shapes) {
      if (s.mission().id().equals(selectedId)) {
        selected = s; // drawn last, on top
      } else {
        draw(g, s, false);
      }
    }
    if (selected != null) {
      draw(g, selected, true);
    }
    for (Shape s : shapes) {
      label(g, s);
    }
  }

  private static Color colour(MissionDto m) {
    return "completed".equals(m.status()) ? COMPLETED : ACTIVE;
  }

  private void draw(GraphicsContext g, Shape s, boolean selected) {
    Coordinate[] ring = s.area().getExteriorRing().getCoordinates();
    double[] xs = new double[ring.length];
    double[] ys = new double[ring.length];
    for (int i = 0; i < ring.length; i++) {
      Point2D p = getMapPoint(new LonLat(ring[i].x, ring[i].y));
      xs[i] = p.getX();
      ys[i] = p.getY();
    }
    boolean drop = s.mission().id().equals(dropTargetId);
    Color c = drop ? DROP_TARGET : colour(s.mission());
    g.setFill(c.deriveColor(0, 1, 1, selected || drop ? 0.26 : 0.13));
    g.fillPolygon(xs, ys, ring.length);
    g.setStroke(c);
    g.setLineWidth(selected || drop ? 3.5 : 2);
    g.setLineJoin(StrokeLineJoin.ROUND);
    g.setLineDashes(drop ? new double[] {8, 5} : null);
    g.strokePolygon(xs, ys, ring.length);
    g.setLineDashes(null);
  }

  private void label(GraphicsContext g, Shape s) {
    org.locationtech.jts.geom.Envelope env = s.area().getEnvelopeInternal();
    Point2D west = getMapPoint(new LonLat(env.getMinX(), env.getMinY()));
    Point2D east = getMapPoint(new LonLat(env.getMaxX(), env.getMaxY()));
    if (Math.abs(east.getX() - west.getX()) < LABEL_MIN_WIDTH) {
      return;
    }
    MissionDto m = s.mission();
    Point2D at = getMapPoint(new LonLat(s.labelAt().getX(), s.labelAt().getY()));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.BOTTOM);
    g.setLineWidth(3);
    g.setStroke(Color.rgb(255, 255, 255, 0.85));
    g.setFont(Font.font(null, FontWeight.BOLD, 12.5));
    g.strokeText(m.title(), at.getX(), at.getY() - 2);
    g.setFill(Color.web("#1d2a35"));
    g.fillText(m.title(), at.getX(), at.getY() - 2);

    // coverage: approved of required images, as a small bar and in figures
    double w = 96;
    double frac = MissionFormat.progressFraction(m.approvedImages(), m.requiredImages());
    double bx = at.getX() - w / 2;
    double by = at.getY() + 2;
    g.setFill(Color.rgb(255, 255, 255, 0.85));
    g.fillRoundRect(bx - 1, by - 1, w + 2, 7, 4, 4);
    g.setFill(colour(m));
    g.fillRoundRect(bx, by, w * frac, 5, 3, 3);
    g.setTextBaseline(VPos.TOP);
    g.setFont(Font.font(null, FontWeight.NORMAL, 11.5));
    String progress = MissionFormat.progress(m.approvedImages(), m.requiredImages());
    g.strokeText(progress, at.getX(), by + 8);
    g.setFill(Color.web("#1d2a35"));
    g.fillText(progress, at.getX(), by + 8);
  }
}

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
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * The missions' areas on the map, drawn on one canvas: filled and outlined in their status's colour
 * (active blue, completed green), the selected one stronger, each large enough with a tag of its
 * title and approved / required progress. A click inside an area selects that
 * mission; {@link #missionAt} finds the mission under a point (for drops of photos).
 */
public final class MissionsLayer extends MapLayer {
  static final Color ACTIVE = Color.web("#2f6f9f");
  static final Color COMPLETED = Color.web("#2e8540");
  private static final Color DROP_TARGET = Color.web("#f2b01e");
  /** Areas narrower than this on screen get no label: it would cover the area and its neighbours. */
  private static final double LABEL_MIN_WIDTH = 60;
  private static final Font TITLE_FONT = Font.font(null, FontWeight.BOLD, 12.5);
  private static final Font PROGRESS_FONT = Font.font(null, FontWeight.NORMAL, 11.5);

  private final MissionsViewModel vm;
  private final Canvas canvas = new Canvas();
  private final List<Shape> shapes = new ArrayList<>();
  private String dropTargetId;

  /** A mission with its area as a JTS polygon (lon / lat), for drawing and hit-testing. */
  private record Shape(MissionDto mission, Polygon area) {}

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
        shapes.add(new Shape(m, p));
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

  /**
   * The title and the coverage (approved of required images, as a bar and in figures) on a tag
   * above the area's top-left corner, where it covers neither the area's submissions nor its
   * outline.
   */
  private void label(GraphicsContext g, Shape s) {
    Envelope env = s.area().getEnvelopeInternal();
    Point2D northWest = getMapPoint(new LonLat(env.getMinX(), env.getMaxY()));
    Point2D southEast = getMapPoint(new LonLat(env.getMaxX(), env.getMinY()));
    if (southEast.getX() - northWest.getX() < LABEL_MIN_WIDTH) {
      return;
    }
    MissionDto m = s.mission();
    String progress = MissionFormat.progress(m.approvedImages(), m.requiredImages());
    Text measure = new Text(m.title());
    measure.setFont(TITLE_FONT);
    double w = Math.max(measure.getLayoutBounds().getWidth(), 110) + 12;
    double h = 36;
    double x = northWest.getX();
    double y = northWest.getY() - h - 3;
    g.setFill(Color.rgb(255, 255, 255, 0.9));
    g.fillRoundRect(x, y, w, h, 6, 6);
    g.setStroke(colour(m));
    g.setLineWidth(1);
    g.strokeRoundRect(x, y, w, h, 6, 6);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.setFill(Color.web("#1d2a35"));
    g.setFont(TITLE_FONT);
    g.fillText(m.title(), x + 6, y + 3);
    double barWidth = 40;
    double frac = MissionFormat.progressFraction(m.approvedImages(), m.requiredImages());
    g.setFill(Color.web("#dfe4e8"));
    g.fillRoundRect(x + 6, y + 23, barWidth, 5, 3, 3);
    g.setFill(colour(m));
    g.fillRoundRect(x + 6, y + 23, barWidth * frac, 5, 3, 3);
    g.setFont(PROGRESS_FONT);
    g.setFill(Color.web("#36404a"));
    g.fillText(progress, x + 12 + barWidth, y + 19);
  }
}

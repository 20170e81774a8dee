package io.tessera.ui.map.draw;

import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.MapLayer;
import io.tessera.ui.map.MapView;
import io.tessera.ui.map.draw.DrawViewModel.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Draws the shape of a {@link DrawViewModel} and turns the mouse and keys into its edits, as
 * UX.md's "Drawing and editing geometry" describes: while the tool is armed a click adds a vertex
 * and a double-click or Enter finishes (a point finishes with its click); a vertex handle drags to
 * move, an edge's midpoint handle drags to insert a vertex, a right-click on a vertex (or Delete
 * while hovering it) removes it; Esc cancels the shape in progress (or the drag in progress).
 * Panning and zooming work as everywhere else: a drag that does not start on a handle pans.
 *
 * <p>An editable shape has few vertices, so its handles are nodes; they are pooled so that the node
 * being dragged stays in the scene while vertices are inserted around it. The shape is drawn red
 * while it is not valid, and its measure (area of a polygon, length of a line, or "Not valid") is
 * shown in its middle.
 */
public class DrawLayer extends MapLayer {
  /** The colour of a shape being drawn. */
  public static final Color DRAFT = Color.web("#e8710a");
  /** The colour of a shape that is not valid. */
  public static final Color INVALID = Color.web("#d32f2f");
  private static final PseudoClass INVALID_STATE = PseudoClass.getPseudoClass("invalid");
  private static final double VERTEX_RADIUS = 5.5;
  private static final double MIDPOINT_RADIUS = 4;

  private final DrawViewModel vm;
  private final Function<DrawViewModel, String> measure;
  private final ObjectProperty<Color> colour = new SimpleObjectProperty<>(this, "colour", DRAFT);
  private final ObjectProperty<Color> fillColour = new SimpleObjectProperty<>(this, "fillColour");
  private final Polygon fill = new Polygon();
  private final Polyline outline = new Polyline();
  private final Polyline rubberBand = new Polyline();
  private final List<Circle> vertexHandles = new ArrayList<>();
  private final List<Circle> midpointHandles = new ArrayList<>();
  private final Label measureLabel = new Label();
  private final EventHandler<KeyEvent> keys = this::keyPressed;
  private final InvalidationListener pointerMoved = obs -> markDirty();
  private Point2D pressedAt;
  private Circle hovered;

  /**
   * @param measure the text in the shape's middle while it is valid (e.g. its area), null for
   *     none
   * @param labelId the node id of that text, for tests
   */
  public DrawLayer(DrawViewModel vm, Function<DrawViewModel, String> measure, String labelId) {
    this.vm = vm;
    this.measure = measure;
    getStyleClass().add("draw-layer");
    fill.setMouseTransparent(true);
    outline.setMouseTransparent(true);
    outline.setStrokeWidth(2.5);
    outline.setStrokeLineJoin(StrokeLineJoin.ROUND);
    outline.setFill(null);
    rubberBand.setMouseTransparent(true);
    rubberBand.setFill(null);
    rubberBand.setStrokeWidth(1.5);
    rubberBand.getStrokeDashArray().setAll(6.0, 5.0);
    measureLabel.setId(labelId);
    measureLabel.getStyleClass().add("map-area-label");
    measureLabel.setMouseTransparent(true);
    measureLabel.setManaged(false);
    getChildren().addAll(fill, outline, rubberBand, measureLabel);

    vm.vertices().addListener((InvalidationListener) obs -> markDirty());
    vm.invalidReasonProperty().addListener(obs -> markDirty());
    vm.kindProperty().addListener(obs -> markDirty());
    vm.phaseProperty().addListener((obs, was, is) -> phaseChanged(is));
    colour.addListener(obs -> markDirty());
    fillColour.addListener(obs -> markDirty());
  }

  /** The model this layer draws and edits. */
  public final DrawViewModel model() {
    return vm;
  }

  /** The colour of the valid shape (its fill is a light wash of it); orange by default. */
  public final ObjectProperty<Color> colourProperty() {
    return colour;
  }

  /**
   * The fill of a valid polygon, alpha included; null (the default) for a light wash of {@link
   * #colourProperty()}.
   */
  public final ObjectProperty<Color> fillColourProperty() {
    return fillColour;
  }

  @Override
  protected void attachedTo(MapView view) {
    // a layer leaves one view only to be dropped; listeners go with the view it joins
    if (view != null) {
      view.addEventHandler(KeyEvent.KEY_PRESSED, keys);
      view.pointerPositionProperty().addListener(pointerMoved);
      phaseChanged(vm.getPhase());
    }
  }

  private void phaseChanged(Phase phase) {
    MapView view = getMapView();
    if (view != null) {
      if (phase == Phase.DRAWING) {
        view.setCursor(Cursor.CROSSHAIR);
      } else if (view.getCursor() == Cursor.CROSSHAIR) {
        view.setCursor(null);
      }
    }
    if (phase == Phase.IDLE) {
      hovered = null;
    }
    markDirty();
  }

  // ---- drawing ----

  @Override
  protected void layoutLayer() {
    List<LonLat> vs = vm.vertices();
    Phase phase = vm.getPhase();
    ShapeKind kind = vm.getKind();
    boolean shown = phase != Phase.IDLE && !vs.isEmpty();
    Color c = vm.invalidReasonProperty().get() == null ? colour.get() : INVALID;
    List<Point2D> screen = new ArrayList<>(vs.size());
    for (LonLat v : vs) {
      screen.add(getMapPoint(v));
    }

    fill.getPoints().setAll(coordinates(screen, false));
    boolean valid = vm.invalidReasonProperty().get() == null;
    fill.setFill(valid && fillColour.get() != null ? fillColour.get()
        : c.deriveColor(0, 1, 1, 0.18));
    fill.setVisible(shown && kind == ShapeKind.POLYGON && vs.size() >= 3);
    boolean closed = kind == ShapeKind.POLYGON && phase == Phase.EDITING && vs.size() >= 3;
    outline.getPoints().setAll(coordinates(screen, closed));
    outline.setStroke(c);
    outline.setVisible(shown && kind != ShapeKind.POINT);
    layoutRubberBand(screen, phase, kind, c);

    resizePool(vertexHandles, shown ? vs.size() : 0, false);
    for (int i = 0; i < vertexHandles.size(); i++) {
      Circle h = vertexHandles.get(i);
      h.setCenterX(screen.get(i).getX());
      h.setCenterY(screen.get(i).getY());
      h.setStroke(c);
      // a polygon's first vertex is larger while drawing: a click on it closes the shape
      boolean closer = kind == ShapeKind.POLYGON && phase == Phase.DRAWING && i == 0
          && vs.size() >= 3;
      h.setRadius(closer || kind == ShapeKind.POINT ? VERTEX_RADIUS + 2 : VERTEX_RADIUS);
    }
    int edges = phase == Phase.EDITING ? vm.edgeCount() : 0;
    resizePool(midpointHandles, edges, true);
    for (int i = 0; i < edges; i++) {
      Point2D a = screen.get(i);
      Point2D b = screen.get((i + 1) % vs.size());
      Circle h = midpointHandles.get(i);
      h.setCenterX((a.getX() + b.getX()) / 2);
      h.setCenterY((a.getY() + b.getY()) / 2);
      h.setStroke(c);
    }
    layoutMeasureLabel(screen, shown && measure != null && vs.size() >= kind.minVertices()
        && kind != ShapeKind.POINT);
  }

  private void layoutRubberBand(List<Point2D> screen, Phase phase, ShapeKind kind, Color c) {
    LonLat pointer = getMapView().pointerPositionProperty().get();
    boolean show = phase == Phase.DRAWING && kind != ShapeKind.POINT && !screen.isEmpty()
        && pointer != null && !vm.isDragging();
    rubberBand.setVisible(show);
    if (!show) {
      return;
    }
    Point2D p = getMapPoint(pointer);
    Point2D last = screen.get(screen.size() - 1);
    List<Point2D> band = kind == ShapeKind.POLYGON && screen.size() >= 2
        ? List.of(last, p, screen.get(0)) : List.of(last, p);
    rubberBand.getPoints().setAll(coordinates(band, false));
    rubberBand.setStroke(c);
  }

  private void layoutMeasureLabel(List<Point2D> screen, boolean show) {
    measureLabel.setVisible(show);
    if (!show) {
      return;
    }
    boolean valid = vm.invalidReasonProperty().get() == null;
    measureLabel.setText(valid ? measure.apply(vm) : "Not valid");
    measureLabel.pseudoClassStateChanged(INVALID_STATE, !valid);
    Point2D at = labelAnchor(screen);
    measureLabel.autosize();
    measureLabel.relocate(at.getX() - measureLabel.getWidth() / 2,
        at.getY() - measureLabel.getHeight() / 2);
  }

  /** A polygon's label sits at its vertices' mean, a line's at the middle of its middle edge. */
  private Point2D labelAnchor(List<Point2D> screen) {
    if (vm.getKind() == ShapeKind.LINE) {
      int i = (screen.size() - 1) / 2;
      Point2D a = screen.get(i);
      Point2D b = screen.get(Math.min(i + 1, screen.size() - 1));
      return new Point2D((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2 - 22);
    }
    double x = 0;
    double y = 0;
    for (Point2D p : screen) {
      x += p.getX();
      y += p.getY();
    }
    return new Point2D(x / screen.size(), y / screen.size());
  }

  private static List<Double> coordinates(List<Point2D> points, boolean close) {
    List<Double> out = new ArrayList<>(points.size() * 2 + 2);
    for (Point2D p : points) {
      out.add(p.getX());
      out.add(p.getY());
    }
    if (close && !points.isEmpty()) {
      out.add(points.get(0).getX());
      out.add(points.get(0).getY());
    }
    return out;
  }

  private void resizePool(List<Circle> pool, int size, boolean midpoints) {
    while (pool.size() < size) {
      Circle c = midpoints ? midpointHandle() : vertexHandle();
      pool.add(c);
      // vertices above midpoints, the label above all
      int label = getChildren().indexOf(measureLabel);
      getChildren().add(midpoints ? label - vertexHandles.size() : label, c);
    }
    while (pool.size() > size) {
      Circle c = pool.remove(pool.size() - 1);
      getChildren().remove(c);
      if (c == hovered) {
        hovered = null;
      }
    }
  }

  // ---- handles ----

  private Circle vertexHandle() {
    Circle c = new Circle(VERTEX_RADIUS, Color.WHITE);
    c.setStrokeWidth(2);
    c.getStyleClass().add("vertex-handle");
    c.setCursor(Cursor.HAND);
    c.setOnMouseEntered(e -> hovered = c);
    c.setOnMouseExited(e -> {
      if (hovered == c) {
        hovered = null;
      }
    });
    c.addEventHandler(MouseEvent.MOUSE_PRESSED, this::handlePressed);
    c.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      if (!vm.isDragging() && beyondSlop(e)) {
        vm.beginMove(vertexHandles.indexOf(c));
      }
      dragged(e);
    });
    c.addEventHandler(MouseEvent.MOUSE_RELEASED, this::handleReleased);
    c.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      e.consume();
      int index = vertexHandles.indexOf(c);
      if (e.getButton() == MouseButton.SECONDARY) {
        vm.removeVertex(index);
      } else if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()
          && vm.getPhase() == Phase.DRAWING
          && (e.getClickCount() == 2 || index == 0 && vm.getKind() == ShapeKind.POLYGON)) {
        // a double-click lands on the vertex its first click added; a click on the first closes
        vm.finish();
      }
    });
    return c;
  }

  private Circle midpointHandle() {
    Circle c = new Circle(MIDPOINT_RADIUS, Color.WHITE.deriveColor(0, 1, 1, 0.85));
    c.setStrokeWidth(1.5);
    c.getStyleClass().add("midpoint-handle");
    c.setCursor(Cursor.HAND);
    c.addEventHandler(MouseEvent.MOUSE_PRESSED, this::handlePressed);
    c.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      if (!vm.isDragging() && beyondSlop(e)) {
        LonLat at = lonLat(e);
        if (at != null) {
          vm.beginInsert(midpointHandles.indexOf(c), at);
        }
      }
      dragged(e);
    });
    c.addEventHandler(MouseEvent.MOUSE_RELEASED, this::handleReleased);
    c.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
    return c;
  }

  private void handlePressed(MouseEvent e) {
    // the map's own press handler never sees this press, so the map takes the keyboard here
    getMapView().requestFocus();
    pressedAt = e.getButton() == MouseButton.PRIMARY
        ? new Point2D(e.getSceneX(), e.getSceneY()) : null;
    e.consume();
  }

  private boolean beyondSlop(MouseEvent e) {
    return pressedAt != null
        && pressedAt.distance(e.getSceneX(), e.getSceneY()) >= MapView.CLICK_SLOP_PIXELS;
  }

  private void dragged(MouseEvent e) {
    LonLat at = lonLat(e);
    if (vm.isDragging() && at != null) {
      vm.dragTo(at);
    }
    e.consume();
  }

  private void handleReleased(MouseEvent e) {
    pressedAt = null;
    vm.endGesture();
    e.consume();
  }

  private LonLat lonLat(MouseEvent e) {
    Point2D p = getMapView().sceneToLocal(e.getSceneX(), e.getSceneY());
    return getMapView().getLonLat(p.getX(), p.getY());
  }

  // ---- map clicks and keys ----

  @Override
  protected boolean mapClicked(MouseEvent e) {
    if (vm.getPhase() != Phase.DRAWING || e.getButton() != MouseButton.PRIMARY) {
      return false;
    }
    if (e.getClickCount() == 1) {
      LonLat at = getMapView().getLonLat(e.getX(), e.getY());
      if (at != null) {
        vm.addVertex(at);
      }
    } else {
      vm.finish();
    }
    return true;
  }

  private void keyPressed(KeyEvent e) {
    if (e.isConsumed() || vm.getPhase() == Phase.IDLE || e.isShortcutDown() || e.isAltDown()) {
      return;
    }
    boolean used = switch (e.getCode()) {
      case ENTER -> vm.getPhase() == Phase.DRAWING && vm.finish();
      case ESCAPE -> escape();
      case DELETE, BACK_SPACE -> deleteHovered();
      default -> false;
    };
    if (used) {
      e.consume();
    }
  }

  private boolean escape() {
    if (vm.isDragging()) {
      vm.cancelGesture();
      return true;
    }
    if (vm.getPhase() == Phase.DRAWING) {
      vm.cancel();
      return true;
    }
    return false;
  }

  private boolean deleteHovered() {
    int index = vertexHandles.indexOf(hovered);
    if (index < 0 || vm.isDragging()) {
      return false;
    }
    vm.removeVertex(index);
    return true;
  }
}

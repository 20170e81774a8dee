package io.tessera.ui.volume;

import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.MapLayer;
import io.tessera.ui.map.MapView;
import java.util.function.BiConsumer;
import javafx.beans.InvalidationListener;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * The profile line on the map: armed, a click sets its start A and a second click its end B (the
 * line follows the mouse in between; Esc cancels); then it stays drawn, A and B labelled, while
 * its profile is shown.
 */
final class ProfileLayer extends MapLayer {
  private static final Color COLOUR = Color.web("#6a1b9a");

  private final Line line = new Line();
  private final Circle startDot = new Circle(4.5, COLOUR);
  private final Circle endDot = new Circle(4.5, COLOUR);
  private final Label startLabel = label("A");
  private final Label endLabel = label("B");
  private final EventHandler<KeyEvent> keys = this::keyPressed;
  private final InvalidationListener pointerMoved = obs -> markDirty();
  private final BiConsumer<LonLat, LonLat> drawn;
  private boolean armed;
  private LonLat start;
  private LonLat end;

  /** @param drawn told each finished line, start then end */
  ProfileLayer(BiConsumer<LonLat, LonLat> drawn) {
    this.drawn = drawn;
    line.setStroke(COLOUR);
    line.setStrokeWidth(2.5);
    line.getStrokeDashArray().setAll(8.0, 4.0);
    for (javafx.scene.Node n : new javafx.scene.Node[] {line, startDot, endDot}) {
      n.setMouseTransparent(true);
    }
    getChildren().addAll(line, startDot, endDot, startLabel, endLabel);
    layoutLayer();
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("map-area-label");
    l.setMouseTransparent(true);
    l.setManaged(false);
    return l;
  }

  /** Arms the tool: the next two clicks draw a new line. */
  void arm() {
    armed = true;
    start = null;
    end = null;
    if (getMapView() != null) {
      getMapView().setCursor(Cursor.CROSSHAIR);
      getMapView().requestFocus();
    }
    markDirty();
  }

  /** Disarms the tool and takes the line away. */
  void clear() {
    armed = false;
    start = null;
    end = null;
    if (getMapView() != null) {
      getMapView().setCursor(null);
    }
    markDirty();
  }

  boolean armed() {
    return armed;
  }

  @Override
  protected void attachedTo(MapView view) {
    if (view != null) {
      view.addEventHandler(KeyEvent.KEY_PRESSED, keys);
      view.pointerPositionProperty().addListener(pointerMoved);
    }
  }

  @Override
  protected boolean mapClicked(MouseEvent e) {
    if (!armed || e.getButton() != MouseButton.PRIMARY) {
      return false;
    }
    LonLat at = getMapView().getLonLat(e.getX(), e.getY());
    if (at == null) {
      return true;
    }
    if (start == null) {
      start = at;
    } else if (!at.equals(start)) {
      end = at;
      armed = false;
      getMapView().setCursor(null);
      drawn.accept(start, end);
    }
    markDirty();
    return true;
  }

  private void keyPressed(KeyEvent e) {
    if (armed && e.getCode() == KeyCode.ESCAPE) {
      clear();
      e.consume();
    }
  }

  @Override
  protected void layoutLayer() {
    LonLat b = end;
    if (b == null && armed && start != null && getMapView() != null) {
      b = getMapView().pointerPositionProperty().get();
    }
    boolean shown = start != null && b != null && getMapView() != null;
    for (javafx.scene.Node n : getChildren()) {
      n.setVisible(shown);
    }
    if (!shown) {
      startDot.setVisible(start != null && getMapView() != null);
      if (startDot.isVisible()) {
        Point2D a = getMapPoint(start);
        startDot.setCenterX(a.getX());
        startDot.setCenterY(a.getY());
      }
      return;
    }
    Point2D a = getMapPoint(start);
    Point2D z = getMapPoint(b);
    line.setStartX(a.getX());
    line.setStartY(a.getY());
    line.setEndX(z.getX());
    line.setEndY(z.getY());
    startDot.setCenterX(a.getX());
    startDot.setCenterY(a.getY());
    endDot.setCenterX(z.getX());
    endDot.setCenterY(z.getY());
    endDot.setVisible(end != null);
    endLabel.setVisible(end != null);
    place(startLabel, a);
    place(endLabel, z);
  }

  private static void place(Label l, Point2D p) {
    l.autosize();
    l.relocate(p.getX() + 7, p.getY() - l.getHeight() - 4);
  }
}

package io.tessera.ui.map;

import io.tessera.ui.NavigationKeys;
import io.tessera.core.geo.WorldPixel;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/** Mouse and keyboard navigation of a {@link MapView}, as UX.md describes it for every pane. */
final class MapNavigation {
  /** Zoom change per wheel notch, zoom levels. */
  static final double ZOOM_PER_NOTCH = 0.5;
  private static final double KEY_PAN_FRACTION = 0.25;

  private final MapView view;
  private Point2D pressedAt;
  private WorldPixel centerAtPress;
  private boolean dragging;

  private MapNavigation(MapView view) {
    this.view = view;
  }

  static void install(MapView view) {
    MapNavigation nav = new MapNavigation(view);
    view.addEventHandler(MouseEvent.MOUSE_PRESSED, nav::pressed);
    view.addEventHandler(MouseEvent.MOUSE_DRAGGED, nav::dragged);
    view.addEventHandler(MouseEvent.MOUSE_RELEASED, nav::released);
    view.addEventHandler(MouseEvent.MOUSE_CLICKED, nav::clicked);
    view.addEventHandler(MouseEvent.MOUSE_MOVED, e -> view.mouseAt(new Point2D(e.getX(), e.getY())));
    view.addEventHandler(MouseEvent.MOUSE_EXITED, e -> view.mouseAt(null));
    view.addEventHandler(ScrollEvent.SCROLL, nav::scrolled);
    NavigationKeys.install(
        view,
        new NavigationKeys.Target() {
          @Override
          public void panBy(double dx, double dy) {
            view.panBy(dx, dy);
          }

          @Override
          public double panStepXPixels() {
            return view.getWidth() * KEY_PAN_FRACTION;
          }

          @Override
          public double panStepYPixels() {
            return view.getHeight() * KEY_PAN_FRACTION;
          }

          @Override
          public void zoomStep(boolean in) {
            double z = view.getZoom();
            double next = in ? Math.floor(z + 1e-9) + 1 : Math.ceil(z - 1e-9) - 1;
            view.zoomAt(view.getWidth() / 2, view.getHeight() / 2, next);
          }

          @Override
          public void fit() {
            view.fitWorld();
          }
        });
  }

  private void pressed(MouseEvent e) {
    view.requestFocus();
    if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
      pressedAt = new Point2D(e.getX(), e.getY());
      centerAtPress = view.centerWorldPixel();
      dragging = false;
    }
    // a TabPane around the map would otherwise take the focus back on this press, and the
    // arrow keys would switch its tabs instead of panning
    e.consume();
  }

  private void dragged(MouseEvent e) {
    view.mouseAt(new Point2D(e.getX(), e.getY()));
    if (pressedAt == null) {
      return;
    }
    double dx = e.getX() - pressedAt.getX();
    double dy = e.getY() - pressedAt.getY();
    if (!dragging && Math.hypot(dx, dy) >= MapView.CLICK_SLOP_PIXELS) {
      dragging = true;
    }
    if (dragging) {
      // From the centre at the press, so that rounding never accumulates over a long drag.
      view.setCenterWorldPixel(centerAtPress.plus(-dx, -dy));
      e.consume();
    }
  }

  private void released(MouseEvent e) {
    pressedAt = null;
  }

  private void clicked(MouseEvent e) {
    boolean wasDrag = dragging;
    dragging = false;
    if (wasDrag || view.offerClick(e)) {
      e.consume();
    } else if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
      view.zoomAt(e.getX(), e.getY(), Math.floor(view.getZoom() + 1e-9) + 1);
      e.consume();
    }
  }

  private void scrolled(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    // deltaY is notches times the platform's multiplier (40 on GTK, 1 under Monocle); touchpads
    // send fractions of a notch, which zoom smoothly.
    double notches = e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : Math.signum(e.getDeltaY());
    view.zoomAt(e.getX(), e.getY(), view.getZoom() + notches * ZOOM_PER_NOTCH);
    e.consume();
  }
}

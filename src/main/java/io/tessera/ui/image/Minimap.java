package io.tessera.ui.image;

import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * The whole image, small, in a corner of the pane, with the part in view outlined; pressing or
 * dragging on it centres the view there. Shown only while part of the image is out of view.
 */
final class Minimap extends Canvas {
  /** The longer side of the minimap, screen pixels. */
  static final double SIZE = 180;
  private static final Color FRAME = Color.web("#3b4652");
  private static final Color VIEW = Color.web("#e8522f");
  private static final Color HALO = Color.web("#ffffffcc");

  private final ImageViewModel viewModel;
  private final TileCanvas tiles;

  Minimap(ImageViewModel viewModel, TileCanvas tiles) {
    this.viewModel = viewModel;
    this.tiles = tiles;
    setId("imageMinimap");
    setVisible(false);
    setCursor(Cursor.CROSSHAIR);
    tiles.frameProperty().addListener((o, was, is) -> redraw());
    viewModel.imageProperty().addListener((o, was, is) -> redraw());
    addEventHandler(MouseEvent.MOUSE_PRESSED, this::steer);
    addEventHandler(MouseEvent.MOUSE_DRAGGED, this::steer);
    // the pane below must not pan or zoom for what happens here
    addEventHandler(MouseEvent.ANY, MouseEvent::consume);
  }

  private void steer(MouseEvent e) {
    OpenImage img = viewModel.imageProperty().get();
    if (img == null || e.getButton() != MouseButton.PRIMARY || getWidth() <= 0) {
      return;
    }
    double k = img.getWidth() / getWidth();
    double x = Math.max(0, Math.min(getWidth(), e.getX())) * k;
    double y = Math.max(0, Math.min(getHeight(), e.getY())) * k;
    viewModel.centreOn(x, y);
  }

  private void redraw() {
    OpenImage img = viewModel.imageProperty().get();
    Viewport view = viewModel.viewport();
    boolean partial = img != null && view.scale() > 0
        && (view.pixelX(0) > 0 || view.pixelY(0) > 0
            || view.pixelX(view.width()) < img.getWidth()
            || view.pixelY(view.height()) < img.getHeight());
    setVisible(partial);
    if (!partial) {
      return;
    }
    double k = SIZE / Math.max(img.getWidth(), img.getHeight());
    double w = Math.max(8, Math.round(img.getWidth() * k));
    double h = Math.max(8, Math.round(img.getHeight() * k));
    if (getWidth() != w || getHeight() != h) {
      setWidth(w);
      setHeight(h);
    }
    k = w / img.getWidth();
    GraphicsContext g = getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    g.setFill(Color.web("#dfe3e8"));
    g.fillRect(0, 0, w, h);
    Image overview = tiles.overview();
    if (overview != null) {
      g.setImageSmoothing(true);
      g.drawImage(overview, 0, 0, w, h);
    }
    double x0 = Math.max(0, view.pixelX(0)) * k;
    double y0 = Math.max(0, view.pixelY(0)) * k;
    double x1 = Math.min(img.getWidth(), view.pixelX(view.width())) * k;
    double y1 = Math.min(img.getHeight(), view.pixelY(view.height())) * k;
    // never smaller than a few pixels, or deep zoom would lose the rectangle; a light halo keeps
    // it visible on dark and on red ground
    double cx = (x0 + x1) / 2;
    double cy = (y0 + y1) / 2;
    double rw = Math.max(7, x1 - x0);
    double rh = Math.max(7, y1 - y0);
    g.setStroke(HALO);
    g.setLineWidth(3.5);
    g.strokeRect(cx - rw / 2, cy - rh / 2, rw, rh);
    g.setStroke(VIEW);
    g.setLineWidth(1.5);
    g.strokeRect(cx - rw / 2, cy - rh / 2, rw, rh);
    g.setStroke(FRAME);
    g.setLineWidth(1);
    g.strokeRect(0.5, 0.5, w - 1, h - 1);
  }
}

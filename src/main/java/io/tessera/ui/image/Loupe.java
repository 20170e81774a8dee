package io.tessera.ui.image;

import io.tessera.ui.task.TaskExecutor;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * A magnified view of the image an {@link ImagePane} shows, drawn from the same tiles (its own
 * small cache), centred on one image point: the marking workflow's loupe. The caller places it
 * and draws its crosshair.
 */
public final class Loupe extends StackPane {
  /** How much more the loupe magnifies than the view it looks at. */
  public static final double MAGNIFICATION = 4;
  /** The loupe never shows less than this many screen pixels per image pixel. */
  public static final double MIN_SCALE = 4;

  private final ImageViewModel source;
  private final ImageViewModel view;

  /** A loupe over what {@code source} shows, {@code size} screen pixels square. */
  public Loupe(ImageViewModel source, TaskExecutor executor, double size) {
    this.source = source;
    this.view = new ImageViewModel(executor, path -> {
      throw new ImageReadException("the loupe shows the image pane's picture only");
    });
    TileCanvas canvas = new TileCanvas(view);
    Rectangle clip = new Rectangle(size, size);
    canvas.setClip(clip);
    getChildren().add(canvas);
    setPrefSize(size, size);
    setMinSize(size, size);
    setMaxSize(size, size);
    getStyleClass().add("loupe");
    setMouseTransparent(true);
    source.imageProperty().addListener((o, was, is) -> {
      if (is != null && is.getSource() != null) {
        view.show(is.getName(), is.getSource());
      }
    });
  }

  /** Centres the loupe on image pixel ({@code pixelX}, {@code pixelY}). */
  public void lookAt(double pixelX, double pixelY) {
    if (view.imageProperty().get() == null) {
      return;
    }
    double want = Math.min(ImageViewModel.MAX_SCALE,
        Math.max(MIN_SCALE, source.scaleProperty().get() * MAGNIFICATION));
    double now = view.scaleProperty().get();
    view.zoomAt(0, 0, want / now);
    view.centreOn(pixelX, pixelY);
  }

  /** Screen pixels per image pixel in the loupe. */
  public double scale() {
    return view.scaleProperty().get();
  }
}

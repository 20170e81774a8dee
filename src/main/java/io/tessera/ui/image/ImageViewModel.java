package io.tessera.ui.image;

import io.tessera.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;

/**
 * The image pane's state: which image is open (or loading, or why it failed) and how it sits in the
 * viewport. The view transform is {@code screen = offset + scale · pixel}, with pixel coordinates
 * whose origin is the top-left corner of the top-left pixel (its centre is 0.5, 0.5).
 *
 * <p>Until the user pans or zooms, the image keeps fitting the viewport as it resizes.
 */
public final class ImageViewModel {
  /** How far in a user can zoom: 64 screen pixels per image pixel is enough for sub-pixel marks. */
  public static final double MAX_SCALE = 64;
  /** One zoom step (keys, double-click): a factor of √2 keeps two steps per doubling. */
  public static final double ZOOM_STEP = Math.sqrt(2);

  /** Decodes an image file; blocking. */
  @FunctionalInterface
  public interface Loader {
    Image load(Path path) throws Exception;
  }

  private final TaskExecutor executor;
  private final Loader loader;

  private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>(this, "image");
  private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
  private final ReadOnlyStringWrapper requestedName = new ReadOnlyStringWrapper(this, "requestedName");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
  private final ReadOnlyDoubleWrapper offsetX = new ReadOnlyDoubleWrapper(this, "offsetX");
  private final ReadOnlyDoubleWrapper offsetY = new ReadOnlyDoubleWrapper(this, "offsetY");
  private final ReadOnlyObjectWrapper<Point2D> pointerPixel =
      new ReadOnlyObjectWrapper<>(this, "pointerPixel");

  private double viewportWidth;
  private double viewportHeight;
  private boolean autoFit = true;
  private Point2D lastPointer;
  /** Counts opens, so that a slow decode finishing after a newer open is ignored. */
  private long generation;

  public ImageViewModel(TaskExecutor executor, Loader loader) {
    this.executor = executor;
    this.loader = loader;
  }

  /** With the standard decoders of {@link ImageFiles}. */
  public ImageViewModel(TaskExecutor executor) {
    this(executor, ImageFiles::read);
  }

  /** Starts decoding {@code path} in the background; the current image stays until it is done. */
  public void open(Path path) {
    show(path.getFileName().toString(), () -> loader.load(path));
  }

  /**
   * Starts {@code decode} in the background and shows its image as {@code imageName} (e.g. a
   * submission's photo fetched from the service); the current image stays until it is done. A
   * failure says it could not open {@code imageName}, or gives an {@link ImageReadException}'s
   * message.
   */
  public void show(String imageName, Callable<Image> decode) {
    long mine = ++generation;
    loading.set(true);
    error.set(null);
    requestedName.set(imageName);
    executor.run(
        decode,
        img -> {
          if (mine == generation) {
            loading.set(false);
            name.set(imageName);
            image.set(img);
            fit();
          }
        },
        failure -> {
          if (mine == generation) {
            // The image shown before stays: a failed open must not take away what the user had.
            loading.set(false);
            error.set(userMessage(imageName, failure));
          }
        });
  }

  private static String userMessage(String imageName, Exception failure) {
    if (failure instanceof ImageReadException) {
      return failure.getMessage();
    }
    return imageName + " could not be opened.";
  }

  /** Hides the message of a failed open. */
  public void dismissError() {
    error.set(null);
  }

  /** Tells the model the viewport's size in screen pixels, e.g. after a resize. */
  public void setViewportSize(double width, double height) {
    viewportWidth = Math.max(0, width);
    viewportHeight = Math.max(0, height);
    if (autoFit) {
      fit();
    }
  }

  /** Shows the whole image, centred ({@code 0}), and keeps doing so as the viewport resizes. */
  public void fit() {
    Image img = image.get();
    autoFit = true;
    if (img == null || viewportWidth <= 0 || viewportHeight <= 0) {
      return;
    }
    double s = Math.min(viewportWidth / img.getWidth(), viewportHeight / img.getHeight());
    scale.set(Math.min(s, MAX_SCALE));
    offsetX.set((viewportWidth - img.getWidth() * scale.get()) / 2);
    offsetY.set((viewportHeight - img.getHeight() * scale.get()) / 2);
    updatePointer();
  }

  /** One image pixel per screen pixel, keeping the point at the viewport centre in place ({@code 1}). */
  public void oneToOne() {
    zoomAt(viewportWidth / 2, viewportHeight / 2, 1 / scale.get());
  }

  /** Zooms by {@code factor} keeping the image point under (screenX, screenY) in place. */
  public void zoomAt(double screenX, double screenY, double factor) {
    Image img = image.get();
    if (img == null || !(factor > 0)) {
      return;
    }
    autoFit = false;
    double old = scale.get();
    double s = Math.max(minScale(img), Math.min(MAX_SCALE, old * factor));
    offsetX.set(screenX - (screenX - offsetX.get()) * s / old);
    offsetY.set(screenY - (screenY - offsetY.get()) * s / old);
    scale.set(s);
    updatePointer();
  }

  /** Zooms one step in or out around the viewport centre ({@code +} / {@code -}). */
  public void zoomStep(boolean in) {
    zoomAt(viewportWidth / 2, viewportHeight / 2, in ? ZOOM_STEP : 1 / ZOOM_STEP);
  }

  /** No smaller than a quarter of the fitting scale: further out the image is only a speck. */
  private double minScale(Image img) {
    if (viewportWidth <= 0 || viewportHeight <= 0) {
      return 1e-3;
    }
    double fitScale = Math.min(viewportWidth / img.getWidth(), viewportHeight / img.getHeight());
    return Math.min(fitScale / 4, 1);
  }

  /** Moves the image by (dx, dy) screen pixels (drag, arrow keys). */
  public void panBy(double dx, double dy) {
    if (image.get() == null) {
      return;
    }
    autoFit = false;
    offsetX.set(offsetX.get() + dx);
    offsetY.set(offsetY.get() + dy);
    updatePointer();
  }

  /** The mouse is at (screenX, screenY) in viewport coordinates. */
  public void pointerMoved(double screenX, double screenY) {
    lastPointer = new Point2D(screenX, screenY);
    updatePointer();
  }

  /** The mouse left the viewport. */
  public void pointerExited() {
    lastPointer = null;
    pointerPixel.set(null);
  }

  private void updatePointer() {
    Image img = image.get();
    if (img == null || lastPointer == null) {
      pointerPixel.set(null);
      return;
    }
    Point2D p = toPixel(lastPointer.getX(), lastPointer.getY());
    boolean inside =
        p.getX() >= 0 && p.getY() >= 0 && p.getX() < img.getWidth() && p.getY() < img.getHeight();
    pointerPixel.set(inside ? p : null);
  }

  /** Image pixel coordinates of a viewport point (outside the image too). */
  public Point2D toPixel(double screenX, double screenY) {
    return new Point2D(
        (screenX - offsetX.get()) / scale.get(), (screenY - offsetY.get()) / scale.get());
  }

  public ReadOnlyObjectProperty<Image> imageProperty() {
    return image.getReadOnlyProperty();
  }

  /** The name (file name) of the image shown; null while none is. */
  public ReadOnlyStringProperty nameProperty() {
    return name.getReadOnlyProperty();
  }

  /** The name of the image last asked for (loaded, loading or failed); null before the first. */
  public ReadOnlyStringProperty requestedNameProperty() {
    return requestedName.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Why the last open failed, in the user's words; null when it did not. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Screen pixels per image pixel. */
  public ReadOnlyDoubleProperty scaleProperty() {
    return scale.getReadOnlyProperty();
  }

  /** Screen x of the image's left edge. */
  public ReadOnlyDoubleProperty offsetXProperty() {
    return offsetX.getReadOnlyProperty();
  }

  /** Screen y of the image's top edge. */
  public ReadOnlyDoubleProperty offsetYProperty() {
    return offsetY.getReadOnlyProperty();
  }

  /** Pixel coordinates under the mouse, null when the mouse is not over the image. */
  public ReadOnlyObjectProperty<Point2D> pointerPixelProperty() {
    return pointerPixel.getReadOnlyProperty();
  }
}

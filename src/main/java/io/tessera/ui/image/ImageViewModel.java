package io.tessera.ui.image;

import io.tessera.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;

/**
 * The image pane's state: which image is open (or loading, being tiled, or why it failed) and how
 * it sits in the viewport. The view transform is {@code screen = offset + scale · pixel}, with
 * pixel coordinates whose origin is the top-left corner of the top-left pixel (its centre is 0.5,
 * 0.5; ARCHITECTURE §11).
 *
 * <p>Until the user pans or zooms, the image keeps fitting the viewport as it resizes. Every
 * property changes on the FX thread.
 */
public final class ImageViewModel {
  /** How far in a user can zoom: 64 screen pixels per image pixel is enough for sub-pixel marks. */
  public static final double MAX_SCALE = 64;
  /** One zoom step (keys, double-click): a factor of √2 keeps two steps per doubling. */
  public static final double ZOOM_STEP = Math.sqrt(2);

  private final TaskExecutor executor;
  private final DziOpener opener;

  private final ReadOnlyObjectWrapper<OpenImage> image = new ReadOnlyObjectWrapper<>(this, "image");
  private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
  private final ReadOnlyStringWrapper requestedName = new ReadOnlyStringWrapper(this, "requestedName");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyBooleanWrapper tiling = new ReadOnlyBooleanWrapper(this, "tiling");
  private final ReadOnlyDoubleWrapper tilingProgress = new ReadOnlyDoubleWrapper(this, "tilingProgress");
  private final ReadOnlyLongWrapper sourceRevision = new ReadOnlyLongWrapper(this, "sourceRevision");
  private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
  private final ReadOnlyDoubleWrapper offsetX = new ReadOnlyDoubleWrapper(this, "offsetX");
  private final ReadOnlyDoubleWrapper offsetY = new ReadOnlyDoubleWrapper(this, "offsetY");
  private final ReadOnlyObjectWrapper<Point2D> pointerPixel =
      new ReadOnlyObjectWrapper<>(this, "pointerPixel");

  private double viewportWidth;
  private double viewportHeight;
  private boolean autoFit = true;
  private Point2D lastPointer;
  /** Counts opens, so that a slow open finishing after a newer one is ignored. */
  private long generation;
  /** The tiles behind the image shown while they are still being made, else null. */
  private DziOpening opening;

  /**
   * @param executor runs opens and decodes off the FX thread
   * @param opener turns files opened with {@link #open(Path)} into tiles
   */
  public ImageViewModel(TaskExecutor executor, DziOpener opener) {
    this.executor = executor;
    this.opener = opener;
  }

  /**
   * Opens a picture file through the {@link DziOpener} in the background; the current image stays
   * until the new one can be shown, which is as soon as its geometry is known: tiles that are
   * still being made appear as they come ({@link #tilingProperty()}).
   */
  public void open(Path path) {
    String imageName = path.getFileName().toString();
    long mine = begin(imageName);
    executor.run(
        () -> opener.open(path),
        opened -> {
          if (mine != generation) {
            if (opened != opening) {
              opened.cancel(); // superseded before it was shown: nobody wants its tiles
            }
            return;
          }
          display(OpenImage.of(imageName, opened.source()), opened);
          refreshTiling();
        },
        failure -> failed(mine, imageName, failure));
  }

  /**
   * Starts {@code decode} in the background and shows its picture, whole, as {@code imageName}
   * (e.g. a submission's photo fetched from the service); the current image stays until it is
   * done. A failure says it could not open {@code imageName}, or gives an {@link
   * ImageReadException}'s message.
   */
  public void show(String imageName, Callable<Image> decode) {
    long mine = begin(imageName);
    executor.run(
        decode,
        img -> {
          if (mine == generation) {
            display(OpenImage.of(imageName, img), null);
          }
        },
        failure -> failed(mine, imageName, failure));
  }

  /** Shows the tiles of {@code source} as {@code imageName} at once. Call on the FX thread. */
  public void show(String imageName, DziSource source) {
    begin(imageName);
    display(OpenImage.of(imageName, source), null);
  }

  private long begin(String imageName) {
    loading.set(true);
    error.set(null);
    requestedName.set(imageName);
    return ++generation;
  }

  private void display(OpenImage img, DziOpening tiles) {
    if (opening != null && opening != tiles) {
      opening.cancel();
    }
    opening = tiles;
    tiling.set(false);
    tilingProgress.set(tiles == null ? 1 : tiles.progress());
    loading.set(false);
    name.set(img.getName());
    image.set(img);
    fit();
  }

  private void failed(long mine, String imageName, Exception failure) {
    if (mine == generation) {
      // The image shown before stays: a failed open must not take away what the user had.
      loading.set(false);
      error.set(userMessage(imageName, failure));
    }
  }

  private static String userMessage(String imageName, Exception failure) {
    if (failure instanceof ImageReadException) {
      return failure.getMessage();
    }
    return imageName + " could not be opened.";
  }

  /**
   * Says that the source may have tiles it lacked before: the pane asks again for every tile it
   * could not get. {@link #refreshTiling()} calls it while tiles are being made; a source that
   * learns of new tiles another way (a server's progress) can too.
   */
  public void sourceChanged() {
    sourceRevision.set(sourceRevision.get() + 1);
  }

  /**
   * Looks at how far the tiles of the image shown have come: updates the progress, lets the pane
   * ask for new tiles, and shows why when making them failed. The pane calls this on a timer
   * while {@link #tilingProperty()} is true.
   */
  public void refreshTiling() {
    DziOpening tiles = opening;
    if (tiles == null) {
      return;
    }
    ImageReadException failure = tiles.failure();
    if (failure != null) {
      opening = null;
      close();
      error.set(failure.getMessage());
      return;
    }
    boolean complete = tiles.isComplete();
    double progress = complete ? 1 : tiles.progress();
    if (progress != tilingProgress.get() || complete) {
      tilingProgress.set(progress);
      sourceChanged();
    }
    if (complete) {
      opening = null;
    }
    tiling.set(!complete);
  }

  /** Stops making the tiles of the image shown, and closes it: what there is would be partial. */
  public void cancelTiling() {
    if (opening != null) {
      opening.cancel();
      opening = null;
      close();
    }
  }

  private void close() {
    ++generation;
    tiling.set(false);
    loading.set(false);
    image.set(null);
    name.set(null);
    autoFit = true;
    updatePointer();
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
    OpenImage img = image.get();
    autoFit = true;
    if (img == null || viewportWidth <= 0 || viewportHeight <= 0) {
      return;
    }
    double s = Math.min(MAX_SCALE, fitScale(img));
    setView(s, (viewportWidth - img.getWidth() * s) / 2, (viewportHeight - img.getHeight() * s) / 2);
  }

  /**
   * One image pixel per screen pixel, keeping the point at the viewport centre in place to within
   * half a pixel ({@code 1}): the image's edges go to whole screen pixels, so that each pixel is
   * drawn on one screen pixel rather than spread over two.
   */
  public void oneToOne() {
    zoomAt(viewportWidth / 2, viewportHeight / 2, 1 / scale.get());
    if (image.get() != null) {
      setView(1, Math.round(offsetX.get()), Math.round(offsetY.get()));
    }
  }

  /** Zooms by {@code factor} keeping the image point under (screenX, screenY) in place. */
  public void zoomAt(double screenX, double screenY, double factor) {
    OpenImage img = image.get();
    if (img == null || !(factor > 0)) {
      return;
    }
    autoFit = false;
    double old = scale.get();
    double s = Math.max(minScale(img), Math.min(MAX_SCALE, old * factor));
    setView(
        s,
        screenX - (screenX - offsetX.get()) * s / old,
        screenY - (screenY - offsetY.get()) * s / old);
  }

  /** Zooms one step in or out around the viewport centre ({@code +} / {@code -}). */
  public void zoomStep(boolean in) {
    zoomAt(viewportWidth / 2, viewportHeight / 2, in ? ZOOM_STEP : 1 / ZOOM_STEP);
  }

  /** Moves the image by (dx, dy) screen pixels (drag, arrow keys). */
  public void panBy(double dx, double dy) {
    if (image.get() == null) {
      return;
    }
    autoFit = false;
    setView(scale.get(), offsetX.get() + dx, offsetY.get() + dy);
  }

  /** Moves the image so that pixel (pixelX, pixelY) is at the viewport's centre (the minimap). */
  public void centreOn(double pixelX, double pixelY) {
    if (image.get() == null) {
      return;
    }
    autoFit = false;
    double s = scale.get();
    setView(s, viewportWidth / 2 - s * pixelX, viewportHeight / 2 - s * pixelY);
  }

  private double fitScale(OpenImage img) {
    return Math.min(viewportWidth / img.getWidth(), viewportHeight / img.getHeight());
  }

  /** No smaller than a quarter of the fitting scale: further out the image is only a speck. */
  private double minScale(OpenImage img) {
    if (viewportWidth <= 0 || viewportHeight <= 0) {
      return 1e-3;
    }
    return Math.min(fitScale(img) / 4, 1);
  }

  private void setView(double s, double ox, double oy) {
    scale.set(s);
    offsetX.set(ox);
    offsetY.set(oy);
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
    OpenImage img = image.get();
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

  /** The view transform and viewport size now. */
  Viewport viewport() {
    return new Viewport(scale.get(), offsetX.get(), offsetY.get(), viewportWidth, viewportHeight);
  }

  /** The image shown, null while none is. */
  public ReadOnlyObjectProperty<OpenImage> imageProperty() {
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

  /** Whether an open is under way and nothing of it can be shown yet. */
  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Why the last open failed, in the user's words; null when it did not. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Whether the tiles of the image shown are still being made. */
  public ReadOnlyBooleanProperty tilingProperty() {
    return tiling.getReadOnlyProperty();
  }

  /** How far making them has come, 0..1. */
  public ReadOnlyDoubleProperty tilingProgressProperty() {
    return tilingProgress.getReadOnlyProperty();
  }

  /** Goes up by one with every {@link #sourceChanged()}. */
  public ReadOnlyLongProperty sourceRevisionProperty() {
    return sourceRevision.getReadOnlyProperty();
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

package io.tessera.ui.image;

import io.tessera.ui.NavigationKeys;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * Shows one image with pan and zoom: drag (left or middle button) pans, the wheel zooms at the
 * cursor, {@code +}/{@code -} zoom, {@code 0} fits, {@code 1} shows pixels 1:1, arrows pan, a
 * double-click zooms in one step. Files dropped on the pane open in it.
 *
 * <p>The visible part of the image is drawn onto a {@link Canvas} the size of the pane. A canvas
 * rather than an {@code ImageView}: {@code ImageView.setSmooth(false)} is ignored by the ES2 and
 * software pipelines (measured), while the canvas's {@code setImageSmoothing(false)} shows zoomed
 * pixels as the crisp squares that pixel-exact marking needs.
 */
public final class ImagePane extends StackPane {
  private static final double ARROW_PAN_PX = 60;
  /** Screen-pixel scale above which pixels are drawn as crisp squares rather than blurred. */
  private static final double CRISP_ABOVE_SCALE = 1.5;

  private final ImageViewModel viewModel;
  private final Pane canvas = new Pane();
  private final Canvas view = new Canvas();
  private final Runnable onOpenRequest;
  private final Consumer<Path> onFileDropped;
  private Point2D dragFrom;

  /**
   * @param onOpenRequest what the empty state's "Open Image…" button does (the File menu's action)
   * @param onFileDropped opens a file dropped on the pane, the way File → Open does
   */
  public ImagePane(
      ImageViewModel viewModel, Runnable onOpenRequest, Consumer<Path> onFileDropped) {
    this.viewModel = viewModel;
    this.onOpenRequest = onOpenRequest;
    this.onFileDropped = onFileDropped;
    getStyleClass().add("image-pane");
    setId("imagePane");
    setFocusTraversable(true);

    view.setManaged(false);
    view.widthProperty().bind(canvas.widthProperty());
    view.heightProperty().bind(canvas.heightProperty());
    canvas.getChildren().add(view);
    canvas.getStyleClass().add("image-canvas");
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(canvas.widthProperty());
    clip.heightProperty().bind(canvas.heightProperty());
    canvas.setClip(clip);

    getChildren().addAll(canvas, infoOverlay(), emptyState(), loadingState(), errorState());

    canvas.widthProperty().addListener((o, a, b) -> resized());
    canvas.heightProperty().addListener((o, a, b) -> resized());
    viewModel.imageProperty().addListener((o, a, b) -> redraw());
    viewModel.scaleProperty().addListener((o, a, b) -> redraw());
    viewModel.offsetXProperty().addListener((o, a, b) -> redraw());
    viewModel.offsetYProperty().addListener((o, a, b) -> redraw());

    installMouse();
    NavigationKeys.install(
        this,
        new NavigationKeys.Target() {
          @Override
          public void panBy(double dx, double dy) {
            viewModel.panBy(dx, dy);
          }

          @Override
          public double panStepXPixels() {
            return ARROW_PAN_PX;
          }

          @Override
          public void zoomStep(boolean in) {
            viewModel.zoomStep(in);
          }

          @Override
          public void fit() {
            viewModel.fit();
          }

          @Override
          public boolean oneToOne() {
            viewModel.oneToOne();
            return true;
          }
        });
    setOnDragOver(this::dragOver);
    setOnDragDropped(this::dragDropped);
  }

  public ImageViewModel viewModel() {
    return viewModel;
  }

  /** File name, size and zoom, so the user knows what is open and how far in they are. */
  private Label infoOverlay() {
    Label info = new Label();
    info.setId("imageInfo");
    info.getStyleClass().add("overlay-hint");
    info.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  Image img = viewModel.imageProperty().get();
                  String name = viewModel.nameProperty().get();
                  if (img == null || name == null) {
                    return "";
                  }
                  return String.format(
                      Locale.ROOT,
                      "%s  ·  %d × %d px  ·  %s",
                      name,
                      (long) img.getWidth(),
                      (long) img.getHeight(),
                      zoomPercent(viewModel.scaleProperty().get()));
                },
                viewModel.imageProperty(),
                viewModel.nameProperty(),
                viewModel.scaleProperty()));
    info.visibleProperty().bind(viewModel.imageProperty().isNotNull());
    info.setMouseTransparent(true);
    StackPane.setAlignment(info, Pos.BOTTOM_LEFT);
    return info;
  }

  private static String zoomPercent(double scale) {
    double pct = scale * 100;
    return pct < 10 ? String.format(Locale.ROOT, "%.1f %%", pct) : String.format(Locale.ROOT, "%.0f %%", pct);
  }

  private VBox emptyState() {
    Label title = new Label("No image open");
    title.getStyleClass().add("empty-title");
    Label hint = new Label("Drop a photo, orthomosaic or scan here (JPEG, PNG, TIFF),\nor open one from the File menu.");
    hint.getStyleClass().add("empty-hint");
    hint.setWrapText(true);
    Button open = new Button("Open Image…");
    open.setId("openImageButton");
    open.setOnAction(e -> onOpenRequest.run());
    VBox box = new VBox(10, title, hint, open);
    box.setAlignment(Pos.CENTER);
    box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    box.getStyleClass().add("empty-state");
    box.visibleProperty()
        .bind(
            viewModel.imageProperty().isNull()
                .and(viewModel.loadingProperty().not())
                .and(viewModel.errorProperty().isNull()));
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private VBox loadingState() {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(36, 36);
    Label label = new Label();
    label.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> viewModel.requestedNameProperty().get() == null
                    ? "Loading…"
                    : "Loading " + viewModel.requestedNameProperty().get() + "…",
                viewModel.requestedNameProperty()));
    VBox box = new VBox(8, spinner, label);
    box.setAlignment(Pos.CENTER);
    box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    box.getStyleClass().addAll("empty-state", "loading-state");
    box.visibleProperty().bind(viewModel.loadingProperty());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private VBox errorState() {
    Label title = new Label("The file could not be opened");
    title.getStyleClass().add("empty-title");
    Label message = new Label();
    message.setId("imageError");
    message.getStyleClass().add("error-message");
    message.setWrapText(true);
    message.setMaxWidth(460);
    message.textProperty().bind(viewModel.errorProperty());
    Button other = new Button("Open Another Image…");
    other.setOnAction(e -> onOpenRequest.run());
    Button dismiss = new Button("Dismiss");
    dismiss.setId("dismissImageError");
    dismiss.setOnAction(e -> viewModel.dismissError());
    HBox buttons = new HBox(8, other, dismiss);
    buttons.setAlignment(Pos.CENTER);
    VBox box = new VBox(10, title, message, buttons);
    box.setAlignment(Pos.CENTER);
    box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    box.getStyleClass().addAll("empty-state", "error-state");
    box.visibleProperty().bind(viewModel.errorProperty().isNotNull().and(viewModel.loadingProperty().not()));
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private void resized() {
    viewModel.setViewportSize(canvas.getWidth(), canvas.getHeight());
    redraw();
  }

  /** Draws the visible part of the image at its screen position and size. */
  private void redraw() {
    GraphicsContext g = view.getGraphicsContext2D();
    g.clearRect(0, 0, view.getWidth(), view.getHeight());
    Image img = viewModel.imageProperty().get();
    double s = viewModel.scaleProperty().get();
    double ox = viewModel.offsetXProperty().get();
    double oy = viewModel.offsetYProperty().get();
    if (img == null || s <= 0) {
      return;
    }
    double x0 = Math.max(0, ox);
    double y0 = Math.max(0, oy);
    double x1 = Math.min(view.getWidth(), ox + img.getWidth() * s);
    double y1 = Math.min(view.getHeight(), oy + img.getHeight() * s);
    if (x1 <= x0 || y1 <= y0) {
      return;
    }
    g.setImageSmoothing(s < CRISP_ABOVE_SCALE);
    g.drawImage(
        img, (x0 - ox) / s, (y0 - oy) / s, (x1 - x0) / s, (y1 - y0) / s, x0, y0, x1 - x0, y1 - y0);
  }

  private void installMouse() {
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> viewModel.pointerMoved(e.getX(), e.getY()));
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> viewModel.pointerExited());
    canvas.addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          requestFocus();
          if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
            dragFrom = new Point2D(e.getX(), e.getY());
          }
          e.consume(); // keeps the surrounding TabPane from taking the focus back
        });
    canvas.addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          if (dragFrom != null) {
            canvas.setCursor(Cursor.CLOSED_HAND);
            viewModel.panBy(e.getX() - dragFrom.getX(), e.getY() - dragFrom.getY());
            dragFrom = new Point2D(e.getX(), e.getY());
          }
          viewModel.pointerMoved(e.getX(), e.getY());
        });
    canvas.addEventHandler(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          dragFrom = null;
          canvas.setCursor(Cursor.DEFAULT);
        });
    canvas.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
            viewModel.zoomAt(e.getX(), e.getY(), ImageViewModel.ZOOM_STEP);
          }
        });
    canvas.addEventHandler(
        ScrollEvent.SCROLL,
        e -> {
          if (e.getDeltaY() != 0) {
            // ~1.25× per wheel notch (40 px on most platforms), smooth for trackpads.
            viewModel.zoomAt(e.getX(), e.getY(), Math.exp(e.getDeltaY() * 0.0056));
            e.consume();
          }
        });
  }

  private void dragOver(DragEvent e) {
    if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
      e.acceptTransferModes(TransferMode.COPY);
    }
    e.consume();
  }

  private void dragDropped(DragEvent e) {
    List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
    boolean ok = files.size() == 1;
    if (ok) {
      onFileDropped.accept(files.get(0).toPath());
    }
    e.setDropCompleted(ok);
    e.consume();
  }
}

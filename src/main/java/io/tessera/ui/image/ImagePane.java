package io.tessera.ui.image;

import io.tessera.ui.NavigationKeys;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * A deep-zoom viewer: shows one image from its pyramid's tiles with pan and zoom. Drag (left or
 * middle button) pans, the wheel zooms at the cursor, {@code +}/{@code -} zoom, {@code 0} fits,
 * {@code 1} shows pixels 1:1, arrows pan, a double-click zooms in one step. A minimap in the top
 * right corner shows where the view is while part of the image is out of it; a progress bar
 * shows while the image's tiles are still being made. Files dropped on the pane open in it.
 */
public final class ImagePane extends StackPane {
  private static final double ARROW_PAN_PX = 60;
  /** Zoom factor of one wheel notch. */
  private static final double WHEEL_ZOOM_PER_NOTCH = 1.25;
  /** How often the pane looks for new tiles while they are being made. */
  static final Duration TILING_POLL = Duration.millis(300);

  private final ImageViewModel viewModel;
  private final TileCanvas tiles;
  private final Runnable onOpenRequest;
  private final Consumer<Path> onFileDropped;
  private final Timeline tilingPoll;
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

    tiles = new TileCanvas(viewModel);
    tiles.getStyleClass().add("image-canvas");
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(tiles.widthProperty());
    clip.heightProperty().bind(tiles.heightProperty());
    tiles.setClip(clip);
    Minimap minimap = new Minimap(viewModel, tiles);
    StackPane.setAlignment(minimap, Pos.TOP_RIGHT);
    StackPane.setMargin(minimap, new Insets(10));

    getChildren().addAll(
        tiles, infoOverlay(), minimap, tilingOverlay(), emptyState(), loadingState(), errorState());

    tilingPoll = new Timeline(new KeyFrame(TILING_POLL, e -> viewModel.refreshTiling()));
    tilingPoll.setCycleCount(Animation.INDEFINITE);
    viewModel.tilingProperty().addListener((o, was, is) -> {
      if (is) {
        tilingPoll.play();
      } else {
        tilingPoll.stop();
      }
    });

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

  /**
   * Puts {@code overlay} over the image, under the pane's own hints and messages (marks, a
   * loupe). Overlays see the mouse only where they ask to ({@code setMouseTransparent}).
   */
  public void addOverlay(javafx.scene.Node overlay) {
    getChildren().add(getChildren().indexOf(tiles) + 1, overlay);
  }

  /** The tile-drawing surface; for tests and the benchmark. */
  TileCanvas tileCanvas() {
    return tiles;
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
                  OpenImage img = viewModel.imageProperty().get();
                  if (img == null) {
                    return "";
                  }
                  return String.format(
                      Locale.ROOT,
                      "%s  ·  %,d × %,d px  ·  %s",
                      img.getName(),
                      img.getWidth(),
                      img.getHeight(),
                      zoomPercent(viewModel.scaleProperty().get()));
                },
                viewModel.imageProperty(),
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

  /** "Tiling NAME… 42 %" with a bar and a way to stop, while the tiles are being made. */
  private HBox tilingOverlay() {
    Label label = new Label();
    label.setId("tilingLabel");
    label.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> String.format(
                    Locale.ROOT,
                    "Preparing %s for deep zoom… %d %%",
                    viewModel.nameProperty().get(),
                    Math.round(100 * viewModel.tilingProgressProperty().get())),
                viewModel.nameProperty(),
                viewModel.tilingProgressProperty()));
    ProgressBar bar = new ProgressBar();
    bar.setId("tilingProgress");
    bar.setPrefWidth(160);
    bar.progressProperty().bind(viewModel.tilingProgressProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("cancelTiling");
    cancel.setTooltip(new Tooltip("Stop preparing this image and close it"));
    cancel.setOnAction(e -> viewModel.cancelTiling());
    HBox box = new HBox(10, label, bar, cancel);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    box.getStyleClass().add("overlay-hint");
    box.setStyle("-fx-translate-x: 0; -fx-translate-y: 10; -fx-font-size: 12px;");
    box.visibleProperty().bind(viewModel.tilingProperty());
    box.managedProperty().bind(box.visibleProperty());
    StackPane.setAlignment(box, Pos.TOP_CENTER);
    return box;
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

  private void installMouse() {
    tiles.addEventHandler(MouseEvent.MOUSE_MOVED, e -> viewModel.pointerMoved(e.getX(), e.getY()));
    tiles.addEventHandler(MouseEvent.MOUSE_EXITED, e -> viewModel.pointerExited());
    tiles.addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          requestFocus();
          if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
            dragFrom = new Point2D(e.getX(), e.getY());
          }
          e.consume(); // keeps the surrounding TabPane from taking the focus back
        });
    tiles.addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          if (dragFrom != null) {
            tiles.setCursor(Cursor.CLOSED_HAND);
            viewModel.panBy(e.getX() - dragFrom.getX(), e.getY() - dragFrom.getY());
            dragFrom = new Point2D(e.getX(), e.getY());
          }
          viewModel.pointerMoved(e.getX(), e.getY());
        });
    tiles.addEventHandler(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          dragFrom = null;
          tiles.setCursor(Cursor.DEFAULT);
        });
    tiles.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
            viewModel.zoomAt(e.getX(), e.getY(), ImageViewModel.ZOOM_STEP);
          }
        });
    tiles.addEventHandler(
        ScrollEvent.SCROLL,
        e -> {
          if (e.getDeltaY() != 0) {
            // deltaY is notches times the platform's multiplier (40 on GTK, 1 under Monocle);
            // touchpads send fractions of a notch, which zoom smoothly
            double notches = e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : Math.signum(e.getDeltaY());
            viewModel.zoomAt(e.getX(), e.getY(), Math.pow(WHEEL_ZOOM_PER_NOTCH, notches));
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

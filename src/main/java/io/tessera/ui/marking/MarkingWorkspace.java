package io.tessera.ui.marking;

import io.tessera.api.dto.PhotogrammetryDtos.MarkDto;
import io.tessera.api.dto.PhotogrammetryDtos.PredictionDto;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.DeepZoomClient;
import io.tessera.ui.image.ContentDziSource;
import io.tessera.ui.image.DziInfo;
import io.tessera.ui.image.ImagePane;
import io.tessera.ui.image.ImageViewModel;
import io.tessera.ui.image.Loupe;
import io.tessera.ui.map.MapPane;
import io.tessera.ui.mission.Problem;
import io.tessera.ui.mission.ProblemView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The GCP marking workflow (UX.md, Marking) around the image pane: a GCP table and a filmstrip of
 * the selected GCP's photos ranked by prediction; the photo opens centred on the prediction with
 * its search circle; a loupe follows the cursor; click places the mark, drag moves it, Delete
 * removes it, Ctrl+Z / Ctrl+Y undo and redo; N / P next and previous photo, G next GCP, Space
 * zooms to the prediction, Enter accepts it. Predicted blue, placed yellow, checkpoints magenta.
 */
public final class MarkingWorkspace {
  static final Color PREDICTED = Color.web("#2f80ed");
  static final Color PLACED = Color.web("#ffd21f");
  static final Color CHECKPOINT = Color.web("#e040fb");
  /** Screen distance within which a press grabs the mark instead of panning. */
  static final double GRAB_PX = 9;
  private static final double LOUPE_PX = 176;
  private static final double THUMB_PX = 112;

  private final MarkingViewModel vm;
  private final ImagePane imagePane;
  private final ImageViewModel image;
  private final DeepZoomClient deepZoom;
  private final Canvas overlay = new Canvas();
  private final Loupe loupe;
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
  private final BorderPane tab = new BorderPane();
  private final GcpLayer layer;
  private final Map<String, Image> thumbnails = new HashMap<>();
  private final TableView<MarkingViewModel.GcpRow> table = new TableView<>();
  private final ListView<PredictionDto> filmstrip = new ListView<>();
  private Point2D pointer;
  /** Where the mark being dragged is now (image pixels), or null while none is. */
  private Point2D dragged;
  /** The photo the image pane shows for marking (its key), or null. */
  private String shownPhoto;
  /** The GCP the view was last centred for. */
  private String shownGcp;

  public MarkingWorkspace(MarkingViewModel vm, ImagePane imagePane, DeepZoomClient deepZoom,
      MapPane map) {
    this.vm = vm;
    this.imagePane = imagePane;
    this.image = imagePane.viewModel();
    this.deepZoom = deepZoom;
    this.loupe = new Loupe(image, vm.executor(), LOUPE_PX);
    this.layer = new GcpLayer(vm);
    map.getMapView().getLayers().add(layer);

    loupe.setManaged(false);
    loupe.setVisible(false);
    overlay.setMouseTransparent(true);
    overlay.setManaged(false);
    overlay.setId("markingOverlay");
    imagePane.addOverlay(overlay);
    imagePane.addOverlay(loupe);
    imagePane.widthProperty().addListener(o -> redraw());
    imagePane.heightProperty().addListener(o -> redraw());
    for (var p : List.of(image.scaleProperty(), image.offsetXProperty(),
        image.offsetYProperty(), image.imageProperty(), vm.currentMarkProperty(),
        vm.selectedPhotoProperty(), active)) {
      p.addListener((InvalidationListener) o -> redraw());
    }
    vm.selectedPhotoProperty().addListener((o, was, is) -> showPhoto(is));
    installMouse();

    BorderPane centre = new BorderPane();
    centre.setBottom(filmstrip());
    SplitPane split = new SplitPane(panel(), centre);
    split.setDividerPositions(0.4);
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    tab.setId("markingTab");
    tab.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    // the image pane moves between the plain tab and the marking layout
    active.addListener((o, was, is) -> {
      tab.setCenter(null);
      centre.setCenter(is ? imagePane : null);
      tab.setCenter(is ? split : imagePane);
    });
    tab.setCenter(imagePane);
  }

  /** The image tab's content: the image pane, with the marking panels while active. */
  public Node imageTab() {
    return tab;
  }

  public BooleanProperty activeProperty() {
    return active;
  }

  public MarkingViewModel viewModel() {
    return vm;
  }

  /** Starts marking: shows the panels and loads the projects. */
  public void start() {
    active.set(true);
    ProjectDto now = vm.projectProperty().get();
    vm.refreshProjects(now == null ? null : now.id());
    imagePane.requestFocus();
  }

  // ---- panels ----

  private Node panel() {
    ComboBox<ProjectDto> projects = new ComboBox<>(vm.projects());
    projects.setId("markingProject");
    projects.setMaxWidth(Double.MAX_VALUE);
    projects.setPromptText("Choose a project");
    projects.setConverter(new StringConverter<>() {
      @Override
      public String toString(ProjectDto p) {
        return p == null ? "" : p.displayName() != null ? p.displayName() : p.name();
      }

      @Override
      public ProjectDto fromString(String s) {
        return null;
      }
    });
    projects.valueProperty().bindBidirectional(vm.projectProperty());

    Button importButton = new Button("Import…");
    importButton.setId("importGcps");
    importButton.setTooltip(new Tooltip("Import GCPs from CSV, gcp_list.txt or OPF, with a preview"));
    importButton.setOnAction(e -> importGcps());
    MenuButton export = new MenuButton("Export");
    export.setId("exportGcps");
    for (String[] f : new String[][] {{"OPF (input_control_points.json)…", "opf", "json"},
        {"ODM (gcp_list.txt)…", "odm", "txt"}, {"PIX4D CSV…", "csv", "csv"}}) {
      MenuItem item = new MenuItem(f[0]);
      item.setOnAction(e -> exportGcps(f[1], f[2]));
      export.getItems().add(item);
    }
    importButton.disableProperty().bind(vm.projectProperty().isNull());
    export.disableProperty().bind(vm.projectProperty().isNull());
    HBox buttons = new HBox(6, importButton, export);

    table.setId("gcpTable");
    table.setItems(vm.gcps());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No GCPs: import a GCP file."));
    TableColumn<MarkingViewModel.GcpRow, String> name = column("Name", r -> r.name());
    TableColumn<MarkingViewModel.GcpRow, String> type = column("Type",
        r -> r.isCheckpoint() ? "Check" : "GCP");
    TableColumn<MarkingViewModel.GcpRow, String> x = column("East", r -> number(r.gcp().x()));
    TableColumn<MarkingViewModel.GcpRow, String> y = column("North", r -> number(r.gcp().y()));
    TableColumn<MarkingViewModel.GcpRow, String> z = column("Z", r -> number(r.gcp().z()));
    TableColumn<MarkingViewModel.GcpRow, String> marks = column("Marks",
        r -> Integer.toString(r.marks()));
    marks.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(String s, boolean empty) {
        super.updateItem(s, empty);
        setText(empty ? null : s);
        MarkingViewModel.GcpRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
        getStyleClass().remove("undermarked");
        if (r != null && r.marks() < 2) {
          getStyleClass().add("undermarked");
        }
        setStyle(r != null && r.marks() < 2 ? "-fx-text-fill: #d32f2f; -fx-font-weight: bold;" : "");
      }
    });
    // wide enough for "gcp00", "Check", 235269.88, 3811198.11 and the count, never cut
    double[] widths = {58, 48, 80, 88, 46, 50};
    List<TableColumn<MarkingViewModel.GcpRow, String>> cols = List.of(name, type, x, y, z, marks);
    for (int i = 0; i < widths.length; i++) {
      cols.get(i).setMinWidth(widths[i]);
      cols.get(i).setPrefWidth(widths[i]);
    }
    table.getColumns().setAll(cols);
    table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
      if (is != null && is != vm.selectedGcpProperty().get()) {
        vm.selectedGcpProperty().set(is);
      }
    });
    vm.selectedGcpProperty().addListener((o, was, is) -> {
      if (is != null && table.getSelectionModel().getSelectedItem() != is) {
        table.getSelectionModel().select(is);
        table.scrollTo(is);
      }
    });
    vm.gcps().addListener((InvalidationListener) o -> {
      MarkingViewModel.GcpRow s = vm.selectedGcpProperty().get();
      if (s != null) {
        table.getSelectionModel().select(s);
      }
    });
    VBox.setVgrow(table, Priority.ALWAYS);

    Label status = new Label();
    status.setId("markingStatus");
    status.setWrapText(true);
    status.textProperty().bind(vm.statusProperty());
    Label keys = new Label("Click: place · drag: move · Del: remove · Enter: accept prediction\n"
        + "N / P: next / previous photo · G: next GCP · Space: zoom to prediction");
    keys.getStyleClass().add("empty-hint");
    keys.setWrapText(true);
    ProblemView problem = new ProblemView("markingProblem", vm.problemProperty(),
        vm::dismissProblem);
    Label header = new Label("GCP MARKING");
    header.getStyleClass().add("panel-header");
    header.setMaxWidth(Double.MAX_VALUE);
    VBox box = new VBox(8, projects, buttons, table, problem, status, keys);
    box.setPadding(new Insets(8));
    VBox.setVgrow(box, Priority.ALWAYS);
    VBox root = new VBox(header, box);
    root.getStyleClass().add("side-panel");
    root.setMinWidth(390);
    root.setPrefWidth(390);
    return root;
  }

  private static TableColumn<MarkingViewModel.GcpRow, String> column(String title,
      java.util.function.Function<MarkingViewModel.GcpRow, String> value) {
    TableColumn<MarkingViewModel.GcpRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(
        value.apply(d.getValue())));
    c.setSortable(false);
    return c;
  }

  private static String number(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
  }

  private Node filmstrip() {
    filmstrip.setId("filmstrip");
    filmstrip.setOrientation(Orientation.HORIZONTAL);
    filmstrip.setItems(vm.photos());
    filmstrip.setPrefHeight(THUMB_PX + 56);
    filmstrip.setMinHeight(THUMB_PX + 56);
    filmstrip.setPlaceholder(new Label("Select a GCP to see the photos that show it."));
    filmstrip.setCellFactory(l -> new ListCell<>() {
      private final ImageView view = new ImageView();
      private final Label text = new Label();
      private final VBox box = new VBox(3, view, text);

      {
        view.setFitWidth(THUMB_PX * 1.5);
        view.setFitHeight(THUMB_PX);
        view.setPreserveRatio(true);
        box.setAlignment(Pos.TOP_CENTER);
        text.setFont(Font.font(null, FontWeight.NORMAL, 11));
        box.setPrefWidth(THUMB_PX * 1.5 + 6);
      }

      @Override
      protected void updateItem(PredictionDto p, boolean empty) {
        super.updateItem(p, empty);
        if (empty || p == null) {
          setGraphic(null);
          return;
        }
        view.setImage(thumbnail(p));
        MarkDto mark = p.mark();
        String name = p.photo().substring(p.photo().lastIndexOf('/') + 1);
        text.setText(name + "\n" + (mark != null ? "● marked"
            : p.x() != null ? String.format(Locale.ROOT, "predicted, %.0f px from centre",
                p.distanceFromCentre()) : "no prediction"));
        text.setTextFill(mark != null ? Color.web("#8a6d00")
            : p.x() != null ? PREDICTED : Color.web("#6b7785"));
        setTooltip(p.note() == null ? null : new Tooltip(p.note()));
        setGraphic(box);
      }
    });
    filmstrip.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
      if (is != null && is != vm.selectedPhotoProperty().get()) {
        vm.selectedPhotoProperty().set(is);
      }
    });
    vm.selectedPhotoProperty().addListener((o, was, is) -> {
      if (is != null && filmstrip.getSelectionModel().getSelectedItem() != is) {
        filmstrip.getSelectionModel().select(is);
        filmstrip.scrollTo(is);
      }
    });
    return filmstrip;
  }

  /** The photo's thumbnail from its deep-zoom pyramid, loaded once in the background. */
  private Image thumbnail(PredictionDto p) {
    String id = p.deepZoomContentId();
    if (id == null) {
      return null;
    }
    if (thumbnails.containsKey(id)) {
      return thumbnails.get(id);
    }
    thumbnails.put(id, null);
    vm.executor().run(() -> {
      String xml = deepZoom.descriptor(id);
      if (xml == null) {
        return null;
      }
      DziInfo info = DziInfo.parse(xml.getBytes(StandardCharsets.UTF_8));
      int level = Math.max(0, info.maxLevel()
          - (int) Math.floor(Math.log(Math.max(info.width(), info.height()) / 256.0) / Math.log(2)));
      byte[] tile = deepZoom.tile(id, Math.min(level, info.maxLevel()), 0, 0, info.format());
      return tile == null ? null : new Image(new ByteArrayInputStream(tile));
    }, img -> {
      if (img != null) {
        thumbnails.put(id, img);
        filmstrip.refresh();
      } else {
        thumbnails.remove(id);
      }
    }, e -> thumbnails.remove(id));
    return null;
  }

  // ---- the photo in the image pane ----

  private void showPhoto(PredictionDto p) {
    if (p == null || p.deepZoomContentId() == null) {
      return;
    }
    String gcp = vm.selectedGcpProperty().get() == null ? null
        : vm.selectedGcpProperty().get().name();
    if (p.photo().equals(shownPhoto) && image.imageProperty().get() != null) {
      if (!java.util.Objects.equals(gcp, shownGcp)) {
        shownGcp = gcp;
        centreOnTarget(p);
      }
      return; // the same photo with fresher predictions: the view stays where the user has it
    }
    shownPhoto = p.photo();
    shownGcp = gcp;
    String name = p.photo().substring(p.photo().lastIndexOf('/') + 1);
    vm.executor().run(() -> {
      String xml = deepZoom.descriptor(p.deepZoomContentId());
      if (xml == null) {
        throw new IllegalStateException(name + " is still being prepared for viewing: try again"
            + " in a moment.");
      }
      return DziInfo.parse(xml.getBytes(StandardCharsets.UTF_8));
    }, info -> {
      if (!p.photo().equals(shownPhoto)) {
        return;
      }
      image.show(name, new ContentDziSource(deepZoom, p.deepZoomContentId(), info));
      centreOnTarget(vm.selectedPhotoProperty().get());
    }, e -> {
      shownPhoto = null;
      vm.problemProperty().set(Problem.report("The photo could not be shown", e));
    });
  }

  /** Zooms so that the search circle fills about a fifth of the view, centred on the target. */
  private void centreOnTarget(PredictionDto p) {
    Point2D target = target(p);
    if (target == null) {
      image.fit();
      return;
    }
    double r = searchRadius(p);
    double want = Math.min(2, Math.min(imagePane.getWidth(), imagePane.getHeight()) / (5 * r));
    image.zoomAt(0, 0, Math.max(want, image.scaleProperty().get())
        / image.scaleProperty().get());
    image.centreOn(target.getX(), target.getY());
  }

  /** Where to look on the photo: the mark if there is one, else the prediction, else null. */
  private Point2D target(PredictionDto p) {
    if (p == null) {
      return null;
    }
    MarkDto m = vm.currentMarkProperty().get();
    if (m != null && p.photo().equals(m.photo())) {
      return new Point2D(m.x(), m.y());
    }
    return p.x() == null ? null : new Point2D(p.x(), p.y());
  }

  /** The search circle's smallest radius, image pixels: a target must show in it. */
  static final double MIN_SEARCH_RADIUS_PX = 12;
  /** The search circle's largest radius, as a share of the image diagonal. */
  static final double MAX_SEARCH_RADIUS_OF_DIAGONAL = 0.25;

  /**
   * The search circle's radius, image pixels: the service's {@code search_radius_px} (the radius
   * that should hold the point with about 95 % probability, from the uncertainty of the photo's
   * camera), kept between {@link #MIN_SEARCH_RADIUS_PX} and {@link
   * #MAX_SEARCH_RADIUS_OF_DIAGONAL} of the diagonal. From a service that gives none, a guess:
   * wide where the camera is only the photo's GPS and attitude, tight once marks pinned it.
   */
  static double searchRadius(PredictionDto p) {
    double diagonal = Math.hypot(p.width(), p.height());
    Double r = p.searchRadiusPx();
    if (r != null && Double.isFinite(r) && r > 0) {
      return Math.max(MIN_SEARCH_RADIUS_PX,
          Math.min(r, MAX_SEARCH_RADIUS_OF_DIAGONAL * diagonal));
    }
    boolean pinned = "full_pose".equals(p.correction()) || "marks".equals(p.poseSource())
        || "triangulated".equals(p.basis());
    return Math.max(MIN_SEARCH_RADIUS_PX, diagonal * (pinned ? 0.006 : 0.05));
  }

  /** Space: the prediction (or the mark) at the view's centre, zoomed in. */
  public void zoomToPrediction() {
    Point2D t = target(vm.selectedPhotoProperty().get());
    if (t == null) {
      return;
    }
    double s = image.scaleProperty().get();
    image.zoomAt(0, 0, Math.max(2, s * 2) / s);
    image.centreOn(t.getX(), t.getY());
  }

  // ---- mouse and keys ----

  private void installMouse() {
    imagePane.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
      pointer = new Point2D(e.getX(), e.getY());
      redraw();
    });
    imagePane.addEventFilter(MouseEvent.MOUSE_EXITED, e -> {
      pointer = null;
      redraw();
    });
    imagePane.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
      if (!marking() || e.getButton() != MouseButton.PRIMARY) {
        return;
      }
      MarkDto m = vm.currentMarkProperty().get();
      if (m != null && screen(m.x(), m.y()).distance(e.getX(), e.getY()) <= GRAB_PX) {
        dragged = new Point2D(m.x(), m.y());
        imagePane.requestFocus();
        e.consume();
      }
    });
    imagePane.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
      pointer = new Point2D(e.getX(), e.getY());
      if (dragged != null) {
        dragged = image.toPixel(e.getX(), e.getY());
        redraw();
        e.consume();
      } else {
        redraw();
      }
    });
    imagePane.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
      if (dragged != null) {
        Point2D to = dragged;
        dragged = null;
        vm.place(to.getX(), to.getY());
        e.consume();
      }
    });
    imagePane.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
      if (marking() && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1
          && e.isStillSincePress()) {
        Point2D px = image.toPixel(e.getX(), e.getY());
        PredictionDto p = vm.selectedPhotoProperty().get();
        if (px.getX() >= 0 && px.getY() >= 0 && px.getX() <= p.width()
            && px.getY() <= p.height()) {
          vm.place(px.getX(), px.getY());
        }
      }
    });
  }

  /** Whether a click on the image marks: marking is on and the pane shows the GCP's photo. */
  private boolean marking() {
    PredictionDto p = vm.selectedPhotoProperty().get();
    return active.get() && p != null && p.photo().equals(shownPhoto)
        && image.imageProperty().get() != null && vm.selectedGcpProperty().get() != null;
  }

  private void key(KeyEvent e) {
    if (!active.get() || e.getTarget() instanceof javafx.scene.control.TextInputControl
        || e.getTarget() instanceof ComboBox) {
      return;
    }
    boolean shortcut = e.isShortcutDown();
    KeyCode c = e.getCode();
    Runnable action = null;
    if (shortcut && (c == KeyCode.Y || (c == KeyCode.Z && e.isShiftDown()))) {
      action = vm::redo;
    } else if (shortcut && c == KeyCode.Z) {
      action = vm::undo;
    } else if (!shortcut && !e.isAltDown()) {
      action = switch (c) {
        case N -> vm::nextPhoto;
        case P -> vm::previousPhoto;
        case G -> vm::nextGcp;
        case SPACE -> this::zoomToPrediction;
        case ENTER -> vm::acceptPrediction;
        case DELETE, BACK_SPACE -> vm::deleteMark;
        default -> null;
      };
    }
    if (action != null) {
      action.run();
      e.consume();
    }
  }

  // ---- drawing ----

  private Point2D screen(double px, double py) {
    double s = image.scaleProperty().get();
    return new Point2D(image.offsetXProperty().get() + s * px,
        image.offsetYProperty().get() + s * py);
  }

  private void redraw() {
    double w = imagePane.getWidth();
    double h = imagePane.getHeight();
    overlay.setWidth(w);
    overlay.setHeight(h);
    GraphicsContext g = overlay.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    PredictionDto p = vm.selectedPhotoProperty().get();
    boolean on = marking();
    loupe.setVisible(on && pointer != null);
    if (!on) {
      return;
    }
    boolean checkpoint = vm.selectedGcpProperty().get().isCheckpoint();
    String name = vm.selectedGcpProperty().get().name();
    double s = image.scaleProperty().get();
    if (p.x() != null) {
      Point2D c = screen(p.x(), p.y());
      double r = searchRadius(p) * s;
      g.setStroke(PREDICTED);
      g.setLineWidth(2);
      g.setLineDashes(8, 6);
      g.strokeOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
      g.setLineDashes();
      cross(g, c, 9, PREDICTED, 2);
    }
    MarkDto m = vm.currentMarkProperty().get();
    Point2D at = dragged != null ? dragged : m == null ? null : new Point2D(m.x(), m.y());
    if (at != null) {
      Point2D c = screen(at.getX(), at.getY());
      Color col = checkpoint ? CHECKPOINT : PLACED;
      g.setStroke(Color.color(0, 0, 0, 0.6));
      g.setLineWidth(4);
      g.strokeOval(c.getX() - 8, c.getY() - 8, 16, 16);
      g.setStroke(col);
      g.setLineWidth(2);
      g.strokeOval(c.getX() - 8, c.getY() - 8, 16, 16);
      cross(g, c, 14, col, 1.5);
      g.setFont(Font.font(null, FontWeight.BOLD, 13));
      g.setLineWidth(3);
      g.setStroke(Color.color(0, 0, 0, 0.7));
      g.strokeText(name, c.getX() + 12, c.getY() - 10);
      g.setFill(col);
      g.fillText(name, c.getX() + 12, c.getY() - 10);
    }
    if (pointer != null) {
      drawLoupe(g, p, at, checkpoint);
    }
  }

  private void drawLoupe(GraphicsContext g, PredictionDto p, Point2D mark, boolean checkpoint) {
    Point2D px = image.toPixel(pointer.getX(), pointer.getY());
    loupe.lookAt(px.getX(), px.getY());
    double gap = 28;
    double lx = pointer.getX() + gap;
    double ly = pointer.getY() - gap - LOUPE_PX;
    if (lx + LOUPE_PX > overlay.getWidth()) {
      lx = pointer.getX() - gap - LOUPE_PX;
    }
    if (ly < 0) {
      ly = pointer.getY() + gap;
    }
    lx = Math.max(0, Math.min(lx, overlay.getWidth() - LOUPE_PX));
    ly = Math.max(0, Math.min(ly, overlay.getHeight() - LOUPE_PX));
    loupe.relocate(lx, ly);
    loupe.resize(LOUPE_PX, LOUPE_PX);
    // the loupe's frame here; its crosshair and marks on a canvas of its own, above its tiles
    g.setStroke(Color.color(0, 0, 0, 0.75));
    g.setLineWidth(3);
    g.strokeRect(lx - 1.5, ly - 1.5, LOUPE_PX + 3, LOUPE_PX + 3);
    loupeMarks(p, mark, checkpoint, px);
  }

  private final Canvas loupeTop = new Canvas(LOUPE_PX, LOUPE_PX);

  private void loupeMarks(PredictionDto p, Point2D mark, boolean checkpoint, Point2D centre) {
    if (!loupe.getChildren().contains(loupeTop)) {
      loupe.getChildren().add(loupeTop);
    }
    GraphicsContext g = loupeTop.getGraphicsContext2D();
    g.clearRect(0, 0, LOUPE_PX, LOUPE_PX);
    double s = loupe.scale();
    double c = LOUPE_PX / 2;
    if (p.x() != null) {
      cross(g, new Point2D(c + (p.x() - centre.getX()) * s, c + (p.y() - centre.getY()) * s), 7,
          PREDICTED, 1.5);
    }
    if (mark != null) {
      Point2D m = new Point2D(c + (mark.getX() - centre.getX()) * s,
          c + (mark.getY() - centre.getY()) * s);
      g.setStroke(checkpoint ? CHECKPOINT : PLACED);
      g.setLineWidth(2);
      g.strokeOval(m.getX() - 6, m.getY() - 6, 12, 12);
    }
    g.setStroke(Color.color(1, 0.2, 0.2, 0.95));
    g.setLineWidth(1);
    g.strokeLine(c, 0, c, c - 4);
    g.strokeLine(c, c + 4, c, LOUPE_PX);
    g.strokeLine(0, c, c - 4, c);
    g.strokeLine(c + 4, c, LOUPE_PX, c);
  }

  private static void cross(GraphicsContext g, Point2D c, double r, Color col, double width) {
    g.setStroke(Color.color(0, 0, 0, 0.6));
    g.setLineWidth(width + 2);
    g.strokeLine(c.getX() - r, c.getY(), c.getX() - 3, c.getY());
    g.strokeLine(c.getX() + 3, c.getY(), c.getX() + r, c.getY());
    g.strokeLine(c.getX(), c.getY() - r, c.getX(), c.getY() - 3);
    g.strokeLine(c.getX(), c.getY() + 3, c.getX(), c.getY() + r);
    g.setStroke(col);
    g.setLineWidth(width);
    g.strokeLine(c.getX() - r, c.getY(), c.getX() - 3, c.getY());
    g.strokeLine(c.getX() + 3, c.getY(), c.getX() + r, c.getY());
    g.strokeLine(c.getX(), c.getY() - r, c.getX(), c.getY() - 3);
    g.strokeLine(c.getX(), c.getY() + 3, c.getX(), c.getY() + r);
  }

  // ---- files ----

  private Window window() {
    return tab.getScene() == null ? null : tab.getScene().getWindow();
  }

  /** File → Import GCPs…: choose a file, preview it (dry run), then import. */
  public void importGcps() {
    ProjectDto p = vm.projectProperty().get();
    if (p == null) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Import GCPs");
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("GCP files (CSV, gcp_list.txt, OPF JSON, OPF ZIP)",
            "*.csv", "*.txt", "*.json", "*.zip"),
        new FileChooser.ExtensionFilter("All files", "*.*"));
    java.io.File f = chooser.showOpenDialog(window());
    if (f != null) {
      new GcpImportDialog(vm, p, f.toPath(), window()).preview();
    }
  }

  /** Saves the project's control points as {@code format} (opf, odm, csv). */
  public void exportGcps(String format, String extension) {
    ProjectDto p = vm.projectProperty().get();
    if (p == null) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export GCPs");
    chooser.setInitialFileName(switch (format) {
      case "opf" -> "input_control_points.json";
      case "odm" -> "gcp_list.txt";
      default -> "gcps.csv";
    });
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
        format.toUpperCase(Locale.ROOT), "*." + extension));
    java.io.File f = chooser.showSaveDialog(window());
    if (f == null) {
      return;
    }
    Path target = f.toPath();
    vm.executor().run(() -> {
      byte[] body = vm.client().exportGcps(p.id(), format);
      Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".export", ".part");
      Files.write(tmp, body);
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return target;
    }, saved -> vm.statusProperty().set("Saved " + saved.getFileName() + "."),
        e -> vm.problemProperty().set(Problem.report("The GCPs could not be exported", e)));
  }
}

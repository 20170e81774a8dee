package io.tessera.ui.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.AnnotationsClient;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.MapView;
import io.tessera.ui.map.draw.DrawLayer;
import io.tessera.ui.map.draw.DrawViewModel.Phase;
import io.tessera.ui.map.draw.DrawViewModel;
import io.tessera.ui.map.draw.ShapeKind;
import io.tessera.ui.scene3d.Annotation3D;
import io.tessera.ui.task.TaskExecutor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The annotations feature put together for the main window: its view model, the drawing model
 * shared with the map's drawing layer, the annotations layer, the sidebar list, the inspector
 * page, the Annotate menu and map toolbar, and the actions the keys call (draw, undo, redo,
 * delete, import and export GeoJSON). The shell places the nodes; everything else is here.
 *
 * <p>Selecting an annotation opens it for editing on the map with the drawing tools' handles;
 * each finished gesture is one undoable change of the annotation, saved at once. While a new
 * annotation is drawn, Undo takes back its vertices; when it is finished it is created and
 * selected.
 */
public final class AnnotationWorkspace {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  /** How close a shown annotation may be zoomed to: about 2 cm per pixel at mid latitudes. */
  private static final double SHOW_MAX_ZOOM = 22;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** New annotations take these colours in turn, so that neighbours differ. */
  private static final String[] PALETTE =
      {"#1E88E5", "#E53935", "#43A047", "#8E24AA", "#FB8C00", "#00ACC1"};

  private final AnnotationsViewModel vm;
  private final TaskExecutor executor;
  private final MapView map;
  private final Runnable showMap;
  private final DrawViewModel shape = new DrawViewModel(ShapeKind.POLYGON, null);
  private final DrawLayer drawLayer;
  private final AnnotationsLayer layer;
  private final AnnotationList list;
  private final AnnotationInspector inspector;
  private final StringBinding status;
  private final ChangeListener<AnnotationData> editedChanged = (o, was, is) -> loadEditing();
  private final javafx.beans.property.BooleanProperty engaged =
      new javafx.beans.property.SimpleBooleanProperty(this, "engaged");
  private AnnotationItem editing;

  /**
   * @param project the current project (its annotations are shown)
   * @param showMap brings the map pane to the front
   */
  public AnnotationWorkspace(AnnotationsClient client, TaskExecutor executor, MapView map,
      ObservableValue<ProjectDto> project, Runnable showMap) {
    this.vm = new AnnotationsViewModel(client, executor);
    this.executor = executor;
    this.map = map;
    this.showMap = showMap;
    shape.setKeepsMinimum(true);
    drawLayer = new DrawLayer(shape, AnnotationWorkspace::measure, "annotationMeasureLabel");
    drawLayer.getStyleClass().add("annotation-draw-layer");
    layer = new AnnotationsLayer(vm, shape, () -> editing);
    map.getLayers().addAll(layer, drawLayer);
    map.addEventHandler(KeyEvent.KEY_PRESSED, this::mapKey);
    installDrops();
    list = new AnnotationList(vm, this::zoomTo);
    inspector = new AnnotationInspector(vm, shape, this::zoomTo);

    vm.selectedProperty().addListener((o, was, is) -> selected(was, is));
    shape.revisionProperty().addListener(o -> shapeEdited());
    project.addListener((o, was, is) -> {
      // a refreshed list hands over the same project anew: keep what is being drawn then
      if (was == null || is == null || was.id() != is.id()) {
        clearSelection();
      }
      vm.setProject(is);
    });
    vm.setProject(project.getValue());
    // the annotations are the document at hand from the user's first touch until the shell
    // hands the selection to something else (clearSelection)
    vm.selectedProperty().addListener((o, was, is) -> engaged.set(engaged.get() || is != null));
    shape.phaseProperty().addListener(
        (o, was, is) -> engaged.set(engaged.get() || is != Phase.IDLE));
    vm.undoNameProperty().addListener(o -> engaged.set(true));
    vm.redoNameProperty().addListener(o -> engaged.set(true));
    status = Bindings.createStringBinding(this::describe, shape.phaseProperty(),
        shape.invalidReasonProperty(), shape.lengthMetersProperty(),
        shape.areaSquareMetersProperty(), vm.selectedProperty(), vm.items());
  }

  /** The text in the middle of a shape being drawn or edited: a polygon's area, a line's length. */
  private static String measure(DrawViewModel d) {
    return d.getKind() == ShapeKind.POLYGON
        ? AnnotationFormat.area(d.areaSquareMetersProperty().get())
        : AnnotationFormat.length(d.lengthMetersProperty().get());
  }

  // ---- the drawing model and the selection ----

  private void selected(AnnotationItem was, AnnotationItem is) {
    if (was != null) {
      was.dataProperty().removeListener(editedChanged);
    }
    editing = is;
    if (is == null) {
      if (shape.getPhase() == Phase.EDITING) {
        shape.cancel();
      }
    } else {
      if (shape.getPhase() == Phase.DRAWING) {
        shape.cancel();
      }
      is.dataProperty().addListener(editedChanged);
      loadEditing();
    }
    layer.markDirty();
  }

  /** Shows the edited item's shape and colour on the drawing layer (after an undo, say). */
  private void loadEditing() {
    if (editing == null) {
      return;
    }
    AnnotationData d = editing.data();
    shape.load(d.kind(), d.vertices());
    drawLayer.colourProperty().set(editable(AnnotationsLayer.colour(d.color(), DrawLayer.DRAFT)));
    drawLayer.fillColourProperty().set(d.kind() == ShapeKind.POLYGON
        ? AnnotationsLayer.colour(d.colorFill(), Color.TRANSPARENT) : null);
    layer.markDirty();
  }

  /** The annotation's own colour, but never so faint that its handles cannot be found. */
  private static Color editable(Color c) {
    return Color.color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(0.5, c.getOpacity()));
  }

  /** After every edit of the shape: a finished new shape is created, an edited one changed. */
  private void shapeEdited() {
    if (shape.getPhase() != Phase.EDITING) {
      return;
    }
    if (editing != null) {
      vm.change(editing, editing.data().withVertices(List.copyOf(shape.vertices())),
          shape.undoNameProperty().get().isEmpty() ? "Edit Shape"
              : shape.undoNameProperty().get());
    } else if (shape.invalidReasonProperty().get() == null) {
      ShapeKind kind = shape.getKind();
      long same = vm.items().stream().filter(i -> i.data().kind() == kind).count();
      String name = Character.toUpperCase(kind.word().charAt(0)) + kind.word().substring(1)
          + " " + (same + 1);
      String rgb = PALETTE[vm.items().size() % PALETTE.length];
      vm.create(AnnotationData.drawn(kind, List.copyOf(shape.vertices()), name)
          .withColor(rgb + "FF").withColorFill(kind == ShapeKind.POLYGON ? rgb + "40" : null));
    }
  }

  private void mapKey(KeyEvent e) {
    if (e.isConsumed() || e.isShortcutDown() || e.isAltDown()
        || shape.getPhase() == Phase.DRAWING) {
      return;
    }
    AnnotationItem item = vm.selectedProperty().get();
    switch (e.getCode()) {
      case ESCAPE -> {
        if (item != null || shape.getPhase() == Phase.EDITING) {
          vm.selectedProperty().set(null);
          shape.cancel();
          e.consume();
        }
      }
      case DELETE, BACK_SPACE -> {
        if (item != null && !shape.isDragging()) {
          vm.delete(item);
          e.consume();
        }
      }
      default -> { }
    }
  }

  /** GeoJSON files dropped on the map are imported into the current project. */
  private void installDrops() {
    map.addEventHandler(javafx.scene.input.DragEvent.DRAG_OVER, e -> {
      if (!geoJsonFiles(e).isEmpty() && vm.projectProperty().get() != null) {
        e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
        e.consume();
      }
    });
    map.addEventHandler(javafx.scene.input.DragEvent.DRAG_DROPPED, e -> {
      List<Path> files = geoJsonFiles(e);
      if (!files.isEmpty() && vm.projectProperty().get() != null) {
        files.forEach(this::importFile);
        e.setDropCompleted(true);
        e.consume();
      }
    });
  }

  private static List<Path> geoJsonFiles(javafx.scene.input.DragEvent e) {
    if (!e.getDragboard().hasFiles()) {
      return List.of();
    }
    return e.getDragboard().getFiles().stream().map(File::toPath)
        .filter(p -> {
          String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
          return n.endsWith(".geojson") || n.endsWith(".json");
        }).toList();
  }

  // ---- nodes for the shell ----

  /** The sidebar's annotation list with its filter. */
  /** The project's annotations, as loaded and edited (for other panes to follow). */
  public ObservableList<AnnotationItem> items() {
    return vm.items();
  }

  /**
   * The visible annotations as the 3D pane draws them: geometries in {@code target} (the DSM's
   * coordinate system), in their outline colours; those that cannot be transformed are left out.
   */
  public static List<Annotation3D> in3d(List<AnnotationItem> items, Crs target) {
    List<Annotation3D> out = new java.util.ArrayList<>();
    CrsTransform t;
    try {
      t = Crs.wgs84().transformTo(target);
    } catch (CrsException e) {
      return out;
    }
    for (AnnotationItem item : items) {
      AnnotationData a = item.data();
      if (!a.visible() || a.vertices().isEmpty()) {
        continue;
      }
      try {
        Coordinate[] cs = new Coordinate[a.vertices().size()];
        for (int i = 0; i < cs.length; i++) {
          LonLat v = a.vertices().get(i);
          Position p = t.apply(new Position(v.lonDeg(), v.latDeg(), Double.NaN));
          cs[i] = new Coordinate(p.x(), p.y());
        }
        Geometry g = switch (a.kind()) {
          case POINT -> GEOMETRY.createPoint(cs[0]);
          case LINE -> GEOMETRY.createLineString(cs);
          default -> {
            Coordinate[] ring = java.util.Arrays.copyOf(cs, cs.length + 1);
            ring[cs.length] = cs[0];
            yield GEOMETRY.createPolygon(ring);
          }
        };
        out.add(new Annotation3D(g, Color.web(a.color())));
      } catch (CrsException | IllegalArgumentException e) {
        // off the projection's domain, or too few vertices to make the shape: not drawn
      }
    }
    return out;
  }

  public Node list() {
    return list;
  }

  /** The inspector's annotation pages (hidden while they have nothing to show). */
  public Node inspector() {
    return inspector;
  }

  /** Whether the inspector shows an annotation page. */
  public BooleanBinding inspectorShowingProperty() {
    return inspector.showingProperty();
  }

  /** The map toolbar's annotation tools. */
  public Node mapToolbar() {
    Circle dot = new Circle(4, Color.web("#1e88e5"));
    Polyline line = new Polyline(0, 9, 5, 2, 10, 6, 15, 0);
    line.setStroke(Color.web("#1e88e5"));
    line.setStrokeWidth(2);
    Polygon poly = new Polygon(0, 9, 4, 0, 14, 2, 12, 10);
    poly.setFill(Color.web("#1e88e5", 0.3));
    poly.setStroke(Color.web("#1e88e5"));
    poly.setStrokeWidth(1.5);
    Label label = new Label("Annotate");
    label.getStyleClass().add("legend-item");
    ToolBar bar = new ToolBar(label,
        tool("annotatePointButton", "Point", dot, ShapeKind.POINT,
            "Place a point annotation (Ctrl+Shift+P)"),
        tool("annotateLineButton", "Line", line, ShapeKind.LINE,
            "Draw a line annotation and read its length (Ctrl+Shift+L)"),
        tool("annotatePolygonButton", "Polygon", poly, ShapeKind.POLYGON,
            "Draw a polygon annotation and read its area (Ctrl+Shift+A)"));
    bar.setId("annotateToolbar");
    bar.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    bar.getStyleClass().add("map-toolbar");
    return bar;
  }

  private Button tool(String id, String text, Node icon, ShapeKind kind, String tip) {
    Button b = new Button(null, icon);
    b.setId(id);
    b.setAccessibleText(text);
    b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    b.setTooltip(new Tooltip(tip));
    b.disableProperty().bind(vm.projectProperty().isNull());
    b.setOnAction(e -> startDrawing(kind));
    return b;
  }

  /** The Annotate menu's items. */
  public List<MenuItem> menuItems(Supplier<Window> owner) {
    List<MenuItem> items = new ArrayList<>();
    items.add(drawItem("Point", ShapeKind.POINT, "Shortcut+Shift+P"));
    items.add(drawItem("Line", ShapeKind.LINE, "Shortcut+Shift+L"));
    items.add(drawItem("Polygon", ShapeKind.POLYGON, "Shortcut+Shift+A"));
    items.add(new SeparatorMenuItem());
    MenuItem zoom = new MenuItem("Zoom to Annotation");
    zoom.setOnAction(e -> zoomTo(vm.selectedProperty().get()));
    zoom.disableProperty().bind(vm.selectedProperty().isNull());
    MenuItem delete = new MenuItem("Delete Annotation");
    delete.setId("deleteAnnotationMenu");
    delete.setOnAction(e -> {
      if (vm.selectedProperty().get() != null) {
        vm.delete(vm.selectedProperty().get());
      }
    });
    delete.disableProperty().bind(vm.selectedProperty().isNull());
    items.add(zoom);
    items.add(delete);
    items.add(new SeparatorMenuItem());
    MenuItem importItem = new MenuItem("Import GeoJSON…");
    importItem.setId("importGeoJsonMenu");
    importItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+I"));
    importItem.disableProperty().bind(vm.projectProperty().isNull());
    importItem.setOnAction(e -> chooseAndImport(owner.get()));
    MenuItem export = new MenuItem("Export GeoJSON…");
    export.setId("exportGeoJsonMenu");
    export.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+E"));
    export.disableProperty().bind(Bindings.isEmpty(vm.items()));
    export.setOnAction(e -> chooseAndExport(owner.get()));
    items.add(importItem);
    items.add(export);
    return items;
  }

  private MenuItem drawItem(String text, ShapeKind kind, String accelerator) {
    MenuItem m = new MenuItem(text);
    m.setId("annotate" + text + "Menu");
    m.setAccelerator(KeyCombination.keyCombination(accelerator));
    m.disableProperty().bind(vm.projectProperty().isNull());
    m.setOnAction(e -> startDrawing(kind));
    return m;
  }

  // ---- actions ----

  /** Arms the tool that draws a new {@code kind} annotation on the map. */
  public void startDrawing(ShapeKind kind) {
    if (vm.projectProperty().get() == null) {
      vm.setError("Choose a project first: annotations belong to a project.");
      return;
    }
    vm.selectedProperty().set(null);
    shape.cancel();
    drawLayer.colourProperty().set(DrawLayer.DRAFT);
    drawLayer.fillColourProperty().set(null);
    shape.start(kind);
    showMap.run();
    map.requestFocus();
  }

  /**
   * Clears the annotation selection and closes a shape in progress: the shell chose something
   * else, which now takes Undo.
   */
  public void clearSelection() {
    vm.selectedProperty().set(null);
    if (shape.getPhase() != Phase.IDLE) {
      shape.cancel();
    }
    engaged.set(false);
  }

  /** Shows the whole of {@code item} on the map. */
  public void zoomTo(AnnotationItem item) {
    if (item == null || item.data().vertices().isEmpty()) {
      return;
    }
    double minLon = 180;
    double minLat = 90;
    double maxLon = -180;
    double maxLat = -90;
    for (LonLat v : item.data().vertices()) {
      minLon = Math.min(minLon, v.lonDeg());
      maxLon = Math.max(maxLon, v.lonDeg());
      minLat = Math.min(minLat, v.latDeg());
      maxLat = Math.max(maxLat, v.latDeg());
    }
    showMap.run();
    if (item.data().kind() == ShapeKind.POINT) {
      map.setView(item.data().vertices().get(0), Math.max(map.getZoom(), 18));
    } else {
      map.fitBounds(new LonLat(minLon, minLat), new LonLat(maxLon, maxLat), 48, SHOW_MAX_ZOOM);
    }
  }

  private void chooseAndImport(Window owner) {
    FileChooser fc = new FileChooser();
    fc.setTitle("Import Annotations (GeoJSON)");
    fc.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("GeoJSON", "*.geojson", "*.json", "*.GEOJSON", "*.JSON"),
        new FileChooser.ExtensionFilter("All files", "*"));
    File f = fc.showOpenDialog(owner);
    if (f != null) {
      importFile(f.toPath());
    }
  }

  private void chooseAndExport(Window owner) {
    FileChooser fc = new FileChooser();
    fc.setTitle("Export Annotations (GeoJSON, WGS 84)");
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("GeoJSON", "*.geojson"));
    ProjectDto p = vm.projectProperty().get();
    fc.setInitialFileName((p == null ? "annotations" : p.name().replaceAll("[\\\\/:*?\"<>|]", "_"))
        + ".geojson");
    File f = fc.showSaveDialog(owner);
    if (f != null) {
      exportFile(f.toPath());
    }
  }

  /**
   * Reads a GeoJSON file (WGS 84) off the FX thread and adds its annotations to the current
   * project as one change; says what was left out.
   */
  public void importFile(Path file) {
    if (vm.projectProperty().get() == null) {
      vm.setError("Choose a project first: annotations are imported into a project.");
      return;
    }
    executor.run(() -> {
      JsonNode root;
      try {
        root = JSON.readTree(file.toFile());
      } catch (IOException e) {
        String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
            ? j.getOriginalMessage() : e.getMessage();
        throw new IllegalArgumentException(file.getFileName() + " could not be read as JSON: "
            + why + ".", e);
      }
      return AnnotationCodec.fromGeoJson(root);
    }, imported -> {
      List<AnnotationItem> added = vm.importAll(imported.annotations());
      String note = added.size() + " annotation" + (added.size() == 1 ? "" : "s")
          + " imported from " + file.getFileName() + ".";
      if (!imported.skipped().isEmpty()) {
        note += " Left out: " + String.join(" ", imported.skipped());
      }
      vm.setError(null);
      vm.setMessage(note);
      if (!added.isEmpty()) {
        zoomToAll(added);
      }
    }, e -> vm.setError("The annotations could not be imported: " + e.getMessage()));
  }

  /** Writes every annotation of the current project to a GeoJSON file in WGS 84. */
  public void exportFile(Path file) {
    List<AnnotationData> all = vm.items().stream().map(AnnotationItem::data).toList();
    executor.run(() -> {
      JSON.writeValue(file.toFile(), AnnotationCodec.toFeatureCollection(all));
      return all.size();
    }, n -> vm.setMessage(n + " annotation" + (n == 1 ? "" : "s") + " exported to "
        + file.getFileName() + " (GeoJSON, WGS 84)."),
        e -> vm.setError("The annotations could not be exported to " + file + ": "
            + e.getMessage() + " Choose another folder."));
  }

  private void zoomToAll(List<AnnotationItem> items) {
    double minLon = 180;
    double minLat = 90;
    double maxLon = -180;
    double maxLat = -90;
    for (AnnotationItem i : items) {
      for (LonLat v : i.data().vertices()) {
        minLon = Math.min(minLon, v.lonDeg());
        maxLon = Math.max(maxLon, v.lonDeg());
        minLat = Math.min(minLat, v.latDeg());
        maxLat = Math.max(maxLat, v.latDeg());
      }
    }
    showMap.run();
    map.fitBounds(new LonLat(minLon, minLat), new LonLat(maxLon, maxLat), 48, SHOW_MAX_ZOOM);
  }

  // ---- undo, redo ----

  /**
   * Whether the annotations are the document being edited (they take Undo and the status bar):
   * from the moment one is drawn, selected or changed until the shell selects something else.
   */
  public BooleanBinding activeBinding() {
    return Bindings.createBooleanBinding(engaged::get, engaged);
  }

  /** A new shape in progress (not yet an annotation) takes Undo for its vertices. */
  private boolean drafting() {
    return shape.getPhase() == Phase.DRAWING || shape.getPhase() == Phase.EDITING
        && editing == null;
  }

  /** Undoes the last edit: of the shape being drawn, else of the annotations. */
  public boolean undo() {
    return drafting() ? shape.undo() : vm.undo();
  }

  /** Redoes what {@link #undo()} undid last. */
  public boolean redo() {
    return drafting() ? shape.redo() : vm.redo();
  }

  private String undoName() {
    return drafting() ? shape.undoNameProperty().get() : vm.undoNameProperty().get();
  }

  private String redoName() {
    return drafting() ? shape.redoNameProperty().get() : vm.redoNameProperty().get();
  }

  private Observable[] history() {
    return new Observable[] {shape.phaseProperty(), shape.undoNameProperty(),
        shape.redoNameProperty(), vm.undoNameProperty(), vm.redoNameProperty(),
        vm.selectedProperty()};
  }

  public BooleanBinding canUndoBinding() {
    return Bindings.createBooleanBinding(() -> !undoName().isEmpty(), history());
  }

  public BooleanBinding canRedoBinding() {
    return Bindings.createBooleanBinding(() -> !redoName().isEmpty(), history());
  }

  /** "Undo Move Vertex", "Undo Rename", or plain "Undo". */
  public StringBinding undoTextBinding() {
    return Bindings.createStringBinding(() -> ("Undo " + undoName()).strip(), history());
  }

  /** "Redo Add Polygon", or plain "Redo". */
  public StringBinding redoTextBinding() {
    return Bindings.createStringBinding(() -> ("Redo " + redoName()).strip(), history());
  }

  // ---- status bar ----

  private String describe() {
    Phase phase = shape.getPhase();
    if (phase == Phase.IDLE) {
      return null;
    }
    ShapeKind kind = shape.getKind();
    String reason = shape.invalidReasonProperty().get();
    String figures = switch (kind) {
      case POINT -> "";
      case LINE -> " " + AnnotationFormat.length(shape.lengthMetersProperty().get()) + ".";
      case POLYGON -> " " + AnnotationFormat.area(shape.areaSquareMetersProperty().get())
          + ", perimeter " + AnnotationFormat.length(shape.lengthMetersProperty().get()) + ".";
    };
    if (phase == Phase.DRAWING) {
      String hint = kind == ShapeKind.POINT ? "click to place it, Esc to cancel"
          : "click to add " + (kind == ShapeKind.LINE ? "points" : "corners")
              + ", double-click or Enter to finish, Esc to cancel";
      return (reason != null ? reason : "New " + kind.word() + ":" + figures)
          + " Draw " + kind.word() + ": " + hint + ".";
    }
    // the selection, not the field that follows it: this runs in the selection's invalidation
    AnnotationItem item = vm.selectedProperty().get();
    String name = item == null ? "New " + kind.word()
        : "“" + AnnotationsViewModel.displayName(item.data()) + "”";
    String hint = kind == ShapeKind.POINT ? "drag it to move it; Delete removes it"
        : "drag vertices to move them, edge handles to add; right-click deletes a vertex";
    return (reason != null ? reason + " It is not saved until it is valid." : name + ":"
        + figures) + " Edit: " + hint + "; Ctrl+Z undoes, Esc deselects.";
  }

  /** What the annotation tools tell the status bar; null while none is in use. */
  public StringBinding statusMessageBinding() {
    return status;
  }

  /** Whether {@link #statusMessageBinding()} reports a shape that is not valid. */
  public BooleanBinding statusIsErrorBinding() {
    return shape.phaseProperty().isNotEqualTo(Phase.IDLE)
        .and(shape.invalidReasonProperty().isNotNull());
  }

  /** The view model, for tests and the shell. */
  public AnnotationsViewModel model() {
    return vm;
  }

  /** The drawing model of the shape drawn or edited, for tests. */
  public DrawViewModel shape() {
    return shape;
  }
}

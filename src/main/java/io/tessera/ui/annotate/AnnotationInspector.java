package io.tessera.ui.annotate;

import static io.tessera.ui.InspectorParts.fieldLabel;
import static io.tessera.ui.InspectorParts.page;
import static io.tessera.ui.InspectorParts.section;

import io.tessera.ui.map.draw.DrawViewModel;
import io.tessera.ui.map.draw.DrawViewModel.Phase;
import io.tessera.ui.map.draw.ShapeKind;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The inspector's annotation page: the selected annotation's name, colour and fill (with
 * alpha), description and visibility, each change one undoable edit saved at once; its live
 * geodesic length (a polygon's perimeter) and area; and while a new one is drawn, its measures
 * and how to go on. Text fields commit on Enter or when they lose the keyboard.
 */
final class AnnotationInspector extends StackPane {
  private final AnnotationsViewModel vm;
  private final DrawViewModel shape;
  private final BooleanBinding showing;
  private final Label title = new Label();
  private final TextField name = new TextField();
  private final ColorPicker colour = new ColorPicker();
  private final Slider colourAlpha = new Slider(0, 1, 1);
  private final ColorPicker fill = new ColorPicker();
  private final Slider fillAlpha = new Slider(0, 1, 0.25);
  private final TextArea description = new TextArea();
  private final CheckBox visible = new CheckBox("Visible on the map");
  private final Label problem = new Label();
  private boolean updating;

  AnnotationInspector(AnnotationsViewModel vm, DrawViewModel shape,
      Consumer<AnnotationItem> zoomTo) {
    this.vm = vm;
    this.shape = shape;
    setId("annotationInspector");
    getStyleClass().add("annotation-inspector");
    BooleanBinding drafting = Bindings.createBooleanBinding(
        () -> vm.selectedProperty().get() == null && shape.getPhase() != Phase.IDLE,
        vm.selectedProperty(), shape.phaseProperty());
    BooleanBinding editing = vm.selectedProperty().isNotNull();
    showing = drafting.or(editing);
    Node draftPage = page(draftPage(), drafting);
    Node editPage = page(editPage(zoomTo), editing);
    getChildren().addAll(draftPage, editPage);
    visibleProperty().bind(showing);
    vm.selectedProperty().addListener((o, was, is) -> show(is));
    ChangeListener<AnnotationData> changed = (o, was, is) -> show(vm.selectedProperty().get());
    vm.selectedProperty().addListener((o, was, is) -> {
      if (was != null) {
        was.dataProperty().removeListener(changed);
      }
      if (is != null) {
        is.dataProperty().addListener(changed);
      }
    });
  }

  /** Whether a page shows: an annotation is selected or one is being drawn. */
  BooleanBinding showingProperty() {
    return showing;
  }

  // ---- measures, live from the shape on the map ----

  private GridPane measures(String lengthId, String areaId) {
    Label length = new Label();
    length.setId(lengthId);
    length.getStyleClass().add("measure-value");
    Label lengthKey = new Label();
    lengthKey.getStyleClass().add("fact-key");
    lengthKey.textProperty().bind(Bindings.createStringBinding(
        () -> shape.getKind() == ShapeKind.POLYGON ? "Perimeter" : "Length",
        shape.kindProperty()));
    length.textProperty().bind(Bindings.createStringBinding(
        () -> AnnotationFormat.length(shape.lengthMetersProperty().get()),
        shape.lengthMetersProperty()));
    Label area = new Label();
    area.setId(areaId);
    area.getStyleClass().add("measure-value");
    area.setWrapText(true);
    area.textProperty().bind(Bindings.createStringBinding(
        () -> AnnotationFormat.area(shape.areaSquareMetersProperty().get()),
        shape.areaSquareMetersProperty()));
    Label areaKey = new Label("Area");
    areaKey.getStyleClass().add("fact-key");
    Label vertices = new Label();
    vertices.textProperty().bind(Bindings.size(shape.vertices()).asString());
    Label verticesKey = new Label("Vertices");
    verticesKey.getStyleClass().add("fact-key");
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(3);
    ColumnConstraints key = new ColumnConstraints();
    key.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints value = new ColumnConstraints();
    value.setHgrow(Priority.ALWAYS);
    g.getColumnConstraints().setAll(key, value);
    g.addRow(0, lengthKey, length);
    g.addRow(1, areaKey, area);
    g.addRow(2, verticesKey, vertices);
    BooleanBinding hasLength = shape.kindProperty().isNotEqualTo(ShapeKind.POINT);
    BooleanBinding hasArea = shape.kindProperty().isEqualTo(ShapeKind.POLYGON);
    for (Node n : new Node[] {lengthKey, length}) {
      n.visibleProperty().bind(hasLength);
      n.managedProperty().bind(hasLength);
    }
    for (Node n : new Node[] {areaKey, area}) {
      n.visibleProperty().bind(hasArea);
      n.managedProperty().bind(hasArea);
    }
    return g;
  }

  private Label validity() {
    Label l = new Label();
    l.getStyleClass().add("draft-validity");
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.textProperty().bind(shape.invalidReasonProperty());
    l.visibleProperty().bind(shape.invalidReasonProperty().isNotNull());
    l.managedProperty().bind(l.visibleProperty());
    l.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), true);
    return l;
  }

  // ---- a new annotation ----

  private Node draftPage() {
    Label heading = new Label();
    heading.getStyleClass().add("inspector-title");
    heading.textProperty().bind(Bindings.createStringBinding(
        () -> "New " + shape.getKind().word(), shape.kindProperty()));
    Label how = new Label();
    how.getStyleClass().add("empty-hint");
    how.setWrapText(true);
    how.setMinHeight(Region.USE_PREF_SIZE);
    how.textProperty().bind(Bindings.createStringBinding(() -> switch (shape.getKind()) {
      case POINT -> "Click on the map to place the point. Esc cancels.";
      case LINE -> "Click the line's points on the map; double-click or press Enter to finish,"
          + " Esc to cancel. Ctrl+Z takes the last point back.";
      case POLYGON -> "Click the polygon's corners on the map; double-click or press Enter to"
          + " finish, Esc to cancel. Ctrl+Z takes the last corner back.";
    }, shape.kindProperty()));
    VBox box = new VBox(8, heading, how, section("Measures"),
        measures("draftAnnotationLength", "draftAnnotationArea"), validity());
    box.setPadding(new Insets(12));
    box.setId("annotationDraftPage");
    return box;
  }

  // ---- the selected annotation ----

  private Node editPage(Consumer<AnnotationItem> zoomTo) {
    title.setId("annotationTitle");
    title.getStyleClass().add("inspector-title");
    title.setWrapText(true);
    Label how = new Label();
    how.textProperty().bind(Bindings.createStringBinding(
        () -> shape.getKind() == ShapeKind.POINT
            ? "Drag the point to move it; Delete removes it. Ctrl+Z undoes."
            : "Drag a vertex to move it, an edge's middle handle to add one; right-click a"
                + " vertex to delete it. Ctrl+Z undoes.",
        shape.kindProperty()));
    how.getStyleClass().add("empty-hint");
    how.setWrapText(true);
    how.setMinHeight(Region.USE_PREF_SIZE);

    name.setId("annotationName");
    name.setPromptText("e.g. Stockpile north");
    name.setOnAction(e -> commitName());
    name.focusedProperty().addListener((o, was, is) -> {
      if (!is) {
        commitName();
      }
    });

    colour.setId("annotationColor");
    colour.setMaxWidth(Double.MAX_VALUE);
    colourAlpha.setId("annotationColorAlpha");
    colour.setOnAction(e -> commitColour());
    alpha(colourAlpha, this::commitColour);
    fill.setId("annotationFill");
    fill.setMaxWidth(Double.MAX_VALUE);
    fillAlpha.setId("annotationFillAlpha");
    fill.setOnAction(e -> commitFill());
    alpha(fillAlpha, this::commitFill);
    Label fillLabel = fieldLabel("Fill (colour, opacity)", fill);
    HBox fillRow = new HBox(8, fill, fillAlpha);
    HBox.setHgrow(fill, Priority.ALWAYS);
    BooleanBinding polygon = Bindings.createBooleanBinding(() -> {
      AnnotationItem i = vm.selectedProperty().get();
      return i != null && i.data().kind() == ShapeKind.POLYGON;
    }, vm.selectedProperty());
    for (Node n : new Node[] {fillLabel, fillRow}) {
      n.visibleProperty().bind(polygon);
      n.managedProperty().bind(polygon);
    }
    HBox colourRow = new HBox(8, colour, colourAlpha);
    HBox.setHgrow(colour, Priority.ALWAYS);

    description.setId("annotationDescription");
    description.setPrefRowCount(3);
    description.setWrapText(true);
    description.focusedProperty().addListener((o, was, is) -> {
      if (!is) {
        commit(d -> d.withDescription(description.getText().isEmpty() ? null
            : description.getText()), "Edit Description");
      }
    });
    visible.setId("annotationVisible");
    visible.setOnAction(e -> commit(d -> d.withVisible(visible.isSelected()),
        visible.isSelected() ? "Show" : "Hide"));

    problem.setId("annotationProblem");
    problem.getStyleClass().add("problem-message");
    problem.setWrapText(true);
    problem.setMinHeight(Region.USE_PREF_SIZE);
    Button retry = new Button("Save Again");
    retry.getStyleClass().add("small-button");
    retry.setOnAction(e -> {
      AnnotationItem i = vm.selectedProperty().get();
      if (i != null) {
        vm.retry(i);
      }
    });
    VBox problemBox = new VBox(6, problem, retry);
    problemBox.visibleProperty().bind(problem.textProperty().isNotEmpty());
    problemBox.managedProperty().bind(problemBox.visibleProperty());
    vm.selectedProperty().addListener((o, was, is) -> {
      problem.textProperty().unbind();
      if (is != null) {
        problem.textProperty().bind(Bindings.createStringBinding(
            () -> is.problemProperty().get() == null ? "" : is.problemProperty().get(),
            is.problemProperty()));
      } else {
        problem.setText("");
      }
    });

    Button zoom = new Button("Zoom To");
    zoom.setId("annotationZoom");
    zoom.setTooltip(new Tooltip("Show the whole annotation on the map (or double-click it in"
        + " the list)"));
    zoom.setOnAction(e -> zoomTo.accept(vm.selectedProperty().get()));
    Button delete = new Button("Delete");
    delete.setId("annotationDelete");
    delete.setTooltip(new Tooltip("Delete the annotation (Delete); Ctrl+Z brings it back"));
    delete.setOnAction(e -> {
      AnnotationItem i = vm.selectedProperty().get();
      if (i != null) {
        vm.delete(i);
      }
    });
    HBox buttons = new HBox(8, zoom, delete);
    buttons.setAlignment(Pos.CENTER_LEFT);

    VBox box = new VBox(8, title, how, section("Measures"),
        measures("annotationLength", "annotationArea"), validity(), problemBox,
        section("Annotation"), fieldLabel("Name", name), name,
        fieldLabel("Colour (colour, opacity)", colour), colourRow, fillLabel, fillRow,
        fieldLabel("Description", description), description, visible, buttons);
    box.setPadding(new Insets(12));
    box.setId("annotationEditPage");
    return box;
  }

  private static void alpha(Slider s, Runnable commit) {
    s.setPrefWidth(70);
    s.setMinWidth(50);
    s.setTooltip(new Tooltip("Opacity"));
    s.valueChangingProperty().addListener((o, was, is) -> {
      if (!is) {
        commit.run();
      }
    });
    s.valueProperty().addListener((o, was, is) -> {
      if (!s.isValueChanging()) {
        commit.run();
      }
    });
  }

  private void commitName() {
    commit(d -> d.withName(name.getText().strip()), "Rename");
  }

  private void commitColour() {
    commit(d -> d.withColor(AnnotationsLayer.hex(withAlpha(colour.getValue(),
        colourAlpha.getValue()))), "Change Colour");
  }

  private void commitFill() {
    commit(d -> d.withColorFill(AnnotationsLayer.hex(withAlpha(fill.getValue(),
        fillAlpha.getValue()))), "Change Fill");
  }

  private static Color withAlpha(Color c, double alpha) {
    return c == null ? null : new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  private void commit(UnaryOperator<AnnotationData> edit, String what) {
    AnnotationItem item = vm.selectedProperty().get();
    if (updating || item == null) {
      return;
    }
    vm.change(item, edit.apply(item.data()), what);
  }

  /** Fills the fields from {@code item} without committing anything. */
  private void show(AnnotationItem item) {
    if (item == null) {
      return;
    }
    updating = true;
    try {
      AnnotationData d = item.data();
      title.setText(AnnotationsViewModel.displayName(d));
      if (!name.isFocused() || !name.getText().strip().equals(d.name())) {
        name.setText(d.name());
      }
      Color c = AnnotationsLayer.colour(d.color(), Color.web(AnnotationData.DEFAULT_COLOR));
      colour.setValue(Color.color(c.getRed(), c.getGreen(), c.getBlue()));
      colourAlpha.setValue(c.getOpacity());
      Color f = AnnotationsLayer.colour(d.colorFill(), Color.web(AnnotationData.DEFAULT_FILL));
      fill.setValue(Color.color(f.getRed(), f.getGreen(), f.getBlue()));
      fillAlpha.setValue(f.getOpacity());
      String text = d.description() == null ? "" : d.description();
      if (!description.getText().equals(text)) {
        description.setText(text);
      }
      visible.setSelected(d.visible());
    } finally {
      updating = false;
    }
  }
}

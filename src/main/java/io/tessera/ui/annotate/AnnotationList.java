package io.tessera.ui.annotate;

import io.tessera.ui.map.draw.ShapeKind;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * The sidebar's annotations of the current project: a filter by name (or description) and kind,
 * the list (a swatch of each one's colour, its name, kind and measure), the selection shared with
 * the map and the inspector. A double-click zooms the map to the annotation; Delete removes it
 * (Ctrl+Z brings it back).
 */
final class AnnotationList extends VBox {
  private final ListView<AnnotationItem> list = new ListView<>();
  private boolean syncing;

  AnnotationList(AnnotationsViewModel vm, Consumer<AnnotationItem> zoomTo) {
    getStyleClass().add("annotation-list");
    setId("annotationPanel");
    TextField filter = new TextField();
    filter.setId("annotationFilter");
    filter.setPromptText("Name");
    filter.setTooltip(new javafx.scene.control.Tooltip("Show the annotations whose name contains this"));
    filter.textProperty().bindBidirectional(vm.filterTextProperty());
    ComboBox<ShapeKind> kind = new ComboBox<>();
    kind.setId("annotationKindFilter");
    kind.getItems().addAll(null, ShapeKind.POINT, ShapeKind.LINE, ShapeKind.POLYGON);
    kind.setConverter(new StringConverter<>() {
      @Override
      public String toString(ShapeKind k) {
        return k == null ? "All kinds" : switch (k) {
          case POINT -> "Points";
          case LINE -> "Lines";
          case POLYGON -> "Polygons";
        };
      }

      @Override
      public ShapeKind fromString(String s) {
        return null;
      }
    });
    kind.setButtonCell(new ListCell<>() {
      @Override
      protected void updateItem(ShapeKind k, boolean empty) {
        super.updateItem(k, empty);
        setText(kind.getConverter().toString(k));
      }
    });
    kind.valueProperty().bindBidirectional(vm.filterKindProperty());
    kind.setPrefWidth(110);
    kind.setMinWidth(Region.USE_PREF_SIZE);
    HBox.setHgrow(filter, Priority.ALWAYS);
    HBox bar = new HBox(6, filter, kind);
    bar.setPadding(new Insets(6, 8, 6, 8));
    bar.setAlignment(Pos.CENTER_LEFT);

    list.setId("annotationList");
    list.setItems(vm.shown());
    list.setCellFactory(v -> new Cell());
    list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
      if (!syncing && is != null) {
        vm.selectedProperty().set(is);
      }
    });
    vm.selectedProperty().addListener((o, was, is) -> {
      syncing = true;
      try {
        if (is == null) {
          list.getSelectionModel().clearSelection();
        } else {
          list.getSelectionModel().select(is);
          list.scrollTo(is);
        }
      } finally {
        syncing = false;
      }
    });
    list.setOnMouseClicked(e -> {
      AnnotationItem item = list.getSelectionModel().getSelectedItem();
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && item != null) {
        zoomTo.accept(item);
      }
    });
    list.setOnKeyPressed(e -> {
      AnnotationItem item = list.getSelectionModel().getSelectedItem();
      if (item != null && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
        vm.delete(item);
        e.consume();
      } else if (item != null && e.getCode() == KeyCode.ENTER) {
        zoomTo.accept(item);
        e.consume();
      }
    });

    Label hint = new Label();
    hint.setId("annotationsEmptyHint");
    hint.getStyleClass().add("empty-hint");
    hint.setWrapText(true);
    hint.setMouseTransparent(true);
    hint.textProperty().bind(Bindings.createStringBinding(() -> {
      if (vm.projectProperty().get() == null) {
        return "Select a project to see its annotations.";
      }
      if (vm.items().isEmpty()) {
        return vm.loadingProperty().get() ? "Loading…"
            : "No annotations yet. Draw one with Annotate → Point, Line or Polygon, or import a"
                + " GeoJSON file.";
      }
      return "No annotation matches the filter.";
    }, vm.projectProperty(), vm.items(), vm.loadingProperty()));
    hint.visibleProperty().bind(Bindings.isEmpty(vm.shown()));
    StackPane.setAlignment(hint, Pos.TOP_LEFT);
    StackPane.setMargin(hint, new Insets(8, 12, 0, 12));
    StackPane body = new StackPane(list, hint);
    VBox.setVgrow(body, Priority.ALWAYS);

    Label status = new Label();
    status.setId("annotationStatus");
    status.setWrapText(true);
    status.getStyleClass().add("side-status");
    status.textProperty().bind(Bindings.createStringBinding(
        () -> vm.errorProperty().get() != null ? vm.errorProperty().get()
            : vm.messageProperty().get(),
        vm.errorProperty(), vm.messageProperty()));
    status.visibleProperty().bind(status.textProperty().isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());
    vm.errorProperty().addListener((o, a, b) -> status.pseudoClassStateChanged(
        javafx.css.PseudoClass.getPseudoClass("error"), b != null));
    getChildren().addAll(bar, body, status);
  }

  /** A swatch, the name, and the kind with its measure; red while its last save failed. */
  private static final class Cell extends ListCell<AnnotationItem> {
    private final Rectangle swatch = new Rectangle(12, 12);
    private final Label name = new Label();
    private final Label detail = new Label();
    private final HBox box;

    Cell() {
      name.getStyleClass().add("annotation-name");
      detail.getStyleClass().add("annotation-detail");
      swatch.setArcWidth(3);
      swatch.setArcHeight(3);
      swatch.setStrokeWidth(1.5);
      VBox text = new VBox(1, name, detail);
      box = new HBox(8, swatch, text);
      box.setAlignment(Pos.CENTER_LEFT);
      // as wide as the list, never wider: long names end in an ellipsis, no sideways scrolling
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(AnnotationItem item, boolean empty) {
      super.updateItem(item, empty);
      setText(null);
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      AnnotationData d = item.data();
      Color stroke = AnnotationsLayer.colour(d.color(), Color.GRAY);
      swatch.setStroke(stroke);
      swatch.setFill(d.kind() == ShapeKind.POLYGON
          ? AnnotationsLayer.colour(d.colorFill(), Color.TRANSPARENT) : stroke);
      swatch.setOpacity(d.visible() ? 1 : 0.35);
      name.setText(AnnotationsViewModel.displayName(d));
      String measure = switch (d.kind()) {
        case POINT -> "Point";
        case LINE -> "Line · " + AnnotationFormat.length(d.lengthMeters());
        case POLYGON -> "Polygon · " + AnnotationFormat.area(d.areaSquareMeters());
      };
      detail.setText(measure + (d.visible() ? "" : " · hidden"));
      pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("problem"),
          item.problemProperty().get() != null);
      setGraphic(box);
    }
  }
}

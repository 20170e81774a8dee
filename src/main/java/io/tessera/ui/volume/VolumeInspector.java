package io.tessera.ui.volume;

import static io.tessera.ui.InspectorParts.fieldLabel;
import static io.tessera.ui.InspectorParts.section;

import io.tessera.ui.mission.MissionDrawViewModel.Phase;
import io.tessera.ui.volume.VolumeViewModel.Measurement;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The inspector's volume page: how to draw, the base surface (and custom elevation) and units,
 * the figures (cut, fill, net with their errors, area, base), notes on NoData and the polygon's
 * part off the DSM, the service's warning, problems, and the tool's actions.
 */
final class VolumeInspector extends ScrollPane {
  private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

  /** What the buttons do; the workspace does it. */
  interface Actions {
    void profile();

    void fromAnnotation();

    void exportCsv();

    void exportPdf();

    void saveAsAnnotation();

    void close();
  }

  private final VolumeViewModel vm;

  VolumeInspector(VolumeViewModel vm, Actions actions) {
    this.vm = vm;
    setId("volumeInspector");
    setFitToWidth(true);
    getStyleClass().add("inspector-scroll");

    Label heading = new Label("Volume");
    heading.getStyleClass().add("inspector-title");
    Label project = new Label();
    project.getStyleClass().add("empty-hint");
    project.textProperty().bind(Bindings.createStringBinding(() -> vm.frameProperty().get() == null
        ? "" : vm.frameProperty().get().projectName() + " · " + vm.frameProperty().get().crsName(),
        vm.frameProperty()));
    Label how = wrapping(new Label());
    how.getStyleClass().add("empty-hint");
    how.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.shape().getPhase()) {
      case DRAWING -> "Click the corners of the area around the pile or pit; double-click or"
          + " press Enter to finish, Esc to cancel.";
      case EDITING -> "Drag a corner to move it, an edge's middle handle to add one; right-click a"
          + " corner to delete it. The figures follow.";
      case IDLE -> "Measure Volume (Ctrl+Shift+V) draws a new polygon.";
    }, vm.shape().phaseProperty()));

    ComboBox<BaseChoice> base = new ComboBox<>();
    base.setId("volumeBaseSurface");
    base.getItems().setAll(BaseChoice.values());
    base.valueProperty().bindBidirectional(vm.baseSurfaceProperty());
    base.setMaxWidth(Double.MAX_VALUE);
    base.setTooltip(new Tooltip("The surface the volume is measured against: built from the"
        + " DSM along the polygon's edge, or flat at an elevation you give"));
    TextField custom = new TextField();
    custom.setId("volumeCustomElevation");
    custom.setPromptText("Base elevation in metres, e.g. 102.5");
    custom.textProperty().bindBidirectional(vm.customElevationProperty());
    Label customLabel = fieldLabel("Custom elevation (m)");
    BooleanBinding isCustom = vm.baseSurfaceProperty().isEqualTo(BaseChoice.CUSTOM);
    for (Node n : new Node[] {custom, customLabel}) {
      n.visibleProperty().bind(isCustom);
      n.managedProperty().bind(isCustom);
    }
    ComboBox<VolumeUnit> units = new ComboBox<>();
    units.setId("volumeUnits");
    units.getItems().setAll(VolumeUnit.values());
    units.valueProperty().bindBidirectional(vm.unitsProperty());
    units.setMaxWidth(Double.MAX_VALUE);

    GridPane figures = new GridPane();
    figures.setHgap(10);
    figures.setVgap(4);
    ColumnConstraints key = new ColumnConstraints();
    key.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints value = new ColumnConstraints();
    value.setHgrow(Priority.ALWAYS);
    figures.getColumnConstraints().setAll(key, value);
    Label cut = figure("volumeCut");
    Label fill = figure("volumeFill");
    Label net = figure("volumeNet");
    Label area = figure("volumeArea");
    Label baseLevel = figure("volumeBaseLevel");
    figures.addRow(0, swatch("Cut", VolumeOverlay.CUT), cut);
    figures.addRow(1, swatch("Fill", VolumeOverlay.FILL), fill);
    figures.addRow(2, key("Net"), net);
    figures.addRow(3, key("Area"), area);
    figures.addRow(4, key("Base"), baseLevel);
    Label notes = wrapping(new Label());
    notes.setId("volumeNotes");
    notes.getStyleClass().add("empty-hint");
    Label warning = wrapping(new Label());
    warning.setId("volumeWarning");
    warning.getStyleClass().add("volume-warning");
    Label problem = wrapping(new Label());
    problem.setId("volumeProblem");
    problem.getStyleClass().add("volume-problem");
    problem.textProperty().bind(vm.errorProperty());
    problem.visibleProperty().bind(vm.errorProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());
    Label message = wrapping(new Label());
    message.setId("volumeMessage");
    message.getStyleClass().add("empty-hint");
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotNull());
    message.managedProperty().bind(message.visibleProperty());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setId("volumeBusy");
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(vm.computingProperty());
    Label busyText = new Label("Measuring…");
    busyText.getStyleClass().add("empty-hint");
    busyText.visibleProperty().bind(vm.computingProperty());
    HBox figuresHeading = new HBox(8, section("Figures"), busy, busyText);
    figuresHeading.setAlignment(javafx.geometry.Pos.BOTTOM_LEFT);

    Runnable show = () -> {
      Measurement m = vm.measurementProperty().get();
      if (m == null) {
        for (Label l : new Label[] {cut, fill, net, area, baseLevel}) {
          l.setText("—");
        }
        notes.setText("");
        warning.setText("");
      } else {
        VolumeFigures f = m.figures();
        VolumeUnit u = VolumeUnit.ofApiName(f.units());
        cut.setText(VolumeFormat.withError(f.cut(), f.cutError(), u.volume()));
        fill.setText(VolumeFormat.withError(f.fill(), f.fillError(), u.volume()));
        net.setText(VolumeFormat.withError(f.net(), f.netError(), u.volume()));
        area.setText(VolumeFormat.of(f.area(), u.area()));
        baseLevel.setText(f.flatBase() ? VolumeFormat.of(f.baseMin(), u.length())
            : VolumeFormat.number(f.baseMin()) + " to " + VolumeFormat.of(f.baseMax(), u.length()));
        notes.setText(notes(f, u));
        warning.setText(f.warning() == null ? "" : f.warning());
      }
      boolean none = notes.getText().isEmpty();
      notes.setVisible(!none);
      notes.setManaged(!none);
      warning.setVisible(!warning.getText().isEmpty());
      warning.setManaged(warning.isVisible());
    };
    vm.measurementProperty().addListener(obs -> show.run());
    show.run();
    vm.errorProperty().addListener((o, a, b) -> problem.pseudoClassStateChanged(ERROR, b != null));

    BooleanBinding noFigures = vm.measurementProperty().isNull();
    Button profile = button("Profile…", "volumeProfile",
        "Draw a line on the map to see the DSM's heights along it", actions::profile);
    Button fromAnnotation = button("From Annotation…", "volumeFromAnnotation",
        "Measure under one of the project's polygon annotations", actions::fromAnnotation);
    Button csv = button("Export CSV…", "volumeExportCsv", "The figures and the polygon's"
        + " corners as CSV", actions::exportCsv);
    csv.disableProperty().bind(noFigures);
    Button pdf = button("Export PDF…", "volumeExportPdf", "A one-page report with a map snapshot",
        actions::exportPdf);
    pdf.disableProperty().bind(noFigures);
    Button save = button("Save as Annotation", "volumeSave", "Keep the polygon and its figures"
        + " as a polygon annotation of the project", actions::saveAsAnnotation);
    save.disableProperty().bind(noFigures);
    save.getStyleClass().add("primary-button");
    Button redraw = button("New Polygon", "volumeRedraw", "Draw another polygon (Ctrl+Shift+V)",
        vm::start);
    redraw.disableProperty().bind(vm.shape().phaseProperty().isEqualTo(Phase.DRAWING));
    Button close = button("Close", "volumeClose", "Put the volume tool away", actions::close);
    FlowPane exports = new FlowPane(8, 8, save, csv, pdf);
    FlowPane tools = new FlowPane(8, 8, redraw, fromAnnotation, profile, close);

    VBox box = new VBox(8, heading, project, how, section("Base surface"), base, customLabel,
        custom, fieldLabel("Units"), units, figuresHeading, figures, notes, warning, problem,
        message, section("Keep"), exports, section("Tools"), tools);
    box.setPadding(new Insets(12));
    setContent(box);
  }

  /** The notes under the figures: what was left out and why. */
  static String notes(VolumeFigures f, VolumeUnit u) {
    StringBuilder s = new StringBuilder();
    if (f.noDataArea() > 0) {
      s.append(String.format(Locale.getDefault(Locale.Category.FORMAT),
          "%s without DSM data (%,d cells) left out.", VolumeFormat.of(f.noDataArea(), u.area()),
          f.noDataCells()));
    }
    if (f.outsideArea() > 0) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(VolumeFormat.of(f.outsideArea(), u.area())).append(" of the polygon lies off the"
          + " DSM and is left out.");
    }
    return s.toString();
  }

  private static Label wrapping(Label l) {
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private static Label figure(String id) {
    Label l = new Label("—");
    l.setId(id);
    l.getStyleClass().add("volume-figure");
    return l;
  }

  private static Label key(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("fact-key");
    return l;
  }

  private static Label swatch(String text, Color colour) {
    Label l = key(text);
    l.setGraphic(new Rectangle(10, 10, colour));
    return l;
  }

  private static Button button(String text, String id, String tip, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }
}

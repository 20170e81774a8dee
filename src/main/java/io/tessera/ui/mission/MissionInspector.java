package io.tessera.ui.mission;

import static io.tessera.ui.InspectorParts.fieldLabel;
import static io.tessera.ui.InspectorParts.page;
import static io.tessera.ui.InspectorParts.section;

import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.ui.mission.MissionDrawViewModel.Phase;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The inspector's mission pages: the new mission's form while one is drawn (it comes first: the
 * draft is the document being edited), else the review of the selected submission, else the
 * selected mission's details.
 */
final class MissionInspector extends StackPane {
  private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

  private final NewMissionViewModel draft;
  private final MissionsViewModel missions;
  private final BooleanBinding showing;

  MissionInspector(NewMissionViewModel draft, MissionsViewModel missions, ReviewPanel review,
      Consumer<MissionDto> importInto, Consumer<MissionDto> zoomTo) {
    this.draft = draft;
    this.missions = missions;
    setId("missionInspector");
    BooleanBinding drafting = draft.shape().phaseProperty().isNotEqualTo(Phase.IDLE);
    BooleanBinding reviewing = drafting.not().and(missions.selectedSubmissionProperty().isNotNull());
    BooleanBinding detailing = drafting.not().and(reviewing.not()).and(missions.selectedMissionProperty().isNotNull());
    Node form = page(draftForm(), drafting);
    Node details = page(missionDetails(importInto, zoomTo), detailing);
    Node reviewPage = page(review, reviewing);
    getChildren().addAll(form, details, reviewPage);
    showing = drafting.or(reviewing).or(detailing);
  }

  /** Whether one of the pages shows (else the shell's own empty inspector does). */
  BooleanBinding showingProperty() {
    return showing;
  }

  // ---- the new mission ----

  private Node draftForm() {
    Label heading = new Label("New mission");
    heading.getStyleClass().add("inspector-title");
    Label how = new Label();
    how.getStyleClass().add("empty-hint");
    how.setWrapText(true);
    how.setMinHeight(Region.USE_PREF_SIZE);
    how.textProperty().bind(Bindings.createStringBinding(
        () -> draft.shape().getPhase() == Phase.DRAWING
            ? "Click the area's corners on the map; double-click or press Enter to finish, Esc to cancel."
            : "Drag a corner to move it, an edge's middle handle to add a corner; right-click a corner to"
                + " delete it. Ctrl+Z undoes.",
        draft.shape().phaseProperty()));

    Label area = new Label();
    area.setId("draftArea");
    area.getStyleClass().add("draft-area");
    area.textProperty().bind(Bindings.createStringBinding(
        () -> MissionFormat.area(draft.shape().areaSquareMetersProperty().get()),
        draft.shape().areaSquareMetersProperty()));
    Label validity = new Label();
    validity.setId("draftValidity");
    validity.getStyleClass().add("draft-validity");
    validity.setWrapText(true);
    validity.setMinHeight(Region.USE_PREF_SIZE);
    validity.textProperty().bind(Bindings.createStringBinding(
        () -> draft.shape().invalidReasonProperty().get() == null
            ? "Valid area, " + draft.shape().vertices().size() + " corners"
            : draft.shape().invalidReasonProperty().get(),
        draft.shape().invalidReasonProperty(), draft.shape().vertices()));
    draft.shape().invalidReasonProperty().addListener(
        (o, was, is) -> validity.pseudoClassStateChanged(INVALID, is != null));
    validity.pseudoClassStateChanged(INVALID, draft.shape().invalidReasonProperty().get() != null);

    TextField title = new TextField();
    title.setId("missionTitle");
    title.setPromptText("e.g. Parking lot survey — Gothenburg");
    title.textProperty().bindBidirectional(draft.titleProperty());
    TextArea description = new TextArea();
    description.setId("missionDescription");
    description.setPromptText("What the photos should show");
    description.setPrefRowCount(3);
    description.setWrapText(true);
    description.textProperty().bindBidirectional(draft.descriptionProperty());
    Spinner<Integer> required = new Spinner<>();
    required.setId("requiredImages");
    SpinnerValueFactory.IntegerSpinnerValueFactory values =
        new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1_000_000, draft.requiredImagesProperty().get());
    required.setValueFactory(values);
    required.setEditable(true);
    required.setMaxWidth(Double.MAX_VALUE);
    values.valueProperty().addListener((o, was, is) -> draft.requiredImagesProperty().set(is == null ? 0 : is));
    draft.requiredImagesProperty().addListener((o, was, is) -> {
      // from outside the field (a reset after saving); never fight a number being typed
      if (is.intValue() >= 1 && !is.toString().equals(required.getEditor().getText().strip())) {
        values.setValue(is.intValue());
      }
    });
    // a typed number counts as soon as it is typed, not only after Enter
    required.getEditor().textProperty().addListener((o, was, is) -> {
      try {
        draft.requiredImagesProperty().set(Integer.parseInt(is.strip()));
      } catch (NumberFormatException e) {
        draft.requiredImagesProperty().set(0);
      }
    });

    Button save = new Button("Save Mission");
    save.setId("saveMission");
    save.setDefaultButton(false);
    save.getStyleClass().add("primary-button");
    save.disableProperty().bind(draft.canSaveBinding().not());
    save.setOnAction(e -> draft.save(missions::added));
    Button discard = new Button("Discard");
    discard.setId("discardMission");
    discard.disableProperty().bind(draft.savingProperty());
    discard.setOnAction(e -> draft.discard());
    Label why = new Label();
    why.setId("whyNotSave");
    why.getStyleClass().add("empty-hint");
    why.setWrapText(true);
    why.setMinHeight(Region.USE_PREF_SIZE);
    why.textProperty().bind(draft.whyNotSaveProperty());

    VBox box = new VBox(8, heading, how, section("Area"), area, validity, section("Mission"),
        fieldLabel("Title", title), title, fieldLabel("Description", description), description,
        fieldLabel("Required images", required), required, new HBox(8, save, discard), why,
        new ProblemView("saveProblem", draft.problemProperty(), () -> { }));
    box.setPadding(new Insets(12));
    box.setId("draftForm");
    return box;
  }

  // ---- a saved mission ----

  private Node missionDetails(Consumer<MissionDto> importInto, Consumer<MissionDto> zoomTo) {
    Label title = new Label();
    title.setId("missionDetailsTitle");
    title.getStyleClass().add("inspector-title");
    title.setWrapText(true);
    Label status = new Label();
    status.getStyleClass().add("status-chip");
    ProgressBar progress = new ProgressBar();
    progress.setMaxWidth(Double.MAX_VALUE);
    Label progressText = new Label();
    progressText.setId("missionProgress");
    GridPane facts = new GridPane();
    facts.setHgap(10);
    facts.setVgap(3);
    ColumnConstraints key = new ColumnConstraints();
    key.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints value = new ColumnConstraints();
    value.setHgrow(Priority.ALWAYS);
    facts.getColumnConstraints().setAll(key, value);
    Label description = new Label();
    description.setWrapText(true);
    description.setMinHeight(Region.USE_PREF_SIZE);

    Button showSubmissions = new Button("Show Its Submissions");
    showSubmissions.setOnAction(e -> missions.missionFilterProperty().set(missions.selectedMissionProperty().get()));
    Button zoom = new Button("Zoom To");
    zoom.setOnAction(e -> zoomTo.accept(missions.selectedMissionProperty().get()));
    Button importButton = new Button("Import Photos…");
    importButton.setId("importPhotos");
    importButton.setOnAction(e -> importInto.accept(missions.selectedMissionProperty().get()));
    Label dropHint = new Label("Or drop a folder of geotagged JPEGs on the mission, in this list or on the map.");
    dropHint.getStyleClass().add("empty-hint");
    dropHint.setWrapText(true);
    dropHint.setMinHeight(Region.USE_PREF_SIZE);

    missions.selectedMissionProperty().addListener((o, was, m) -> {
      if (m == null) {
        return;
      }
      title.setText(m.title());
      status.setText(MissionFormat.status(m.status()));
      status.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-chip"));
      status.getStyleClass().add("status-" + m.status());
      progress.setProgress(MissionFormat.progressFraction(m.approvedImages(), m.requiredImages()));
      progressText.setText(MissionFormat.progress(m.approvedImages(), m.requiredImages()));
      facts.getChildren().clear();
      Locale l = Locale.getDefault(Locale.Category.FORMAT);
      row(facts, "Area", MissionFormat.area(m.areaM2()));
      row(facts, "Submissions", String.format(l, "%,d", m.submissions()));
      row(facts, "Created", MissionFormat.dateTime(m.createdAt()));
      if (m.completedAt() != null) {
        row(facts, "Completed", MissionFormat.dateTime(m.completedAt()));
      }
      row(facts, "ID", m.id());
      description.setText(m.description() == null ? "" : m.description());
    });

    VBox box = new VBox(8, title, status, progress, progressText, facts, description,
        new HBox(8, showSubmissions, zoom), section("Photos"), importButton, dropHint);
    box.setPadding(new Insets(12));
    box.setId("missionDetails");
    return box;
  }

  private static void row(GridPane g, String key, String value) {
    Label k = new Label(key);
    k.getStyleClass().add("fact-key");
    Label v = new Label(value);
    v.setWrapText(true);
    g.addRow(g.getRowCount(), k, v);
  }
}

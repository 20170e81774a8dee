package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The submissions below the map: filters (mission, status, capture date) over a sortable table
 * whose order is the review order (J / K, and where a decision moves on to). Its selection is the
 * shared one: a row selected here is selected on the map and reviewed in the inspector.
 */
final class SubmissionsTable extends VBox {
  private final MissionsViewModel vm;
  private final TableView<SubmissionDto> table = new TableView<>();
  private boolean syncing;
  private boolean fillingChoices;

  SubmissionsTable(MissionsViewModel vm) {
    this.vm = vm;
    getStyleClass().add("submissions-table");
    setId("submissionsTable");
    table.setId("submissionTable");
    table.setItems(vm.visibleSubmissions());
    vm.visibleSubmissions().comparatorProperty().bind(table.comparatorProperty());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label empty = new Label("No submissions to show. Submissions arrive from the field, or drop a "
        + "folder of geotagged JPEGs on a mission to import them.");
    empty.setWrapText(true);
    empty.setMaxWidth(480);
    empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    table.setPlaceholder(empty);
    table.getColumns().setAll(
        statusColumn(),
        column("Mission", 220, s -> vm.missionTitle(s.missionId())),
        column("Captured", 170, s -> MissionFormat.dateTime(s.capturedAt())),
        column("Photos", 70, s -> String.format(Locale.getDefault(Locale.Category.FORMAT), "%,d", s.imageCount())),
        column("Zoomer", 100, SubmissionDto::zoomerId),
        column("ID", 240, SubmissionDto::id));

    table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
      // a row vanishing from the filtered list is no choice of the user's: only real picks count
      if (!syncing && is != null && !MissionsViewModel.same(is, vm.selectedSubmissionProperty().get())) {
        vm.selectedSubmissionProperty().set(is);
      }
    });
    vm.selectedSubmissionProperty().addListener((o, was, is) -> select(is));
    vm.visibleSubmissions().addListener((ListChangeListener<SubmissionDto>) c -> select(vm.selectedSubmissionProperty().get()));

    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(filterBar(), table);
  }

  private HBox filterBar() {
    ObservableList<MissionDto> missionChoices = FXCollections.observableArrayList();
    ComboBox<MissionDto> mission = new ComboBox<>(missionChoices);
    mission.setId("missionFilter");
    mission.setPromptText("All missions");
    mission.setCellFactory(v -> new NamedCell<>("All missions", MissionDto::title));
    mission.setButtonCell(new NamedCell<>("All missions", MissionDto::title));
    mission.setPrefWidth(170);
    // not a bidirectional binding: replacing the choices moves the combo's value by index, and
    // that must not change the filter
    mission.valueProperty().addListener((o, was, is) -> {
      if (!fillingChoices) {
        vm.missionFilterProperty().set(is);
      }
    });
    vm.missionFilterProperty().addListener((o, was, is) -> mission.setValue(is));
    Runnable fill = () -> {
      fillingChoices = true;
      try {
        missionChoices.setAll(vm.missions());
        missionChoices.add(0, null);
        mission.setValue(vm.missionFilterProperty().get());
      } finally {
        fillingChoices = false;
      }
    };
    vm.missions().addListener((ListChangeListener<MissionDto>) c -> fill.run());
    fill.run();

    ObservableList<String> statuses = FXCollections.observableArrayList(MissionsViewModel.STATUSES);
    statuses.add(0, null);
    ComboBox<String> status = new ComboBox<>(statuses);
    status.setId("statusFilter");
    status.setPromptText("Any status");
    status.setCellFactory(v -> new NamedCell<>("Any status", MissionFormat::status));
    status.setButtonCell(new NamedCell<>("Any status", MissionFormat::status));
    status.valueProperty().bindBidirectional(vm.statusFilterProperty());
    status.setPrefWidth(120);

    DatePicker from = new DatePicker();
    from.setId("fromDate");
    from.setPromptText("From");
    from.setTooltip(new Tooltip("Captured on or after this day"));
    from.setPrefWidth(115);
    from.valueProperty().bindBidirectional(vm.fromDateProperty());
    DatePicker to = new DatePicker();
    to.setId("toDate");
    to.setPromptText("To");
    to.setTooltip(new Tooltip("Captured on or before this day"));
    to.setPrefWidth(115);
    to.valueProperty().bindBidirectional(vm.toDateProperty());

    Button clear = new Button("Clear");
    clear.setTooltip(new Tooltip("Show every submission"));
    clear.setMinWidth(Region.USE_PREF_SIZE);
    clear.getStyleClass().add("small-button");
    clear.setOnAction(e -> {
      vm.missionFilterProperty().set(null);
      vm.statusFilterProperty().set(null);
      vm.fromDateProperty().set(null);
      vm.toDateProperty().set(null);
    });

    Label count = new Label();
    count.setId("submissionCount");
    count.getStyleClass().add("empty-hint");
    count.textProperty().bind(Bindings.createStringBinding(
        () -> String.format(Locale.getDefault(Locale.Category.FORMAT), "%,d of %,d submissions",
            vm.visibleSubmissions().size(), vm.submissions().size()),
        vm.visibleSubmissions(), vm.submissions()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    count.setMinWidth(Region.USE_PREF_SIZE);
    HBox bar = new HBox(8, mission, status, from, to, clear, spacer, count);
    bar.getStyleClass().add("filter-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    return bar;
  }

  private void select(SubmissionDto s) {
    syncing = true;
    try {
      int i = -1;
      for (int k = 0; s != null && k < table.getItems().size(); k++) {
        if (table.getItems().get(k).id().equals(s.id())) {
          i = k;
          break;
        }
      }
      if (i < 0) {
        table.getSelectionModel().clearSelection();
      } else if (table.getSelectionModel().getSelectedIndex() != i) {
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(Math.max(0, i - 2));
      }
    } finally {
      syncing = false;
    }
  }

  private static TableColumn<SubmissionDto, String> column(
      String title, double width, Function<SubmissionDto, String> value) {
    TableColumn<SubmissionDto, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setMinWidth(Math.min(width, 70)); // headers stay readable when the pane is narrow
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    return c;
  }

  private static TableColumn<SubmissionDto, String> statusColumn() {
    TableColumn<SubmissionDto, String> c = column("Status", 100, SubmissionDto::status);
    c.setCellFactory(col -> new TableCell<>() {
      private final Circle dot = new Circle(4.5);

      @Override
      protected void updateItem(String status, boolean empty) {
        super.updateItem(status, empty);
        if (empty || status == null) {
          setText(null);
          setGraphic(null);
        } else {
          dot.setFill(SubmissionsLayer.colour(status));
          setGraphic(dot);
          setText(MissionFormat.status(status));
        }
      }
    });
    return c;
  }

  /** A combo box cell that names null as "all". */
  private static final class NamedCell<T> extends ListCell<T> {
    private final String nullName;
    private final Function<T, String> name;

    NamedCell(String nullName, Function<T, String> name) {
      this.nullName = nullName;
      this.name = name;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty ? null : item == null ? nullName : name.apply(item));
    }
  }
}

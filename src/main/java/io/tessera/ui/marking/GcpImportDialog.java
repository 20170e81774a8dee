package io.tessera.ui.marking;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.ui.MainWindow;
import io.tessera.ui.mission.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Imports a GCP file in two steps: the service reads it without storing anything ({@code
 * dry_run}) and the dialog shows what it found (the points, the CRS, the marks it would place and
 * those it would skip, with why); Import then stores it all, or nothing.
 */
final class GcpImportDialog {
  private final MarkingViewModel vm;
  private final ProjectDto project;
  private final Path file;
  private final Window owner;

  GcpImportDialog(MarkingViewModel vm, ProjectDto project, Path file, Window owner) {
    this.vm = vm;
    this.project = project;
    this.file = file;
    this.owner = owner;
  }

  /** Reads the file through the service (dry run) and shows the preview. */
  void preview() {
    vm.busyProperty().set(true);
    vm.executor().run(() -> vm.client().importGcps(project.id(), file, true), preview -> {
      vm.busyProperty().set(false);
      if (dialog(preview).showAndWait().filter(b -> b.getButtonData()
          == ButtonBar.ButtonData.OK_DONE).isPresent()) {
        importNow();
      }
    }, e -> {
      vm.busyProperty().set(false);
      vm.problemProperty().set(Problem.report(file.getFileName() + " could not be read", e));
    });
  }

  private void importNow() {
    vm.executor().run(() -> vm.client().importGcps(project.id(), file, false), done -> {
      vm.statusProperty().set(String.format(Locale.ROOT, "Imported %d GCPs and %d marks from %s.",
          done.path("gcps").size(), done.path("marks").size(), file.getFileName()));
      vm.refreshProjects(project.id());
    }, e -> vm.problemProperty().set(Problem.report(file.getFileName()
        + " could not be imported", e)));
  }

  /** The preview; for tests too. */
  Dialog<ButtonType> dialog(JsonNode preview) {
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle("Import GCPs");
    d.setHeaderText("Import " + file.getFileName() + " into " + project.name() + "?");
    List<JsonNode> gcps = new ArrayList<>();
    preview.path("gcps").forEach(gcps::add);
    TableView<JsonNode> table = new TableView<>();
    table.setId("importPreview");
    for (String[] c : new String[][] {{"Name", "name"}, {"Type", "point_type"}, {"X", "x"},
        {"Y", "y"}, {"Z", "z"}}) {
      TableColumn<JsonNode, String> col = new TableColumn<>(c[0]);
      col.setCellValueFactory(v -> new javafx.beans.property.ReadOnlyStringWrapper(
          v.getValue().path(c[1]).isNumber()
              ? String.format(Locale.ROOT, "%.3f", v.getValue().path(c[1]).asDouble())
              : v.getValue().path(c[1]).asText()));
      table.getColumns().add(col);
    }
    table.getItems().setAll(gcps);
    table.setPrefHeight(220);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label crs = new Label("Coordinate system: " + preview.path("coordinate_system").asText("—"));
    crs.setWrapText(true);
    Label counts = new Label(String.format(Locale.ROOT,
        "%d GCPs, %d MTPs, %d marks on this project's photos.", gcps.size(),
        preview.path("mtps").size(), preview.path("marks").size()));
    VBox box = new VBox(8, crs, counts, table);
    JsonNode skipped = preview.path("skipped_marks");
    if (skipped.size() > 0) {
      StringBuilder w = new StringBuilder();
      skipped.forEach(s -> w.append(s.path("gcp").asText()).append(" on ")
          .append(s.path("photo").asText()).append(": ").append(s.path("reason").asText())
          .append('\n'));
      Label warn = new Label(skipped.size() + " marks will be skipped:");
      warn.setStyle("-fx-text-fill: #9a5b00; -fx-font-weight: bold;");
      TextArea list = new TextArea(w.toString());
      list.setId("importWarnings");
      list.setEditable(false);
      list.setPrefRowCount(5);
      box.getChildren().addAll(warn, list);
    }
    box.setPadding(new Insets(4, 0, 0, 0));
    box.setPrefWidth(560);
    d.getDialogPane().setContent(box);
    d.getDialogPane().getStylesheets().add(MainWindow.stylesheet());
    d.getDialogPane().getButtonTypes().setAll(
        new ButtonType("Import", ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
    return d;
  }
}

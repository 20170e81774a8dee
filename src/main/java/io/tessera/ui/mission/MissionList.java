package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.MissionDto;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The sidebar's missions: each with its title, status and approved / required progress. A folder
 * or JPEGs dragged onto a mission import into it. Selection is the shared one of {@link
 * MissionsViewModel}.
 */
final class MissionList extends VBox {
  private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

  private final MissionsViewModel vm;
  private final ListView<MissionDto> list = new ListView<>();
  private boolean syncing;

  /**
   * @param onPicked what a mission the user picks in the list does besides being selected (the map
   *     shows it)
   */
  MissionList(MissionsViewModel vm, Consumer<MissionDto> onPicked, BiConsumer<MissionDto, List<Path>> onPhotosDropped) {
    this.vm = vm;
    getStyleClass().add("mission-list");
    list.setId("missionList");
    list.setItems(vm.missions());
    list.setCellFactory(v -> new MissionCell(onPhotosDropped));
    list.setPlaceholder(new Label(""));
    list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
      if (!syncing && is != null) {
        vm.selectedMissionProperty().set(is);
        onPicked.accept(is);
      }
    });
    vm.selectedMissionProperty().addListener((o, was, is) -> select(is));

    Label empty = new Label("No missions yet.\nDraw one on the map with Mission → Draw Mission (Ctrl+M): "
        + "click its corners, double-click to finish, then fill in the inspector.");
    empty.setId("missionsEmptyHint");
    empty.getStyleClass().add("empty-hint");
    empty.setWrapText(true);
    empty.setMouseTransparent(true);
    empty.visibleProperty().bind(Bindings.isEmpty(vm.missions()).and(vm.loadingProperty().not()));
    StackPane.setAlignment(empty, Pos.TOP_LEFT);
    StackPane.setMargin(empty, new Insets(10, 14, 0, 14));
    StackPane body = new StackPane(list, empty);
    VBox.setVgrow(body, Priority.ALWAYS);

    Label notice = new Label();
    notice.setId("importNotice");
    notice.getStyleClass().add("import-notice");
    notice.setWrapText(true);
    notice.setMinHeight(Region.USE_PREF_SIZE);
    notice.textProperty().bind(vm.noticeProperty());
    notice.visibleProperty().bind(vm.noticeProperty().isNotNull());
    notice.managedProperty().bind(notice.visibleProperty());
    notice.setOnMouseClicked(e -> vm.dismissNotice());
    ProblemView problem = new ProblemView("missionsProblem", vm.problemProperty(), vm::dismissProblem);
    VBox messages = new VBox(6, notice, problem);
    messages.setPadding(new Insets(0, 10, 8, 10));
    getChildren().addAll(body, messages);
  }

  private void select(MissionDto m) {
    syncing = true;
    try {
      int i = m == null ? -1 : indexOf(m.id());
      if (i < 0) {
        list.getSelectionModel().clearSelection();
      } else {
        list.getSelectionModel().select(i);
        list.scrollTo(i);
      }
    } finally {
      syncing = false;
    }
  }

  private int indexOf(String id) {
    for (int i = 0; i < vm.missions().size(); i++) {
      if (vm.missions().get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** Paths of the files on a drag's dragboard that may hold photos; empty if none may. */
  static List<Path> droppedPhotoPaths(DragEvent e) {
    if (!e.getDragboard().hasFiles()) {
      return List.of();
    }
    List<Path> paths = e.getDragboard().getFiles().stream().map(File::toPath).toList();
    return PhotoFiles.mayHoldPhotos(paths) ? paths : List.of();
  }

  /** Two lines: title; status and progress. Takes dropped photos for its mission. */
  private static final class MissionCell extends ListCell<MissionDto> {
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label progress = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final VBox box;

    MissionCell(BiConsumer<MissionDto, List<Path>> onPhotosDropped) {
      title.getStyleClass().add("mission-title");
      status.getStyleClass().add("status-chip");
      progress.getStyleClass().add("mission-progress");
      bar.getStyleClass().add("mission-progress-bar");
      bar.setMaxWidth(Double.MAX_VALUE);
      bar.setPrefHeight(6);
      HBox line = new HBox(6, status, progress);
      line.setAlignment(Pos.CENTER_LEFT);
      box = new VBox(3, title, line, bar);
      // as wide as the list, never wider: long titles end in "…" instead of scrolling sideways
      setPrefWidth(0);
      setOnDragOver(e -> {
        if (getItem() != null && !droppedPhotoPaths(e).isEmpty()) {
          e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
          pseudoClassStateChanged(DROP_TARGET, true);
        }
        e.consume();
      });
      setOnDragExited(e -> pseudoClassStateChanged(DROP_TARGET, false));
      setOnDragDropped(e -> {
        List<Path> paths = droppedPhotoPaths(e);
        boolean ok = getItem() != null && !paths.isEmpty();
        if (ok) {
          onPhotosDropped.accept(getItem(), paths);
        }
        pseudoClassStateChanged(DROP_TARGET, false);
        e.setDropCompleted(ok);
        e.consume();
      });
    }

    @Override
    protected void updateItem(MissionDto m, boolean empty) {
      super.updateItem(m, empty);
      if (empty || m == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      title.setText(m.title());
      status.setText(MissionFormat.status(m.status()));
      status.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-chip"));
      status.getStyleClass().add("status-" + m.status());
      progress.setText(MissionFormat.progress(m.approvedImages(), m.requiredImages()));
      bar.setProgress(MissionFormat.progressFraction(m.approvedImages(), m.requiredImages()));
      setGraphic(box);
      setText(null);
    }
  }
}

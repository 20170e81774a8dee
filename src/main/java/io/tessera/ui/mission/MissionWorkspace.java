package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.ImageDto;
import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.client.MissionsClient;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.Polygons;
import io.tessera.ui.image.ImageFiles;
import io.tessera.ui.map.MapPane;
import io.tessera.ui.map.MapView;
import io.tessera.ui.mission.MissionDrawViewModel.Phase;
import io.tessera.ui.task.TaskExecutor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.locationtech.jts.geom.Envelope;

/**
 * The missions feature put together for the main window: its view models, its three map layers
 * (missions, submissions, the mission being drawn), the sidebar list, the submissions table, the
 * inspector pages and the map toolbar, and the actions the menus and keys call (draw, undo, redo,
 * approve, reject, next, previous, import). The shell places the nodes; everything else is here.
 */
public final class MissionWorkspace {
  /** How close a mission may be zoomed to when it is shown: about 30 cm per pixel. */
  private static final double SHOW_MAX_ZOOM = 19;

  private final MissionsViewModel missions;
  private final NewMissionViewModel draft;
  private final ReviewViewModel review;
  private final MapView map;
  private final Runnable showMap;
  private final BiConsumer<String, Callable<Image>> showImage;
  private final MissionsLayer missionsLayer;
  private final SubmissionsLayer submissionsLayer;
  private final MissionList list;
  private final SubmissionsTable table;
  private final MissionInspector inspector;
  private final StringBinding statusMessage;

  /**
   * @param zoomerId who imports photos from this desktop
   * @param showMap brings the map pane to the front
   * @param showImage opens a photo full size in the image pane: its name and its blocking decode
   */
  public MissionWorkspace(MissionsClient client, TaskExecutor executor, MapPane mapPane, String zoomerId,
      Runnable showMap, BiConsumer<String, Callable<Image>> showImage) {
    this.missions = new MissionsViewModel(client, executor, zoomerId);
    this.draft = new NewMissionViewModel(client, executor);
    this.review = new ReviewViewModel(client, executor, missions);
    this.map = mapPane.getMapView();
    this.showMap = showMap;
    this.showImage = showImage;
    missionsLayer = new MissionsLayer(missions);
    submissionsLayer = new SubmissionsLayer(missions);
    map.getLayers().addAll(missionsLayer, submissionsLayer, new MissionDrawLayer(draft.shape()));
    list = new MissionList(missions, this::zoomTo, missions::importPhotos);
    table = new SubmissionsTable(missions);
    ReviewPanel reviewPanel = new ReviewPanel(review, missions, review::approve, this::rejectSelected, this::openFullSize);
    inspector = new MissionInspector(draft, missions, reviewPanel, this::chooseAndImport, this::zoomTo);
    statusMessage = Bindings.createStringBinding(this::describeDraft,
        draft.shape().phaseProperty(), draft.shape().invalidReasonProperty(),
        draft.shape().areaSquareMetersProperty());
    missions.selectedSubmissionProperty().addListener((o, was, is) -> keepInView(is));
    installMapDrops();
  }

  // ---- nodes for the shell ----

  /** The sidebar's missions list, with import messages under it. */
  public Node missionList() {
    return list;
  }

  /** The submissions table with its filters, for under the map. */
  public Node submissionsTable() {
    return table;
  }

  /** The inspector's mission pages. */
  public Node inspector() {
    return inspector;
  }

  /** Whether the inspector shows one of the mission pages (a draft, a submission, a mission). */
  public BooleanBinding inspectorShowingProperty() {
    return inspector.showingProperty();
  }

  /** The map's toolbar: Draw Mission, Refresh, the layers and the status colours. */
  public Node mapToolbar() {
    Button draw = new Button("Draw Mission");
    draw.setId("drawMissionButton");
    draw.setTooltip(new Tooltip("Draw a new mission's area on the map (Ctrl+M)"));
    draw.disableProperty().bind(draft.shape().phaseProperty().isNotEqualTo(Phase.IDLE));
    draw.setOnAction(e -> startDrawing());
    Button refresh = new Button("Refresh");
    refresh.setTooltip(new Tooltip("Load the missions and submissions again (F5)"));
    refresh.disableProperty().bind(missions.loadingProperty());
    refresh.setOnAction(e -> missions.refresh());
    CheckBox missionsShown = new CheckBox("Missions");
    missionsShown.selectedProperty().bindBidirectional(missionsLayer.visibleProperty());
    CheckBox submissionsShown = new CheckBox("Submissions");
    submissionsShown.setId("submissionsLayerCheck");
    submissionsShown.selectedProperty().bindBidirectional(submissionsLayer.visibleProperty());
    HBox legend = new HBox(10,
        legend("Received", SubmissionsLayer.RECEIVED), legend("Approved", SubmissionsLayer.APPROVED),
        legend("Rejected", SubmissionsLayer.REJECTED));
    ToolBar bar = new ToolBar(draw, refresh, new Separator(), missionsShown, submissionsShown, new Separator(), legend);
    bar.setId("mapToolbar");
    bar.getStyleClass().add("map-toolbar");
    return bar;
  }

  private static Label legend(String text, Color colour) {
    Label l = new Label(text, new Circle(4.5, colour));
    l.getStyleClass().add("legend-item");
    return l;
  }

  // ---- actions ----

  /** Loads missions and submissions from the service. */
  public void refresh() {
    missions.refresh();
  }

  /** Arms the Draw Mission tool on the map (an open draft is kept). */
  public void startDrawing() {
    missions.clearSelection();
    draft.start();
    showMap.run();
    map.requestFocus();
  }

  /*
   * Undo and redo act on one document at a time: the mission being drawn while there is one, else
   * the review's decisions.
   */

  private boolean drafting() {
    return draft.shape().getPhase() != Phase.IDLE;
  }

  /** Undoes the draft's last edit, or else takes the last decision back; false when neither. */
  public boolean undo() {
    return drafting() ? draft.shape().undo() : review.undoDecision();
  }

  /** Redoes what {@link #undo()} undid last; false when nothing. */
  public boolean redo() {
    return drafting() ? draft.shape().redo() : review.redoDecision();
  }

  private String undoName() {
    return drafting() ? draft.shape().undoNameProperty().get() : review.undoNameProperty().get();
  }

  private String redoName() {
    return drafting() ? draft.shape().redoNameProperty().get() : review.redoNameProperty().get();
  }

  public BooleanBinding canUndoBinding() {
    return Bindings.createBooleanBinding(() -> !undoName().isEmpty(), historyDependencies());
  }

  public BooleanBinding canRedoBinding() {
    return Bindings.createBooleanBinding(() -> !redoName().isEmpty(), historyDependencies());
  }

  /** "Undo Move Vertex", "Undo Approve", or plain "Undo". */
  public StringBinding undoTextBinding() {
    return Bindings.createStringBinding(() -> ("Undo " + undoName()).strip(), historyDependencies());
  }

  /** "Redo Add Vertex", "Redo Reject", or plain "Redo". */
  public StringBinding redoTextBinding() {
    return Bindings.createStringBinding(() -> ("Redo " + redoName()).strip(), historyDependencies());
  }

  private Observable[] historyDependencies() {
    return new Observable[] {draft.shape().phaseProperty(), draft.shape().undoNameProperty(),
        draft.shape().redoNameProperty(), review.undoNameProperty(), review.redoNameProperty()};
  }

  /** Clears the shared selection (the shell selected something else). */
  public void clearSelection() {
    missions.clearSelection();
  }

  /** Whether a mission or submission is selected. */
  public BooleanBinding selectionPresentBinding() {
    return missions.selectedMissionProperty().isNotNull().or(missions.selectedSubmissionProperty().isNotNull());
  }

  private void rejectSelected() {
    SubmissionDto s = review.submissionProperty().get();
    if (s == null || review.decidingProperty().get()) {
      return;
    }
    Scene scene = table.getScene();
    RejectDialog dialog = new RejectDialog(scene == null ? null : scene.getWindow(), s.id());
    if (scene != null) {
      dialog.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
    }
    dialog.showAndWait().ifPresent(review::reject);
  }

  private void openFullSize(ImageDto image) {
    Callable<byte[]> original = review.original(image);
    showImage.accept(image.fileName(), () -> ImageFiles.decode(image.fileName(), original.call()));
  }

  private void chooseAndImport(MissionDto mission) {
    if (mission == null) {
      return;
    }
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Import Photos into “" + mission.title() + "”");
    Window owner = table.getScene() == null ? null : table.getScene().getWindow();
    File dir = chooser.showDialog(owner);
    if (dir != null) {
      missions.importPhotos(mission, List.of(dir.toPath()));
    }
  }

  private void zoomTo(MissionDto m) {
    if (m == null || m.bounds() == null) {
      return;
    }
    Envelope e = Polygons.fromRings(m.bounds().coordinates()).getEnvelopeInternal();
    map.fitBounds(new LonLat(e.getMinX(), e.getMinY()), new LonLat(e.getMaxX(), e.getMaxY()), 40, SHOW_MAX_ZOOM);
  }

  /** Pans the map to a selected submission that is off screen (picked in the table, J / K). */
  private void keepInView(SubmissionDto s) {
    if (s == null || s.location() == null || map.getWidth() <= 0) {
      return;
    }
    LonLat at = new LonLat(s.location().lng(), s.location().lat());
    Point2D p = map.getMapPoint(at);
    double margin = 30;
    if (p.getX() < margin || p.getY() < margin || p.getX() > map.getWidth() - margin || p.getY() > map.getHeight() - margin) {
      map.setCenter(at);
    }
  }

  private void installMapDrops() {
    map.addEventHandler(DragEvent.DRAG_OVER, e -> {
      MissionDto target = MissionList.droppedPhotoPaths(e).isEmpty() ? null : missionsLayer.missionAt(e.getX(), e.getY());
      missionsLayer.setDropTarget(target);
      if (target != null) {
        e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
      }
      e.consume();
    });
    map.addEventHandler(DragEvent.DRAG_EXITED, e -> missionsLayer.setDropTarget(null));
    map.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
      List<Path> paths = MissionList.droppedPhotoPaths(e);
      MissionDto target = paths.isEmpty() ? null : missionsLayer.missionAt(e.getX(), e.getY());
      missionsLayer.setDropTarget(null);
      if (target != null) {
        missions.importPhotos(target, paths);
      }
      e.setDropCompleted(target != null);
      e.consume();
    });
  }

  /**
   * The review keys on the whole window: A approve, R reject, J / K next and previous, while a
   * submission is reviewed, no text field has the keyboard and {@code enabled} says so (the 3D
   * pane has its own R).
   */
  public void installReviewKeys(Scene scene, BooleanSupplier enabled) {
    scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (e.isConsumed() || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()
          || scene.getFocusOwner() instanceof TextInputControl || !enabled.getAsBoolean()
          || review.submissionProperty().get() == null || draft.shape().getPhase() != Phase.IDLE) {
        return;
      }
      boolean used = switch (e.getCode()) {
        case A -> {
          review.approve();
          yield true;
        }
        case R -> {
          rejectSelected();
          yield true;
        }
        case J -> missions.selectNext();
        case K -> missions.selectPrevious();
        default -> false;
      };
      if (used) {
        e.consume();
      }
    });
  }

  // ---- status bar ----

  private String describeDraft() {
    MissionDrawViewModel shape = draft.shape();
    String hint = switch (shape.getPhase()) {
      case IDLE -> null;
      case DRAWING -> "click to add corners, double-click or Enter to finish, Esc to cancel";
      case EDITING -> "drag corners to move them, edge handles to add corners; right-click deletes; Ctrl+Z undoes";
    };
    if (hint == null) {
      return null;
    }
    String reason = shape.invalidReasonProperty().get();
    return (reason != null ? reason : "Mission area " + MissionFormat.area(shape.areaSquareMetersProperty().get()) + ".")
        + " Draw mission: " + hint + ".";
  }

  /** What the Draw Mission tool tells the status bar; null while it is not armed. */
  public StringBinding statusMessageBinding() {
    return statusMessage;
  }

  /** Whether {@link #statusMessageBinding()} reports an invalid shape. */
  public BooleanBinding statusIsErrorBinding() {
    return draft.shape().phaseProperty().isNotEqualTo(Phase.IDLE).and(draft.shape().invalidReasonProperty().isNotNull());
  }

  /** An import in progress, for the status bar; null while none runs. */
  public ReadOnlyStringProperty activityProperty() {
    return missions.activityProperty();
  }

  /** The import's progress, 0..1, or -1 while unknown. */
  public ReadOnlyDoubleProperty activityProgressProperty() {
    return missions.activityProgressProperty();
  }

  /** Stops the import after the batch in flight. */
  public void cancelActivity() {
    missions.cancelActivity();
  }

  MissionsViewModel missions() {
    return missions;
  }

  NewMissionViewModel draft() {
    return draft;
  }

  ReviewViewModel review() {
    return review;
  }
}

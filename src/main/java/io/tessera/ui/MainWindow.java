package io.tessera.ui;

import io.tessera.client.AnnotationsClient;
import io.tessera.client.DeepZoomClient;
import io.tessera.client.MissionsClient;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.annotate.AnnotationWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import io.tessera.ui.annotate.AnnotationItem;
import javafx.collections.ListChangeListener;
import io.tessera.ui.image.ImagePane;
import io.tessera.ui.image.ImageViewModel;
import io.tessera.ui.image.ContentDziSource;
import io.tessera.ui.image.LocalDziOpener;
import io.tessera.ui.image.OpenImage;
import io.tessera.ui.image.ServiceDziOpener;
import io.tessera.ui.image.ShareDialog;
import io.tessera.ui.map.MapPane;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.ProjectsClient;
import io.tessera.ui.marking.MarkingViewModel;
import io.tessera.ui.marking.MarkingWorkspace;
import io.tessera.ui.mission.MissionDrawViewModel;
import io.tessera.ui.mission.MissionWorkspace;
import io.tessera.ui.project.ProjectWorkspace;
import io.tessera.ui.project.ProjectsViewModel;
import io.tessera.ui.scene3d.Scene3DPane;
import io.tessera.ui.settings.ApiAccessDialog;
import io.tessera.ui.settings.ApiAccessViewModel;
import io.tessera.ui.task.TaskExecutor;
import io.tessera.ui.volume.VolumeWorkspace;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window: menus, project sidebar, the Map / Image / 3D panes, inspector and status bar.
 * Builds the controls and binds them to a {@link MainViewModel}; the window's layout is restored
 * from and saved to {@link DesktopPreferences}.
 */
public final class MainWindow {
  private static final System.Logger LOG = System.getLogger(MainWindow.class.getName());
  /** How often the status bar asks the service for its health and jobs. */
  static final Duration POLL_INTERVAL = Duration.seconds(3);
  /** How often a running import of a project output is looked at. */
  static final Duration IMPORT_POLL = Duration.millis(700);
  private static final double[] DEFAULT_DIVIDERS = {0.18, 0.75};
  /** Where the submissions table starts under the map, as a share of the map tab's height. */
  private static final double MAP_TABLE_DIVIDER = 0.7;
  private static final double DEFAULT_WIDTH = 1280;
  private static final double DEFAULT_HEIGHT = 800;

  private final DesktopContext context;
  private final DesktopPreferences prefs;
  private final TaskExecutor executor;
  private final MainViewModel viewModel;
  private final MapPane mapPane = new MapPane();
  private final ImagePane imagePane;
  private final Scene3DPane scene3dPane = new Scene3DPane();
  private final MissionWorkspace missions;
  private final ProjectWorkspace projects;
  private final MarkingWorkspace marking;
  private final VolumeWorkspace volumes;
  private final AnnotationWorkspace annotations;
  private final TreeView<String> projectTree = new TreeView<>();
  private final TabPane tabs = new TabPane();
  private boolean crsWarm;
  /** Ctrl+Shift+Z: Redo in the document being edited (set with the Edit menu). */
  private Runnable redoInEditedDocument = () -> { };
  private final SplitPane split = new SplitPane();
  private final BorderPane root = new BorderPane();
  private final Timeline poller;
  private Stage stage;
  private Rectangle2D normalBounds;

  public MainWindow(DesktopContext context, TaskExecutor executor, DesktopPreferences prefs) {
    this.context = context;
    this.executor = executor;
    this.prefs = prefs;
    this.viewModel =
        new MainViewModel(
            ServiceProbe.of(context.client()), context.serviceUrl(), executor, context.notice());
    this.imagePane =
        new ImagePane(
            new ImageViewModel(executor, new ServiceDziOpener(new DeepZoomClient(context.client()),
                new LocalDziOpener(context.dataDir().resolve("cache/dzi")))),
            this::openImageDialog,
            this::openImage);
    this.marking = new MarkingWorkspace(
        new MarkingViewModel(new ProjectsClient(context.client()), executor), imagePane,
        new DeepZoomClient(context.client()), mapPane);
    this.poller = new Timeline(new KeyFrame(POLL_INTERVAL, e -> viewModel.refresh()));
    poller.setCycleCount(Animation.INDEFINITE);

    this.missions =
        new MissionWorkspace(
            new MissionsClient(context.client()),
            executor,
            mapPane,
            zoomerId(),
            () -> viewModel.selectedPaneProperty().set(CentrePane.MAP),
            this::showImage);
    ProjectsClient projectsClient = new ProjectsClient(context.client());
    this.projects = new ProjectWorkspace(
        new ProjectsViewModel(projectsClient, executor,
            r -> new Timeline(new KeyFrame(IMPORT_POLL, e -> r.run())).play()),
        projectsClient, mapPane.getMapView());
    // the project chosen in the sidebar is the one GCPs are marked in
    projects.model().currentProperty().addListener((o, was, is) -> {
      ProjectDto marked = marking.viewModel().projectProperty().get();
      if (is != null && (marked == null || marked.id() != is.id())) {
        marking.viewModel().refreshProjects(is.id());
      }
    });
    projects.onTerrain(scene3dPane::show, scene3dPane::showCameras,
        () -> viewModel.selectedPaneProperty().set(CentrePane.SCENE3D));
    this.volumes = new VolumeWorkspace(projectsClient, executor, projects.model(),
        mapPane.getMapView(), () -> viewModel.selectedPaneProperty().set(CentrePane.MAP),
        () -> stage);
    // the volume being measured shows in 3D too: its base as a sheet, cut and fill tinted
    volumes.shownVolumeProperty().addListener((o, was, is) -> {
      if (is == null) {
        scene3dPane.clearVolume();
      } else {
        scene3dPane.showVolume(is.polygon(), is.base(), null, null);
      }
    });
    // missions and projects load once the service answers, and again whenever it comes back;
    // the first time, the CRS libraries load in the background too, before a project needs them
    viewModel.connectionProperty().addListener((o, was, is) -> {
      if (is == ConnectionState.CONNECTED) {
        missions.refresh();
        projects.model().refresh();
        if (!crsWarm) {
          crsWarm = true;
          executor.run(() -> {
            io.tessera.core.crs.Crs.warmUp();
            return null;
          }, ignored -> { }, ignored -> { });
        }
      }
    });
    this.annotations = new AnnotationWorkspace(new AnnotationsClient(context.client()), executor,
        mapPane.getMapView(), projects.model().currentProperty(),
        () -> viewModel.selectedPaneProperty().set(CentrePane.MAP));
    // the project's visible annotations show in 3D, in the project's coordinates
    annotations.items().addListener((ListChangeListener<AnnotationItem>) c -> showAnnotations3d());
    projects.model().currentProperty().addListener((o, was, is) -> showAnnotations3d());
    viewModel.selectedPaneProperty().addListener((o, was, is) -> {
      if (is == CentrePane.SCENE3D) {
        showAnnotations3d(); // edits since: names, colours, moved vertices
      }
    });
    // the tool in use speaks in the status bar: the volume tool while it is open, else an
    // annotation once touched, else the missions
    viewModel.toolStatusProperty().bind(Bindings.when(volumes.statusMessageBinding().isNotNull())
        .then(volumes.statusMessageBinding())
        .otherwise(Bindings.when(annotations.activeBinding())
            .then(annotations.statusMessageBinding())
            .otherwise(missions.statusMessageBinding())));
    viewModel.toolStatusErrorProperty().bind(volumes.statusIsErrorBinding()
        .or(volumes.statusMessageBinding().isNull().and(
            Bindings.when(annotations.activeBinding()).then(annotations.statusIsErrorBinding())
                .otherwise(missions.statusIsErrorBinding()))));
    viewModel.activityProperty().bind(missions.activityProperty());
    viewModel.activityProgressProperty().bind(missions.activityProgressProperty());

    viewModel.mapPointerProperty().bind(mapPane.pointerPositionProperty());
    viewModel.imagePointerProperty().bind(imagePane.viewModel().pointerPixelProperty());
    mapPane.setId("mapPane");
    wireMapToPreferences(mapPane, prefs);

    split.getItems().addAll(sidebar(), centre(), inspector());
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    SplitPane.setResizableWithParent(split.getItems().get(2), false);
    double[] dividers = prefs.dividerPositions();
    split.setDividerPositions(dividers.length == 2 ? dividers : DEFAULT_DIVIDERS);

    root.setTop(new VBox(menuBar(), noticeBanner()));
    root.setCenter(split);
    root.setBottom(statusBar());
    root.getStyleClass().add("main-window");
    viewModel.selectedPaneProperty().set(prefs.pane());
  }

  /**
   * The one place where the map pane meets the remembered map view and the online-tiles
   * preference: the saved view is restored, the live view is written back when the window closes,
   * and the Preferences dialog's online-tiles choice reaches the map at once.
   */
  static void wireMapToPreferences(MapPane map, DesktopPreferences prefs) {
    LonLat center = prefs.mapCenterProperty().get();
    double zoom = prefs.mapZoomProperty().get();
    if (center != null && Double.isFinite(zoom)) {
      map.setView(center, zoom);
    }
    prefs.mapCenterProperty().bind(map.centerProperty());
    prefs.mapZoomProperty().bind(map.zoomProperty());
    map.setOnlineTilesEnabled(prefs.onlineTilesProperty().get());
    prefs.onlineTilesProperty().addListener((obs, was, on) -> map.setOnlineTilesEnabled(on));
  }

  /** Puts the window on {@code stage}, restores its geometry, shows it and starts polling. */
  public void show(Stage stage) {
    this.stage = stage;
    Rectangle2D bounds = initialBounds();
    // The scene starts at the restored size: were it to grow or shrink after its first layout, the
    // SplitPane would move the restored dividers to keep the (non-resizing) side panels' widths.
    Scene scene = new Scene(root, bounds.getWidth(), bounds.getHeight());
    scene.getStylesheets().add(stylesheet());
    stage.setScene(scene);
    scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+Z"),
        () -> redoInEditedDocument.run());
    missions.installReviewKeys(scene, () -> viewModel.selectedPaneProperty().get() != CentrePane.SCENE3D);
    stage.setTitle("Tessera");
    stage.getIcons().setAll(AppIcons.load());
    stage.setMinWidth(720);
    stage.setMinHeight(480);
    stage.setX(bounds.getMinX());
    stage.setY(bounds.getMinY());
    stage.setWidth(bounds.getWidth());
    stage.setHeight(bounds.getHeight());
    stage.setMaximized(prefs.windowMaximized());
    trackNormalBounds(stage);
    stage.setOnHiding(e -> close());
    stage.show();
    focusSelectedPane();
    viewModel.refresh();
    poller.play();
  }

  /** The application's style sheet, for the main window and its dialogs. */
  public static String stylesheet() {
    return MainWindow.class.getResource("tessera.css").toExternalForm();
  }

  /** Stops polling and saves the layout; safe to call twice. */
  public void close() {
    poller.stop();
    if (stage == null) {
      return;
    }
    prefs.setWindowMaximized(stage.isMaximized());
    if (normalBounds != null) {
      prefs.setWindowBounds(normalBounds);
    }
    prefs.setPane(viewModel.selectedPaneProperty().get());
    prefs.setDividerPositions(split.getDividerPositions());
    savePreferences();
  }

  private void savePreferences() {
    try {
      prefs.save();
    } catch (IOException e) {
      // Losing the layout is an annoyance, not a reason to bother the user at close.
      LOG.log(System.Logger.Level.WARNING, "cannot save " + prefs.file(), e);
    }
  }

  public MainViewModel viewModel() {
    return viewModel;
  }

  public ImagePane imagePane() {
    return imagePane;
  }

  public Scene3DPane scene3dPane() {
    return scene3dPane;
  }

  public MissionWorkspace missions() {
    return missions;
  }

  public MarkingWorkspace marking() {
    return marking;
  }

  /** GCP: start marking (Ctrl+Shift+G), import and export control points. */
  private Menu gcpMenu() {
    MenuItem mark = new MenuItem("Mark GCPs");
    mark.setId("markGcpsMenu");
    mark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+G"));
    mark.setOnAction(e -> {
      viewModel.selectedPaneProperty().set(CentrePane.IMAGE);
      marking.start();
    });
    MenuItem importGcps = new MenuItem("Import GCPs…");
    importGcps.setOnAction(e -> marking.importGcps());
    Menu export = new Menu("Export GCPs");
    for (String[] f : new String[][] {{"OPF…", "opf", "json"}, {"ODM gcp_list.txt…", "odm", "txt"},
        {"PIX4D CSV…", "csv", "csv"}}) {
      MenuItem item = new MenuItem(f[0]);
      item.setOnAction(e -> marking.exportGcps(f[1], f[2]));
      export.getItems().add(item);
    }
    importGcps.disableProperty().bind(marking.viewModel().projectProperty().isNull());
    export.disableProperty().bind(marking.viewModel().projectProperty().isNull());
    return new Menu("GCP", null, mark, importGcps, export);
  }

  public VolumeWorkspace volumes() {
    return volumes;
  }

  public AnnotationWorkspace annotations() {
    return annotations;
  }

  /**
   * One tool's edit history as the Edit menu sees it.
   *
   * @param active whether this tool is the document being edited now
   * @param undoName what Undo would undo ("Move Vertex"), empty when nothing
   */
  private record History(BooleanSupplier active, BooleanSupplier canUndo, BooleanSupplier canRedo,
      Supplier<String> undoName, Supplier<String> redoName, Runnable undo, Runnable redo,
      List<Observable> dependencies) {}

  /**
   * The tools' histories, the first active one taking Undo and Redo: GCP marks while the marking
   * workflow shows in the Image tab, the volume polygon while it is drawn or edited, the
   * annotations once one is engaged, else the missions (draft shape, review decisions).
   */
  private List<History> histories() {
    var mark = marking.viewModel();
    BooleanBinding marks = marking.activeProperty()
        .and(viewModel.selectedPaneProperty().isEqualTo(CentrePane.IMAGE));
    var volumeShape = volumes.shape();
    BooleanBinding volume = volumes.activeProperty()
        .and(volumeShape.phaseProperty().isNotEqualTo(MissionDrawViewModel.Phase.IDLE));
    BooleanBinding annotating = annotations.activeBinding();
    return List.of(
        new History(marks::get, mark.canUndoProperty()::get, mark.canRedoProperty()::get,
            () -> mark.canUndoProperty().get() ? "Mark" : "",
            () -> mark.canRedoProperty().get() ? "Mark" : "", mark::undo, mark::redo,
            List.of(marks, mark.canUndoProperty(), mark.canRedoProperty())),
        new History(volume::get, () -> !volumeShape.undoNameProperty().get().isEmpty(),
            () -> !volumeShape.redoNameProperty().get().isEmpty(),
            volumeShape.undoNameProperty()::get, volumeShape.redoNameProperty()::get,
            volumeShape::undo, volumeShape::redo,
            List.of(volume, volumeShape.undoNameProperty(), volumeShape.redoNameProperty())),
        new History(annotating::get, annotations.canUndoBinding()::get,
            annotations.canRedoBinding()::get, historyName(annotations.undoTextBinding(), "Undo"),
            historyName(annotations.redoTextBinding(), "Redo"), annotations::undo,
            annotations::redo, List.of(annotating, annotations.canUndoBinding(),
                annotations.canRedoBinding(), annotations.undoTextBinding(),
                annotations.redoTextBinding())),
        new History(() -> true, missions.canUndoBinding()::get, missions.canRedoBinding()::get,
            historyName(missions.undoTextBinding(), "Undo"),
            historyName(missions.redoTextBinding(), "Redo"), missions::undo, missions::redo,
            List.of(missions.canUndoBinding(), missions.canRedoBinding(),
                missions.undoTextBinding(), missions.redoTextBinding())));
  }

  /** "Move Vertex" from a menu text "Undo Move Vertex". */
  private static Supplier<String> historyName(StringBinding text,
      String verb) {
    return () -> text.get().substring(verb.length()).strip();
  }

  /** Who imports photos from this desktop, as the missions API's {@code zoomer_id}. */
  private static String zoomerId() {
    String user = System.getProperty("user.name", "");
    return user.isBlank() ? "desktop" : user;
  }

  // ---- layout ----

  private MenuBar menuBar() {
    MenuItem open = new MenuItem("Open Image…");
    open.setId("openImageMenu");
    open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
    open.setOnAction(e -> openImageDialog());
    MenuItem preferences = new MenuItem("Preferences…");
    preferences.setOnAction(e -> showPreferences());
    MenuItem apiAccess = new MenuItem("API Access…");
    apiAccess.setId("apiAccessMenuItem");
    apiAccess.setOnAction(e -> showApiAccess());
    MenuItem quit = new MenuItem("Quit");
    quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
    quit.setOnAction(e -> stage.close());
    MenuItem share = new MenuItem("Share Image…");
    share.setId("shareImageMenu");
    share.disableProperty().bind(Bindings.createBooleanBinding(
        () -> sharedContentId() == null, imagePane.viewModel().imageProperty()));
    share.setOnAction(e -> shareImage());
    Menu file = new Menu("File", null, open, share, new SeparatorMenuItem(), preferences, apiAccess, new SeparatorMenuItem(), quit);

    // One Undo and one Redo for every tool (UX.md): the first history that is active takes them
    List<History> histories = histories();
    List<Observable> all = new ArrayList<>();
    histories.forEach(h -> all.addAll(h.dependencies()));
    Observable[] deps = all.toArray(Observable[]::new);
    Supplier<History> current = () -> histories.stream().filter(h -> h.active().getAsBoolean())
        .findFirst().orElseThrow();
    MenuItem undo = new MenuItem("Undo");
    undo.setId("undoMenu");
    undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
    undo.textProperty().bind(Bindings.createStringBinding(
        () -> ("Undo " + current.get().undoName().get()).strip(), deps));
    undo.disableProperty().bind(Bindings.createBooleanBinding(
        () -> !current.get().canUndo().getAsBoolean(), deps));
    undo.setOnAction(e -> current.get().undo().run());
    MenuItem redo = new MenuItem("Redo");
    redo.setId("redoMenu");
    redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
    redo.textProperty().bind(Bindings.createStringBinding(
        () -> ("Redo " + current.get().redoName().get()).strip(), deps));
    redo.disableProperty().bind(Bindings.createBooleanBinding(
        () -> !current.get().canRedo().getAsBoolean(), deps));
    redo.setOnAction(e -> current.get().redo().run());
    redoInEditedDocument = () -> current.get().redo().run();
    Menu edit = new Menu("Edit", null, undo, redo);

    MenuItem drawMission = new MenuItem("Draw Mission");
    drawMission.setId("drawMissionMenu");
    drawMission.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
    drawMission.setOnAction(e -> missions.startDrawing());
    MenuItem refreshMissions = new MenuItem("Refresh Missions");
    refreshMissions.setAccelerator(KeyCombination.keyCombination("F5"));
    refreshMissions.setOnAction(e -> missions.refresh());
    Menu mission = new Menu("Mission", null, drawMission, refreshMissions);
    Menu project = new Menu("Project");
    project.getItems().addAll(projects.menuItems(() -> stage));
    project.getItems().addAll(volumes.menuItems());
    Menu annotate = new Menu("Annotate");
    annotate.getItems().addAll(annotations.menuItems(() -> stage));

    Menu view = new Menu("View");
    Menu gcp = gcpMenu();
    ToggleGroup group = new ToggleGroup();
    for (CentrePane pane : CentrePane.values()) {
      RadioMenuItem item = new RadioMenuItem(pane.title());
      item.setToggleGroup(group);
      item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (pane.ordinal() + 1)));
      item.setOnAction(e -> viewModel.selectedPaneProperty().set(pane));
      item.setSelected(viewModel.selectedPaneProperty().get() == pane);
      viewModel.selectedPaneProperty().addListener((o, a, b) -> item.setSelected(b == pane));
      view.getItems().add(item);
    }

    MenuItem about = new MenuItem("About Tessera");
    about.setOnAction(e -> showAbout());
    Menu help = new Menu("Help", null, about);
    MenuBar bar = new MenuBar(file, edit, project, mission, annotate, gcp, view, help);
    bar.setUseSystemMenuBar(true);
    return bar;
  }

  private Node noticeBanner() {
    Label icon = new Label("i");
    icon.getStyleClass().add("notice-icon");
    Label text = new Label();
    text.setId("noticeText");
    text.setWrapText(true);
    text.textProperty().bind(viewModel.noticeProperty());
    HBox.setHgrow(text, Priority.ALWAYS);
    text.setMaxWidth(Double.MAX_VALUE);
    Button dismiss = new Button("Dismiss");
    dismiss.setId("dismissNotice");
    dismiss.setOnAction(e -> viewModel.dismissNotice());
    HBox banner = new HBox(10, icon, text, dismiss);
    banner.setId("noticeBanner");
    banner.setAlignment(Pos.CENTER_LEFT);
    banner.getStyleClass().add("notice-banner");
    banner.visibleProperty().bind(viewModel.noticeProperty().isNotNull());
    banner.managedProperty().bind(banner.visibleProperty());
    return banner;
  }

  private Node sidebar() {
    TreeItem<String> projectsRoot = new TreeItem<>("Projects");
    projectsRoot.setExpanded(true);
    TreeView<String> tree = projectTree;
    tree.setRoot(projectsRoot);
    tree.setId("projectTree");
    // one selection at a time: picking in the tree drops the mission selection, and back
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, b) -> {
          viewModel.selectionProperty().set(b == null ? null : b.getValue());
          if (b != null) {
            missions.clearSelection();
          }
        });
    missions.selectionPresentBinding().addListener((o, a, b) -> {
      if (b) {
        tree.getSelectionModel().clearSelection();
        annotations.clearSelection();
      }
    });
    annotations.activeBinding().addListener((o, a, b) -> {
      if (b) {
        missions.clearSelection();
      }
    });
    missions.statusMessageBinding().addListener((o, a, b) -> {
      if (a == null && b != null) {
        annotations.clearSelection(); // a mission is being drawn
      }
    });

    Label hint = new Label("No projects yet.\nProjects you create or open appear here, with their missions, photos and layers.");
    hint.setId("projectsEmptyHint");
    hint.getStyleClass().add("empty-hint");
    hint.setWrapText(true);
    hint.setMouseTransparent(true);
    hint.visibleProperty().bind(Bindings.isEmpty(projectsRoot.getChildren()));
    StackPane.setAlignment(hint, Pos.TOP_LEFT);
    StackPane.setMargin(hint, new Insets(36, 14, 0, 14));
    projects.attach(tree, projectsRoot);
    StackPane body = new StackPane(tree, hint);
    body.setPrefHeight(150);
    body.setMinHeight(130); // a project, its DSM and orthomosaic, without scrolling
    Node missionList = missions.missionList();
    VBox.setVgrow(missionList, Priority.ALWAYS);
    Label projectStatus = new Label();
    projectStatus.setId("projectStatus");
    projectStatus.setWrapText(true);
    projectStatus.getStyleClass().add("side-status");
    ProjectsViewModel pm = this.projects.model();
    projectStatus.textProperty().bind(Bindings.createStringBinding(
        () -> pm.errorProperty().get() != null ? pm.errorProperty().get()
            : pm.messageProperty().get(),
        pm.errorProperty(), pm.messageProperty()));
    projectStatus.visibleProperty().bind(projectStatus.textProperty().isNotEmpty());
    projectStatus.managedProperty().bind(projectStatus.visibleProperty());
    pm.errorProperty().addListener((o, a, b) -> projectStatus.pseudoClassStateChanged(
        javafx.css.PseudoClass.getPseudoClass("error"), b != null));
    Node annotationList = annotations.list();
    VBox.setVgrow(annotationList, Priority.SOMETIMES);
    VBox box = new VBox(header("Project"), body, projectStatus, header("Annotations"),
        annotationList, header("Missions"), missionList);
    box.getStyleClass().add("side-panel");
    box.setMinWidth(160);
    return box;
  }

  private Node centre() {
    for (CentrePane pane : CentrePane.values()) {
      Tab tab = new Tab(pane.title());
      Supplier<Node> content = pane == CentrePane.MAP ? this::mapTabContent
          : pane == CentrePane.SCENE3D ? this::scene3dTabContent : marking::imageTab;
      // A tab's content joins the scene when the tab is first shown: styling and skinning every
      // hidden pane's controls held the first frame back (~0.7 s on two cores, with the
      // inspector pages, which attachWhenShown defers likewise).
      if (pane == viewModel.selectedPaneProperty().get()) {
        tab.setContent(content.get());
      } else {
        tab.selectedProperty().addListener(new InvalidationListener() {
          @Override
          public void invalidated(Observable o) {
            if (tab.isSelected()) {
              tab.selectedProperty().removeListener(this);
              tab.setContent(content.get());
            }
          }
        });
      }
      tab.setId(tabId(pane));
      tab.setClosable(false);
      tab.setTooltip(new Tooltip(pane.title() + " (Ctrl+" + (pane.ordinal() + 1) + ")"));
      tabs.getTabs().add(tab);
    }
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("centreTabs");
    // Small, so that the panes' messages never push the user's dividers aside.
    tabs.setMinWidth(240);
    tabs.getSelectionModel().select(viewModel.selectedPaneProperty().get().ordinal());
    tabs.getSelectionModel()
        .selectedIndexProperty()
        .addListener((o, a, b) -> viewModel.selectedPaneProperty().set(CentrePane.values()[b.intValue()]));
    viewModel.selectedPaneProperty()
        .addListener(
            (o, a, b) -> {
              tabs.getSelectionModel().select(b.ordinal());
              focusSelectedPane();
            });
    return tabs;
  }

  /** The map with its toolbar above and the submissions table below. */
  private Node mapTabContent() {
    SplitPane mapAndTable = new SplitPane(mapPane, missions.submissionsTable());
    mapAndTable.setOrientation(javafx.geometry.Orientation.VERTICAL);
    mapAndTable.setDividerPositions(MAP_TABLE_DIVIDER);
    mapAndTable.getStyleClass().add("map-split");
    SplitPane.setResizableWithParent(missions.submissionsTable(), false);
    BorderPane content = new BorderPane(mapAndTable);
    Node missionTools = missions.mapToolbar();
    HBox.setHgrow(missionTools, Priority.ALWAYS);
    content.setTop(new HBox(missionTools, annotations.mapToolbar()));
    return content;
  }

  private void showAnnotations3d() {
    ProjectDto p = projects.model().currentProperty().get();
    if (p == null || p.coordinateSystem() == null) {
      scene3dPane.showAnnotations(List.of());
      return;
    }
    try {
      scene3dPane.showAnnotations(AnnotationWorkspace.in3d(annotations.items(),
          io.tessera.core.crs.Crs.parse(p.coordinateSystem())));
    } catch (io.tessera.core.crs.CrsException e) {
      scene3dPane.showAnnotations(List.of());
    }
  }

  /** The 3D pane with its vertical exaggeration control above. */
  private Node scene3dTabContent() {
    Slider exaggeration = new Slider(0.5, 10, scene3dPane.exaggerationProperty().get());
    exaggeration.setId("exaggerationSlider");
    exaggeration.setPrefWidth(180);
    exaggeration.setTooltip(new Tooltip("Vertical exaggeration of the terrain"));
    scene3dPane.exaggerationProperty().bindBidirectional(exaggeration.valueProperty());
    Label value = new Label();
    value.textProperty().bind(Bindings.format(java.util.Locale.ROOT, "%.1f×",
        exaggeration.valueProperty()));
    Button reset = new Button("1×");
    reset.setOnAction(e -> exaggeration.setValue(1));
    Label triangles = new Label();
    triangles.getStyleClass().add("empty-hint");
    triangles.textProperty().bind(Bindings.format(java.util.Locale.ROOT, "%,d triangles",
        scene3dPane.trianglesProperty()));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, new Label("Vertical exaggeration"), exaggeration, value, reset, gap,
        triangles);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("map-toolbar");
    bar.setPadding(new Insets(4, 8, 4, 8));
    BorderPane content = new BorderPane(scene3dPane);
    content.setTop(bar);
    return content;
  }

  /** The tab's node id, e.g. {@code mapTab}, for tests and style sheets. */
  static String tabId(CentrePane pane) {
    return switch (pane) {
      case MAP -> "mapTab";
      case IMAGE -> "imageTab";
      case SCENE3D -> "scene3dTab";
    };
  }

  private Node content(CentrePane pane) {
    return switch (pane) {
      case MAP -> mapPane;
      case IMAGE -> imagePane;
      case SCENE3D -> scene3dPane;
    };
  }

  /** Gives the shown pane the keyboard, so that its keys (+, -, 0, R …) work right away. */
  private void focusSelectedPane() {
    content(viewModel.selectedPaneProperty().get()).requestFocus();
  }

  /**
   * Puts {@code page} into {@code pages} (in {@code order}) the first time {@code shown} is true:
   * like a hidden tab, an inspector page nobody has opened yet would cost the first frame its
   * styling.
   */
  private static void attachWhenShown(StackPane pages, Node page, List<Node> order,
      ObservableBooleanValue shown) {
    Runnable attach = () -> {
      int at = 0;
      for (Node n : pages.getChildren()) {
        if (order.indexOf(n) < order.indexOf(page)) {
          at++;
        }
      }
      pages.getChildren().add(at, page);
    };
    if (shown.get()) {
      attach.run();
      return;
    }
    shown.addListener(new InvalidationListener() {
      @Override
      public void invalidated(Observable o) {
        if (shown.get()) {
          shown.removeListener(this);
          attach.run();
        }
      }
    });
  }

  private Node inspector() {
    Label title = new Label("Nothing selected");
    title.setId("inspectorTitle");
    title.getStyleClass().add("empty-title");
    title.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> viewModel.selectionProperty().get() == null ? "Nothing selected" : viewModel.selectionProperty().get(),
                viewModel.selectionProperty()));
    Label hint = new Label("Select a project, mission, photo or GCP to see its properties here.");
    hint.getStyleClass().add("empty-hint");
    hint.setWrapText(true);
    hint.visibleProperty().bind(viewModel.selectionProperty().isNull());
    VBox body = new VBox(6, title, hint);
    body.setPadding(new Insets(14));
    body.visibleProperty().bind(missions.inspectorShowingProperty()
        .or(annotations.inspectorShowingProperty()).or(volumes.activeProperty()).not());
    Node volumePage = volumes.inspector();
    volumePage.visibleProperty().bind(volumes.activeProperty());
    StackPane pages = new StackPane(body);
    List<Node> order = List.of(body, missions.inspector(), annotations.inspector(), volumePage);
    attachWhenShown(pages, missions.inspector(), order, missions.inspectorShowingProperty());
    attachWhenShown(pages, annotations.inspector(), order, annotations.inspectorShowingProperty());
    attachWhenShown(pages, volumePage, order, volumes.activeProperty());
    StackPane.setAlignment(body, Pos.TOP_LEFT);
    body.setMaxHeight(Region.USE_PREF_SIZE);
    VBox.setVgrow(pages, Priority.ALWAYS);
    VBox box = new VBox(header("Inspector"), pages);
    box.setId("inspector");
    box.getStyleClass().add("side-panel");
    box.setMinWidth(180);
    return box;
  }

  private static Label header(String text) {
    Label l = new Label(text.toUpperCase(Locale.ROOT));
    l.getStyleClass().add("panel-header");
    l.setMaxWidth(Double.MAX_VALUE);
    return l;
  }

  private Node statusBar() {
    Label url = new Label();
    url.setId("serviceUrlLabel");
    url.textProperty().bind(viewModel.serviceUrlProperty());
    url.setTooltip(new Tooltip("Where the Tessera service listens"));
    url.setMinWidth(Region.USE_PREF_SIZE);

    Circle dot = new Circle(4);
    dot.getStyleClass().add("connection-dot");
    Label connection = new Label("", dot);
    connection.setId("connectionLabel");
    connection.getStyleClass().add("connection");
    connection.textProperty()
        .bind(Bindings.createStringBinding(() -> viewModel.connectionProperty().get().label(), viewModel.connectionProperty()));
    Tooltip connectionTip = new Tooltip();
    connectionTip.textProperty().bind(viewModel.connectionDetailProperty());
    connection.setTooltip(connectionTip);
    connection.setMinWidth(Region.USE_PREF_SIZE);
    viewModel.connectionProperty().addListener((o, a, b) -> styleConnection(connection, b));
    styleConnection(connection, viewModel.connectionProperty().get());

    Label cursor = new Label();
    cursor.setId("cursorLabel");
    cursor.getStyleClass().add("cursor-position");
    cursor.textProperty().bind(viewModel.cursorTextProperty());
    cursor.setMinWidth(Region.USE_PREF_SIZE);

    Label tool = new Label();
    tool.setId("toolStatus");
    tool.getStyleClass().add("tool-status");
    tool.textProperty().bind(viewModel.toolStatusProperty());
    tool.setMinWidth(0);
    viewModel.toolStatusErrorProperty()
        .addListener((o, a, b) -> tool.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), b));
    Separator beforeTool = separator();
    beforeTool.visibleProperty().bind(viewModel.toolStatusProperty().isNotNull());
    beforeTool.managedProperty().bind(beforeTool.visibleProperty());
    tool.visibleProperty().bind(beforeTool.visibleProperty());
    tool.managedProperty().bind(beforeTool.visibleProperty());
    HBox.setHgrow(tool, Priority.SOMETIMES);

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);

    Label activityText = new Label();
    activityText.setId("activityLabel");
    activityText.textProperty().bind(viewModel.activityProperty());
    ProgressBar activityProgress = new ProgressBar();
    activityProgress.setPrefWidth(120);
    activityProgress.progressProperty().bind(viewModel.activityProgressProperty());
    Button stopActivity = new Button("Cancel");
    stopActivity.getStyleClass().add("status-button");
    stopActivity.setTooltip(new Tooltip("Stop after the photos being imported now"));
    stopActivity.setOnAction(e -> missions.cancelActivity());
    HBox activity = new HBox(8, activityText, activityProgress, stopActivity);
    activity.setId("activityBox");
    activity.setAlignment(Pos.CENTER_RIGHT);
    activity.visibleProperty().bind(viewModel.activityProperty().isNotNull());
    activity.managedProperty().bind(activity.visibleProperty());

    Label jobText = new Label();
    jobText.setId("jobLabel");
    jobText.textProperty().bind(viewModel.jobTextProperty());
    ProgressBar progress = new ProgressBar();
    progress.setId("jobProgress");
    progress.setPrefWidth(140);
    progress.progressProperty().bind(viewModel.jobProgressProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("cancelJobs");
    cancel.getStyleClass().add("status-button");
    cancel.setTooltip(new Tooltip("Cancel the running jobs"));
    cancel.setOnAction(e -> viewModel.cancelRunningJobs());
    HBox jobs = new HBox(8, jobText, progress, cancel);
    jobs.setId("jobsBox");
    jobs.setAlignment(Pos.CENTER_RIGHT);
    jobs.visibleProperty().bind(viewModel.jobsRunningProperty());
    jobs.managedProperty().bind(jobs.visibleProperty());

    Separator beforeCursor = separator();
    beforeCursor.visibleProperty().bind(viewModel.cursorTextProperty().isNotEmpty());
    HBox bar = new HBox(10, url, separator(), connection, beforeCursor, cursor, beforeTool, tool, spacer, activity, jobs);
    bar.setId("statusBar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  private static Separator separator() {
    Separator s = new Separator(javafx.geometry.Orientation.VERTICAL);
    s.getStyleClass().add("status-separator");
    return s;
  }

  private static void styleConnection(Label label, ConnectionState state) {
    label.getStyleClass().removeIf(c -> c.startsWith("state-"));
    label.getStyleClass().add("state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  // ---- window geometry ----

  /** The saved window bounds when they are still on a screen, else a comfortable centred size. */
  private Rectangle2D initialBounds() {
    Rectangle2D saved = prefs.windowBounds().orElse(null);
    if (saved != null && !Screen.getScreensForRectangle(saved).isEmpty()) {
      normalBounds = saved;
      return saved;
    }
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    double w = Math.min(DEFAULT_WIDTH, screen.getWidth() * 0.92);
    double h = Math.min(DEFAULT_HEIGHT, screen.getHeight() * 0.92);
    return new Rectangle2D(
        screen.getMinX() + (screen.getWidth() - w) / 2, screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
  }

  /** Remembers the last bounds the window had while neither maximised nor minimised. */
  private void trackNormalBounds(Stage stage) {
    Runnable update =
        () -> {
          if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0) {
            normalBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
          }
        };
    stage.xProperty().addListener((o, a, b) -> update.run());
    stage.yProperty().addListener((o, a, b) -> update.run());
    stage.widthProperty().addListener((o, a, b) -> update.run());
    stage.heightProperty().addListener((o, a, b) -> update.run());
    update.run();
  }

  // ---- actions ----

  private void openImageDialog() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open Image");
    chooser.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Images (JPEG, PNG, TIFF)", "*.jpg", "*.jpeg", "*.png", "*.tif", "*.tiff", "*.JPG", "*.JPEG", "*.PNG", "*.TIF", "*.TIFF"),
            new FileChooser.ExtensionFilter("All files", "*"));
    prefs.lastImageDirectory().filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
    File chosen = chooser.showOpenDialog(stage);
    if (chosen != null) {
      openImage(chosen.toPath());
    }
  }

  /** Shows the image pane and starts loading {@code path} into it. */
  public void openImage(Path path) {
    if (path.getParent() != null) {
      prefs.setLastImageDirectory(path.getParent());
    }
    viewModel.selectedPaneProperty().set(CentrePane.IMAGE);
    imagePane.viewModel().open(path);
  }

  /** Shows the image pane and starts decoding a photo that is not a local file into it. */
  private void showImage(String name, Callable<Image> decode) {
    viewModel.selectedPaneProperty().set(CentrePane.IMAGE);
    imagePane.viewModel().show(name, decode);
  }

  private void showPreferences() {
    PreferencesDialog dialog = new PreferencesDialog(stage, prefs.onlineTilesProperty().get());
    dialog.getDialogPane().getStylesheets().add(stylesheet());
    if (Boolean.TRUE.equals(dialog.showAndWait().orElse(false))) {
      prefs.onlineTilesProperty().set(dialog.onlineTiles());
      savePreferences();
    }
  }

  /** The service content behind the image shown, or null when it is not one (a local cache). */
  private String sharedContentId() {
    OpenImage image = imagePane.viewModel().imageProperty().get();
    return image != null && image.getSource() instanceof ContentDziSource c ? c.contentId() : null;
  }

  /** Shares the image shown through the service and shows its public link. */
  private void shareImage() {
    String id = sharedContentId();
    if (id == null) {
      return;
    }
    executor.run(
        () -> new DeepZoomClient(context.client()).share(id),
        shared -> {
          ShareDialog dialog = new ShareDialog(stage, shared);
          dialog.getDialogPane().getStylesheets().add(stylesheet());
          dialog.show();
        },
        failure -> {
          Alert alert = new Alert(Alert.AlertType.ERROR,
              "The image could not be shared: " + failure.getMessage());
          alert.initOwner(stage);
          alert.show();
        });
  }

  private void showApiAccess() {
    ApiAccessDialog dialog =
        new ApiAccessDialog(
            stage, new ApiAccessViewModel(context.client(), executor), context.serviceUrl());
    dialog.getDialogPane().getStylesheets().add(stylesheet());
    dialog.showAndWait();
  }

  private void showAbout() {
    AboutDialog dialog = new AboutDialog(stage, context.version(), context.serviceUrl());
    dialog.getDialogPane().getStylesheets().add(stylesheet());
    dialog.showAndWait();
  }
}

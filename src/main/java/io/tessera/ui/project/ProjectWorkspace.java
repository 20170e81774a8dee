package io.tessera.ui.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.PhotogrammetryDtos.OutputDto;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.ProjectsClient;
import io.tessera.client.RemoteRaster;
import io.tessera.core.project.OutputTypes;
import io.tessera.core.raster.Raster;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.MapView;
import io.tessera.ui.scene3d.CameraPose;
import io.tessera.ui.map.ServiceTileSource;
import io.tessera.ui.map.TileLayer;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Projects in the shell: the sidebar's project tree (each project with its outputs and their
 * state), the Project menu (New Project…, Import DSM…, Import Orthomosaic…), and the current
 * project's orthomosaic (else its DSM) as a map layer above the basemap, zoomed to when it first
 * appears.
 */
public final class ProjectWorkspace {
  /** Output types drawn on the map, the first one present winning. */
  /** Tiles of each raster the desktop keeps for the 3D pane. */
  private static final long RASTER_CACHE_BYTES = 128L * 1024 * 1024;

  static final List<String> MAP_TYPES = java.util.stream.Stream.concat(
      OutputTypes.ORTHO_LIST.stream(), OutputTypes.ELEVATION_LIST.stream()).toList();

  private final ProjectsViewModel model;
  private final ProjectsClient client;
  private final MapView map;
  private final Map<TreeItem<String>, ProjectDto> items = new HashMap<>();
  private TreeItem<String> root;
  private TreeView<String> tree;
  private TileLayer layer;
  private long layerOutput = -1;
  private BiConsumer<Raster, Optional<Raster>> terrainView = (dsm, ortho) -> {};
  private Consumer<List<CameraPose>> cameraView = poses -> {};
  private Runnable showTerrainPane = () -> {};
  private String terrainShown = "";

  public ProjectWorkspace(ProjectsViewModel model, ProjectsClient client, MapView map) {
    this.model = model;
    this.client = client;
    this.map = map;
    model.projects().addListener((ListChangeListener<ProjectDto>) c -> rebuild());
    model.outputs().addListener((ListChangeListener<OutputDto>) c -> {
      rebuild();
      showOnMap();
      showTerrain();
    });
    model.currentProperty().addListener((o, a, b) -> {
      selectCurrent();
      showOnMap();
    });
  }

  public ProjectsViewModel model() {
    return model;
  }

  /** Fills {@code projectsRoot} with the projects; selecting one makes it current. */
  public void attach(TreeView<String> projectTree, TreeItem<String> projectsRoot) {
    this.tree = projectTree;
    this.root = projectsRoot;
    projectTree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
      TreeItem<String> item = b;
      while (item != null && !items.containsKey(item)) {
        item = item.getParent();
      }
      if (item != null && items.get(item) != model.currentProperty().get()) {
        model.currentProperty().set(items.get(item));
      }
    });
    rebuild();
  }

  /**
   * Where the current project's DSM (draped with its orthomosaic) is shown in 3D: called with
   * rasters read over the API whenever the project's imported DSM or orthomosaic change, then
   * with where its photos were taken from; {@code showPane} brings the 3D pane forward (Project →
   * Show in 3D).
   */
  public void onTerrain(BiConsumer<Raster, Optional<Raster>> view,
      Consumer<List<CameraPose>> cameras, Runnable showPane) {
    this.terrainView = view;
    this.cameraView = cameras;
    this.showTerrainPane = showPane;
    showTerrain();
  }

  /** The Project menu's items. */
  public List<MenuItem> menuItems(java.util.function.Supplier<Window> owner) {
    MenuItem create = new MenuItem("New Project…");
    create.setId("newProjectMenu");
    create.setOnAction(e -> newProject());
    MenuItem dsm = new MenuItem("Import DSM…");
    dsm.setId("importDsmMenu");
    dsm.setOnAction(e -> chooseAndImport(owner.get(), "dsm", "Import a DSM (GeoTIFF)"));
    MenuItem ortho = new MenuItem("Import Orthomosaic…");
    ortho.setId("importOrthoMenu");
    ortho.setOnAction(e -> chooseAndImport(owner.get(), "ortho",
        "Import an orthomosaic (GeoTIFF)"));
    MenuItem refresh = new MenuItem("Refresh Projects");
    refresh.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+R"));
    refresh.setOnAction(e -> {
      model.refresh();
      model.refreshOutputs();
    });
    MenuItem in3d = new MenuItem("Show in 3D");
    in3d.setId("showIn3dMenu");
    in3d.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+3"));
    in3d.setOnAction(e -> {
      showTerrain();
      showTerrainPane.run();
    });
    in3d.disableProperty().bind(Bindings.createBooleanBinding(
        () -> model.ready(OutputTypes.ELEVATION_LIST).isEmpty(), model.outputs()));
    dsm.disableProperty().bind(model.currentProperty().isNull());
    ortho.disableProperty().bind(model.currentProperty().isNull());
    return List.of(create, dsm, ortho, in3d, refresh);
  }

  private void newProject() {
    TextInputDialog d = new TextInputDialog("EPSG:32633");
    d.setTitle("New Project");
    d.setHeaderText("The project's coordinate system (an EPSG code, e.g. EPSG:32633 for UTM"
        + " zone 33N): DSMs, orthomosaics, GCPs and volumes are in it.");
    d.setContentText("Coordinate system:");
    Optional<String> crs = d.showAndWait();
    if (crs.isEmpty() || crs.get().isBlank()) {
      return;
    }
    TextInputDialog n = new TextInputDialog("Site survey");
    n.setTitle("New Project");
    n.setHeaderText("A name for the project.");
    n.setContentText("Name:");
    n.showAndWait().filter(s -> !s.isBlank())
        .ifPresent(name -> model.create(name.trim(), crs.get().trim()));
  }

  private void chooseAndImport(Window owner, String type, String title) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("GeoTIFF", "*.tif", "*.tiff",
        "*.TIF", "*.TIFF"));
    File f = fc.showOpenDialog(owner);
    if (f != null) {
      model.importOutput(f.toPath(), type);
    }
  }

  private void rebuild() {
    if (root == null) {
      return;
    }
    items.clear();
    root.getChildren().clear();
    for (ProjectDto p : model.projects()) {
      TreeItem<String> item = new TreeItem<>(p.name());
      items.put(item, p);
      ProjectDto current = model.currentProperty().get();
      if (current != null && current.id() == p.id()) {
        item.setExpanded(true);
        for (OutputDto o : model.outputs()) {
          item.getChildren().add(new TreeItem<>(describe(o)));
        }
      }
      root.getChildren().add(item);
    }
    selectCurrent();
  }

  /** How an output reads in the tree: its kind, its file, and its state when not ready. */
  static String describe(OutputDto o) {
    String kind = switch (o.resultType()) {
      case "dsm", "dsm_cloud_optimized" -> "DSM";
      case "dtm" -> "DTM";
      case "ortho" -> "Orthomosaic";
      default -> o.outputType().replace('_', ' ');
    };
    String state = switch (o.availability()) {
      case "pending" -> String.format(Locale.ROOT, " — importing %.0f %%",
          100 * (o.progress() == null ? 0 : o.progress()));
      case "failed" -> " — failed";
      default -> "";
    };
    return kind + ": " + o.fileName() + state;
  }

  private void selectCurrent() {
    if (tree == null) {
      return;
    }
    ProjectDto current = model.currentProperty().get();
    items.forEach((item, p) -> {
      if (current != null && p.id() == current.id()
          && tree.getSelectionModel().getSelectedItem() != item) {
        tree.getSelectionModel().select(item);
      }
    });
  }

  private void showOnMap() {
    Optional<OutputDto> shown = model.ready(MAP_TYPES);
    long id = shown.map(OutputDto::outputId).orElse(-1L);
    if (id == layerOutput) {
      return;
    }
    if (layer != null) {
      map.getLayers().remove(layer);
      layer = null;
    }
    layerOutput = id;
    ProjectDto project = model.currentProperty().get();
    if (shown.isEmpty() || project == null) {
      return;
    }
    OutputDto o = shown.get();
    Map<?, ?> info = o.raster() instanceof Map<?, ?> m ? m : Map.of();
    double cell = info.get("cell_size") instanceof Number n ? n.doubleValue() : 0.05;
    String template = ProjectsClient.PREFIX + "/projects/" + project.id() + "/outputs/"
        + o.outputId() + "/tiles/{z}/{x}/{y}.png";
    layer = new TileLayer(new ServiceTileSource(client.http(), template, cell, o.fileName()));
    int index = Math.min(2, map.getLayers().size());
    map.getLayers().add(index, layer);
    bounds(info).ifPresent(b -> map.fitBounds(b[0], b[1], 24, 24));
  }

  /** Hands the current project's DSM and orthomosaic to the 3D pane when they change. */
  private void showTerrain() {
    ProjectDto project = model.currentProperty().get();
    Optional<OutputDto> dsm = model.ready(OutputTypes.ELEVATION_LIST);
    if (project == null || dsm.isEmpty()) {
      return;
    }
    Optional<OutputDto> ortho = model.ready(OutputTypes.ORTHO_LIST);
    String key = project.id() + "/" + dsm.get().outputId() + "/"
        + ortho.map(o -> Long.toString(o.outputId())).orElse("-");
    if (key.equals(terrainShown)) {
      return;
    }
    terrainShown = key;
    terrainView.accept(RemoteRaster.of(client, project.id(), dsm.get(), RASTER_CACHE_BYTES),
        ortho.map(o -> RemoteRaster.of(client, project.id(), o, RASTER_CACHE_BYTES)));
    model.loadCameras(project.id(), list -> cameraView.accept(poses(list)));
  }

  /** The API's camera placements as the 3D pane draws them (in the project's CRS). */
  static List<CameraPose> poses(JsonNode list) {
    List<CameraPose> out = new java.util.ArrayList<>();
    for (JsonNode c : list) {
      out.add(new CameraPose(c.path("x").asDouble(), c.path("y").asDouble(),
          c.path("z").asDouble(), c.path("yaw").asDouble(), c.path("pitch").asDouble(),
          c.path("roll").asDouble(), c.path("horizontal_fov").asDouble(),
          c.path("aspect").asDouble()));
    }
    return out;
  }

  /** South-west and north-east corners of a raster, from its info, in WGS 84. */
  static Optional<LonLat[]> bounds(Map<?, ?> info) {
    if (!(info.get("epsg") instanceof Number epsg) || !(info.get("geotransform") instanceof List<?> g)
        || !(info.get("width") instanceof Number w) || !(info.get("height") instanceof Number h)) {
      return Optional.empty();
    }
    try {
      CrsTransform t = Crs.parse("EPSG:" + epsg.intValue()).transformTo(Crs.parse("EPSG:4326"));
      double[] gt = g.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
      double minLon = 180;
      double minLat = 90;
      double maxLon = -180;
      double maxLat = -90;
      for (double[] c : new double[][] {{0, 0}, {w.doubleValue(), 0}, {0, h.doubleValue()},
          {w.doubleValue(), h.doubleValue()}}) {
        Position p = t.apply(new Position(gt[0] + c[0] * gt[1] + c[1] * gt[2],
            gt[3] + c[0] * gt[4] + c[1] * gt[5], Double.NaN));
        minLon = Math.min(minLon, p.x());
        maxLon = Math.max(maxLon, p.x());
        minLat = Math.min(minLat, p.y());
        maxLat = Math.max(maxLat, p.y());
      }
      return Optional.of(new LonLat[] {new LonLat(minLon, minLat), new LonLat(maxLon, maxLat)});
    } catch (CrsException | RuntimeException e) {
      return Optional.empty();
    }
  }
}

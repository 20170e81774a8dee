package io.tessera.ui.volume;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.PhotogrammetryDtos.OutputDto;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.ProjectsClient;
import io.tessera.core.project.OutputTypes;
import io.tessera.client.RemoteRaster;
import io.tessera.core.crs.CrsException;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.MapView;
import io.tessera.ui.mission.MissionDrawLayer;
import io.tessera.ui.mission.MissionDrawViewModel.Phase;
import io.tessera.ui.mission.MissionFormat;
import io.tessera.ui.mission.MissionDrawViewModel;
import io.tessera.ui.project.ProjectsViewModel;
import io.tessera.ui.task.TaskExecutor;
import io.tessera.ui.volume.VolumeOverlay.Tint;
import io.tessera.ui.volume.VolumeViewModel.Measurement;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The volume tool put together for the main window (UX.md's drawing habits, ARCHITECTURE §6):
 * Measure Volume draws a polygon over the current project's DSM (else its DTM, as the service
 * chooses; or takes one of its polygon annotations), the inspector shows the figures as the polygon and the options change, the map
 * shows the cut/fill tint, a profile line opens a chart, and the result is exported (CSV, PDF) or
 * saved as an annotation. The shell places {@link #inspector()} and {@link #menuItems()}; the 3D
 * pane may follow {@link #shownVolumeProperty()}.
 */
public final class VolumeWorkspace {
  private static final long TILE_CACHE_BYTES = 96L << 20;

  /**
   * The volume shown: the polygon in the DSM's coordinate system and its base surface, (x, y) →
   * elevation in metres.
   */
  public record ShownVolume(Polygon polygon, DoubleBinaryOperator base) {}

  private final ProjectsClient client;
  private final TaskExecutor executor;
  private final ProjectsViewModel projects;
  private final MapView map;
  private final Runnable showMap;
  private final Supplier<Window> owner;
  private final Clock clock;
  private final VolumeViewModel vm;
  private final VolumeOverlayLayer overlay = new VolumeOverlayLayer();
  private final ProfileLayer profileLayer;
  private final VolumeInspector inspector;
  private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
  private final ReadOnlyBooleanWrapper profileArmed = new ReadOnlyBooleanWrapper(this, "profile");
  private final ReadOnlyObjectWrapper<ShownVolume> shown =
      new ReadOnlyObjectWrapper<>(this, "shownVolume");
  private final Debouncer zoomed;
  private final StringBinding status;
  private RemoteRaster dsm;
  private long dsmOutputId = -1;
  private long overlayGeneration;
  private ProfileWindow profileWindow;

  /**
   * @param showMap brings the map pane to the front
   * @param owner the main window, for dialogs
   */
  public VolumeWorkspace(ProjectsClient client, TaskExecutor executor, ProjectsViewModel projects,
      MapView map, Runnable showMap, Supplier<Window> owner) {
    this(client, executor, projects, map, showMap, owner, Debouncer.FX, Clock.systemUTC());
  }

  VolumeWorkspace(ProjectsClient client, TaskExecutor executor, ProjectsViewModel projects,
      MapView map, Runnable showMap, Supplier<Window> owner, Debouncer.Scheduler scheduler,
      Clock clock) {
    this.client = client;
    this.executor = executor;
    this.projects = projects;
    this.map = map;
    this.showMap = showMap;
    this.owner = owner;
    this.clock = clock;
    this.vm = new VolumeViewModel(client, executor, scheduler);
    this.profileLayer = new ProfileLayer(this::profileDrawn);
    this.inspector = new VolumeInspector(vm, new VolumeInspector.Actions() {
      @Override
      public void profile() {
        armProfile();
      }

      @Override
      public void fromAnnotation() {
        chooseAnnotation();
      }

      @Override
      public void exportCsv() {
        VolumeWorkspace.this.exportCsv();
      }

      @Override
      public void exportPdf() {
        VolumeWorkspace.this.exportPdf();
      }

      @Override
      public void saveAsAnnotation() {
        askAndSave();
      }

      @Override
      public void close() {
        VolumeWorkspace.this.close();
      }
    });
    this.zoomed = new Debouncer(scheduler, Duration.ofMillis(300), this::refreshOverlayLevel);
    overlay.visibleProperty().bind(active);
    map.getLayers().addAll(overlay, new MissionDrawLayer(vm.shape()), profileLayer);
    projects.currentProperty().addListener((o, was, is) -> projectChanged(is));
    projects.outputs().addListener((ListChangeListener<OutputDto>) c -> outputsChanged());
    vm.measurementProperty().addListener((o, was, is) -> measured(is));
    map.zoomProperty().addListener(obs -> {
      if (overlay.tint() != null) {
        zoomed.trigger();
      }
    });
    map.addEventHandler(KeyEvent.KEY_PRESSED, this::undoKeys);
    status = Bindings.createStringBinding(this::describe, active, profileArmed,
        vm.shape().phaseProperty(), vm.shape().invalidReasonProperty(),
        vm.shape().areaSquareMetersProperty(), vm.measurementProperty());
    projectChanged(projects.currentProperty().get());
  }

  // ---- for the shell ----

  /** The inspector's volume page. */
  public Node inspector() {
    return inspector;
  }

  /** Whether the tool is open (its inspector page shows). */
  public ReadOnlyBooleanProperty activeProperty() {
    return active.getReadOnlyProperty();
  }

  /** Whether the current project has an imported DSM to measure on. */
  /** The polygon being drawn or edited, with its undo history (the Edit menu's while active). */
  public MissionDrawViewModel shape() {
    return vm.shape();
  }

  public ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  /** The volume shown on the map, for the 3D pane; null while none is. */
  public ReadOnlyObjectProperty<ShownVolume> shownVolumeProperty() {
    return shown.getReadOnlyProperty();
  }

  /** What the tool tells the status bar; null while it is closed. */
  public StringBinding statusMessageBinding() {
    return status;
  }

  /** Whether {@link #statusMessageBinding()} reports an invalid polygon. */
  public BooleanBinding statusIsErrorBinding() {
    return active.getReadOnlyProperty().and(vm.shape().phaseProperty().isNotEqualTo(Phase.IDLE))
        .and(vm.shape().invalidReasonProperty().isNotNull());
  }

  /** The menu's items: Measure Volume (Ctrl+Shift+V) and Volume Profile. */
  public List<MenuItem> menuItems() {
    MenuItem measure = new MenuItem("Measure Volume");
    measure.setId("measureVolumeMenu");
    measure.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+V"));
    measure.disableProperty().bind(available.not());
    measure.setOnAction(e -> start());
    MenuItem profile = new MenuItem("Elevation Profile");
    profile.setId("volumeProfileMenu");
    profile.disableProperty().bind(available.not());
    profile.setOnAction(e -> armProfile());
    return List.of(new SeparatorMenuItem(), measure, profile);
  }

  /** Opens the tool and arms a new polygon; nothing while the project has no DSM. */
  public void start() {
    if (!available.get()) {
      return;
    }
    active.set(true);
    vm.start();
    showMap.run();
    map.requestFocus();
  }

  /** Puts the tool away: polygon, tint and profile line go. */
  public void close() {
    vm.close();
    profileLayer.clear();
    profileArmed.set(false);
    active.set(false);
  }

  VolumeViewModel model() {
    return vm;
  }

  VolumeOverlayLayer overlay() {
    return overlay;
  }

  ProfileWindow profileWindow() {
    return profileWindow;
  }

  // ---- project and DSM ----

  private void projectChanged(ProjectDto p) {
    close();
    vm.frameProperty().set(null);
    if (p == null) {
      outputsChanged();
      return;
    }
    try {
      vm.frameProperty().set(new ProjectFrame(p.id(), p.name(), p.coordinateSystem()));
    } catch (CrsException | RuntimeException e) {
      vm.complain("The project's coordinate system " + p.coordinateSystem()
          + " cannot be used for volumes: " + e.getMessage());
    }
    outputsChanged();
  }

  private void outputsChanged() {
    ProjectDto p = projects.currentProperty().get();
    Optional<OutputDto> o = p == null ? Optional.empty() : projects.ready(OutputTypes.ELEVATION_LIST);
    long id = o.map(OutputDto::outputId).orElse(-1L);
    if (id == dsmOutputId) {
      return;
    }
    dsmOutputId = id;
    dsm = null;
    if (o.isPresent()) {
      try {
        dsm = RemoteRaster.of(client, p.id(), o.get(), TILE_CACHE_BYTES);
      } catch (RuntimeException e) {
        dsm = null;
      }
    }
    available.set(dsm != null && vm.frameProperty().get() != null);
    if (!available.get()) {
      close();
    }
  }

  // ---- tint and base ----

  private void measured(Measurement m) {
    overlayGeneration++;
    if (m == null) {
      overlay.show(null);
      shown.set(null);
      return;
    }
    computeOverlay(m, desiredLevel(m));
  }

  private int desiredLevel(Measurement m) {
    RemoteRaster r = dsm;
    if (r == null) {
      return 0;
    }
    double cell = Math.sqrt(Math.abs(r.transform().cellArea()));
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double[] c : m.ring()) {
      minX = Math.min(minX, c[0]);
      maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]);
      maxY = Math.max(maxY, c[1]);
    }
    int levels = (int) Math.floor(Math.log(Math.max(r.width(), r.height())) / Math.log(2));
    double mpp = map.metersPerPixelProperty().get();
    return VolumeOverlay.level(cell, Double.isFinite(mpp) ? mpp : cell,
        Math.max(maxX - minX, maxY - minY), levels);
  }

  private void refreshOverlayLevel() {
    Measurement m = vm.measurementProperty().get();
    Tint t = overlay.tint();
    if (m != null && t != null && desiredLevel(m) != t.level()) {
      computeOverlay(m, desiredLevel(m));
    }
  }

  private void computeOverlay(Measurement m, int level) {
    RemoteRaster r = dsm;
    if (r == null) {
      return;
    }
    long asked = ++overlayGeneration;
    record Result(Tint tint, DoubleBinaryOperator base) {}
    executor.run(() -> {
      RemoteRaster at = r;
      for (int i = 0; i < level; i++) {
        at = at.halved();
      }
      DoubleBinaryOperator b = BaseSampler.of(m.figures(), m.ring(), at);
      return new Result(VolumeOverlay.compute(at, level, m.ring(), b, m.frame()), b);
    }, result -> {
      if (asked != overlayGeneration) {
        return;
      }
      overlay.show(result.tint());
      shown.set(new ShownVolume(polygon(m.ring()), result.base()));
    }, e -> {
      if (asked == overlayGeneration) {
        overlay.show(null);
        vm.complain("The cut/fill tint could not be drawn: " + VolumeViewModel.readable(e));
      }
    });
  }

  private static Polygon polygon(List<double[]> ring) {
    Coordinate[] c = new Coordinate[ring.size() + 1];
    for (int i = 0; i < ring.size(); i++) {
      c[i] = new Coordinate(ring.get(i)[0], ring.get(i)[1]);
    }
    c[ring.size()] = c[0].copy();
    return new GeometryFactory().createPolygon(c);
  }

  // ---- profile ----

  private void armProfile() {
    if (!available.get()) {
      return;
    }
    showMap.run();
    profileLayer.arm();
    profileArmed.set(true);
  }

  private void profileDrawn(LonLat a, LonLat b) {
    profileArmed.set(false);
    ProjectFrame f = vm.frameProperty().get();
    RemoteRaster r = dsm;
    if (f == null || r == null) {
      return;
    }
    ShownVolume v = vm.measurementProperty().get() == null ? null : shown.get();
    executor.run(() -> {
      double[] pa = f.toProject(a);
      double[] pb = f.toProject(b);
      return Profile.along(r, pa[0], pa[1], pb[0], pb[1], v == null ? null : v.base(),
          v == null ? null : v.polygon());
    }, p -> {
      if (profileWindow == null) {
        Window w = owner.get();
        profileWindow = new ProfileWindow(w, w == null || w.getScene() == null
            || w.getScene().getStylesheets().isEmpty() ? null
            : w.getScene().getStylesheets().get(0));
      }
      profileWindow.show(p);
    }, e -> vm.complain("The profile could not be read: " + VolumeViewModel.readable(e)));
  }

  // ---- exports and annotations ----

  private File choose(String title, String name, String description, String extension) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.setInitialFileName(name);
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
    return fc.showSaveDialog(owner.get());
  }

  private String baseName() {
    ProjectFrame f = vm.frameProperty().get();
    String project = f == null ? "volume" : f.projectName().replaceAll("[^\\p{L}\\p{N}._-]+", "-");
    return project + "-volume";
  }

  private void exportCsv() {
    Measurement m = vm.measurementProperty().get();
    if (m == null) {
      return;
    }
    File f = choose("Export Volume as CSV", baseName() + ".csv", "CSV", "csv");
    if (f != null) {
      writeCsv(m, f.toPath());
    }
  }

  /** Writes the CSV of the volume shown to {@code file}, off the FX thread. */
  void writeCsv(Measurement m, Path file) {
    Instant now = clock.instant();
    executor.run(() -> {
      Path tmp = VolumeCsv.tempBeside(file);
      try {
        Files.writeString(tmp, VolumeCsv.of(m, now), StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return file;
    }, done -> vm.tell("Exported to " + done.getFileName() + "."),
        e -> vm.complain("The CSV could not be written: " + e.getMessage()));
  }

  private void exportPdf() {
    Measurement m = vm.measurementProperty().get();
    if (m == null) {
      return;
    }
    File f = choose("Export Volume Report", baseName() + ".pdf", "PDF", "pdf");
    if (f != null) {
      writePdf(m, f.toPath());
    }
  }

  /** Snapshots the map (on the FX thread) and writes the report to {@code file} off it. */
  void writePdf(Measurement m, Path file) {
    Instant now = clock.instant();
    WritableImage snapshot = map.getWidth() > 0 ? map.snapshot(null, null) : null;
    executor.run(() -> {
      byte[] png = null;
      if (snapshot != null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(SwingFXUtils.fromFXImage(snapshot, null), "png", out);
        png = out.toByteArray();
      }
      VolumeReport.write(m, now, png, file);
      return file;
    }, done -> vm.tell("Report written to " + done.getFileName() + "."),
        e -> vm.complain("The report could not be written: " + e.getMessage()));
  }

  private void askAndSave() {
    if (vm.measurementProperty().get() == null) {
      return;
    }
    TextInputDialog d = new TextInputDialog("Stockpile");
    d.initOwner(owner.get());
    d.setTitle("Save Volume as Annotation");
    d.setHeaderText("The polygon and its figures are kept as an annotation of the project.");
    d.setContentText("Name:");
    d.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(vm::saveAsAnnotation);
  }

  private void chooseAnnotation() {
    ProjectFrame f = vm.frameProperty().get();
    if (f == null) {
      return;
    }
    executor.run(() -> client.annotations(f.projectId()), list -> {
      Map<String, JsonNode> polygons = new LinkedHashMap<>();
      for (JsonNode a : list) {
        if ("Polygon".equals(a.path("geometry").path("type").asText())) {
          String name = a.path("properties").path("name").asText("");
          String label = (name.isBlank() ? "Unnamed" : name) + " (" + a.path("id").asText() + ")";
          polygons.put(label, a);
        }
      }
      if (polygons.isEmpty()) {
        vm.complain("The project has no polygon annotations yet: draw the polygon instead.");
        return;
      }
      ChoiceDialog<String> d = new ChoiceDialog<>(polygons.keySet().iterator().next(),
          polygons.keySet());
      d.initOwner(owner.get());
      d.setTitle("Measure Under an Annotation");
      d.setHeaderText("The volume is measured under the polygon annotation you choose.");
      d.setContentText("Annotation:");
      d.showAndWait().map(polygons::get).ifPresent(this::loadAnnotation);
    }, e -> vm.complain("The annotations could not be read: " + VolumeViewModel.readable(e)));
  }

  /** Opens the tool on an annotation's polygon (its outer ring, project coordinates). */
  void loadAnnotation(JsonNode annotation) {
    List<double[]> ring = new ArrayList<>();
    for (JsonNode c : annotation.path("geometry").path("coordinates").path(0)) {
      ring.add(new double[] {c.path(0).asDouble(), c.path(1).asDouble()});
    }
    try {
      active.set(true);
      JsonNode volume = annotation.path("properties").path("volume");
      if (volume.has("base_surface")) {
        vm.baseSurfaceProperty().set(BaseChoice.ofApiName(volume.path("base_surface").asText()));
      }
      if (volume.has("custom_elevation")) {
        vm.customElevationProperty().set(volume.path("custom_elevation").asText());
      }
      vm.load(ring, annotation.path("id").asText(null));
      showMap.run();
    } catch (CrsException | RuntimeException e) {
      vm.complain("That annotation's polygon cannot be used: " + e.getMessage());
    }
  }

  // ---- keys and status ----

  private void undoKeys(KeyEvent e) {
    if (!active.get() || vm.shape().getPhase() == Phase.IDLE || !e.isShortcutDown()) {
      return;
    }
    boolean redo = e.getCode() == KeyCode.Y || e.getCode() == KeyCode.Z && e.isShiftDown();
    boolean undo = e.getCode() == KeyCode.Z && !e.isShiftDown();
    if (undo || redo) {
      if (undo) {
        vm.shape().undo();
      } else {
        vm.shape().redo();
      }
      e.consume();
    }
  }

  private String describe() {
    if (profileArmed.get()) {
      return "Profile: click the line's start, then its end; Esc cancels.";
    }
    if (!active.get()) {
      return null;
    }
    String reason = vm.shape().invalidReasonProperty().get();
    return switch (vm.shape().getPhase()) {
      case IDLE -> "Measure volume: New Polygon or Ctrl+Shift+V draws a polygon.";
      case DRAWING -> (vm.shape().vertices().size() < 3 ? ""
          : reason != null ? reason + " "
          : "Area " + MissionFormat.area(vm.shape().areaSquareMetersProperty().get()) + ". ")
          + "Measure volume: click to add corners, double-click or Enter to finish, Esc to"
          + " cancel.";
      case EDITING -> (reason != null ? reason + " " : "")
          + "Measure volume: drag corners to move them, edge handles to add corners; right-click"
          + " deletes; Ctrl+Z undoes.";
    };
  }
}

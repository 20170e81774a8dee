package io.tessera.ui.scene3d;

import io.tessera.core.raster.Raster;
import io.tessera.ui.NavigationKeys;
import io.tessera.ui.task.FxTaskExecutor;
import io.tessera.ui.task.TaskExecutor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point3D;
import javafx.geometry.Pos;
import javafx.scene.AmbientLight;
import javafx.scene.DirectionalLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;
import org.locationtech.jts.geom.Polygon;

/**
 * The 3D view: a DSM as a level-of-detail terrain mesh, draped with an ortho or coloured by
 * elevation, in a {@link SubScene} seen through an {@link OrbitCamera}. Until a DSM is shown it
 * displays a sample landscape.
 *
 * <p><b>Navigation</b> (UX.md): left-drag orbits, right- or middle-drag (or Shift+left-drag) pans,
 * the wheel zooms towards the point under the cursor; arrows pan, {@code +}/{@code -} zoom, {@code
 * 0}, {@code R} or Home reset the view to the whole DSM. The camera stays above the ground.
 *
 * <p><b>API for wiring</b> (all on the FX thread; work runs on the executor):
 *
 * <ul>
 *   <li>{@link #show(Raster, Optional)}: a DSM (band 0) and optionally an ortho to drape; both may
 *       be in any grid, geotransforms place them. The pane reads them from its executor while it
 *       shows them; the caller keeps them open until it shows something else or {@link
 *       #showSample()}.
 *   <li>{@link #exaggerationProperty()}: vertical exaggeration (1 = true scale).
 *   <li>{@link #showVolume}, {@link #clearVolume()}: a volume polygon with its base surface and
 *       cut/fill tint.
 *   <li>{@link #showAnnotations(List)}: points, lines and polygons in the DSM's CRS.
 *   <li>{@link #showCameras(List)}: photos' camera positions as small wireframe frusta.
 *   <li>{@link #stateProperty()}, {@link #messageProperty()}: what the pane shows (sample,
 *       loading, a DSM, or an error and its reason).
 * </ul>
 *
 * <p>JavaFX 3D needs the hardware pipeline. Where it is missing (software rendering, e.g. a remote
 * session without OpenGL), the pane explains that instead of staying blank.
 */
public final class Scene3DPane extends StackPane {
  private static final Logger LOG = Logger.getLogger(Scene3DPane.class.getName());
  /** Sky-like background, light enough to read the terrain's silhouette against. */
  static final Color BACKGROUND = Color.web("#dfe8f0");
  /** Split tiles whose cells look larger than this many pixels. */
  static final double MAX_PIXELS_PER_CELL = 5;
  /** Triangles on screen at most. */
  public static final int TRIANGLE_BUDGET = 300_000;
  static final double FOV = 35;
  static final double HOME_YAW = -35;
  static final double HOME_PITCH = 40;

  /** What the pane shows. */
  public enum State {
    /** The sample landscape: no DSM yet. */
    SAMPLE,
    /** A DSM is being prepared. */
    LOADING,
    /** A DSM is shown. */
    READY,
    /** The last DSM could not be shown; {@link #messageProperty()} says why. */
    FAILED
  }

  private final OrbitCamera orbit = new OrbitCamera(HOME_YAW, HOME_PITCH, SampleTerrain.SIZE * 2.3);
  private final TaskExecutor executor;
  private final SubScene subScene;
  private final TerrainLayer terrain;
  private final PerspectiveCamera camera = new PerspectiveCamera(true);
  private final Group volumeGroup = new Group();
  private final Group annotationGroup = new Group();
  private final Group cameraGroup = new Group();
  private final Label hint = new Label();
  private final DoubleProperty exaggeration = new SimpleDoubleProperty(this, "exaggeration", 1);
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.SAMPLE);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private int showGeneration;
  private boolean updateQueued;
  private double lastX;
  private double lastY;
  private VolumeRequest volume;
  private List<Annotation3D> annotations = List.of();
  private List<CameraPose> cameras = List.of();

  private record VolumeRequest(Polygon polygon, DoubleBinaryOperator base,
      Overlays.VolumeStyle style) {}

  private record Prepared(TerrainSource source, TerrainTextures textures) {}

  /** A pane with its own background thread for reading and meshing terrain. */
  public Scene3DPane() {
    this(new FxTaskExecutor(1));
  }

  /**
   * @param executor runs DSM reads and meshing; delivers on the FX thread
   */
  public Scene3DPane(TaskExecutor executor) {
    this.executor = executor;
    getStyleClass().add("scene3d-pane");
    setId("scene3dPane");
    if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
      subScene = null;
      terrain = null;
      getChildren().add(unsupportedMessage());
      return;
    }
    setFocusTraversable(true);
    terrain = new TerrainLayer(executor);
    subScene = buildSubScene();
    hint.getStyleClass().add("overlay-hint");
    StackPane.setAlignment(hint, Pos.BOTTOM_LEFT);
    getChildren().addAll(subScene, hint);
    installControls();
    orbit.yawProperty().addListener(o -> scheduleUpdate());
    orbit.pitchProperty().addListener(o -> scheduleUpdate());
    orbit.distanceProperty().addListener(o -> scheduleUpdate());
    orbit.targetXProperty().addListener(o -> scheduleUpdate());
    orbit.targetYProperty().addListener(o -> scheduleUpdate());
    orbit.targetZProperty().addListener(o -> scheduleUpdate());
    subScene.widthProperty().addListener(o -> scheduleUpdate());
    subScene.heightProperty().addListener(o -> scheduleUpdate());
    exaggeration.addListener((o, was, is) -> {
      if (!(is.doubleValue() > 0)) {
        exaggeration.set(was.doubleValue() > 0 ? was.doubleValue() : 1);
        return;
      }
      onExaggerationChanged(was.doubleValue(), is.doubleValue());
    });
    showSample();
  }

  private static VBox unsupportedMessage() {
    Label title = new Label("3D needs graphics acceleration");
    title.getStyleClass().add("empty-title");
    Label hint =
        new Label(
            "This display renders in software, which JavaFX cannot use for 3D. "
                + "Run Tessera on a desktop with OpenGL (a graphics driver or Mesa) to see terrain "
                + "here. Map and image panes work as usual.");
    hint.getStyleClass().add("empty-hint");
    hint.setWrapText(true);
    hint.setMaxWidth(440);
    VBox box = new VBox(10, title, hint);
    box.setId("scene3dUnsupported");
    box.setAlignment(Pos.CENTER);
    box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    box.getStyleClass().add("empty-state");
    return box;
  }

  private SubScene buildSubScene() {
    AmbientLight ambient = new AmbientLight(Color.gray(0.45));
    DirectionalLight sun = new DirectionalLight(Color.gray(0.7));
    // from the north-west and above, as hillshades are lit (y points down)
    sun.setDirection(new Point3D(0.55, 1, -0.55));

    camera.setFieldOfView(FOV);
    Translate back = new Translate();
    back.zProperty().bind(orbit.distanceProperty().negate());
    camera.getTransforms().add(back);

    // Rig: move to the target, turn by yaw, tilt down by pitch; the camera sits behind it.
    Translate target = new Translate();
    target.xProperty().bind(orbit.targetXProperty());
    target.yProperty().bind(orbit.targetYProperty());
    target.zProperty().bind(orbit.targetZProperty());
    Rotate yaw = new Rotate(0, Rotate.Y_AXIS);
    yaw.angleProperty().bind(orbit.yawProperty());
    Rotate pitch = new Rotate(0, Rotate.X_AXIS);
    pitch.angleProperty().bind(orbit.pitchProperty().negate());
    Group rig = new Group(camera);
    rig.getTransforms().addAll(target, yaw, pitch);

    volumeGroup.setMouseTransparent(true);
    annotationGroup.setMouseTransparent(true);
    cameraGroup.setMouseTransparent(true);
    Group world = new Group(terrain.node(), annotationGroup, cameraGroup, volumeGroup, ambient, sun,
        rig);
    SubScene sub = new SubScene(world, 1, 1, true, SceneAntialiasing.BALANCED);
    sub.setFill(BACKGROUND);
    sub.setCamera(camera);
    sub.setManaged(false);
    sub.widthProperty().bind(widthProperty());
    sub.heightProperty().bind(heightProperty());
    return sub;
  }

  private void installControls() {
    subScene.addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          requestFocus();
          lastX = e.getX();
          lastY = e.getY();
        });
    subScene.addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          double dx = e.getX() - lastX;
          double dy = e.getY() - lastY;
          lastX = e.getX();
          lastY = e.getY();
          if (e.getButton() == MouseButton.PRIMARY && !e.isShiftDown()) {
            orbit.orbit(dx, dy);
          } else {
            orbit.pan(dx, dy);
          }
        });
    subScene.addEventHandler(
        ScrollEvent.SCROLL,
        e -> {
          if (e.getDeltaY() != 0) {
            zoomAt(Math.exp(-e.getDeltaY() * 0.004), e.getX(), e.getY());
            e.consume();
          }
        });
    NavigationKeys.install(this, new NavigationKeys.Target() {
      @Override
      public void panBy(double dx, double dy) {
        orbit.pan(dx, dy);
      }

      @Override
      public double panStepXPixels() {
        return 60;
      }

      @Override
      public void zoomStep(boolean in) {
        zoomAt(in ? 0.8 : 1.25, subScene.getWidth() / 2, subScene.getHeight() / 2);
      }

      @Override
      public void fit() {
        orbit.reset();
      }
    });
    addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if ((e.getCode() == KeyCode.R || e.getCode() == KeyCode.HOME)
              && !e.isShortcutDown() && !e.isAltDown()) {
            orbit.reset();
            e.consume();
          }
        });
  }

  /** Zooms by {@code factor} towards the ground under subscene point (sx, sy). */
  void zoomAt(double factor, double sx, double sy) {
    double[] hit = groundUnder(sx, sy);
    if (hit == null) {
      orbit.zoom(factor);
    } else {
      orbit.zoomAt(factor, hit[0], hit[1], hit[2]);
    }
  }

  /**
   * The world point of the terrain under subscene point (sx, sy): a ray from the eye marched
   * against the overview's heights; null when the ray misses the DSM.
   */
  double[] groundUnder(double sx, double sy) {
    TerrainSource src = terrain == null ? null : terrain.source();
    if (src == null || subScene.getHeight() <= 0) {
      return null;
    }
    double focal = subScene.getHeight() / 2 / Math.tan(Math.toRadians(FOV) / 2);
    double u = (sx - subScene.getWidth() / 2) / focal;
    double v = (sy - subScene.getHeight() / 2) / focal;
    double[] e = orbit.eye();
    double[] f = orbit.forward();
    double[] r = orbit.right();
    double[] d = orbit.down();
    double[] dir = new double[3];
    double len = 0;
    for (int i = 0; i < 3; i++) {
      dir[i] = f[i] + r[i] * u + d[i] * v;
      len += dir[i] * dir[i];
    }
    len = Math.sqrt(len);
    double ex = exaggeration.get();
    double step = src.extent() / 600;
    double far = orbit.distanceProperty().get() * 4 + src.extent() * 2;
    double prev = 0;
    for (double t = 0; t < far; t += step) {
      double x = e[0] + dir[0] / len * t;
      double y = e[1] + dir[1] / len * t;
      double z = e[2] + dir[2] / len * t;
      double h = src.elevationAtWorld(x, z);
      if (!Double.isNaN(h) && y >= src.worldY(h, ex)) {
        double lo = prev;
        double hi = t;
        for (int i = 0; i < 20; i++) {
          double m = (lo + hi) / 2;
          double hm = src.elevationAtWorld(e[0] + dir[0] / len * m, e[2] + dir[2] / len * m);
          if (!Double.isNaN(hm) && e[1] + dir[1] / len * m >= src.worldY(hm, ex)) {
            hi = m;
          } else {
            lo = m;
          }
        }
        return new double[] {e[0] + dir[0] / len * hi, e[1] + dir[1] / len * hi,
          e[2] + dir[2] / len * hi};
      }
      prev = t;
    }
    return null;
  }

  /**
   * Shows a DSM, draped with {@code ortho} when present (else coloured by elevation). Returns at
   * once; {@link #stateProperty()} goes LOADING, then READY or FAILED. Overlays shown before are
   * kept and redrawn on the new DSM.
   */
  public void show(Raster dsm, Optional<Raster> ortho) {
    Objects.requireNonNull(dsm, "dsm");
    Objects.requireNonNull(ortho, "ortho");
    show(dsm, ortho, State.READY);
  }

  /** Shows the sample landscape (the pane's empty state). */
  public void showSample() {
    show(SampleTerrain.raster(), Optional.empty(), State.SAMPLE);
  }

  private void show(Raster dsm, Optional<Raster> ortho, State done) {
    if (terrain == null) {
      return;
    }
    int gen = ++showGeneration;
    state.set(done == State.SAMPLE ? State.SAMPLE : State.LOADING);
    message.set(done == State.SAMPLE ? "" : "Preparing the terrain…");
    hint.setText(done == State.SAMPLE ? "Sample terrain — no DSM shown yet" : "Loading terrain…");
    executor.run(
        () -> new Prepared(TerrainSource.of(dsm),
            ortho.isPresent() ? TerrainTextures.of(ortho.get()) : null),
        p -> {
          if (gen == showGeneration) {
            install(p, done);
          }
        },
        e -> {
          if (gen == showGeneration) {
            LOG.log(Level.WARNING, "the DSM could not be shown in 3D", e);
            state.set(State.FAILED);
            message.set("The DSM could not be shown: " + e.getMessage());
            hint.setText(message.get());
          }
        });
  }

  private void install(Prepared p, State done) {
    TerrainSource src = p.source();
    terrain.setSource(src, p.textures());
    terrain.setExaggeration(exaggeration.get());
    double extent = src.extent();
    double relief = (src.topElevation() - src.baseElevation()) * exaggeration.get();
    double distance = extent * 1.75 + relief;
    double centreY = src.worldY(
        Double.isNaN(src.elevationAtWorld(0, 0)) ? src.baseElevation() : src.elevationAtWorld(0, 0),
        exaggeration.get());
    orbit.home(HOME_YAW, HOME_PITCH, distance, 0, Math.min(0, centreY) * 0.5, 0);
    orbit.setMinDistance(Math.max(src.pixelSize() * 20, extent / 2000));
    orbit.setGround((x, z) -> {
      double h = src.elevationAtWorld(x, z);
      return Double.isNaN(h) ? Double.NaN : src.worldY(h, exaggeration.get());
    });
    state.set(done);
    message.set("");
    hint.setText((done == State.SAMPLE ? "Sample terrain — no DSM shown yet  ·  " : "")
        + "Left-drag: orbit  ·  Right-drag: pan  ·  Wheel: zoom  ·  R: reset view");
    rebuildOverlays();
    updateTerrain();
  }

  private void onExaggerationChanged(double was, double is) {
    TerrainSource src = terrain == null ? null : terrain.source();
    if (src == null) {
      return;
    }
    // keep the orbited point on the same elevation
    double elevation = src.elevationOfWorldY(orbit.targetYProperty().get(), was);
    orbit.setTarget(orbit.targetXProperty().get(), src.worldY(elevation, is),
        orbit.targetZProperty().get());
    terrain.setExaggeration(is);
    rebuildOverlays();
    scheduleUpdate();
  }

  private void scheduleUpdate() {
    if (updateQueued || terrain == null) {
      return;
    }
    updateQueued = true;
    Platform.runLater(() -> {
      updateQueued = false;
      updateTerrain();
    });
  }

  private void updateTerrain() {
    double w = subScene.getWidth();
    double h = subScene.getHeight();
    if (w <= 0 || h <= 0 || terrain.source() == null) {
      return;
    }
    double d = orbit.distanceProperty().get();
    double extent = terrain.source().extent();
    camera.setNearClip(Math.max(d * 0.01, extent * 1e-5));
    camera.setFarClip(d * 6 + extent * 3);
    double[] e = orbit.eye();
    double[] down = orbit.down();
    LodSelector.View view = new LodSelector.View(e[0], e[1], e[2], orbit.forward(), orbit.right(),
        new double[] {-down[0], -down[1], -down[2]}, FOV, w / h, h);
    terrain.update(view, MAX_PIXELS_PER_CELL, TRIANGLE_BUDGET);
  }

  /**
   * Shows a volume: {@code polygon} (in the DSM's CRS) as an outline on the terrain, the base
   * surface inside it as a translucent sheet, and the terrain inside tinted with the cut colour
   * where it is above the base, with the fill colour where below. Replaces the volume shown
   * before.
   *
   * @param base the base surface's elevation at CRS (x, y); NaN where it is undefined. Called on
   *     the pane's executor thread, a few ten thousand times.
   * @param cut tint where material is above the base (e.g. translucent red); null for the default
   * @param fill tint where it is below (e.g. translucent blue); null for the default
   */
  public void showVolume(Polygon polygon, DoubleBinaryOperator base, Color cut, Color fill) {
    volume = new VolumeRequest(Objects.requireNonNull(polygon, "polygon"),
        Objects.requireNonNull(base, "base"),
        new Overlays.VolumeStyle(cut != null ? cut : Color.rgb(214, 48, 39, 0.55),
            fill != null ? fill : Color.rgb(33, 102, 172, 0.55), Color.rgb(250, 240, 120, 0.35),
            Color.rgb(255, 214, 0)));
    rebuildVolume();
  }

  /** Removes the volume overlay. */
  public void clearVolume() {
    volume = null;
    volumeGroup.getChildren().clear();
  }

  /** Draws these annotations (replacing the ones before; an empty list clears them). */
  public void showAnnotations(List<Annotation3D> items) {
    annotations = List.copyOf(items);
    rebuildAnnotations();
  }

  /** Draws photos' cameras as wireframe frusta (replacing the ones before; empty clears). */
  public void showCameras(List<CameraPose> poses) {
    cameras = List.copyOf(poses);
    rebuildCameras();
  }

  private void rebuildOverlays() {
    rebuildVolume();
    rebuildAnnotations();
    rebuildCameras();
  }

  private void rebuildVolume() {
    buildOverlay(volumeGroup, volume == null ? null : (src, ex) ->
        Overlays.volume(src, ex, volume.polygon(), volume.base(), volume.style()));
  }

  private void rebuildAnnotations() {
    List<Annotation3D> items = annotations;
    buildOverlay(annotationGroup, items.isEmpty() ? null : (src, ex) ->
        Overlays.annotations(src, ex, items));
  }

  private void rebuildCameras() {
    List<CameraPose> poses = cameras;
    buildOverlay(cameraGroup, poses.isEmpty() ? null : (src, ex) ->
        Overlays.frusta(src, ex, poses, src.extent() * 0.04, Color.rgb(20, 20, 20)));
  }

  private interface OverlayBuilder {
    Node build(TerrainSource src, double exaggeration) throws Exception;
  }

  private void buildOverlay(Group into, OverlayBuilder builder) {
    TerrainSource src = terrain == null ? null : terrain.source();
    if (builder == null || src == null) {
      if (builder == null && into != null) {
        into.getChildren().clear();
      }
      return;
    }
    double ex = exaggeration.get();
    int gen = showGeneration;
    executor.run(() -> builder.build(src, ex),
        node -> {
          if (gen == showGeneration && terrain.source() == src && exaggeration.get() == ex) {
            into.getChildren().setAll(node);
          }
        },
        e -> {
          LOG.log(Level.WARNING, "a 3D overlay could not be drawn", e);
          message.set("An overlay could not be drawn: " + e.getMessage());
        });
  }

  /** Vertical exaggeration: heights above the DSM's lowest point are multiplied by it (> 0). */
  public DoubleProperty exaggerationProperty() {
    return exaggeration;
  }

  /** What the pane shows now. */
  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** Why the last DSM or overlay failed, in the user's words; empty otherwise. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Triangles drawn now (terrain tiles, skirts included). */
  public ReadOnlyIntegerProperty trianglesProperty() {
    return terrain == null ? new javafx.beans.property.SimpleIntegerProperty(0) : terrain
        .trianglesProperty();
  }

  /** True when every terrain tile the view needs is drawn. */
  public ReadOnlyBooleanProperty terrainIdleProperty() {
    return terrain == null ? new javafx.beans.property.SimpleBooleanProperty(true) : terrain
        .idleProperty();
  }

  /** Whether this pane shows 3D at all (false under software rendering). */
  public boolean isSceneAvailable() {
    return subScene != null;
  }

  /** The camera state the mouse and keys drive. */
  public OrbitCamera orbitCamera() {
    return orbit;
  }

  /** The rendered scene; null when 3D is not available. Exposed for snapshots in tests. */
  SubScene subScene() {
    return subScene;
  }

  /** The terrain's tiles (for tests). */
  TerrainLayer terrainLayer() {
    return terrain;
  }

  /** The overlay groups (for tests): volume, annotations, cameras. */
  List<Group> overlayGroups() {
    return List.of(volumeGroup, annotationGroup, cameraGroup);
  }
}

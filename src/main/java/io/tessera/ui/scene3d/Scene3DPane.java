package io.tessera.ui.scene3d;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Point3D;
import javafx.geometry.Pos;
import javafx.scene.AmbientLight;
import javafx.scene.DirectionalLight;
import javafx.scene.Group;
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
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * The 3D view: terrain in a {@link SubScene} with a depth buffer, lit by an ambient and a sun-like
 * directional light, seen through an {@link OrbitCamera}: left-drag orbits, right- (or middle-)
 * drag pans, the wheel zooms, {@code R} resets.
 *
 * <p>JavaFX 3D needs the hardware pipeline. Where it is missing (software rendering, e.g. a remote
 * session without OpenGL), the pane explains that instead of staying blank.
 */
public final class Scene3DPane extends StackPane {
  /** Sky-like background, light enough to read the terrain's silhouette against. */
  static final Color BACKGROUND = Color.web("#dfe8f0");

  private final OrbitCamera orbit = new OrbitCamera(-35, 38, SampleTerrain.SIZE * 2.3);
  private final SubScene subScene;
  private double lastX;
  private double lastY;

  public Scene3DPane() {
    getStyleClass().add("scene3d-pane");
    setId("scene3dPane");
    if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
      subScene = null;
      getChildren().add(unsupportedMessage());
      return;
    }
    setFocusTraversable(true);
    subScene = buildSubScene();
    Label hint = new Label("Left-drag: orbit  ·  Right-drag: pan  ·  Wheel: zoom  ·  R: reset view");
    hint.getStyleClass().add("overlay-hint");
    StackPane.setAlignment(hint, Pos.BOTTOM_LEFT);
    getChildren().addAll(subScene, hint);
    installControls();
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
    float[] heights = SampleTerrain.heights(SampleTerrain.GRID);
    MeshView terrain = new MeshView(SampleTerrain.mesh(heights, SampleTerrain.GRID));
    PhongMaterial material = new PhongMaterial(Color.WHITE);
    material.setDiffuseMap(SampleTerrain.colourRamp());
    material.setSpecularColor(Color.gray(0.08));
    terrain.setMaterial(material);
    terrain.setId("terrain");

    AmbientLight ambient = new AmbientLight(Color.gray(0.42));
    DirectionalLight sun = new DirectionalLight(Color.gray(0.75));
    sun.setDirection(new Point3D(0.6, 1, 0.45));

    PerspectiveCamera camera = new PerspectiveCamera(true);
    camera.setFieldOfView(35);
    camera.setNearClip(0.5);
    camera.setFarClip(SampleTerrain.SIZE * 30);
    Translate back = new Translate();
    back.zProperty().bind(orbit.distanceProperty().negate());
    camera.getTransforms().add(back);

    // Rig: move to the target, turn by yaw, tilt down by pitch; the camera sits behind it.
    Translate target = new Translate(0, -SampleTerrain.RELIEF / 3, 0);
    target.xProperty().bind(orbit.targetXProperty());
    target.zProperty().bind(orbit.targetZProperty());
    Rotate yaw = new Rotate(0, Rotate.Y_AXIS);
    yaw.angleProperty().bind(orbit.yawProperty());
    Rotate pitch = new Rotate(0, Rotate.X_AXIS);
    pitch.angleProperty().bind(orbit.pitchProperty().negate());
    Group rig = new Group(camera);
    rig.getTransforms().addAll(target, yaw, pitch);

    Group world = new Group(terrain, ambient, sun, rig);
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
          if (e.getButton() == MouseButton.PRIMARY) {
            orbit.orbit(dx, dy);
          } else {
            orbit.pan(dx, dy);
          }
        });
    subScene.addEventHandler(
        ScrollEvent.SCROLL,
        e -> {
          if (e.getDeltaY() != 0) {
            orbit.zoom(Math.exp(-e.getDeltaY() * 0.004));
            e.consume();
          }
        });
    addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.R && !e.isShortcutDown() && !e.isAltDown()) {
            orbit.reset();
            e.consume();
          }
        });
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
}

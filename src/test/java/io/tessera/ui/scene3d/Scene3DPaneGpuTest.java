package io.tessera.ui.scene3d;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The 3D pane with real rendering. Needs a display with OpenGL: runs only in the Xvfb profile
 * ({@code xvfb-run ./mvnw -B -o test -Pxvfb}), where Mesa llvmpipe provides the ES2 pipeline.
 */
@Tag("gpu")
@ExtendWith(ApplicationExtension.class)
class Scene3DPaneGpuTest {
  private Scene3DPane pane;

  @Start
  void start(Stage stage) {
    pane = new Scene3DPane();
    stage.setScene(new Scene(pane, 800, 600));
    stage.show();
  }

  @Test
  void theHardwarePipelineOffers3d() {
    assertThat(Platform.isSupported(ConditionalFeature.SCENE3D)).isTrue();
    assertThat(pane.isSceneAvailable()).isTrue();
  }

  @Test
  void theTerrainIsDrawnOverTheBackground() throws Exception {
    WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
        () -> pane.terrainIdleProperty().get() && pane.trianglesProperty().get() > 0);
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage shot = WaitForAsyncUtils.asyncFx(() -> pane.snapshot(null, null)).get();

    PixelReader px = shot.getPixelReader();
    int w = (int) shot.getWidth();
    int h = (int) shot.getHeight();
    int terrain = 0;
    for (int y = 0; y < h; y += 2) {
      for (int x = 0; x < w; x += 2) {
        if (!near(px.getColor(x, y), Scene3DPane.BACKGROUND)) {
          terrain++;
        }
      }
    }
    double share = terrain / ((w / 2.0) * (h / 2.0));
    assertThat(w).isEqualTo(800);
    assertThat(share).as("share of pixels that are not background").isBetween(0.2, 0.95);
    Color middle = px.getColor(w / 2, h / 2);
    assertThat(middle.getGreen()).as("the middle is lit terrain, not black").isGreaterThan(0.2);
  }

  private static boolean near(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) < 0.03
        && Math.abs(a.getGreen() - b.getGreen()) < 0.03
        && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
  }

  @Test
  void leftDragOrbitsAndRResets(FxRobot robot) {
    OrbitCamera cam = pane.orbitCamera();
    double yaw = cam.yawProperty().get();
    double pitch = cam.pitchProperty().get();
    Bounds b = pane.localToScreen(pane.getBoundsInLocal());
    Point2D centre = new Point2D(b.getCenterX(), b.getCenterY());

    robot.drag(centre, MouseButton.PRIMARY).moveBy(90, 40).drop();

    assertThat(cam.yawProperty().get()).isNotEqualTo(yaw);
    assertThat(cam.pitchProperty().get()).isGreaterThan(pitch);

    robot.type(KeyCode.R);

    assertThat(cam.yawProperty().get()).isEqualTo(yaw);
    assertThat(cam.pitchProperty().get()).isEqualTo(pitch);
  }

  @Test
  void rightDragPansAndTheWheelZooms(FxRobot robot) {
    OrbitCamera cam = pane.orbitCamera();
    double distance = cam.distanceProperty().get();
    Bounds b = pane.localToScreen(pane.getBoundsInLocal());
    Point2D centre = new Point2D(b.getCenterX(), b.getCenterY());

    robot.drag(centre, MouseButton.SECONDARY).moveBy(-70, 0).drop();
    robot.moveTo(centre).scroll(2);

    assertThat(cam.targetXProperty().get()).isNotZero();
    assertThat(cam.distanceProperty().get()).isNotEqualTo(distance);
    robot.type(KeyCode.R);
    assertThat(cam.targetXProperty().get()).isZero();
  }

  @Test
  void theSampleIsTheEmptyState() {
    assertThat(pane.stateProperty().get()).isEqualTo(Scene3DPane.State.SAMPLE);
  }
}

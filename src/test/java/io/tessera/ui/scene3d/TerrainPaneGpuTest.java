package io.tessera.ui.scene3d;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The 3D pane showing a real DSM (a synthetic one with hills) with real rendering: runs only in the
 * Xvfb profile ({@code xvfb-run ./mvnw -o test -Pxvfb}).
 */
@Tag("gpu")
@ExtendWith(ApplicationExtension.class)
class TerrainPaneGpuTest {
  private Scene3DPane pane;

  @Start
  void start(Stage stage) {
    pane = new Scene3DPane();
    stage.setScene(new Scene(pane, 900, 600));
    stage.show();
  }

  private void showHills() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> pane.show(Hills.dsm(1500, 0.5, 0, 0), Optional.empty()))
        .get();
    waitUntilDrawn();
    assertThat(pane.stateProperty().get()).isEqualTo(Scene3DPane.State.READY);
  }

  private void waitUntilDrawn() throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () ->
        pane.stateProperty().get() != Scene3DPane.State.LOADING
            && pane.terrainIdleProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private int[] snapshot() throws Exception {
    WritableImage shot = WaitForAsyncUtils.asyncFx(() -> pane.snapshot(null, null)).get();
    int w = (int) shot.getWidth();
    int h = (int) shot.getHeight();
    int[] px = new int[w * h];
    PixelReader r = shot.getPixelReader();
    r.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
    return px;
  }

  @Test
  void aDsmWithReliefIsDrawnAsShadedTerrain() throws Exception {
    showHills();
    int[] px = snapshot();

    int background = 0;
    Set<Integer> colours = new HashSet<>();
    int bg = 0xff000000 | (int) Math.round(Scene3DPane.BACKGROUND.getRed() * 255) << 16
        | (int) Math.round(Scene3DPane.BACKGROUND.getGreen() * 255) << 8
        | (int) Math.round(Scene3DPane.BACKGROUND.getBlue() * 255);
    double lumaMin = 1;
    double lumaMax = 0;
    for (int p : px) {
      if (near(p, bg)) {
        background++;
        continue;
      }
      colours.add(p & 0xf8f8f8); // 5 bits a channel
      double l = luma(p);
      lumaMin = Math.min(lumaMin, l);
      lumaMax = Math.max(lumaMax, l);
    }
    double terrainShare = 1 - background / (double) px.length;
    assertThat(terrainShare).as("share of the view covered by terrain").isBetween(0.3, 0.98);
    assertThat(colours.size()).as("distinct colours (not one flat colour)").isGreaterThan(200);
    assertThat(lumaMax - lumaMin).as("shading from dark slopes to lit ones").isGreaterThan(0.3);
    assertThat(pane.trianglesProperty().get()).isPositive()
        .isLessThanOrEqualTo(Scene3DPane.TRIANGLE_BUDGET);
  }

  @Test
  void orbitingAndExaggerationChangeTheView(FxRobot robot) throws Exception {
    showHills();
    int[] before = snapshot();
    Bounds b = pane.localToScreen(pane.getBoundsInLocal());
    Point2D centre = new Point2D(b.getCenterX(), b.getCenterY());

    robot.drag(centre, MouseButton.PRIMARY).moveBy(120, 30).drop();
    waitUntilDrawn();
    int[] orbited = snapshot();
    assertThat(differing(before, orbited)).as("pixels changed by orbiting").isGreaterThan(0.2);

    WaitForAsyncUtils.asyncFx(() -> pane.orbitCamera().reset()).get();
    waitUntilDrawn();
    int[] reset = snapshot();
    WaitForAsyncUtils.asyncFx(() -> pane.exaggerationProperty().set(3)).get();
    waitUntilDrawn();
    int[] exaggerated = snapshot();
    assertThat(differing(reset, exaggerated)).as("pixels changed by exaggerating")
        .isGreaterThan(0.1);
    // the terrain itself is redrawn higher: its shown meshes reach three times as high
    double top = WaitForAsyncUtils.asyncFx(() -> pane.terrainLayer().node()
        .getBoundsInParent().getMinY()).get();
    assertThat(-top).isGreaterThan(2.5 * (165 - 40) * 0.9);
  }

  private static double differing(int[] a, int[] b) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (!near(a[i], b[i])) {
        n++;
      }
    }
    return n / (double) a.length;
  }

  private static boolean near(int a, int b) {
    for (int s = 0; s <= 16; s += 8) {
      if (Math.abs((a >> s & 0xff) - (b >> s & 0xff)) > 8) {
        return false;
      }
    }
    return true;
  }

  private static double luma(int p) {
    return (0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff)) / 255;
  }
}

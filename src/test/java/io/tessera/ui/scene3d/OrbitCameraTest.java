package io.tessera.ui.scene3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OrbitCameraTest {

  @Test
  void dragsTurnAndTiltAndResetRestoresTheStartView() {
    OrbitCamera cam = new OrbitCamera(-35, 38, 400);
    assertThat(cam.yawProperty().get()).isEqualTo(325.0);

    cam.orbit(100, 20);

    assertThat(cam.yawProperty().get()).isCloseTo(355.0, within(1e-9));
    assertThat(cam.pitchProperty().get()).isCloseTo(44.0, within(1e-9));
    cam.reset();
    assertThat(cam.yawProperty().get()).isEqualTo(325.0);
    assertThat(cam.pitchProperty().get()).isEqualTo(38.0);
  }

  @Test
  void pitchStaysAboveTheGroundAndBelowOverhead() {
    OrbitCamera cam = new OrbitCamera(0, 30, 400);

    cam.orbit(0, 10_000);
    assertThat(cam.pitchProperty().get()).isEqualTo(OrbitCamera.MAX_PITCH);
    cam.orbit(0, -10_000);
    assertThat(cam.pitchProperty().get()).isEqualTo(OrbitCamera.MIN_PITCH);
  }

  @Test
  void zoomIsBoundedAndPanMovesTheTargetAlongTheGround() {
    OrbitCamera cam = new OrbitCamera(0, 30, 400);

    cam.zoom(1e-6);
    assertThat(cam.distanceProperty().get()).isEqualTo(20.0);
    cam.zoom(1e6);
    assertThat(cam.distanceProperty().get()).isEqualTo(2000.0);

    cam.pan(100, 0);
    assertThat(cam.targetXProperty().get()).isLessThan(0); // the ground follows the mouse to the right
    assertThat(cam.targetZProperty().get()).isCloseTo(0, within(1e-9));
    cam.reset();
    assertThat(cam.targetXProperty().get()).isZero();
    assertThat(cam.distanceProperty().get()).isEqualTo(400.0);
  }
}

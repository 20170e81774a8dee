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

  @Test
  void theEyeMatchesTheSceneGraphRigAndZoomingAtAPointKeepsItInView() {
    OrbitCamera cam = new OrbitCamera(-35, 38, 400);
    cam.home(-35, 38, 400, 10, -5, 20);
    javafx.scene.transform.Transform rig = new javafx.scene.transform.Translate(10, -5, 20)
        .createConcatenation(new javafx.scene.transform.Rotate(-35,
            javafx.scene.transform.Rotate.Y_AXIS))
        .createConcatenation(new javafx.scene.transform.Rotate(-38,
            javafx.scene.transform.Rotate.X_AXIS));
    javafx.geometry.Point3D eye = rig.transform(0, 0, -400);
    double[] e = cam.eye();
    assertThat(e[0]).isCloseTo(eye.getX(), within(1e-9));
    assertThat(e[1]).isCloseTo(eye.getY(), within(1e-9));
    assertThat(e[2]).isCloseTo(eye.getZ(), within(1e-9));

    cam.zoomAt(0.5, 50, 0, 60);
    assertThat(cam.distanceProperty().get()).isCloseTo(200, within(1e-9));
    assertThat(cam.targetXProperty().get()).isCloseTo(30, within(1e-9));
    assertThat(cam.targetZProperty().get()).isCloseTo(40, within(1e-9));
  }

  @Test
  void theCameraStaysAboveTheGround() {
    OrbitCamera cam = new OrbitCamera(0, 30, 400);
    cam.setGround((x, z) -> -300); // a plateau 300 up everywhere
    cam.orbit(0, -1000);
    assertThat(cam.eye()[1]).isLessThan(-300);
  }
}

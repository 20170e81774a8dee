package io.tessera.ui.scene3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CameraPoseTest {

  @Test
  void aNadirCameraSeesARectangleBelowItWithTheImageTopTowardsItsHeading() {
    // heading north, looking straight down, 90° across a 2:1 image
    CameraPose pose = new CameraPose(0, 0, 100, 0, -90, 0, 90, 2);
    double[][] f = pose.frustumEnu(10);

    assertThat(f[0]).containsExactly(0, 0, 0);
    for (int k = 1; k <= 4; k++) {
      assertThat(f[k][2]).isCloseTo(-10, within(1e-9));
      assertThat(Math.abs(f[k][0])).isCloseTo(10, within(1e-9)); // tan 45° × 10
      assertThat(Math.abs(f[k][1])).isCloseTo(5, within(1e-9));
    }
    // top-left is west and north: the image's top looks ahead (north)
    assertThat(f[1][0]).isNegative();
    assertThat(f[1][1]).isPositive();
  }

  @Test
  void yawTurnsClockwiseFromNorthAndRollTiltsTheRightSideDown() {
    double[][] east = new CameraPose(0, 0, 0, 90, 0, 0, 60, 1).frustumEnu(1);
    double cx = 0;
    double cy = 0;
    for (int k = 1; k <= 4; k++) {
      cx += east[k][0] / 4;
      cy += east[k][1] / 4;
    }
    assertThat(cx).isCloseTo(1, within(1e-9));
    assertThat(cy).isCloseTo(0, within(1e-9));

    double[][] rolled = new CameraPose(0, 0, 0, 0, 0, 30, 60, 1).frustumEnu(1);
    // top-right corner (index 2) is lower than top-left (index 1) when rolled clockwise
    assertThat(rolled[2][2]).isLessThan(rolled[1][2]);
  }

  @Test
  void anImpossibleFieldOfViewIsRefused() {
    assertThatThrownBy(() -> new CameraPose(0, 0, 0, 0, 0, 0, 180, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field of view");
  }
}

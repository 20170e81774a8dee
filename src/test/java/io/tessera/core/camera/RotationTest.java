package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class RotationTest {

  @Test
  void elementaryRotationsTurnCounterClockwiseSeenFromTheAxis() {
    assertVec(Rotation.aboutZ(Math.PI / 2).apply(new Vec3(1, 0, 0)), new Vec3(0, 1, 0));
    assertVec(Rotation.aboutX(Math.PI / 2).apply(new Vec3(0, 1, 0)), new Vec3(0, 0, 1));
    assertVec(Rotation.aboutY(Math.PI / 2).apply(new Vec3(0, 0, 1)), new Vec3(1, 0, 0));
  }

  @Test
  void refusesMatricesThatAreNotRotations() {
    assertThatThrownBy(() -> Rotation.ofRows(
        new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, -1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rotation.ofRows(
        new double[] {2, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void rotationVectorsRoundTrip(
      @ForAll @DoubleRange(min = -1, max = 1) double x,
      @ForAll @DoubleRange(min = -1, max = 1) double y,
      @ForAll @DoubleRange(min = -1, max = 1) double z,
      @ForAll @DoubleRange(min = 0, max = 3.14) double angle) {
    Vec3 axis = new Vec3(x, y, z);
    if (axis.norm() < 1e-3) {
      return;
    }
    Vec3 v = axis.normalized().times(angle);
    Rotation r = Rotation.ofRotationVector(v);
    Rotation back = Rotation.ofRotationVector(r.toRotationVector());
    assertThat(r.angleTo(back)).isLessThan(1e-9);
    assertThat(r.angle()).isCloseTo(angle, within(1e-9));
    assertThat(r.times(r.transpose()).angle()).isLessThan(1e-9);
  }

  static void assertVec(Vec3 actual, Vec3 expected) {
    assertThat(actual.distance(expected)).as("%s vs %s", actual, expected).isLessThan(1e-9);
  }
}

package io.tessera.core.camera;

import static io.tessera.core.camera.RotationTest.assertVec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The attitude conventions, checked through what a photographer sees: where the camera looks
 * (the rotation's third column) and where the top of the image faces (minus its second column).
 */
class AngleConventionTest {
  private static final Vec3 EAST = new Vec3(1, 0, 0);
  private static final Vec3 NORTH = new Vec3(0, 1, 0);
  private static final Vec3 DOWN = new Vec3(0, 0, -1);

  private static Vec3 view(Rotation r) {
    return r.column(2);
  }

  private static Vec3 imageTop(Rotation r) {
    return r.column(1).times(-1);
  }

  private static Vec3 imageRight(Rotation r) {
    return r.column(0);
  }

  @Test
  void djiGimbalPitchMinus90IsNadirAndYawTurnsTheImageTop() {
    Rotation nadir = AngleConvention.DJI_GIMBAL.cameraToEnu(0, -90, 0);
    assertVec(view(nadir), DOWN);
    assertVec(imageTop(nadir), NORTH);
    assertVec(imageRight(nadir), EAST);

    Rotation east = AngleConvention.DJI_GIMBAL.cameraToEnu(90, -90, 0);
    assertVec(view(east), DOWN);
    assertVec(imageTop(east), EAST);

    Rotation west = AngleConvention.DJI_GIMBAL.cameraToEnu(-90, -90, 0);
    assertVec(imageTop(west), EAST.times(-1));
  }

  @Test
  void djiGimbalPitchZeroLooksAtTheHorizonAndMinus45HalfWayDown() {
    Rotation north = AngleConvention.DJI_GIMBAL.cameraToEnu(0, 0, 0);
    assertVec(view(north), NORTH);
    assertVec(imageTop(north), new Vec3(0, 0, 1));
    assertVec(imageRight(north), EAST);

    Rotation eastDown = AngleConvention.DJI_GIMBAL.cameraToEnu(90, -45, 0);
    double s = Math.sqrt(0.5);
    assertVec(view(eastDown), new Vec3(s, 0, -s));
    assertVec(imageRight(eastDown), new Vec3(0, -1, 0));
  }

  @Test
  void djiGimbalRollTurnsTheImageAboutTheViewingDirection() {
    // rolled right by 30° while looking at the horizon: the image's right edge dips
    Rotation r = AngleConvention.DJI_GIMBAL.cameraToEnu(0, 0, 30);
    assertVec(view(r), NORTH);
    assertThat(imageRight(r).z()).isLessThan(0);
    assertThat(Math.toDegrees(Math.asin(-imageRight(r).z()))).isCloseTo(30, within(1e-9));
  }

  @Test
  void pix4dYawPitchRollZeroIsNadirWithTheImageTopNorth() {
    Rotation r = AngleConvention.YAW_PITCH_ROLL.cameraToEnu(0, 0, 0);
    assertVec(view(r), DOWN);
    assertVec(imageTop(r), NORTH);
    assertVec(imageTop(AngleConvention.YAW_PITCH_ROLL.cameraToEnu(90, 0, 0)), EAST);
    // pitch 90 looks forward, towards the yaw
    assertVec(view(AngleConvention.YAW_PITCH_ROLL.cameraToEnu(0, 90, 0)), NORTH);
    assertVec(view(AngleConvention.YAW_PITCH_ROLL.cameraToEnu(90, 90, 0)), EAST);
  }

  @Property
  void pix4dPitchIsDjiGimbalPitchPlus90WithoutRoll(
      @ForAll @DoubleRange(min = -180, max = 180) double yaw,
      @ForAll @DoubleRange(min = -90, max = 0) double djiPitch) {
    Rotation dji = AngleConvention.DJI_GIMBAL.cameraToEnu(yaw, djiPitch, 0);
    Rotation pix4d = AngleConvention.YAW_PITCH_ROLL.cameraToEnu(yaw, djiPitch + 90, 0);
    assertThat(dji.angleTo(pix4d)).isLessThan(1e-9);
  }

  @Test
  void omegaPhiKappaZeroIsNadirNorthUpAndKappaIsMinusYaw() {
    Rotation r = AngleConvention.OMEGA_PHI_KAPPA.cameraToEnu(0, 0, 0);
    assertVec(view(r), DOWN);
    assertVec(imageTop(r), NORTH);
    Rotation kappa = AngleConvention.OMEGA_PHI_KAPPA.cameraToEnu(0, 0, -90);
    assertThat(kappa.angleTo(AngleConvention.DJI_GIMBAL.cameraToEnu(90, -90, 0))).isLessThan(1e-9);
    // omega tilts the view about the east axis: positive omega looks north of nadir
    Vec3 v = view(AngleConvention.OMEGA_PHI_KAPPA.cameraToEnu(10, 0, 0));
    assertThat(v.y()).isGreaterThan(0);
    assertThat(v.x()).isCloseTo(0, within(1e-12));
  }

  @Property
  void anglesRoundTripThroughRotations(
      @ForAll @DoubleRange(min = -180, max = 180) double a,
      @ForAll @DoubleRange(min = -89, max = 89) double b,
      @ForAll @DoubleRange(min = -180, max = 180) double c) {
    for (AngleConvention convention : AngleConvention.values()) {
      Rotation r = convention.cameraToEnu(a, b, c);
      double[] back = convention.angles(r);
      assertThat(convention.cameraToEnu(back[0], back[1], back[2]).angleTo(r))
          .as("%s", convention).isLessThan(1e-9);
    }
  }

  @Test
  void djiNadirKeepsItsYawThroughTheGimbalLock() {
    double[] back = AngleConvention.DJI_GIMBAL.angles(AngleConvention.DJI_GIMBAL.cameraToEnu(37, -90, 0));
    assertThat(back[0]).isCloseTo(37, within(1e-6));
    assertThat(back[1]).isCloseTo(-90, within(1e-6));
    assertThat(back[2]).isCloseTo(0, within(1e-6));
  }
}

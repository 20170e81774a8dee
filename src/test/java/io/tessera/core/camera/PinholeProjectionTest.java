package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.image.ImagePoint;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PinholeProjectionTest {
  private static final Intrinsics DRONE = Intrinsics.of(4000, 3000, 2860);

  @Test
  void pixelConventionIsTheTopLeftCornerWithYDown() {
    CameraModel cam = new CameraModel(DRONE, Pose.nadir(new Vec3(0, 0, 100), 0));
    ImagePoint below = cam.project(new Vec3(0, 0, 0)).orElseThrow();
    assertThat(below.x()).isCloseTo(2000, within(1e-9));
    assertThat(below.y()).isCloseTo(1500, within(1e-9));
    ImagePoint east = cam.project(new Vec3(10, 0, 0)).orElseThrow();
    ImagePoint north = cam.project(new Vec3(0, 10, 0)).orElseThrow();
    assertThat(east.x()).isCloseTo(2000 + 286, within(1e-9));
    assertThat(east.y()).isCloseTo(1500, within(1e-9));
    assertThat(north.x()).isCloseTo(2000, within(1e-9));
    assertThat(north.y()).isCloseTo(1500 - 286, within(1e-9));
    // the first pixel's centre sees the ground half a pixel in from the image's corner
    Vec3 g = cam.groundPoint(new ImagePoint(0.5, 0.5), 0).orElseThrow();
    assertThat(g.x()).isCloseTo(-1999.5 * 100 / 2860, within(1e-9));
    assertThat(g.y()).isCloseTo(1499.5 * 100 / 2860, within(1e-9));
  }

  @Test
  void pointsBehindTheCameraDoNotProject() {
    CameraModel cam = new CameraModel(DRONE, Pose.nadir(new Vec3(0, 0, 100), 0));
    assertThat(cam.project(new Vec3(0, 0, 150))).isEmpty();
    assertThat(cam.sees(new Vec3(0, 0, 150))).isFalse();
    assertThat(cam.sees(new Vec3(1000, 0, 0))).isFalse(); // in front, off the image
    assertThat(cam.groundPoint(new ImagePoint(2000, 1500), 120)).isEmpty();
  }

  /**
   * Any pose (a random attitude, not only near nadir), any ground height below the camera: a
   * pixel's ground point projects back to the pixel, and its ray meets the ground point.
   */
  @Property(tries = 500)
  void projectThenBackProjectReturnsTheGroundPoint(
      @ForAll @DoubleRange(min = -180, max = 180) double yaw,
      @ForAll @DoubleRange(min = -90, max = 30) double pitch,
      @ForAll @DoubleRange(min = -30, max = 30) double roll,
      @ForAll @DoubleRange(min = -500, max = 500) double east,
      @ForAll @DoubleRange(min = -500, max = 500) double north,
      @ForAll @DoubleRange(min = 5, max = 400) double height,
      @ForAll @DoubleRange(min = -50, max = 50) double groundZ,
      @ForAll @DoubleRange(min = 0, max = 4000) double px,
      @ForAll @DoubleRange(min = 0, max = 3000) double py) {
    Pose pose = new Pose(new Vec3(east, north, groundZ + height),
        AngleConvention.DJI_GIMBAL.cameraToEnu(yaw, pitch, roll));
    CameraModel cam = new CameraModel(DRONE, pose);
    ImagePoint pixel = new ImagePoint(px, py);
    Optional<Vec3> ground = cam.groundPoint(pixel, groundZ);
    if (ground.isEmpty()) {
      assertThat(cam.ray(pixel).direction().z()).isGreaterThanOrEqualTo(0);
      return;
    }
    Vec3 g = ground.get();
    assertThat(g.z()).isCloseTo(groundZ, within(1e-6));
    ImagePoint back = cam.project(g).orElseThrow();
    assertThat(back.x()).isCloseTo(px, within(1e-6));
    assertThat(back.y()).isCloseTo(py, within(1e-6));
    if (px > 1e-3 && px < 4000 - 1e-3 && py > 1e-3 && py < 3000 - 1e-3) {
      assertThat(cam.sees(g)).isTrue();
    }
  }

  @Property(tries = 500)
  void aProjectedPointLiesOnTheRayOfItsPixel(
      @ForAll @DoubleRange(min = -180, max = 180) double a,
      @ForAll @DoubleRange(min = -89, max = 89) double b,
      @ForAll @DoubleRange(min = -180, max = 180) double c,
      @ForAll @DoubleRange(min = -300, max = 300) double x,
      @ForAll @DoubleRange(min = -300, max = 300) double y,
      @ForAll @DoubleRange(min = -300, max = 300) double z,
      @ForAll @IntRange(min = 0, max = 2) int convention) {
    Pose pose = new Pose(new Vec3(0, 0, 100), AngleConvention.values()[convention].cameraToEnu(a, b, c));
    CameraModel cam = new CameraModel(DRONE, pose);
    Vec3 p = new Vec3(x, y, z);
    Optional<ImagePoint> pixel = cam.project(p);
    if (pixel.isEmpty()) {
      assertThat(pose.toCamera(p).z()).isLessThanOrEqualTo(1e-9);
      return;
    }
    Ray ray = cam.ray(pixel.get());
    Vec3 toPoint = p.minus(ray.origin());
    double along = toPoint.dot(ray.direction());
    assertThat(along).isPositive();
    assertThat(toPoint.minus(ray.direction().times(along)).norm()).isLessThan(1e-6);
  }

  @Test
  void aPrincipalPointOffCentreShiftsEveryPixel() {
    Intrinsics shifted = DRONE.withPrincipalPoint(2010, 1490);
    CameraModel cam = new CameraModel(shifted, Pose.nadir(new Vec3(0, 0, 100), 0));
    ImagePoint below = cam.project(new Vec3(0, 0, 0)).orElseThrow();
    assertThat(below.x()).isCloseTo(2010, within(1e-9));
    assertThat(below.y()).isCloseTo(1490, within(1e-9));
  }
}

package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.image.ImagePoint;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class FootprintTest {

  /** The four corners of a nadir photo land at the image corners scaled by height / focal length. */
  @Property(tries = 300)
  void nadirFootprintIsTheImageRectangleScaledByHeightOverFocalLength(
      @ForAll @IntRange(min = 100, max = 8000) int width,
      @ForAll @IntRange(min = 100, max = 6000) int height,
      @ForAll @DoubleRange(min = 200, max = 10000) double focal,
      @ForAll @DoubleRange(min = 1, max = 500) double altitude,
      @ForAll @DoubleRange(min = -180, max = 180) double heading,
      @ForAll @DoubleRange(min = -30, max = 30) double groundZ) {
    // corners more than 85° off nadir would be clamped near the horizon: another test
    Assume.that(Math.hypot(width, height) / 2 / focal < Math.tan(Math.toRadians(84)));
    Intrinsics in = Intrinsics.of(width, height, focal);
    Vec3 centre = new Vec3(100, -50, groundZ + altitude);
    Footprint f = Footprint.of(new CameraModel(in, Pose.nadir(centre, heading)), groundZ);
    double scale = altitude / focal;
    assertThat(f.clamped()).isFalse();
    assertThat(f.areaM2()).isCloseTo(width * scale * height * scale, within(1e-6 * width * height * scale * scale));
    // the corners: image top faces the heading, image right is 90° clockwise from it
    double h = Math.toRadians(heading);
    Vec3 up = new Vec3(Math.sin(h), Math.cos(h), 0);
    Vec3 right = new Vec3(Math.cos(h), -Math.sin(h), 0);
    Vec3 topLeft = centre.plus(up.times(height / 2.0 * scale)).minus(right.times(width / 2.0 * scale));
    Coordinate first = f.polygon().getExteriorRing().getCoordinateN(0);
    assertThat(first.x).isCloseTo(topLeft.x(), within(1e-6 * (1 + altitude)));
    assertThat(first.y).isCloseTo(topLeft.y(), within(1e-6 * (1 + altitude)));
    assertThat(first.getZ()).isCloseTo(groundZ, within(1e-9));
    assertThat(f.contains(centre.x(), centre.y())).isTrue();
  }

  @Test
  void anObliquePhotoThatSeesTheHorizonHasAFiniteClampedFootprint() {
    // looking north, 10° below the horizon, 60° vertical field of view: the top half sees sky
    Intrinsics in = Intrinsics.of(4000, 3000, 2598);
    Pose pose = new Pose(new Vec3(0, 0, 80), AngleConvention.DJI_GIMBAL.cameraToEnu(0, -10, 0));
    Footprint f = Footprint.of(new CameraModel(in, pose), 0);
    assertThat(f.clamped()).isTrue();
    assertThat(f.polygon().isValid()).isTrue();
    double limit = 80 / Math.tan(Math.toRadians(5)); // horizontal reach of a ray 5° down
    for (Coordinate c : f.polygon().getCoordinates()) {
      assertThat(Math.hypot(c.x, c.y)).isLessThanOrEqualTo(limit * 1.0001 / Math.cos(Math.toRadians(0)));
      assertThat(c.y).isGreaterThan(0);
    }
    // the ground right in front is covered, the horizon is not
    assertThat(f.contains(0, 300)).isTrue();
    assertThat(f.contains(0, 10 * limit)).isFalse();
  }

  @Test
  void aCameraLookingUpOrBelowTheGroundHasNoFootprint() {
    Intrinsics in = Intrinsics.of(4000, 3000, 2860);
    Pose up = new Pose(new Vec3(0, 0, 80), AngleConvention.DJI_GIMBAL.cameraToEnu(0, 90, 0));
    assertThat(Footprint.of(new CameraModel(in, up), 0).polygon().isEmpty()).isTrue();
    Pose under = Pose.nadir(new Vec3(0, 0, -5), 0);
    assertThat(Footprint.of(new CameraModel(in, under), 0).polygon().isEmpty()).isTrue();
  }

  @Test
  void onSlopingTerrainTheFootprintFollowsTheGroundAndItsCornersProjectToTheImageBorder() {
    Terrain slope = (e, n) -> 0.2 * e + 5 * Math.sin(n / 20);
    Intrinsics in = Intrinsics.of(4000, 3000, 2860);
    CameraModel cam = new CameraModel(in, Pose.nadir(new Vec3(0, 0, 100), 30));
    Footprint f = Footprint.of(cam, slope, Footprint.Options.defaults());
    assertThat(f.clamped()).isFalse();
    Coordinate[] ring = f.polygon().getExteriorRing().getCoordinates();
    assertThat(ring).hasSize(4 * 8 + 1);
    for (Coordinate c : ring) {
      assertThat(c.getZ()).isCloseTo(slope.heightAt(c.x, c.y), within(0.01));
      ImagePoint p = cam.project(new Vec3(c.x, c.y, c.getZ())).orElseThrow();
      boolean onBorder = Math.abs(p.x()) < 0.5 || Math.abs(p.x() - 4000) < 0.5
          || Math.abs(p.y()) < 0.5 || Math.abs(p.y() - 3000) < 0.5;
      assertThat(onBorder).as("%s on the border", p).isTrue();
    }
  }

  @Test
  void lonLatFootprintIsTheEnuFootprintInDegrees() {
    LocalFrame frame = LocalFrame.at(-119.8796, 34.4128, 0);
    CameraModel cam = new CameraModel(Intrinsics.of(4000, 3000, 2860), Pose.nadir(new Vec3(0, 0, 100), 0));
    Polygon ll = Footprint.of(cam, 0).toLonLat(frame);
    Coordinate topLeft = ll.getExteriorRing().getCoordinateN(0);
    assertThat(topLeft.x).isLessThan(-119.8796);
    assertThat(topLeft.y).isGreaterThan(34.4128);
    Vec3 back = frame.toEnu(topLeft.x, topLeft.y, topLeft.getZ());
    assertThat(back.x()).isCloseTo(-2000 * 100 / 2860.0, within(1e-6));
    assertThat(back.y()).isCloseTo(1500 * 100 / 2860.0, within(1e-6));
  }
}

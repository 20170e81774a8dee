package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class LocalFrameTest {
  // Coal Oil Point Reserve, Goleta, California
  private final LocalFrame frame = LocalFrame.at(-119.8796, 34.4128, 5);

  @Test
  void theOriginIsZeroAndUpIsUp() {
    assertThat(frame.toEnu(-119.8796, 34.4128, 5).norm()).isLessThan(1e-6);
    Vec3 above = frame.toEnu(-119.8796, 34.4128, 105);
    assertThat(above.x()).isCloseTo(0, within(1e-6));
    assertThat(above.y()).isCloseTo(0, within(1e-6));
    assertThat(above.z()).isCloseTo(100, within(1e-6));
  }

  @Test
  void aKilometreNorthIsNorthAndBelowTheTangentPlaneByTheEarthsCurvature() {
    // 1 km along the meridian at this latitude is about 0.009 02° of latitude
    LocalFrame equator = LocalFrame.at(10, 0, 0);
    Vec3 north = equator.toEnu(10, 1000 / 110_574.0, 0);
    assertThat(north.x()).isCloseTo(0, within(1e-6));
    assertThat(north.y()).isCloseTo(1000, within(0.5));
    // d² / 2R with R ≈ 6 335 km along the meridian at the equator
    assertThat(north.z()).isCloseTo(-1000.0 * 1000 / (2 * 6_335_439), within(0.002));
    Vec3 east = equator.toEnu(10 + 1000 / 111_319.5, 0, 0);
    assertThat(east.x()).isCloseTo(1000, within(0.01));
    assertThat(east.y()).isCloseTo(0, within(1e-6));
  }

  @Property
  void geodeticPositionsRoundTripWithinAMillimetre(
      @ForAll @DoubleRange(min = -179.9, max = 179.9) double lon,
      @ForAll @DoubleRange(min = -89.9, max = 89.9) double lat,
      @ForAll @DoubleRange(min = -100, max = 9000) double h,
      @ForAll @DoubleRange(min = -0.05, max = 0.05) double dLon,
      @ForAll @DoubleRange(min = -0.05, max = 0.05) double dLat,
      @ForAll @DoubleRange(min = -200, max = 3000) double dh) {
    LocalFrame f = LocalFrame.at(lon, lat, h);
    double lat2 = Math.max(-90, Math.min(90, lat + dLat));
    Vec3 enu = f.toEnu(lon + dLon, lat2, h + dh);
    GeoPoint back = f.toGeodetic(enu);
    assertThat(f.toEnu(back).distance(enu)).isLessThan(1e-3);
    assertThat(back.heightM()).isCloseTo(h + dh, within(1e-3));
  }

  @Test
  void rotationFromAnotherPointTurnsItsUpIntoThisFramesUp() {
    // the vertical at a point 0.1° east leans east in this frame by 0.1° × cos(latitude)
    Rotation r = frame.rotationFrom(-119.7796, 34.4128);
    Vec3 up = r.apply(new Vec3(0, 0, 1));
    double lean = Math.toDegrees(Math.atan2(up.x(), up.z()));
    assertThat(lean).isCloseTo(0.1 * Math.cos(Math.toRadians(34.4128)), within(1e-3));
    assertThat(frame.rotationFrom(-119.8796, 34.4128).angle()).isLessThan(1e-12);
  }

  @Test
  void aGeoPoseFarFromTheOriginStillLooksStraightDownAtTheGroundBelowIt() {
    // 5 km east and north of the origin the local vertical leans by ~0.06°: 1 m at 1000 m
    GeoPoint below = new GeoPoint(-119.8796 + 0.0545, 34.4128 + 0.045, 0);
    GeoPose gps = new GeoPose(new GeoPoint(below.lonDeg(), below.latDeg(), 1000),
        AngleConvention.DJI_GIMBAL.cameraToEnu(30, -90, 0), null, null);
    CameraModel cam = new CameraModel(Intrinsics.of(4000, 3000, 2860), gps.toPose(frame));
    io.tessera.core.image.ImagePoint p = cam.project(frame.toEnu(below)).orElseThrow();
    assertThat(p.x()).isCloseTo(2000, within(1e-3));
    assertThat(p.y()).isCloseTo(1500, within(1e-3));
    // without turning the attitude into the frame's axes it would miss by about 3 px
    CameraModel unturned = cam.withPose(new Pose(frame.toEnu(gps.position()), gps.attitude()));
    io.tessera.core.image.ImagePoint q = unturned.project(frame.toEnu(below)).orElseThrow();
    assertThat(Math.hypot(q.x() - 2000, q.y() - 1500)).isGreaterThan(1);
  }
}

package io.tessera.core.camera;

import static io.tessera.core.camera.RotationTest.assertVec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.camera.CameraExif.HeightSource;
import io.tessera.core.camera.Intrinsics.FocalSource;
import io.tessera.core.camera.TestPhotos.Exif;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class CameraExifTest {
  /** Canon's focal plane resolution for the copr photos: 4272 px per 0.878 in. */
  private static final double COPR_PX_PER_MM = 4272 / 0.878 / 25.4;

  private static CameraExif read(byte[] jpeg) throws Exception {
    return CameraExifReader.read(new ByteArrayInputStream(jpeg));
  }

  @Test
  void coprPhotoIntrinsicsComeFromItsFocalPlaneResolutionScaledToTheFileWidth() throws Exception {
    CameraExif exif = read(TestPhotos.copr());
    assertThat(exif.widthPx()).isEqualTo(267);
    assertThat(exif.heightPx()).isEqualTo(178);
    assertThat(exif.make()).isEqualTo("Canon");
    assertThat(exif.model()).isEqualTo("Canon EOS DIGITAL REBEL XSi");
    assertThat(exif.focalLengthMm()).isEqualTo(30.0);
    assertThat(exif.exifImageWidthPx()).isEqualTo(4272);
    assertThat(exif.focalPlaneXResolutionPerMm()).isCloseTo(COPR_PX_PER_MM, within(1e-9));
    assertThat(exif.lonDeg()).isNull();
    assertThat(exif.geoPose(HeightSource.GPS_ALTITUDE)).isEmpty();

    Intrinsics in = exif.intrinsics().orElseThrow();
    assertThat(in.source()).isEqualTo(FocalSource.FOCAL_PLANE_RESOLUTION);
    // 30 mm × 191.56 px/mm = 5746.8 px at 4272 px wide, hence × 267 / 4272 here
    assertThat(in.focalPx()).isCloseTo(30 * COPR_PX_PER_MM * 267 / 4272, within(1e-9));
    assertThat(in.principalX()).isEqualTo(133.5);
    assertThat(in.principalY()).isEqualTo(89.0);
    assertThat(in.horizontalFieldOfViewDeg()).isCloseTo(40.8, within(0.1));
  }

  @Test
  void withoutFocalPlaneResolutionTheSensorTableGivesTheCanonsWidth() throws Exception {
    byte[] jpeg = TestPhotos.jpeg(427, 285,
        new Exif("Canon", "Canon EOS 450D", 30.0, null, 4272, null, null, null, null), null);
    Intrinsics in = read(jpeg).intrinsics().orElseThrow();
    assertThat(in.source()).isEqualTo(FocalSource.SENSOR_TABLE);
    assertThat(in.focalPx()).isCloseTo(30 * 427 / 22.2, within(1e-9));
  }

  @Test
  void djiPhotoGivesPositionGimbalAttitudeAndSensorTableIntrinsics() throws Exception {
    String xmp = TestPhotos.xmp("drone-dji", "http://www.dji.com/drone-dji/1.0/",
        "AbsoluteAltitude", "+126.57",
        "RelativeAltitude", "+80.10",
        "GimbalRollDegree", "+0.00",
        "GimbalYawDegree", "-178.50",
        "GimbalPitchDegree", "-89.90",
        "FlightYawDegree", "-170.20");
    byte[] jpeg = TestPhotos.jpeg(547, 365,
        new Exif("DJI", "FC6310", 8.8, 24, 5472, null, 18.0686, 59.3293, 126.5), xmp);
    CameraExif exif = read(jpeg);
    assertThat(exif.gimbalYawDeg()).isEqualTo(-178.5);
    assertThat(exif.gimbalPitchDeg()).isEqualTo(-89.9);
    assertThat(exif.gimbalRollDeg()).isEqualTo(0.0);
    assertThat(exif.relativeAltitudeM()).isEqualTo(80.1);
    assertThat(exif.absoluteAltitudeM()).isEqualTo(126.57);

    Intrinsics in = exif.intrinsics().orElseThrow();
    assertThat(in.source()).isEqualTo(FocalSource.SENSOR_TABLE);
    assertThat(in.focalPx()).isCloseTo(8.8 * 547 / 13.2, within(1e-9));

    GeoPose gps = exif.geoPose(HeightSource.GPS_ALTITUDE).orElseThrow();
    assertThat(gps.position().lonDeg()).isCloseTo(18.0686, within(1e-7));
    assertThat(gps.position().latDeg()).isCloseTo(59.3293, within(1e-7));
    assertThat(gps.position().heightM()).isCloseTo(126.5, within(1e-9));
    assertThat(exif.geoPose(HeightSource.DJI_ABSOLUTE_ALTITUDE).orElseThrow().position().heightM())
        .isCloseTo(126.57, within(1e-9));
    assertThat(exif.geoPoseAboveTakeOff(40).orElseThrow().position().heightM())
        .isCloseTo(120.1, within(1e-9));

    // nearly nadir, the top of the image facing south (yaw −178.5°)
    Pose pose = gps.toPose(LocalFrame.at(18.0686, 59.3293, 0));
    assertThat(pose.centre().z()).isCloseTo(126.5, within(1e-6));
    assertThat(pose.viewingDirection().z()).isLessThan(-0.999);
    Vec3 top = pose.cameraToWorld().column(1).times(-1);
    assertThat(top.y()).isLessThan(-0.99);
  }

  @Test
  void senseFlyPhotoGivesPix4dCameraAnglesAndFocalPlaneIntrinsics() throws Exception {
    String xmp = TestPhotos.xmp("Camera", "http://pix4d.com/camera/1.0/",
        "Yaw", "90.0", "Pitch", "0.0", "Roll", "0.0",
        "GPSXYAccuracy", "2.5", "GPSZAccuracy", "4.0");
    // S.O.D.A.: 5472 px over 12.75 mm, written in px per inch
    byte[] jpeg = TestPhotos.jpeg(547, 365,
        new Exif("senseFly", "S.O.D.A.", 10.6, 29, 5472, 5472 / 12.75 * 25.4, 6.5668, 46.5191, 500.0), xmp);
    CameraExif exif = read(jpeg);
    assertThat(exif.cameraYawDeg()).isEqualTo(90.0);
    Intrinsics in = exif.intrinsics().orElseThrow();
    assertThat(in.source()).isEqualTo(FocalSource.FOCAL_PLANE_RESOLUTION);
    assertThat(in.focalPx()).isCloseTo(10.6 * 5472 / 12.75 * 547 / 5472, within(1e-6));
    GeoPose pose = exif.geoPose(HeightSource.GPS_ALTITUDE).orElseThrow();
    assertThat(pose.horizontalAccuracyM()).isEqualTo(2.5);
    assertThat(pose.verticalAccuracyM()).isEqualTo(4.0);
    // yaw 90 in Pix4D's convention: nadir, the top of the image facing east
    assertVec(pose.attitude().column(2), new Vec3(0, 0, -1));
    assertVec(pose.attitude().column(1).times(-1), new Vec3(1, 0, 0));
  }

  @Test
  void thirtyFiveMillimetreEquivalentIsTheLastResort() throws Exception {
    byte[] jpeg = TestPhotos.jpeg(400, 300,
        new Exif("Acme", "Unknown 1", 4.5, 24, null, null, null, null, null), null);
    Intrinsics in = read(jpeg).intrinsics().orElseThrow();
    assertThat(in.source()).isEqualTo(FocalSource.EQUIVALENT_35MM);
    assertThat(in.focalPx()).isCloseTo(24 / Math.hypot(36, 24) * 500, within(1e-9));
    byte[] none = TestPhotos.jpeg(400, 300,
        new Exif("Acme", "Unknown 1", 4.5, null, null, null, null, null, null), null);
    assertThat(read(none).intrinsics()).isEmpty();
  }

  @Test
  void aFocalPlaneResolutionThatMakesNoSenseIsIgnored() throws Exception {
    // 4000 px over 0.04 mm would be a 40 µm sensor
    byte[] jpeg = TestPhotos.jpeg(400, 300,
        new Exif("DJI", "FC330", 3.61, null, 4000, 4000 / 0.04 * 25.4, null, null, null), null);
    Intrinsics in = read(jpeg).intrinsics().orElseThrow();
    assertThat(in.source()).isEqualTo(FocalSource.SENSOR_TABLE);
    assertThat(in.focalPx()).isCloseTo(3.61 * 400 / 6.17, within(1e-9));
  }

  @Test
  void djiCalibratedFocalLengthAndOpticalCentreWinAndScaleWithTheFile() throws Exception {
    String xmp = TestPhotos.xmp("drone-dji", "http://www.dji.com/drone-dji/1.0/",
        "CalibratedFocalLength", "3725.151611",
        "CalibratedOpticalCenterX", "2640.0",
        "CalibratedOpticalCenterY", "1978.0",
        "GimbalYawDegree", "+28.80", "GimbalPitchDegree", "-60.00");
    byte[] jpeg = TestPhotos.jpeg(528, 396,
        new Exif("DJI", "M3E", 12.29, 24, 5280, null, null, null, null), xmp);
    Intrinsics in = read(jpeg).intrinsics().orElseThrow();
    assertThat(in.source()).isEqualTo(FocalSource.CALIBRATED);
    assertThat(in.focalPx()).isCloseTo(372.5151611, within(1e-9));
    assertThat(in.principalX()).isCloseTo(264.0, within(1e-9));
    assertThat(in.principalY()).isCloseTo(197.8, within(1e-9));
  }

  @Test
  void notAnImage() {
    assertThatThrownBy(() -> read("not an image".getBytes()))
        .isInstanceOf(CameraExifReader.UnreadableImageException.class);
  }

  @Test
  void sensorTableMatchesModelsWithOrWithoutTheMake() {
    assertThat(CameraSensors.sensorWidthMm("Canon", "Canon EOS DIGITAL REBEL XSi")).contains(22.2);
    assertThat(CameraSensors.sensorWidthMm("Canon", "EOS 450D")).contains(22.2);
    assertThat(CameraSensors.sensorWidthMm("DJI", "FC6310")).contains(13.2);
    assertThat(CameraSensors.sensorWidthMm("DJI", "ZenmuseP1")).contains(35.9);
    assertThat(CameraSensors.sensorWidthMm("Hasselblad", "L1D-20c")).contains(13.2);
    assertThat(CameraSensors.sensorWidthMm("senseFly", "S.O.D.A.")).contains(13.2);
    assertThat(CameraSensors.sensorWidthMm(null, "FC220")).contains(6.17);
    assertThat(CameraSensors.sensorWidthMm("Nikon", "FC6310")).isEmpty();
    assertThat(CameraSensors.sensorWidthMm("DJI", "FC9999")).isEmpty();
  }
}

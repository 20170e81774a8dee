package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CameraPositionFileTest {

  @Test
  void pix4dYawPitchRollWithAHashHeader() throws Exception {
    List<CameraPosition> ps = CameraPositionFile.parse("""
        #image,lat,lon,alt,yaw,pitch,roll
        IMG_3165.JPG,46.2345612,6.5611445,539.931,38.6,3.5,8.3
        # a comment
        IMG_3166.JPG,46.2323423,6.5623423,529.823,90,0,0
        """);
    assertThat(ps).extracting(CameraPosition::image).containsExactly("IMG_3165.JPG", "IMG_3166.JPG");
    GeoPose p = ps.get(0).pose();
    assertThat(p.position().latDeg()).isEqualTo(46.2345612);
    assertThat(p.position().lonDeg()).isEqualTo(6.5611445);
    assertThat(p.position().heightM()).isEqualTo(539.931);
    assertThat(p.attitude().angleTo(AngleConvention.YAW_PITCH_ROLL.cameraToEnu(38.6, 3.5, 8.3)))
        .isLessThan(1e-12);
    // yaw 90, pitch 0: nadir with the image top east
    Vec3 top = ps.get(1).pose().attitude().column(1).times(-1);
    assertThat(top.x()).isCloseTo(1, within(1e-12));
  }

  @Test
  void djiGimbalAnglesInAnyColumnOrderWithSemicolonsAndAccuracies() throws Exception {
    List<CameraPosition> ps = CameraPositionFile.parse("""
        Gimbal_Pitch;Gimbal_Yaw;Gimbal_Roll;"File Name";Latitude;Longitude;Altitude (m);acc_h;acc_v
        -90.0;-178.5;0;"DJI 0001.JPG";59.3293;18.0686;126.5;1.5;3
        """);
    GeoPose p = ps.get(0).pose();
    assertThat(ps.get(0).image()).isEqualTo("DJI 0001.JPG");
    assertThat(p.attitude().angleTo(AngleConvention.DJI_GIMBAL.cameraToEnu(-178.5, -90, 0)))
        .isLessThan(1e-12);
    assertThat(p.horizontalAccuracyM()).isEqualTo(1.5);
    assertThat(p.verticalAccuracyM()).isEqualTo(3.0);
  }

  @Test
  void omegaPhiKappaSeparatedBySpacesAndTabs() throws Exception {
    List<CameraPosition> spaces = CameraPositionFile.parse("""
        imageName Latitude Longitude Z Omega Phi Kappa
        DJI_0870.JPG 34.41 -119.88 95.6 -2.0 1.7 -109.09
        """);
    assertThat(spaces.get(0).pose().attitude()
        .angleTo(AngleConvention.OMEGA_PHI_KAPPA.cameraToEnu(-2.0, 1.7, -109.09))).isLessThan(1e-12);
    List<CameraPosition> tabs = CameraPositionFile.parse(
        "image\tlat\tlon\talt\tomega\tphi\tkappa\nA B.jpg\t34.41\t-119.88\t95.6\t\t\t\n");
    assertThat(tabs.get(0).image()).isEqualTo("A B.jpg");
    assertThat(tabs.get(0).pose().hasAttitude()).isFalse();
  }

  @Test
  void positionsOnlyAndNumbersIndependentOfTheDefaultLocale() throws Exception {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      List<CameraPosition> ps = CameraPositionFile.parse("name,latitude,longitude,height\na.jpg,1.5,2.25,3.125\n");
      assertThat(ps.get(0).pose().hasAttitude()).isFalse();
      assertThat(ps.get(0).pose().position().lonDeg()).isEqualTo(2.25);
      assertThat(ps.get(0).pose().position().heightM()).isEqualTo(3.125);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void refusesWhatItCannotReadWithTheLineNumber() {
    assertThatThrownBy(() -> CameraPositionFile.parse("image,lat,alt\na,1,2\n"))
        .isInstanceOf(CameraPositionFile.FormatException.class)
        .hasMessageContaining("line 1").hasMessageContaining("lon");
    assertThatThrownBy(() -> CameraPositionFile.parse("image,lat,lon,alt,yaw,pitch\na,1,2,3,4,5\n"))
        .hasMessageContaining("threes");
    assertThatThrownBy(() -> CameraPositionFile.parse(
        "image,lat,lon,alt,yaw,pitch,roll,omega,phi,kappa\n"))
        .hasMessageContaining("two sets");
    assertThatThrownBy(() -> CameraPositionFile.parse("image,lat,lon,alt\n\na,1,2,3\nb,1,2,x\n"))
        .isInstanceOf(CameraPositionFile.FormatException.class)
        .hasMessage("line 4: alt is not a number: x")
        .satisfies(e -> assertThat(((CameraPositionFile.FormatException) e).line()).isEqualTo(4));
    assertThatThrownBy(() -> CameraPositionFile.parse("image;lat;lon;alt\na;1,5;2;3\n"))
        .hasMessageContaining("line 2").hasMessageContaining("1,5");
    assertThatThrownBy(() -> CameraPositionFile.parse("image,lat,lon,alt\na,91,2,3\n"))
        .hasMessageContaining("latitude out of range");
    assertThatThrownBy(() -> CameraPositionFile.parse("image,lat,lon,alt\na,1,2,3\na,1,2,3\n"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> CameraPositionFile.parse("\n\n"))
        .hasMessageContaining("header");
  }
}

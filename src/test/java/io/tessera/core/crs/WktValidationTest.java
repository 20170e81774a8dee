package io.tessera.core.crs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WktValidationTest {

  /** The reference document's example (spatialreference.org's CH1903 / LV03). */
  static final String CH1903_LV03 = """
      PROJCS["CH1903 / LV03",
          GEOGCS["CH1903",
              DATUM["CH1903",
                  SPHEROID["Bessel 1841",6377397.155,299.1528128,
                      AUTHORITY["EPSG","7004"]],
                  AUTHORITY["EPSG","6149"]],
              PRIMEM["Greenwich",0,
                  AUTHORITY["EPSG","8901"]],
              UNIT["degree",0.0174532925199433,
                  AUTHORITY["EPSG","9122"]],
              AUTHORITY["EPSG","4149"]],
          PROJECTION["Hotine_Oblique_Mercator_Azimuth_Center"],
          PARAMETER["latitude_of_center",46.9524055555556],
          PARAMETER["longitude_of_center",7.43958333333333],
          PARAMETER["azimuth",90],
          PARAMETER["rectified_grid_angle",90],
          PARAMETER["scale_factor",1],
          PARAMETER["false_easting",600000],
          PARAMETER["false_northing",200000],
          UNIT["metre",1,
              AUTHORITY["EPSG","9001"]],
          AXIS["Easting",EAST],
          AXIS["Northing",NORTH],
          AUTHORITY["EPSG","21781"]]""";

  static final String WGS84_GEOGCS = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,"
      + "298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],"
      + "AUTHORITY[\"EPSG\",\"4326\"]]";

  static final String LOCAL_CS = "LOCAL_CS[\"Arbitrary\",LOCAL_DATUM[\"Arbitrary\",0],UNIT[\"metre\",1],"
      + "AXIS[\"X\",EAST],AXIS[\"Y\",NORTH]]";

  /** WKT 2:2019 as the OPF spec writes it (GEOGCRS, BASEGEOGCRS, ORDER, USAGE). */
  static final String JGD2011_CS_VI_WKT2 = "PROJCRS[\"JGD2011 / Japan Plane Rectangular CS VI\","
      + "BASEGEOGCRS[\"JGD2011\",DATUM[\"Japanese Geodetic Datum 2011\",ELLIPSOID[\"GRS 1980\",6378137,"
      + "298.257222101,LENGTHUNIT[\"metre\",1]]],PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\","
      + "0.0174532925199433]],ID[\"EPSG\",6668]],CONVERSION[\"Japan Plane Rectangular CS zone VI\","
      + "METHOD[\"Transverse Mercator\",ID[\"EPSG\",9807]],PARAMETER[\"Latitude of natural origin\",36,"
      + "ANGLEUNIT[\"degree\",0.0174532925199433],ID[\"EPSG\",8801]],PARAMETER[\"Longitude of natural "
      + "origin\",136,ANGLEUNIT[\"degree\",0.0174532925199433],ID[\"EPSG\",8802]],PARAMETER[\"Scale "
      + "factor at natural origin\",0.9999,SCALEUNIT[\"unity\",1],ID[\"EPSG\",8805]],PARAMETER[\"False "
      + "easting\",0,LENGTHUNIT[\"metre\",1],ID[\"EPSG\",8806]],PARAMETER[\"False northing\",0,"
      + "LENGTHUNIT[\"metre\",1],ID[\"EPSG\",8807]]],CS[Cartesian,2],AXIS[\"northing (X)\",north,"
      + "ORDER[1],LENGTHUNIT[\"metre\",1]],AXIS[\"easting (Y)\",east,ORDER[2],LENGTHUNIT[\"metre\",1]],"
      + "USAGE[SCOPE[\"Cadastre.\"],AREA[\"Japan - zone VI\"],BBOX[34.01,134.86,36.33,136.99]],"
      + "ID[\"EPSG\",6674]]";

  /** The OPF spec's WGS 84 example: a datum ensemble in a 3D geographic CRS. */
  static final String OPF_WGS84_ENSEMBLE = "GEOGCRS[\"WGS 84\",ENSEMBLE[\"World Geodetic System 1984 "
      + "ensemble\",MEMBER[\"World Geodetic System 1984 (Transit)\"],MEMBER[\"World Geodetic System 1984 "
      + "(G730)\"],ELLIPSOID[\"WGS 84\",6378137,298.257223563,LENGTHUNIT[\"metre\",1]],"
      + "ENSEMBLEACCURACY[2.0]],PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],"
      + "CS[ellipsoidal,3],AXIS[\"geodetic latitude (Lat)\",north,ORDER[1],ANGLEUNIT[\"degree\","
      + "0.0174532925199433]],AXIS[\"geodetic longitude (Lon)\",east,ORDER[2],ANGLEUNIT[\"degree\","
      + "0.0174532925199433]],AXIS[\"ellipsoidal height (h)\",up,ORDER[3],LENGTHUNIT[\"metre\",1]],"
      + "USAGE[SCOPE[\"Geodesy.\"],AREA[\"World\"],BBOX[-90,-180,90,180]],ID[\"EPSG\",4979]]";

  @Test
  void theReferenceDocumentsProjectedExampleIsAccepted() {
    assertThat(WktValidation.of(CH1903_LV03)).isEqualTo(new WktValidation(true, CrsKind.PROJECTED, null));
  }

  @Test
  void geographicLocalAndWkt2SystemsAreAccepted() {
    assertThat(WktValidation.of(WGS84_GEOGCS).kind()).isEqualTo(CrsKind.GEOGRAPHIC);
    assertThat(WktValidation.of(LOCAL_CS).kind()).isEqualTo(CrsKind.LOCAL);
    assertThat(WktValidation.of(JGD2011_CS_VI_WKT2).kind()).isEqualTo(CrsKind.PROJECTED);
    assertThat(WktValidation.of(OPF_WGS84_ENSEMBLE).kind()).isEqualTo(CrsKind.GEOGRAPHIC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ARBITRARY_METERS", "ARBITRARY_FEET", "ARBITRARY_US_FEET", " arbitrary_meters "})
  void theArbitraryValuesAreAccepted(String value) {
    assertThat(WktValidation.of(value)).isEqualTo(new WktValidation(true, CrsKind.LOCAL, null));
  }

  @Test
  void refusalsGiveTheReason() {
    assertThat(WktValidation.of("").reason()).contains("empty");
    assertThat(WktValidation.of("EPSG:2056").reason()).contains("not WKT");
    assertThat(WktValidation.of("ARBITRARY_YARDS").reason()).contains("not WKT");
    assertThat(WktValidation.of("PROJCS[\"broken\",GEOGCS[\"x\"").reason()).contains("]");
    assertThat(WktValidation.of("PROJCS[\"x\",GEOGCS[\"y\"]]").valid()).isFalse();
    assertThat(WktValidation.of("GEOCCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,"
        + "298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"metre\",1]]").reason()).contains("geocentric");
    assertThat(WktValidation.of("VERT_CS[\"EGM96 height\",VERT_DATUM[\"EGM96 geoid\",2005],UNIT[\"metre\",1]]")
        .reason()).contains("vertical");
    assertThat(WktValidation.of("COMPD_CS[\"x\"," + CH1903_LV03 + ",VERT_CS[\"EGM96 height\","
        + "VERT_DATUM[\"EGM96 geoid\",2005],UNIT[\"metre\",1]]]").reason()).contains("compound");
    WktValidation garbage = WktValidation.of("hello world");
    assertThat(garbage.valid()).isFalse();
    assertThat(garbage.kind()).isNull();
  }
}

package io.tessera.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.core.geo.LonLat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CoordinateFormatTest {

  @Test
  void latitudeFirstWithHemispheresAndFiveDecimals() {
    assertThat(CoordinateFormat.latLon(new LonLat(4.891234, 52.370123)))
        .isEqualTo("52.37012° N, 4.89123° E");
  }

  @Test
  void southAndWestAreLettersNotSigns() {
    assertThat(CoordinateFormat.latLon(new LonLat(-119.87654, -34.5)))
        .isEqualTo("34.50000° S, 119.87654° W");
  }

  @Test
  void usesDecimalPointsUnderAGermanLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      assertThat(CoordinateFormat.latLon(new LonLat(4.5, 52.25))).isEqualTo("52.25000° N, 4.50000° E");
      assertThat(CoordinateFormat.pixel(10.5, 0.25)).isEqualTo("x 10.50, y 0.25 px");
    } finally {
      Locale.setDefault(before);
    }
  }
}

package io.tessera.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class ScaleLengthsTest {

  @Test
  void picksTheLargestOneTwoFiveNotAboveTheMaximum() {
    assertThat(ScaleLengths.niceLengthMeters(1234)).isEqualTo(1000);
    assertThat(ScaleLengths.niceLengthMeters(2500)).isEqualTo(2000);
    assertThat(ScaleLengths.niceLengthMeters(9999)).isEqualTo(5000);
    assertThat(ScaleLengths.niceLengthMeters(1000)).isEqualTo(1000);
    assertThat(ScaleLengths.niceLengthMeters(0.013)).isEqualTo(0.01, within(1e-15));
  }

  @Test
  void formatsInTheUnitThatKeepsTheNumberSmall() {
    assertThat(ScaleLengths.format(2000)).isEqualTo("2 km");
    assertThat(ScaleLengths.format(500)).isEqualTo("500 m");
    assertThat(ScaleLengths.format(1)).isEqualTo("1 m");
    assertThat(ScaleLengths.format(0.2)).isEqualTo("20 cm");
    assertThat(ScaleLengths.format(0.005)).isEqualTo("5 mm");
  }

  @Property
  void niceLengthIsAtLeastTwoFifthsOfTheMaximum(@ForAll @Scale(9) @DoubleRange(min = 1e-4, max = 1e8) double max) {
    double nice = ScaleLengths.niceLengthMeters(max);
    assertThat(nice).isLessThanOrEqualTo(max * (1 + 1e-12)).isGreaterThanOrEqualTo(max * 0.4);
  }
}

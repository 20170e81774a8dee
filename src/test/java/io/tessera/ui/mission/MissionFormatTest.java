package io.tessera.ui.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MissionFormatTest {
  private Locale before;

  @BeforeEach
  void english() {
    before = Locale.getDefault(Locale.Category.FORMAT);
    Locale.setDefault(Locale.Category.FORMAT, Locale.UK);
  }

  @AfterEach
  void restore() {
    Locale.setDefault(Locale.Category.FORMAT, before);
  }

  @Test
  void areasReadInTheUnitThatSuitsTheirSize() {
    assertThat(MissionFormat.area(4213)).isEqualTo("0.42 ha (4,213 m²)");
    assertThat(MissionFormat.area(170_123)).isEqualTo("17.01 ha");
    assertThat(MissionFormat.area(3_981_234)).isEqualTo("398.1 ha");
    assertThat(MissionFormat.area(123_456_789)).isEqualTo("123.5 km²");
    assertThat(MissionFormat.area(1.1479e13)).isEqualTo("11,479,000 km²");
  }
}

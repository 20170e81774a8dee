package io.tessera.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CrsDefinitionTest {

  @Test
  void opfEpsgFormsAreRecognised() throws Exception {
    assertThat(CrsDefinition.parse("EPSG:4326")).isEqualTo(new CrsDefinition.Epsg(4326));
    assertThat(CrsDefinition.parse("EPSG:4326+5773"))
        .isEqualTo(new CrsDefinition.Epsg(4326, OptionalInt.of(5773)));
    assertThat(CrsDefinition.parse("EPSG:4265+EPSG:5214"))
        .isEqualTo(new CrsDefinition.Epsg(4265, OptionalInt.of(5214)));
    assertThat(CrsDefinition.parse(" epsg:2056 ").text()).isEqualTo("EPSG:2056");
    assertThat(CrsDefinition.parse("EPSG:2056+EPSG:5728").text()).isEqualTo("EPSG:2056+5728");
  }

  @Test
  void odmHeadersAreRecognised() throws Exception {
    assertThat(CrsDefinition.parse("+proj=utm +zone=11 +ellps=WGS84 +datum=WGS84 +units=m +no_defs\t"))
        .isEqualTo(new CrsDefinition.Proj("+proj=utm +zone=11 +ellps=WGS84 +datum=WGS84 +units=m +no_defs"));
    assertThat(CrsDefinition.parse("WGS84 UTM 16N")).isEqualTo(new CrsDefinition.Epsg(32616));
    assertThat(CrsDefinition.parse("WGS84 UTM 33s")).isEqualTo(new CrsDefinition.Epsg(32733));
  }

  @Test
  void wktAndArbitraryValuesAreWkt() throws Exception {
    assertThat(CrsDefinition.parse(WktValidationTest.CH1903_LV03)).isInstanceOf(CrsDefinition.Wkt.class);
    assertThat(CrsDefinition.parse("ARBITRARY_FEET")).isEqualTo(new CrsDefinition.Wkt("ARBITRARY_FEET"));
  }

  @Test
  void anythingElseIsRefusedWithWhatWasExpected() {
    assertThatThrownBy(() -> CrsDefinition.parse("UTM 11"))
        .isInstanceOf(CrsException.class)
        .hasMessageContaining("expected EPSG:nnnn")
        .hasMessageContaining("found \"UTM 11\"");
    assertThatThrownBy(() -> CrsDefinition.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> CrsDefinition.parse("WGS84 UTM 61N")).hasMessageContaining("zone");
    assertThatThrownBy(() -> CrsDefinition.parse("EPSG:0")).hasMessageContaining("positive");
  }
}

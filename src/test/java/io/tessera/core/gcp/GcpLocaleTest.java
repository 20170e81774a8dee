package io.tessera.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.WktValidation;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files read and written under a German default locale ("1,5") are the same as anywhere else. */
class GcpLocaleTest {
  private Locale saved;

  @BeforeEach
  void german() {
    saved = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
  }

  @AfterEach
  void restore() {
    Locale.setDefault(saved);
  }

  @Test
  void everyFormatWritesAndReadsDecimalPoints() throws Exception {
    ControlPointSet copr = OdmGcpListTest.copr();
    assertThat(copr.gcp("gcp02").orElseThrow().x()).isEqualTo(235269.88);

    String odm = OdmGcpListTest.write(copr);
    assertThat(odm).contains("235269.88\t3811198.11\t0\t3609.3727839973153\t2293.7951481487607\tIMG_0037.jpg\tgcp02");
    assertThat(OdmGcpList.read(new StringReader(odm))).isEqualTo(copr);

    String opf = GcpRoundTripTest.opf(copr);
    assertThat(opf).contains("235269.88").doesNotContain("235269,88");
    assertThat(GcpRoundTripTest.opf(opf).gcps()).hasSameElementsAs(copr.gcps().stream()
        .map(p -> new ControlPoint(p.name(), p.type(), p.x(), p.y(), p.z(),
            java.util.Optional.of(new Sigmas(0.02, 0.02, 0.02)))).toList());

    Crs utm = Crs.of(copr.crs().orElseThrow().definition());
    StringWriter csv = new StringWriter();
    Pix4dGcpCsv.write(copr.gcps(), utm, csv);
    assertThat(csv.toString()).startsWith("gcp02,235269.88,3811198.11,0\n");
    assertThat(Pix4dGcpCsv.read(new StringReader(csv.toString()), utm)).isEqualTo(copr.gcps());
  }

  @Test
  void decimalCommasAreRefusedNotMisread() {
    assertThatThrownBy(() -> Pix4dGcpCsv.read(new StringReader("\"P1\";\"1,5\"\n"), Crs.parse("EPSG:32611")))
        .isInstanceOf(GcpFormatException.class);
    assertThatThrownBy(() -> OdmGcpList.read(new StringReader("EPSG:32611\n1,5 2 3 4 5 a.jpg p\n")))
        .hasMessageContaining("found \"1,5\"");
  }

  @Test
  void wktMessagesStayInEnglish() {
    assertThat(WktValidation.of("PROJCS[\"broken\"").reason()).contains("Missing a ‘]’ character");
  }
}

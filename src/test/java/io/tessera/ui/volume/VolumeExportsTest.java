package io.tessera.ui.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.ui.volume.VolumeViewModel.Measurement;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV and the PDF report of a measured volume: figures in, the same figures read back. */
class VolumeExportsTest {
  @TempDir Path dir;

  private static Measurement measurement(String projectName, String warning) throws Exception {
    VolumeFigures f = new VolumeFigures("fitPlane", "m", 1234.5678, 12.25, 3.5, 0.75,
        1231.0678, 2500.125, 2510.5, 17, 0.0425, 10.3325, 99.25, 101.75, 100.5, "dsm",
        warning);
    ProjectFrame frame = new ProjectFrame(7, projectName, "EPSG:32633");
    return new Measurement(frame, List.of(new double[] {500000, 5200000},
        new double[] {500050.125, 5200000}, new double[] {500050.125, 5200050}), null, f);
  }

  @Test
  void csvHasOneRowOfFiguresThenTheCorners() throws Exception {
    String csv = VolumeCsv.of(measurement("Quarry, north \"A\"", null),
        Instant.parse("2025-03-04T05:06:07Z"));

    String[] lines = csv.split("\r\n", -1);
    assertThat(lines[0]).isEqualTo(String.join(",", VolumeCsv.COLUMNS));
    assertThat(lines[1]).isEqualTo("\"Quarry, north \"\"A\"\"\",EPSG:32633,2025-03-04T05:06:07Z,"
        + "fitPlane,,m,1234.5678,12.2500,3.5000,0.7500,1231.0678,12.2729,2500.1250,2510.5000,"
        + "0.0425,10.3325,99.2500,101.7500,");
    assertThat(lines[2]).isEmpty();
    assertThat(lines[3]).isEqualTo("vertex,x,y");
    assertThat(lines[4]).isEqualTo("1,500000.0000,5200000.0000");
    assertThat(lines[5]).isEqualTo("2,500050.1250,5200000.0000");
    assertThat(lines[6]).isEqualTo("3,500050.1250,5200050.0000");
    assertThat(lines[7]).isEmpty();
    assertThat(lines).hasSize(8);
  }

  @Test
  void csvQuotesOnlyWhatNeedsIt() {
    assertThat(VolumeCsv.quote("plain")).isEqualTo("plain");
    assertThat(VolumeCsv.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(VolumeCsv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(VolumeCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }

  @Test
  void pdfReportReadsBackWithTheFiguresTheCornersAndTheMap() throws Exception {
    BufferedImage map = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    map.setRGB(10, 10, 0xff0000);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(map, "png", png);
    Path file = dir.resolve("report.pdf");

    VolumeReport.write(measurement("Quarry → north", "The polygon crosses itself; it was"
        + " untangled."), Instant.parse("2025-03-04T05:06:07Z"), png.toByteArray(), file);

    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Volume report")
          .contains("Quarry -> north")
          .contains("2025-03-04 05:06 UTC")
          .contains("Best-fit plane")
          .contains("1,234.6 m³  ± 12.25")
          .contains("3.500 m³  ± 0.750")
          .contains("1,231.1 m³  ± 12.27")
          .contains("2,500.1 m² (polygon 2,510.5 m²)")
          .contains("99.25 to 101.75 m")
          .contains("0.043 m² left out")
          .contains("10.33 m² left out")
          .contains("Cubic metres (m³)")
          .contains("The polygon crosses itself")
          .contains("500050.125   5200050.000");
      var names = doc.getPage(0).getResources().getXObjectNames().iterator();
      PDImageXObject image =
          (PDImageXObject) doc.getPage(0).getResources().getXObject(names.next());
      assertThat(image.getWidth()).isEqualTo(400);
      assertThat(image.getImage().getRGB(10, 10) & 0xffffff).isEqualTo(0xff0000);
    }
    assertThat(Files.list(dir)).as("no temp file left").containsExactly(file);
  }

  @Test
  void charactersTheStandardFontLacksAreReplaced() {
    PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    assertThat(VolumeReport.encodable(helvetica, "m³ ± é → 山")).isEqualTo("m³ ± é -> ?");
  }
}

package io.tessera.ui.volume;

import io.tessera.ui.volume.VolumeViewModel.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A measured volume as a one-page A4 PDF (Apache PDFBox): the project, the date, the base
 * surface, cut / fill / net with their errors, the areas, the units, the polygon's corners in the
 * project's coordinates, and a snapshot of the map with the polygon. Numbers in {@link
 * Locale#ROOT}: a report is a file, read wherever it is sent.
 */
public final class VolumeReport {
  private static final float MARGIN = 48;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** At most this many corners are listed; the rest are counted. */
  static final int MAX_LISTED_VERTICES = 24;

  private VolumeReport() {}

  /**
   * Writes the report of {@code m}, measured at {@code when}, to {@code file} (through a temp
   * file, so a failure leaves no half-written report).
   *
   * @param mapPng the map snapshot as PNG, or null for none
   */
  public static void write(Measurement m, Instant when, byte[] mapPng, Path file)
      throws IOException {
    Path tmp = VolumeCsv.tempBeside(file);
    try {
      try (PDDocument doc = new PDDocument()) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("Volume report — " + m.frame().projectName());
        info.setCreator("Tessera");
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        float width = page.getMediaBox().getWidth();
        float top = page.getMediaBox().getHeight() - MARGIN;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          Writer w = new Writer(cs, regular, bold, top);
          w.text(bold, 18, "Volume report");
          w.gap(4);
          w.text(regular, 11, m.frame().projectName() + "  ·  " + m.frame().crsName() + "  ·  "
              + DATE.format(when));
          w.gap(10);
          VolumeFigures f = m.figures();
          VolumeUnit u = VolumeUnit.ofApiName(f.units());
          String base = BaseChoice.ofApiName(f.baseSurface()).label()
              + (m.customElevation() == null ? ""
                  : String.format(Locale.ROOT, " at %.3f m", m.customElevation()));
          w.row("Base surface", base);
          w.row("Base elevation", f.flatBase() ? num(f.baseMin()) + " " + u.length()
              : num(f.baseMin()) + " to " + num(f.baseMax()) + " " + u.length());
          w.row("Cut", num(f.cut()) + " " + u.volume() + "  ± " + num(f.cutError()));
          w.row("Fill", num(f.fill()) + " " + u.volume() + "  ± " + num(f.fillError()));
          w.row("Net (cut - fill)", num(f.net()) + " " + u.volume() + "  ± " + num(f.netError()));
          w.row("Area", num(f.area()) + " " + u.area() + " (polygon " + num(f.polygonArea())
              + " " + u.area() + ")");
          if (f.noDataArea() > 0) {
            w.row("No DSM data", num(f.noDataArea()) + " " + u.area() + " left out");
          }
          if (f.outsideArea() > 0) {
            w.row("Off the DSM", num(f.outsideArea()) + " " + u.area() + " left out");
          }
          w.row("Units", u.toString());
          if (f.warning() != null) {
            w.row("Note", f.warning());
          }
          w.gap(10);
          float imageTop = w.y;
          float imageHeight = 0;
          if (mapPng != null) {
            PDImageXObject image = PDImageXObject.createFromByteArray(doc, mapPng, "map.png");
            float maxW = width - 2 * MARGIN;
            float maxH = 330;
            float scale = Math.min(maxW / image.getWidth(), maxH / image.getHeight());
            float iw = image.getWidth() * scale;
            imageHeight = image.getHeight() * scale;
            cs.drawImage(image, MARGIN + (maxW - iw) / 2, imageTop - imageHeight, iw,
                imageHeight);
          }
          w.y = imageTop - imageHeight - 18;
          w.text(bold, 11, "Polygon corners (" + m.frame().crsName() + ")");
          w.gap(2);
          int n = m.ring().size();
          int listed = Math.min(n, MAX_LISTED_VERTICES);
          int perColumn = (listed + 1) / 2;
          float columnTop = w.y;
          for (int i = 0; i < listed; i++) {
            double[] c = m.ring().get(i);
            float x = MARGIN + (i < perColumn ? 0 : (width - 2 * MARGIN) / 2);
            float y = columnTop - 12 * (i % perColumn) - 10;
            cs.beginText();
            cs.setFont(regular, 9);
            cs.newLineAtOffset(x, y);
            cs.showText(String.format(Locale.ROOT, "%2d   %.3f   %.3f", i + 1, c[0], c[1]));
            cs.endText();
          }
          w.y = columnTop - 12 * perColumn - 10;
          if (n > listed) {
            w.text(regular, 9, (n - listed) + " more corners in the CSV export.");
          }
          w.y = MARGIN;
          w.text(regular, 8, "Cut: terrain above the base; fill: space below the base down to"
              + " the terrain; errors are one standard deviation. Made with Tessera.");
        }
        try (java.io.OutputStream out = Files.newOutputStream(tmp,
            java.nio.file.StandardOpenOption.CREATE_NEW)) {
          doc.save(out);
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String num(double v) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a < 10 ? "%,.3f" : a < 1000 ? "%,.2f" : "%,.1f", v);
  }

  /** Lines of text down the page. */
  private static final class Writer {
    final PDPageContentStream cs;
    final PDType1Font regular;
    final PDType1Font bold;
    float y;

    Writer(PDPageContentStream cs, PDType1Font regular, PDType1Font bold, float top) {
      this.cs = cs;
      this.regular = regular;
      this.bold = bold;
      this.y = top;
    }

    void text(PDType1Font font, float size, String s) throws IOException {
      y -= size * 1.25f;
      cs.beginText();
      cs.setFont(font, size);
      cs.newLineAtOffset(MARGIN, y);
      cs.showText(encodable(font, s));
      cs.endText();
    }

    void row(String key, String value) throws IOException {
      y -= 15;
      cs.beginText();
      cs.setFont(bold, 11);
      cs.newLineAtOffset(MARGIN, y);
      cs.showText(encodable(bold, key));
      cs.endText();
      cs.beginText();
      cs.setFont(regular, 11);
      cs.newLineAtOffset(MARGIN + 130, y);
      cs.showText(encodable(regular, value));
      cs.endText();
    }

    void gap(float points) {
      y -= points;
    }
  }

  /** {@code s} with the characters the font cannot show replaced (an arrow by "->", else "?"). */
  static String encodable(PDType1Font font, String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> {
      String c = new String(Character.toChars(cp));
      try {
        font.encode(c);
        out.append(c);
      } catch (IOException | IllegalArgumentException e) {
        out.append(cp == '→' ? "->" : "?");
      }
    });
    return out.toString();
  }
}

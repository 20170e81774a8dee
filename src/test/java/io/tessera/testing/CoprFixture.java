package io.tessera.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The copr survey's GCP list for the copr photo fixture ({@code photos/copr-IMG_0031-640.jpg},
 * IMG_0031 scaled from 4272 × 2848 to 640 × 427; see {@code gcp/copr/ATTRIBUTION.md}).
 */
public final class CoprFixture {
  /** Scale from the original photo to the fixture. */
  public static final double SX = 640.0 / 4272;
  public static final double SY = 427.0 / 2848;
  public static final Path GCP_LIST = Path.of("src/test/resources/gcp/copr/gcp_list.txt");

  private CoprFixture() {}

  /**
   * Where copr's gcp_list.txt marks {@code gcp} on {@code image}, on the fixture, in Tessera's
   * pixel convention: ODM counts from the first pixel's centre, so x + 0.5, then scaled.
   */
  public static double[] mark(String gcp, String image) throws IOException {
    for (String line : Files.readAllLines(GCP_LIST)) {
      String[] f = line.split("\t");
      if (f.length == 7 && f[5].equals(image) && f[6].equals(gcp)) {
        return new double[] {(Double.parseDouble(f[3]) + 0.5) * SX,
            (Double.parseDouble(f[4]) + 0.5) * SY};
      }
    }
    throw new IllegalArgumentException("copr has no mark of " + gcp + " on " + image);
  }

  /** copr's gcp_list.txt with its marks scaled to the fixture (still in ODM's convention). */
  public static byte[] scaledGcpList() throws IOException {
    List<String> lines = Files.readAllLines(GCP_LIST);
    StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      out.append(String.join("\t", f[0], f[1], f[2],
          String.format(Locale.ROOT, "%.4f", (Double.parseDouble(f[3]) + 0.5) * SX - 0.5),
          String.format(Locale.ROOT, "%.4f", (Double.parseDouble(f[4]) + 0.5) * SY - 0.5),
          f[5], f[6])).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}

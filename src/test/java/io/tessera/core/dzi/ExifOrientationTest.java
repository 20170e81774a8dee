package io.tessera.core.dzi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.core.dzi.DziPyramid.TileBounds;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPEG whose EXIF orientation says how to turn it is tiled upright. The expected picture is
 * made with Java2D's affine transforms, not the tiler's index arithmetic.
 */
class ExifOrientationTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void tilesShowTheStoredPixelsTurnedAsTheTagSays(int orientation) throws IOException {
    byte[] stored = TestImages.jpeg(TestImages.textured(300, 190, false), 0.95f, false);
    Path file = Files.write(dir.resolve("o" + orientation + ".jpg"), tagged(stored, orientation));
    BufferedImage upright = display(TestImages.decode(stored), orientation);

    MemorySink sink = new MemorySink();
    DziTiler.tile(file, sink, DziOptions.defaults().withTileSize(64, 1)
        .withFormat(TileFormat.PNG), TilingListener.NONE);

    DziPyramid p = sink.pyramid;
    assertThat(p.width()).isEqualTo(orientation >= 5 ? 190 : 300);
    assertThat(p.height()).isEqualTo(orientation >= 5 ? 300 : 190);
    ReferencePyramid reference = new ReferencePyramid(upright, false);
    int top = p.maxLevel();
    for (int row = 0; row < p.rows(top); row++) {
      for (int column = 0; column < p.columns(top); column++) {
        TileBounds b = p.tile(top, column, row);
        BufferedImage tile = TestImages.decode(sink.tile(top, column, row));
        assertThat(reference.meanAbsoluteDifference(tile, top, b.x(), b.y()))
            .as("tile %d_%d", column, row).isZero();
      }
    }
    BufferedImage half = TestImages.decode(sink.tile(top - 1, 0, 0));
    assertThat(reference.meanAbsoluteDifference(half, top - 1, 0, 0)).isLessThan(0.5);
  }

  /** {@code jpeg} with EXIF orientation {@code orientation}, pixels untouched. */
  private static byte[] tagged(byte[] jpeg, int orientation) throws IOException {
    TiffOutputSet set = new TiffOutputSet();
    set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(jpeg, out, set);
    return out.toByteArray();
  }

  /**
   * What a viewer shows for stored pixels with {@code orientation} (TIFF 6.0 / EXIF tag 274):
   * 2 mirror, 3 turn 180°, 4 flip, 5 transpose, 6 turn 90° clockwise, 7 transverse, 8 turn 90°
   * anticlockwise. Each is an exact map of the pixel grid onto itself.
   */
  private static BufferedImage display(BufferedImage stored, int orientation) {
    int w = stored.getWidth();
    int h = stored.getHeight();
    AffineTransform t = switch (orientation) {
      case 1 -> new AffineTransform();
      case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
      case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
      case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
      case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
      default -> throw new IllegalArgumentException("orientation " + orientation);
    };
    boolean swap = orientation >= 5;
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(stored, t, null);
    g.dispose();
    return out;
  }
}

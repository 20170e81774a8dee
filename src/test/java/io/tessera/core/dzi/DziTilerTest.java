package io.tessera.core.dzi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.dzi.BadImageException.Reason;
import io.tessera.core.dzi.DziPyramid.TileBounds;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every input kind tiled and compared, tile by tile, with a naive whole-image reference; failures
 * leave nothing behind.
 */
class DziTilerTest {
  /**
   * JPEG tiles against the reference tile put through the same JPEG round trip (quality 85):
   * JPEG's own losses are large on the small, busy tiles of the lower levels (vips's tiles show
   * the same), so comparing with the exact reference would hide errors of the tiler behind them.
   * What is left is the effect of the tiler rounding differently from the reference. Tiles
   * smaller than one 8×8 JPEG block are left out: there a difference of one level in a pixel
   * can tip a coefficient into the next quantisation step and shift the whole tile.
   */
  private static final double JPEG_MAD = 1.5;
  /** Lossless tiles against the exact reference. */
  private static final double LOSSLESS_MAD = 0.5;

  /**
   * Allowance per halving below the top level: the tiler rounds each level's averages half up,
   * as vips does, which lifts them by 1/8 on average against the unrounded reference.
   */
  private static final double ROUNDING_PER_LEVEL = 0.2;

  @TempDir Path dir;

  private Path file(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  /** Tiles {@code input} into memory and checks every tile against {@code expected}. */
  private MemorySink tileAndCompare(Path input, BufferedImage expected, DziOptions options,
      boolean alpha, double maxMad) throws IOException {
    MemorySink sink = new MemorySink();
    DziResult result = DziTiler.tile(input, sink, options, TilingListener.NONE);
    DziPyramid p = result.pyramid();
    assertThat(p.width()).isEqualTo(expected.getWidth());
    assertThat(p.height()).isEqualTo(expected.getHeight());
    assertThat(sink.committed).isTrue();
    assertThat(sink.tiles).hasSize((int) p.tileCount());
    assertThat(result.tiles()).isEqualTo(p.tileCount());
    ReferencePyramid reference = new ReferencePyramid(expected, alpha);
    for (int level = 0; level <= p.maxLevel(); level++) {
      for (int row = 0; row < p.rows(level); row++) {
        for (int column = 0; column < p.columns(level); column++) {
          BufferedImage tile = TestImages.decode(sink.tile(level, column, row));
          TileBounds b = p.tile(level, column, row);
          assertThat(tile.getWidth()).as("width of %d/%d_%d", level, column, row)
              .isEqualTo(b.width());
          assertThat(tile.getHeight()).as("height of %d/%d_%d", level, column, row)
              .isEqualTo(b.height());
          double mad;
          if (sink.format == TileFormat.JPG && (b.width() < 8 || b.height() < 8)) {
            continue;
          } else if (sink.format == TileFormat.JPG) {
            boolean gray = tile.getRaster().getNumBands() == 1;
            BufferedImage expectedTile = TestImages.decode(TestImages.jpeg(
                reference.tile(level, b.x(), b.y(), b.width(), b.height(),
                    gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB), 0.85f,
                false));
            mad = ReferencePyramid.meanAbsoluteDifference(tile, expectedTile, false);
          } else {
            mad = reference.meanAbsoluteDifference(tile, level, b.x(), b.y());
          }
          double allowed = maxMad + ROUNDING_PER_LEVEL * (p.maxLevel() - level);
          assertThat(mad).as("mean absolute difference of tile %d/%d_%d", level, column, row)
              .isLessThanOrEqualTo(allowed);
        }
      }
    }
    return sink;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void baselineAndProgressiveJpegsMatchTheReference(boolean progressive) throws IOException {
    byte[] jpeg = TestImages.jpeg(TestImages.textured(700, 500, false), 0.95f, progressive);
    MemorySink sink = tileAndCompare(file("in.jpg", jpeg), TestImages.decode(jpeg),
        DziOptions.defaults(), false, JPEG_MAD);
    assertThat(sink.format).isEqualTo(TileFormat.JPG);
    assertThat(sink.pyramid).isEqualTo(DziPyramid.of(700, 500));
  }

  @Test
  void oddSizesSmallTilesAndWideOverlapAreExactInPng() throws IOException {
    BufferedImage img = TestImages.textured(517, 263, false);
    tileAndCompare(file("in.png", TestImages.png(img, false)), img,
        DziOptions.defaults().withTileSize(64, 3).withFormat(TileFormat.PNG), false,
        LOSSLESS_MAD);
  }

  @Test
  void pngWithAlphaGivesPngTilesWithAlphaWeightedHalving() throws IOException {
    BufferedImage img = TestImages.textured(300, 211, true);
    MemorySink sink = tileAndCompare(file("in.png", TestImages.png(img, false)), img,
        DziOptions.defaults().withTileSize(100, 1), true, LOSSLESS_MAD);
    assertThat(sink.format).isEqualTo(TileFormat.PNG);
    assertThat(TestImages.decode(sink.tile(0, 0, 0)).getColorModel().hasAlpha()).isTrue();
  }

  @Test
  void alphaIsFlattenedOntoBlackForJpegTiles() throws IOException {
    BufferedImage img = TestImages.textured(300, 211, true);
    tileAndCompare(file("in.png", TestImages.png(img, false)), img,
        DziOptions.defaults().withFormat(TileFormat.JPG), false, JPEG_MAD);
  }

  @Test
  void interlacedPngIsReadWhole() throws IOException {
    BufferedImage img = TestImages.textured(333, 150, false);
    byte[] png = TestImages.png(img, true);
    assertThat(png[28]).as("IHDR interlace method").isEqualTo((byte) 1);
    tileAndCompare(file("in.png", png), img,
        DziOptions.defaults().withTileSize(128, 1).withFormat(TileFormat.PNG), false,
        LOSSLESS_MAD);
  }

  @Test
  void paletteGrayAndSixteenBitPngsAreRead() throws IOException {
    BufferedImage rgb = TestImages.textured(260, 190, false);
    BufferedImage palette = TestImages.as(rgb, BufferedImage.TYPE_BYTE_INDEXED);
    tileAndCompare(file("palette.png", TestImages.png(palette, false)), palette,
        DziOptions.defaults().withTileSize(128, 1).withFormat(TileFormat.PNG), false,
        LOSSLESS_MAD);

    BufferedImage gray = TestImages.as(rgb, BufferedImage.TYPE_BYTE_GRAY);
    MemorySink graySink = tileAndCompare(file("gray.png", TestImages.png(gray, false)), gray,
        DziOptions.defaults().withTileSize(128, 1).withFormat(TileFormat.PNG), false,
        LOSSLESS_MAD);
    assertThat(TestImages.decode(graySink.tile(8, 0, 0)).getRaster().getNumBands()).isEqualTo(1);

    BufferedImage deep = new BufferedImage(260, 190, BufferedImage.TYPE_USHORT_GRAY);
    for (int y = 0; y < 190; y++) {
      for (int x = 0; x < 260; x++) {
        deep.getRaster().setSample(x, y, 0, gray.getRaster().getSample(x, y, 0) * 257);
      }
    }
    tileAndCompare(file("deep.png", TestImages.png(deep, false)), gray,
        DziOptions.defaults().withTileSize(128, 1).withFormat(TileFormat.PNG), false,
        LOSSLESS_MAD);
  }

  @Test
  void grayJpegGivesGrayJpegTiles() throws IOException {
    BufferedImage gray = TestImages.as(TestImages.textured(400, 300, false),
        BufferedImage.TYPE_BYTE_GRAY);
    byte[] jpeg = TestImages.jpeg(gray, 0.95f, false);
    MemorySink sink = tileAndCompare(file("gray.jpg", jpeg), TestImages.decode(jpeg),
        DziOptions.defaults(), false, JPEG_MAD);
    assertThat(TestImages.decode(sink.tile(9, 1, 1)).getRaster().getNumBands()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none striped", "LZW striped", "Deflate striped", "LZW tiled",
      "Deflate tiled", "PackBits tiled"})
  void tiffsStripedAndTiledAreReadInBands(String variant) throws IOException {
    String compression = variant.split(" ")[0];
    boolean tiled = variant.endsWith("tiled");
    // taller than a band (256 rows), so that bands join up; tiles of 64 rows
    BufferedImage img = TestImages.as(TestImages.textured(300, 700, false),
        BufferedImage.TYPE_3BYTE_BGR);
    byte[] tiff = TestImages.tiff(img, compression.equals("none") ? null : compression,
        tiled ? 64 : 0);
    tileAndCompare(file("in.tif", tiff), img,
        DziOptions.defaults().withTileSize(200, 1).withFormat(TileFormat.PNG), false,
        LOSSLESS_MAD);
  }

  @Test
  void rgbaTiffKeepsItsAlpha() throws IOException {
    BufferedImage img = TestImages.as(TestImages.textured(270, 300, true),
        BufferedImage.TYPE_4BYTE_ABGR);
    MemorySink sink = tileAndCompare(file("in.tif", TestImages.tiff(img, "Deflate", 128)), img,
        DziOptions.defaults(), true, LOSSLESS_MAD);
    assertThat(sink.format).isEqualTo(TileFormat.PNG);
  }

  @Test
  void progressRisesToOneAfterTheCommit() throws IOException {
    byte[] jpeg = TestImages.jpeg(TestImages.textured(900, 700, false), 0.9f, false);
    List<Double> seen = new ArrayList<>();
    MemorySink sink = new MemorySink() {
      @Override
      public void commit() {
        seen.add(-1.0);
        super.commit();
      }
    };
    DziTiler.tile(file("in.jpg", jpeg), sink, DziOptions.defaults().withTileSize(64, 1),
        new TilingListener() {
          @Override
          public void progress(double fraction) {
            seen.add(fraction);
          }
        });
    assertThat(seen).hasSizeGreaterThan(10);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
    assertThat(seen.get(seen.size() - 2)).as("commit before 1.0").isEqualTo(-1.0);
    List<Double> before = seen.subList(0, seen.size() - 2);
    assertThat(before).isSorted().allMatch(f -> f > 0 && f < 1);
  }

  @Test
  void cancellingStopsTheRunAndLeavesNoOutput() throws IOException {
    byte[] jpeg = TestImages.jpeg(TestImages.textured(1500, 1500, false), 0.9f, false);
    Path in = file("in.jpg", jpeg);
    Path out = Files.createDirectory(dir.resolve("out"));
    TilingListener cancelAtOnce = new TilingListener() {
      private volatile boolean started;

      @Override
      public void progress(double fraction) {
        started = true;
      }

      @Override
      public boolean cancelled() {
        return started;
      }
    };
    assertThatThrownBy(() -> {
      try (TileSink sink = new FolderTileSink(out.resolve("photo"))) {
        DziTiler.tile(in, sink, DziOptions.defaults().withTileSize(32, 1), cancelAtOnce);
      }
    }).isInstanceOf(CancellationException.class);
    assertThat(listing(out)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dir", "zip"})
  void aFailingTileWriteFailsTheRunAndLeavesNoOutput(String container) throws IOException {
    byte[] jpeg = TestImages.jpeg(TestImages.textured(800, 600, false), 0.9f, false);
    Path in = file("in.jpg", jpeg);
    Path out = Files.createDirectory(dir.resolve("out"));
    TileSink real = container.equals("dir") ? new FolderTileSink(out.resolve("photo"))
        : new ZipTileSink(out.resolve("photo.zip"));
    TileSink failing = new TileSink() {
      private int puts;

      @Override
      public void start(DziPyramid pyramid, TileFormat format) throws IOException {
        real.start(pyramid, format);
      }

      @Override
      public void put(int level, int column, int row, byte[] encoded, int length)
          throws IOException {
        synchronized (this) {
          if (++puts == 5) {
            throw new IOException("disk full");
          }
        }
        real.put(level, column, row, encoded, length);
      }

      @Override
      public void commit() throws IOException {
        real.commit();
      }

      @Override
      public void close() throws IOException {
        real.close();
      }
    };
    assertThatThrownBy(() -> {
      try (failing) {
        DziTiler.tile(in, failing, DziOptions.defaults().withTileSize(32, 1),
            TilingListener.NONE);
      }
    }).isInstanceOf(IOException.class).hasMessage("disk full");
    assertThat(listing(out)).isEmpty();
  }

  @Test
  void badInputsFailWithTheirReasonAndLeaveNoOutput() throws IOException {
    byte[] jpeg = TestImages.jpeg(TestImages.textured(500, 400, false), 0.9f, false);
    byte[] progressive = TestImages.jpeg(TestImages.textured(500, 400, false), 0.9f, true);
    byte[] png = TestImages.png(TestImages.textured(500, 400, false), false);
    byte[] tiff = TestImages.tiff(TestImages.as(TestImages.textured(500, 400, false),
        BufferedImage.TYPE_3BYTE_BGR), "LZW", 0);
    BufferedImage deep = new BufferedImage(64, 64, BufferedImage.TYPE_USHORT_GRAY);
    ByteArrayOutputStream gif = new ByteArrayOutputStream();
    ImageIO.write(TestImages.textured(20, 20, false), "gif", gif);
    byte[] badTable = jpeg.clone();
    for (int i = 0; i + 1 < badTable.length; i++) {
      if ((badTable[i] & 0xff) == 0xFF && (badTable[i + 1] & 0xff) == 0xC4) {
        Arrays.fill(badTable, i + 4, i + 40, (byte) 0xFF);
        break;
      }
    }
    byte[] strayMarker = jpeg.clone();
    strayMarker[jpeg.length / 3] = (byte) 0xFF;
    strayMarker[jpeg.length / 3 + 1] = (byte) 0x99;

    expectBad(new byte[0], Reason.EMPTY, "empty");
    expectBad("just some text\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Reason.NOT_AN_IMAGE, "not an image");
    expectBad(gif.toByteArray(), Reason.UNSUPPORTED, "GIF");
    expectBad(new byte[] {'I', 'I', 43, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        Reason.UNSUPPORTED, "BigTIFF");
    expectBad(Arrays.copyOf(jpeg, jpeg.length * 3 / 5), Reason.TRUNCATED, "JPEG file is truncated");
    expectBad(Arrays.copyOf(progressive, progressive.length * 3 / 5), Reason.TRUNCATED,
        "JPEG file is truncated");
    expectBad(Arrays.copyOf(png, png.length * 3 / 5), Reason.TRUNCATED, "PNG file is truncated");
    expectBad(Arrays.copyOf(tiff, tiff.length * 3 / 5), Reason.TRUNCATED,
        "TIFF file is truncated");
    expectBad(Arrays.copyOf(jpeg, 200), Reason.TRUNCATED, "JPEG file is truncated");
    expectBad(badTable, Reason.CORRUPT, "JPEG file is corrupt: Bogus Huffman table definition");
    expectBad(strayMarker, Reason.CORRUPT, "JPEG file is corrupt");
    expectBad(TestImages.tiff(deep, "LZW", 0), Reason.UNSUPPORTED, "16-bit");
  }

  @Test
  void imagesOverThePixelLimitAreRefusedBeforeDecoding() throws IOException {
    byte[] jpeg = TestImages.jpeg(TestImages.textured(500, 400, false), 0.9f, false);
    Path in = file("big.jpg", jpeg);
    assertThatThrownBy(() -> DziTiler.tile(in, new MemorySink(),
        DziOptions.defaults().withMaxPixels(199_999), TilingListener.NONE))
        .isInstanceOfSatisfying(BadImageException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
        .hasMessageContaining("500 × 400 = 200,000 pixels, more than the limit of 199,999");
    assertThat(DziTiler.tile(in, new MemorySink(), DziOptions.defaults().withMaxPixels(200_000),
        TilingListener.NONE).tiles()).isPositive();
  }

  private void expectBad(byte[] bytes, Reason reason, String message) throws IOException {
    for (String container : List.of("dir", "zip")) {
      Path in = file("bad-" + reason + "-" + bytes.length, bytes);
      Path out = Files.createDirectories(dir.resolve("out-" + reason + "-" + bytes.length));
      assertThatThrownBy(() -> {
        try (TileSink sink = container.equals("dir") ? new FolderTileSink(out.resolve("x"))
            : new ZipTileSink(out.resolve("x.zip"))) {
          DziTiler.tile(in, sink, DziOptions.defaults(), TilingListener.NONE);
        }
      }).as("%s (%d bytes) into a %s", reason, bytes.length, container)
          .isInstanceOfSatisfying(BadImageException.class,
              e -> assertThat(e.reason()).isEqualTo(reason))
          .hasMessageContaining(message);
      assertThat(listing(out)).as("left behind in %s", container).isEmpty();
    }
  }

  static List<String> listing(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted()
          .toList();
    }
  }
}

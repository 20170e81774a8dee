package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.testing.TesseraProcess;
import io.tessera.testing.TesseraProcess.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessera tile} as a user runs it: outputs, messages, exit codes 0 / 1 / 2, signals. */
class TileCommandTest {
  @TempDir Path dir;

  private Path jpeg(String name, int width, int height) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        img.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | ((x ^ y) & 0xff));
      }
    }
    Path file = dir.resolve(name);
    ImageIO.write(img, "jpeg", file.toFile());
    return file;
  }

  private List<String> listing(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted()
          .toList();
    }
  }

  @Test
  void tileWritesADziFolderOrAZipNamedAsVipsNamesThem() throws Exception {
    Path in = jpeg("photo.jpg", 600, 400);
    Path out = Files.createDirectory(dir.resolve("out"));
    Result r = TesseraProcess.run(null, "tile", in.toString(), out.resolve("photo").toString(),
        "--timings");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("photo.dzi and ", "600 × 400, 11 levels, 17 jpg tiles",
        "timings: ", "decode", "encode");
    assertThat(r.stderr()).contains("tiling: 100 %");
    assertThat(Files.readString(out.resolve("photo.dzi"))).contains("TileSize=\"254\"",
        "Overlap=\"1\"", "Width=\"600\"");
    assertThat(out.resolve("photo_files/10/2_1.jpg")).isRegularFile();

    Result z = TesseraProcess.run(null, "tile", in.toString(), out.resolve("packed.zip").toString(),
        "--tile-size", "128", "--overlap", "0", "--format", "png");
    assertThat(z.exitCode()).as(z.stderr()).isZero();
    try (ZipFile zip = new ZipFile(out.resolve("packed.zip").toFile())) {
      assertThat(zip.getEntry("packed/packed.dzi")).isNotNull();
      assertThat(zip.getEntry("packed/packed_files/10/4_3.png")).isNotNull();
    }
    Result forced = TesseraProcess.run(null, "tile", in.toString(),
        out.resolve("forced").toString(), "--container", "zip", "--quality", "40");
    assertThat(forced.exitCode()).as(forced.stderr()).isZero();
    assertThat(listing(out)).contains("forced.zip", "packed.zip", "photo.dzi", "photo_files")
        .noneMatch(name -> name.startsWith("."));
  }

  @Test
  void badInputExitsWithOneAndAReadableMessageAndLeavesNothing() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jpg"));
    Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
    Path out = Files.createDirectory(dir.resolve("out"));
    Result r = TesseraProcess.run(null, "tile", empty.toString(), out.resolve("x").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("error: empty.jpg: the file is empty")
        .doesNotContain("Exception");
    Result t = TesseraProcess.run(null, "tile", text.toString(), out.resolve("x.zip").toString());
    assertThat(t.exitCode()).isEqualTo(1);
    assertThat(t.stderr()).contains("error: notes.png: not an image");
    Result missing = TesseraProcess.run(null, "tile", dir.resolve("nope.jpg").toString(),
        out.resolve("x").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).contains("nope.jpg", "no such file");
    assertThat(listing(out)).isEmpty();
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    String in = jpeg("photo.jpg", 50, 40).toString();
    String out = dir.resolve("o").toString();
    assertThat(TesseraProcess.run(null, "tile", in).exitCode()).isEqualTo(2);
    Result size = TesseraProcess.run(null, "tile", in, out, "--tile-size", "0");
    assertThat(size.exitCode()).isEqualTo(2);
    assertThat(size.stderr()).contains("tile size");
    Result overlap = TesseraProcess.run(null, "tile", in, out, "--tile-size", "8", "--overlap",
        "8");
    assertThat(overlap.exitCode()).isEqualTo(2);
    assertThat(overlap.stderr()).contains("overlap");
    Result format = TesseraProcess.run(null, "tile", in, out, "--format", "gif");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.stderr()).contains("jpg or png");
    Result quality = TesseraProcess.run(null, "tile", in, out, "--quality", "101");
    assertThat(quality.exitCode()).isEqualTo(2);
    assertThat(TesseraProcess.run(null, "tile", in, out, "--container", "tar").exitCode())
        .isEqualTo(2);
    Result help = TesseraProcess.run(null, "--help");
    assertThat(help.stdout()).contains("tile");
  }

  @Test
  void aRunStoppedBySigtermLeavesTheWholePyramidOrNothing() throws Exception {
    Path in = jpeg("big.jpg", 3000, 3000);
    Path out = Files.createDirectory(dir.resolve("out"));
    try (TesseraProcess p = TesseraProcess.start("tile", in.toString(),
        out.resolve("big").toString(), "--tile-size", "32")) {
      // wait until it is writing tiles: its staging folder exists
      for (int i = 0; i < 600 && listing(out).isEmpty() && p.process().isAlive(); i++) {
        Thread.sleep(50);
      }
      p.process().destroy();
      assertThat(p.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    List<String> left = listing(out);
    if (left.contains("big.dzi")) {
      assertThat(left).noneMatch(name -> name.startsWith("."));
    } else {
      assertThat(left).isEmpty();
    }
  }
}

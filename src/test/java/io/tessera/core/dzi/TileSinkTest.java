package io.tessera.core.dzi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder and zip outputs: vips's layouts, the same tiles in both, replaced whole. */
class TileSinkTest {
  @TempDir Path dir;

  private Path jpeg(int width, int height) throws IOException {
    return Files.write(dir.resolve("in-" + width + "x" + height + ".jpg"),
        TestImages.jpeg(TestImages.textured(width, height, false), 0.9f, false));
  }

  @Test
  void folderAndZipHoldTheSameTilesInTheLayoutVipsWrites() throws IOException {
    Path in = jpeg(600, 400);
    Path out = Files.createDirectory(dir.resolve("out"));
    try (TileSink sink = new FolderTileSink(out.resolve("photo"))) {
      DziTiler.tile(in, sink, DziOptions.defaults(), TilingListener.NONE);
    }
    try (TileSink sink = new ZipTileSink(out.resolve("photo.zip"))) {
      DziTiler.tile(in, sink, DziOptions.defaults(), TilingListener.NONE);
    }
    // as `vips dzsave x.jpg photo` and `vips dzsave x.jpg photo.zip` (8.14), less
    // vips-properties.xml
    assertThat(DziTilerTest.listing(out)).startsWith("photo.dzi", "photo.zip", "photo_files",
        "photo_files/0", "photo_files/0/0_0.jpg", "photo_files/1").contains(
        "photo_files/10/0_0.jpg", "photo_files/10/2_1.jpg", "photo_files/9/1_0.jpg")
        .hasSize(3 + 11 + 17);
    String dzi = Files.readString(out.resolve("photo.dzi"));
    assertThat(dzi).isEqualTo(DziPyramid.of(600, 400).descriptorXml(TileFormat.JPG));

    Map<String, byte[]> zipped = new HashMap<>();
    try (ZipFile zip = new ZipFile(out.resolve("photo.zip").toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED);
        zipped.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
      }
    }
    assertThat(zipped).hasSize(1 + 17).containsKey("photo/photo.dzi");
    assertThat(new String(zipped.get("photo/photo.dzi"), StandardCharsets.UTF_8)).isEqualTo(dzi);
    for (String name : zipped.keySet()) {
      if (!name.endsWith(".dzi")) {
        assertThat(name).startsWith("photo/photo_files/");
        assertThat(zipped.get(name)).as(name).isEqualTo(
            Files.readAllBytes(out.resolve(name.substring("photo/".length()))));
      }
    }
  }

  @Test
  void aSecondRunReplacesTheFirstWholeAndLeavesNoStagingBehind() throws IOException {
    Path out = Files.createDirectory(dir.resolve("out"));
    try (TileSink sink = new FolderTileSink(out.resolve("photo"))) {
      DziTiler.tile(jpeg(600, 400), sink, DziOptions.defaults().withTileSize(64, 0),
          TilingListener.NONE);
    }
    try (TileSink sink = new FolderTileSink(out.resolve("photo"))) {
      DziTiler.tile(jpeg(300, 200), sink, DziOptions.defaults(), TilingListener.NONE);
    }
    List<String> files = DziTilerTest.listing(out);
    assertThat(files).allMatch(f -> f.startsWith("photo.dzi") || f.startsWith("photo_files"));
    assertThat(files.stream().filter(f -> f.endsWith(".jpg")))
        .hasSize((int) DziPyramid.of(300, 200).tileCount());
    assertThat(Files.readString(out.resolve("photo.dzi"))).contains("Width=\"300\"");
  }
}

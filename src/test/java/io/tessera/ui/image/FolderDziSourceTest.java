package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.dzi.DziOptions;
import io.tessera.core.dzi.DziTiler;
import io.tessera.core.dzi.FolderTileSink;
import io.tessera.core.dzi.TilingListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDziSourceTest {
  @TempDir Path dir;

  @Test
  void readsTheTilesOfAFolderTheTilerWrote() throws IOException {
    Path picture = TestPictures.write(dir.resolve("grid.png"), 600, 300);
    try (FolderTileSink sink = new FolderTileSink(dir.resolve("out/grid"))) {
      DziTiler.tile(picture, sink, DziOptions.defaults(), TilingListener.NONE);
    }

    FolderDziSource source = FolderDziSource.open(dir.resolve("out/grid.dzi"));

    assertThat(source.info()).isEqualTo(new DziInfo(600, 300, 254, 1, "jpg"));
    assertThat(source.tileFolder()).isEqualTo(dir.resolve("out/grid_files"));
    var tile = ImageIO.read(new ByteArrayInputStream(source.tile(10, 2, 1)));
    // the last tile: x 507..600 (overlap on the left), y 253..300
    assertThat(tile.getWidth()).isEqualTo(600 - 507);
    assertThat(tile.getHeight()).isEqualTo(300 - 253);
    assertThat(source.tile(0, 0, 0)).isNotEmpty();
  }

  @Test
  void aTileThatIsNotThereYetIsNull() throws IOException {
    FolderDziSource source = new FolderDziSource(new DziInfo(600, 300, 254, 1, "jpg"), dir.resolve("none_files"));

    assertThat(source.tile(10, 0, 0)).isNull();
  }

  @Test
  void aMissingOrBrokenDescriptorFails() throws IOException {
    assertThatThrownBy(() -> FolderDziSource.open(dir.resolve("gone.dzi")))
        .isInstanceOf(NoSuchFileException.class);
    Files.writeString(dir.resolve("bad.dzi"), "<html/>");
    assertThatThrownBy(() -> FolderDziSource.open(dir.resolve("bad.dzi")))
        .hasMessageContaining("not a DZI descriptor");
  }
}

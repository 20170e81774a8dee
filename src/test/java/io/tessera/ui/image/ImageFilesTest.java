package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class ImageFilesTest {
  @TempDir Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  static Path fixture() throws Exception {
    return Path.of(ImageFilesTest.class.getResource("copr-IMG_0031-400x267.jpg").toURI());
  }

  @Test
  void readsARealJpegPhoto() throws Exception {
    Image img = ImageFiles.read(fixture());

    assertThat(img.getWidth()).isEqualTo(400);
    assertThat(img.getHeight()).isEqualTo(267);
  }

  @Test
  void readsTiffThroughImageIo() throws Exception {
    BufferedImage rgb = new BufferedImage(31, 17, BufferedImage.TYPE_3BYTE_BGR);
    rgb.setRGB(30, 16, 0xff3366);
    Path tiff = dir.resolve("ortho.tif");
    assertThat(ImageIO.write(rgb, "TIFF", tiff.toFile())).isTrue();

    Image img = ImageFiles.read(tiff);

    assertThat(img.getWidth()).isEqualTo(31);
    assertThat(img.getHeight()).isEqualTo(17);
    assertThat(img.getPixelReader().getArgb(30, 16)).isEqualTo(0xffff3366);
  }

  @Test
  void aFileThatIsNoImageGivesAMessageForTheUser() throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.jpg"), "these are field notes, not a photo");
    Path fakeTiff = Files.writeString(dir.resolve("dsm.tif"), "not a tiff either");

    assertThatThrownBy(() -> ImageFiles.read(notes))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("notes.jpg is not a picture Tessera can open")
        .hasMessageNotContaining("Exception");
    assertThatThrownBy(() -> ImageFiles.read(fakeTiff))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("dsm.tif ");
    assertThatThrownBy(() -> ImageFiles.read(dir.resolve("gone.png")))
        .hasMessage("gone.png does not exist or is not a file.");
  }
}

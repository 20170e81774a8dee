package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class ImageFilesTest {

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  static Path fixture() throws Exception {
    return Path.of(ImageFilesTest.class.getResource("copr-IMG_0031-400x267.jpg").toURI());
  }

  @Test
  void decodesARealJpegPhotoHeldInMemory() throws Exception {
    Image img = ImageFiles.decode("IMG_0031.jpg", Files.readAllBytes(fixture()));

    assertThat(img.getWidth()).isEqualTo(400);
    assertThat(img.getHeight()).isEqualTo(267);
  }

  @Test
  void bytesThatAreNoPictureGiveAMessageForTheUser() {
    byte[] notes = "these are field notes, not a photo".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ImageFiles.decode("notes.jpg", notes))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("notes.jpg is not a picture Tessera can open")
        .hasMessageNotContaining("Exception");
  }
}

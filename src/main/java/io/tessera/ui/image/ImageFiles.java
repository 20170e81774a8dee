package io.tessera.ui.image;

import java.io.ByteArrayInputStream;
import javafx.scene.image.Image;

/**
 * Decodes pictures held in memory (a photo fetched from the service) whole, for the image pane.
 * Blocking: call it off the FX thread. Files on disk go through a {@link DziOpener} instead.
 */
public final class ImageFiles {
  private ImageFiles() {}

  /**
   * Decodes a JPEG or PNG held in memory at full resolution.
   *
   * @throws ImageReadException with a message meant for the user when the bytes are no picture
   */
  public static Image decode(String name, byte[] bytes) throws ImageReadException {
    Image image = new Image(new ByteArrayInputStream(bytes));
    if (image.isError() || image.getWidth() <= 0) {
      throw new ImageReadException(
          name + " is not a picture Tessera can open, or the file is damaged. "
              + "Supported: JPEG, PNG and TIFF.");
    }
    return image;
  }
}

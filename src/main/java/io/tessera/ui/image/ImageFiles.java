package io.tessera.ui.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files for the image pane. Blocking: call it off the FX thread. JPEG, PNG, GIF and
 * BMP go through JavaFX's own decoder; TIFF through the JDK's {@code javax.imageio} TIFF reader
 * (JavaFX has none), converted to a JavaFX image.
 */
public final class ImageFiles {
  private ImageFiles() {}

  /** Whether {@code path}'s name says TIFF, which JavaFX cannot decode itself. */
  static boolean isTiff(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".tif") || name.endsWith(".tiff");
  }

  /**
   * Reads the whole image at full resolution.
   *
   * @throws ImageReadException with a message meant for the user when the file is missing,
   *     unreadable or not an image this pane can show
   */
  public static Image read(Path path) throws ImageReadException {
    String name = path.getFileName().toString();
    if (!Files.isRegularFile(path)) {
      throw new ImageReadException(name + " does not exist or is not a file.");
    }
    if (!Files.isReadable(path)) {
      throw new ImageReadException("You do not have permission to read " + name + ".");
    }
    return isTiff(path) ? readTiff(path, name) : readWithJavaFx(path, name);
  }

  /**
   * Decodes a JPEG or PNG held in memory (a photo fetched from the service) at full resolution.
   *
   * @throws ImageReadException with a message meant for the user when the bytes are no picture
   */
  public static Image decode(String name, byte[] bytes) throws ImageReadException {
    return checked(new Image(new ByteArrayInputStream(bytes)), name);
  }

  private static Image readWithJavaFx(Path path, String name) throws ImageReadException {
    return checked(new Image(path.toUri().toString(), false), name);
  }

  private static Image checked(Image image, String name) throws ImageReadException {
    if (image.isError() || image.getWidth() <= 0) {
      throw new ImageReadException(
          name + " is not a picture Tessera can open, or the file is damaged. "
              + "Supported: JPEG, PNG and TIFF.");
    }
    return image;
  }

  private static Image readTiff(Path path, String name) throws ImageReadException {
    try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
      Iterator<ImageReader> readers =
          in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageReadException(name + " is not a TIFF image, or the file is damaged.");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        BufferedImage img = reader.read(0);
        return SwingFXUtils.toFXImage(img, null);
      } finally {
        reader.dispose();
      }
    } catch (OutOfMemoryError e) {
      // Only this decode's buffer failed to fit; it is garbage now, the application can go on.
      throw new ImageReadException(
          name + " is too large to open in one piece with the memory Tessera has.", e);
    } catch (IOException | RuntimeException e) {
      // Typical causes: BigTIFF, an unsupported compression, elevation (Float32) data.
      throw new ImageReadException(
          name + " could not be read as a picture (it may be a BigTIFF, use an unsupported "
              + "compression, or hold elevation values rather than colours).",
          e);
    }
  }
}

package io.tessera.ui.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Pictures for the image pane's tests: a grid of cells (8 pixels unless said), each of another
 * colour than its neighbours, so that a pixel's colour tells where in the picture it is.
 */
final class TestPictures {
  static final int CELL = 8;

  private TestPictures() {}

  /** The colour (RGB) of the cell holding pixel (x, y). */
  static int colourAt(int x, int y) {
    return colourAt(x, y, CELL);
  }

  /** The colour (RGB) of the {@code cell}-pixel cell holding pixel (x, y). */
  static int colourAt(int x, int y, int cell) {
    int cx = x / cell;
    int cy = y / cell;
    return ((cx * 37) & 0xff) << 16 | ((cy * 53) & 0xff) << 8 | ((cx * 7 + cy * 11) & 0xff);
  }

  /** Writes a {@code width} × {@code height} cell grid as PNG or JPEG, by the file's name. */
  static Path write(Path file, int width, int height) {
    return write(file, width, height, CELL);
  }

  /** As {@link #write(Path, int, int)} with cells of {@code cell} pixels (1: every pixel its own). */
  static Path write(Path file, int width, int height, int cell) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        img.setRGB(x, y, colourAt(x, y, cell));
      }
    }
    String name = file.getFileName().toString();
    try {
      ImageIO.write(img, name.endsWith(".png") ? "png" : "jpg", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}

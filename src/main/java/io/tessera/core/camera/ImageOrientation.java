package io.tessera.core.camera;

import io.tessera.core.image.ImagePoint;

/**
 * Pixel positions between an image as stored and as displayed under its EXIF orientation tag
 * (1–8), which is how Tessera's viewers and tilers show photos and hence how marks are placed.
 * The camera model works on the stored image, where the sensor's rows are. Both sides use
 * Tessera's pixel convention (corner origin), in which the mappings are exact: a stored image of
 * W × H shows as W × H (tags 1–4) or H × W (tags 5–8).
 */
public final class ImageOrientation {
  private ImageOrientation() {}

  /** The displayed position of stored pixel position {@code p} of a {@code w} × {@code h} image. */
  public static ImagePoint toDisplayed(ImagePoint p, int orientation, int w, int h) {
    double x = p.x();
    double y = p.y();
    return switch (normal(orientation)) {
      case 2 -> new ImagePoint(w - x, y);
      case 3 -> new ImagePoint(w - x, h - y);
      case 4 -> new ImagePoint(x, h - y);
      case 5 -> new ImagePoint(y, x);
      case 6 -> new ImagePoint(h - y, x);
      case 7 -> new ImagePoint(h - y, w - x);
      case 8 -> new ImagePoint(y, w - x);
      default -> p;
    };
  }

  /** The stored position of displayed position {@code p}; {@code w} × {@code h} is the stored size. */
  public static ImagePoint toStored(ImagePoint p, int orientation, int w, int h) {
    double x = p.x();
    double y = p.y();
    return switch (normal(orientation)) {
      case 2 -> new ImagePoint(w - x, y);
      case 3 -> new ImagePoint(w - x, h - y);
      case 4 -> new ImagePoint(x, h - y);
      case 5 -> new ImagePoint(y, x);
      case 6 -> new ImagePoint(y, h - x);
      case 7 -> new ImagePoint(w - y, h - x);
      case 8 -> new ImagePoint(w - y, x);
      default -> p;
    };
  }

  /** True when the tag turns the image by a quarter (tags 5–8): width and height swap. */
  public static boolean swapsAxes(int orientation) {
    return normal(orientation) >= 5;
  }

  private static int normal(int orientation) {
    return orientation >= 1 && orientation <= 8 ? orientation : 1; // unknown tags: as stored
  }
}

package io.tessera.ui.image;

/**
 * How the image sits on screen: {@code screen = offset + scale · pixel}, in a viewport of {@code
 * width} × {@code height} screen pixels. Pixel coordinates have their origin at the top-left
 * corner of the top-left pixel (ARCHITECTURE §11).
 *
 * @param scale screen pixels per image pixel
 * @param offsetX screen x of the image's left edge
 * @param offsetY screen y of the image's top edge
 * @param width viewport width, screen pixels
 * @param height viewport height, screen pixels
 */
record Viewport(double scale, double offsetX, double offsetY, double width, double height) {

  double screenX(double pixelX) {
    return offsetX + scale * pixelX;
  }

  double screenY(double pixelY) {
    return offsetY + scale * pixelY;
  }

  double pixelX(double screenX) {
    return (screenX - offsetX) / scale;
  }

  double pixelY(double screenY) {
    return (screenY - offsetY) / scale;
  }
}

package io.tessera.core.dzi;

import java.util.Locale;

/** How tiles are encoded: JPEG for opaque images, PNG where transparency must survive. */
public enum TileFormat {
  JPG("jpg"),
  PNG("png");

  private final String extension;

  TileFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension and the DZI {@code Format} attribute, without a dot. */
  public String extension() {
    return extension;
  }

  /** {@code jpg}, {@code jpeg} or {@code png}, in any case. */
  public static TileFormat parse(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "jpg":
      case "jpeg":
        return JPG;
      case "png":
        return PNG;
      default:
        throw new IllegalArgumentException("unknown tile format '" + name + "' (jpg or png)");
    }
  }
}

package io.tessera.ui.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javafx.scene.image.Image;

/**
 * The image open in the pane: its name, its size and where its pixels come from, either the
 * tiles of a {@link DziSource} or one picture decoded whole (a photo fetched from the service).
 * Immutable.
 */
public final class OpenImage {
  private final String name;
  private final DziInfo info;
  private final DziSource source;
  private final Image decoded;

  private OpenImage(String name, DziInfo info, DziSource source, Image decoded) {
    this.name = name;
    this.info = info;
    this.source = source;
    this.decoded = decoded;
  }

  /** An image shown through the tiles of {@code source}. */
  public static OpenImage of(String name, DziSource source) {
    return new OpenImage(name, source.info(), source, null);
  }

  /**
   * A picture decoded whole: a pyramid of one level, in one tile, that is the picture itself.
   * Drawn scaled, as it is; fine for photos, while anything larger belongs in a {@link DziSource}.
   */
  public static OpenImage of(String name, Image decoded) {
    int w = (int) Math.round(decoded.getWidth());
    int h = (int) Math.round(decoded.getHeight());
    return new OpenImage(name, new DziInfo(w, h, Math.max(w, h), 0, "decoded"), null, decoded);
  }

  /** The name the user knows it by, e.g. the file name. */
  public String getName() {
    return name;
  }

  public DziInfo getInfo() {
    return info;
  }

  /** Width of the full image, pixels. */
  public int getWidth() {
    return info.width();
  }

  /** Height of the full image, pixels. */
  public int getHeight() {
    return info.height();
  }

  /** The tiles' source, or null for a picture decoded whole. */
  public DziSource getSource() {
    return source;
  }

  /** The coarsest level that has tiles: 0 for a pyramid, the full level for a decoded picture. */
  int coarsestLevel() {
    return decoded == null ? 0 : info.maxLevel();
  }

  /** The decoded picture, or null when the image comes in tiles. */
  Image decoded() {
    return decoded;
  }

  /**
   * Decodes a tile's bytes (JPEG or PNG). Blocking; call it off the FX thread.
   *
   * @throws IOException the bytes are no picture JavaFX can decode
   */
  static Image decodeTile(TileId tile, byte[] bytes) throws IOException {
    Image image = new Image(new ByteArrayInputStream(bytes));
    if (image.isError() || image.getWidth() <= 0) {
      Exception why = image.getException();
      throw new IOException("tile " + tile.level() + "/" + tile.column() + "_" + tile.row()
          + " cannot be decoded" + (why == null ? "" : ": " + why.getMessage()), why);
    }
    return image;
  }
}

package io.tessera.core.geo;

/**
 * One XYZ tile: column {@code x} from the west, row {@code y} from the north, at integer {@code
 * zoom} where the world is {@code 2^zoom} tiles square. Written {@code z/x/y} as in tile URLs.
 *
 * @param zoom tile level, 0 to {@link TileMath#MAX_LEVEL}
 * @param x column, 0 to {@code 2^zoom - 1}
 * @param y row, 0 to {@code 2^zoom - 1}
 */
public record TileKey(int zoom, int x, int y) {
  public TileKey {
    if (zoom < 0 || zoom > TileMath.MAX_LEVEL) {
      throw new IllegalArgumentException("tile zoom out of range [0, " + TileMath.MAX_LEVEL + "]: " + zoom);
    }
    int tiles = 1 << zoom;
    if (x < 0 || x >= tiles || y < 0 || y >= tiles) {
      throw new IllegalArgumentException("tile " + zoom + "/" + x + "/" + y + " is outside the world");
    }
  }

  /** The tile one level up that covers this one; tile 0/0/0 has no parent. */
  public TileKey parent() {
    if (zoom == 0) {
      throw new IllegalStateException("tile 0/0/0 has no parent");
    }
    return new TileKey(zoom - 1, x >> 1, y >> 1);
  }

  /** The tile at {@code ancestorZoom} (at most this tile's zoom) that covers this one. */
  public TileKey ancestor(int ancestorZoom) {
    if (ancestorZoom < 0 || ancestorZoom > zoom) {
      throw new IllegalArgumentException("ancestor zoom must be in [0, " + zoom + "]: " + ancestorZoom);
    }
    int shift = zoom - ancestorZoom;
    return new TileKey(ancestorZoom, x >> shift, y >> shift);
  }

  /** {@code z/x/y}, the path form used by tile URLs. */
  @Override
  public String toString() {
    return zoom + "/" + x + "/" + y;
  }
}

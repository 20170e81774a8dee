package io.tessera.core.dzi;

import java.util.Locale;

/**
 * The Deep Zoom pyramid of an image: level {@code maxLevel()} is the image itself, each level
 * below halves the one above (rounding up), and level 0 is 1×1. Each level is cut into tiles of
 * {@code tileSize} pixels, to which {@code overlap} pixels of each neighbouring tile are added on
 * the sides that have a neighbour; tiles in the last column and row are smaller.
 *
 * <p>This is the layout of Microsoft's DZI format as OpenSeadragon, ZoomHub and {@code vips
 * dzsave} use it (tile size 254 and overlap 1 give 256-pixel tiles inside the image).
 *
 * @param width image width, pixels (at least 1)
 * @param height image height, pixels (at least 1)
 * @param tileSize tile edge without overlap, pixels (at least 1)
 * @param overlap pixels shared with each neighbouring tile (0 up to {@code tileSize - 1})
 */
public record DziPyramid(int width, int height, int tileSize, int overlap) {
  /** The defaults of ZoomHub and {@code vips dzsave}. */
  public static final int DEFAULT_TILE_SIZE = 254;

  public static final int DEFAULT_OVERLAP = 1;

  public DziPyramid {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be at least 1×1, not " + width + "×"
          + height);
    }
    if (tileSize < 1) {
      throw new IllegalArgumentException("tile size must be at least 1, not " + tileSize);
    }
    if (overlap < 0 || overlap >= tileSize) {
      throw new IllegalArgumentException(
          "overlap must be within 0.." + (tileSize - 1) + ", not " + overlap);
    }
  }

  /** A pyramid with the default tile size and overlap. */
  public static DziPyramid of(int width, int height) {
    return new DziPyramid(width, height, DEFAULT_TILE_SIZE, DEFAULT_OVERLAP);
  }

  /** {@code ceil(log2(max(width, height))) + 1}: 1 for a 1×1 image, 14 for 8192×8192. */
  public static int levelCount(int width, int height) {
    int longest = Math.max(width, height);
    if (longest < 1) {
      throw new IllegalArgumentException("image size must be at least 1×1");
    }
    return 33 - Integer.numberOfLeadingZeros(longest - 1);
  }

  public int levelCount() {
    return levelCount(width, height);
  }

  /** The full-resolution level, {@code levelCount() - 1}. */
  public int maxLevel() {
    return levelCount() - 1;
  }

  /** Width of {@code level}: {@code ceil(width / 2^(maxLevel - level))}. */
  public int levelWidth(int level) {
    return scaled(width, level);
  }

  /** Height of {@code level}: {@code ceil(height / 2^(maxLevel - level))}. */
  public int levelHeight(int level) {
    return scaled(height, level);
  }

  /** Tile columns at {@code level}. */
  public int columns(int level) {
    return ceilDiv(levelWidth(level), tileSize);
  }

  /** Tile rows at {@code level}. */
  public int rows(int level) {
    return ceilDiv(levelHeight(level), tileSize);
  }

  /** Tiles in the whole pyramid. */
  public long tileCount() {
    long n = 0;
    for (int level = 0; level <= maxLevel(); level++) {
      n += (long) columns(level) * rows(level);
    }
    return n;
  }

  /** The pixels of tile ({@code column}, {@code row}) at {@code level}, overlap included. */
  public TileBounds tile(int level, int column, int row) {
    if (column < 0 || column >= columns(level) || row < 0 || row >= rows(level)) {
      throw new IllegalArgumentException(
          "no tile " + column + "_" + row + " at level " + level + " of " + this);
    }
    int x = firstPixel(column);
    int y = firstPixel(row);
    return new TileBounds(x, y, endPixel(column, levelWidth(level)) - x,
        endPixel(row, levelHeight(level)) - y);
  }

  /** First pixel row or column of tile index {@code i} along an axis, overlap included. */
  int firstPixel(int i) {
    return Math.max(0, i * tileSize - overlap);
  }

  /** One past the last pixel of tile index {@code i} on an axis {@code length} long. */
  int endPixel(int i, int length) {
    return (int) Math.min(length, (long) (i + 1) * tileSize + overlap);
  }

  /** The {@code .dzi} descriptor for tiles in {@code format}. */
  public String descriptorXml(TileFormat format) {
    return String.format(Locale.ROOT,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
            + "<Image xmlns=\"http://schemas.microsoft.com/deepzoom/2008\" Format=\"%s\""
            + " Overlap=\"%d\" TileSize=\"%d\">%n"
            + "  <Size Width=\"%d\" Height=\"%d\"/>%n"
            + "</Image>%n",
        format.extension(), overlap, tileSize, width, height);
  }

  private int scaled(int size, int level) {
    if (level < 0 || level > maxLevel()) {
      throw new IllegalArgumentException("level " + level + " is outside 0.." + maxLevel());
    }
    int shift = maxLevel() - level;
    return (int) (((long) size + (1L << shift) - 1) >> shift);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** A tile's pixels in its level: top-left corner and size, overlap included. */
  public record TileBounds(int x, int y, int width, int height) {}
}

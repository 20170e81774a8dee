package io.tessera.core.dzi;

/**
 * How to tile.
 *
 * @param tileSize tile edge without overlap, pixels
 * @param overlap pixels shared with each neighbouring tile
 * @param format tile encoding, or null to choose from the source: PNG when it has transparency,
 *     else JPEG
 * @param jpegQuality JPEG quality, 1..100 (libjpeg's scale; vips's {@code Q})
 * @param maxPixels largest width × height accepted; bigger images fail with {@link
 *     BadImageException.Reason#TOO_LARGE} before any decoding
 * @param threads encoder threads (the calling thread decodes and resamples)
 */
public record DziOptions(
    int tileSize, int overlap, TileFormat format, int jpegQuality, long maxPixels, int threads) {
  /** 2^31 pixels, e.g. 46,340 × 46,340. */
  public static final long DEFAULT_MAX_PIXELS = 1L << 31;

  public static final int DEFAULT_JPEG_QUALITY = 85;

  public DziOptions {
    // the pyramid checks the same when it is built; failing here names the option at once
    new DziPyramid(1, 1, tileSize, overlap);
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("JPEG quality must be within 1..100, not " + jpegQuality);
    }
    if (maxPixels < 1) {
      throw new IllegalArgumentException("the pixel limit must be positive, not " + maxPixels);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
  }

  /** Tile size 254, overlap 1, format from the source, quality 85, 2^31 pixels, all cores. */
  public static DziOptions defaults() {
    return new DziOptions(DziPyramid.DEFAULT_TILE_SIZE, DziPyramid.DEFAULT_OVERLAP, null,
        DEFAULT_JPEG_QUALITY, DEFAULT_MAX_PIXELS, Runtime.getRuntime().availableProcessors());
  }

  public DziOptions withTileSize(int tileSize, int overlap) {
    return new DziOptions(tileSize, overlap, format, jpegQuality, maxPixels, threads);
  }

  public DziOptions withFormat(TileFormat format) {
    return new DziOptions(tileSize, overlap, format, jpegQuality, maxPixels, threads);
  }

  public DziOptions withJpegQuality(int jpegQuality) {
    return new DziOptions(tileSize, overlap, format, jpegQuality, maxPixels, threads);
  }

  public DziOptions withMaxPixels(long maxPixels) {
    return new DziOptions(tileSize, overlap, format, jpegQuality, maxPixels, threads);
  }

  public DziOptions withThreads(int threads) {
    return new DziOptions(tileSize, overlap, format, jpegQuality, maxPixels, threads);
  }
}

package io.tessera.core.raster;

import io.tessera.core.raster.OwnTiffRaster.UnsupportedCompression;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens GeoTIFF files (DSMs and orthomosaics written by GDAL and photogrammetry tools) as
 * {@link Raster}s read window by window. Two readers: Tessera's own ({@link #openOwn}: classic
 * TIFF and BigTIFF, tiled or striped, none / LZW / Deflate, predictors 1–3, positional reads) and
 * the JDK's ({@link #openImageIo}: classic TIFF only, also JPEG tiles, but no floating-point
 * predictor and no 16-bit horizontal predictor, which GDAL writes for DSMs). {@link #open} uses
 * our own reader and falls back to the JDK's for a classic TIFF in a compression ours lacks (JPEG).
 * Every file must be georeferenced; problems are {@link RasterException}s that name the file and
 * the problem.
 */
public final class GeoTiffs {
  private GeoTiffs() {}

  /**
   * Opens a GeoTIFF or BigTIFF with the reader that suits it.
   *
   * @throws RasterException for a file that is not a TIFF, corrupt, truncated, not georeferenced
   *     or in an unsupported layout
   */
  public static Raster open(Path path) throws IOException {
    boolean big = isBigTiff(path);
    try {
      return OwnTiffRaster.open(path);
    } catch (UnsupportedCompression e) {
      if (big) {
        throw e;
      }
      return ImageIoTiffRaster.open(path);
    }
  }

  /** Opens a classic GeoTIFF with the JDK's TIFF reader ({@code javax.imageio}). */
  public static Raster openImageIo(Path path) throws IOException {
    if (isBigTiff(path)) {
      throw new RasterException(path.getFileName()
          + " is a BigTIFF, which the JDK's TIFF reader does not read");
    }
    return ImageIoTiffRaster.open(path);
  }

  /** Opens a classic GeoTIFF or a BigTIFF with Tessera's own reader. */
  public static Raster openOwn(Path path) throws IOException {
    head(path);
    return OwnTiffRaster.open(path);
  }

  private static boolean isBigTiff(Path path) throws IOException {
    byte[] h = head(path);
    return h[0] == 'I' ? h[2] == 43 : h[3] == 43;
  }

  private static byte[] head(Path path) throws IOException {
    byte[] h = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(h, 0, 4);
    } catch (NoSuchFileException e) {
      throw new RasterException(path + " does not exist", e);
    }
    if (n < 4 || !TiffDirectory.isTiff(h)) {
      throw new RasterException(path.getFileName() + " is not a TIFF file");
    }
    return h;
  }
}

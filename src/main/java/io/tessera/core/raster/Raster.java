package io.tessera.core.raster;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A georeferenced grid read window by window: a DSM (one band of elevations) or an orthomosaic
 * (RGB or RGBA bytes). Implementations read only what a window touches, so a small polygon over a
 * large file costs the tiles it covers. Implementations are safe for concurrent reads from
 * several threads unless they say otherwise; {@link #close()} releases files.
 */
public interface Raster extends AutoCloseable {

  int width();

  int height();

  /** Number of bands: 1 for a DSM, 3 or 4 for an RGB(A) ortho. */
  int bands();

  SampleType sampleType();

  /** Pixel to CRS coordinates. */
  GeoTransform transform();

  /** The EPSG code of the raster's coordinate system, when its georeferencing names one. */
  OptionalInt epsg();

  /** The value that marks a missing sample (GDAL_NODATA), when there is one. */
  OptionalDouble noData();

  /**
   * The natural block size of the storage (a tile, or a strip's width × its rows): reads aligned to
   * it cost least.
   */
  int blockWidth();

  int blockHeight();

  /**
   * Reads one band of the window (x, y, w, h), in pixels, into {@code dst} row by row
   * ({@code dst[row * w + col]}), converted to float. NoData samples keep their value (compare with
   * {@link #noData()}); NaN stays NaN. The window must lie inside the raster.
   *
   * @throws IOException when the file cannot be read or is corrupt, with a message naming the
   *     problem
   */
  void readFloats(int band, int x, int y, int w, int h, float[] dst) throws IOException;

  /**
   * Reads the window of every band whose {@code dst} entry is not null ({@code dst[band]}, laid
   * out as in {@link #readFloats}); {@code dst} has {@link #bands()} entries. Implementations
   * that store bands interleaved override it to decode each block once for all bands.
   */
  default void readBands(int x, int y, int w, int h, float[][] dst) throws IOException {
    for (int b = 0; b < bands(); b++) {
      if (dst[b] != null) {
        readFloats(b, x, y, w, h, dst[b]);
      }
    }
  }

  /**
   * Reads the window as packed ARGB pixels ({@code dst[row * w + col]}): RGB(A) bands as they are,
   * one band as grey. Alpha is 255 where the raster has no alpha band; NoData is transparent.
   */
  void readArgb(int x, int y, int w, int h, int[] dst) throws IOException;

  /** Whether sample {@code v} is missing: NaN or equal to {@link #noData()}. */
  default boolean isNoData(float v) {
    if (Float.isNaN(v)) {
      return true;
    }
    OptionalDouble nd = noData();
    return nd.isPresent() && v == (float) nd.getAsDouble();
  }

  /**
   * This raster {@code 2^k} times coarser, each cell the mean of the {@code 2^k × 2^k} cells it
   * covers ({@code ceil(width / 2^k)} cells across), when the storage keeps such overviews so that
   * reading one costs a fraction of reading this raster; empty when it does not, and callers
   * compute their own.
   */
  default Optional<Raster> overview(int k) {
    return Optional.empty();
  }

  @Override
  void close() throws IOException;
}

package io.tessera.core.raster;

import java.util.List;

/** Levels of an overview pyramid: stored ones, and smaller ones computed from the last stored. */
public final class RasterPyramid {
  private RasterPyramid() {}

  /**
   * The raster at {@code 2^k} times coarser than {@code levels.get(0)}: a stored level, or one
   * computed from the coarsest stored level by halving.
   */
  public static Raster at(List<? extends Raster> levels, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("level " + k);
    }
    if (k < levels.size()) {
      return levels.get(k);
    }
    Raster r = levels.get(levels.size() - 1);
    for (int i = levels.size() - 1; i < k; i++) {
      r = new Downsampled(r);
    }
    return r;
  }
}

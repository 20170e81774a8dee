package io.tessera.core.raster;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Helpers the raster implementations share: window checks and the ARGB rendering. */
final class Rasters {
  private Rasters() {}

  static void checkWindow(Raster r, int band, int x, int y, int w, int h, int dstLength) {
    if (band < 0 || band >= r.bands() || x < 0 || y < 0 || w < 0 || h < 0
        || (long) x + w > r.width() || (long) y + h > r.height()) {
      throw new IndexOutOfBoundsException("band " + band + " window " + x + "," + y + " " + w
          + "×" + h + " outside a " + r.width() + "×" + r.height() + " raster of " + r.bands()
          + " band(s)");
    }
    if (dstLength < (long) w * h) {
      throw new IllegalArgumentException("a " + w + "×" + h + " window needs " + (long) w * h
          + " values, the buffer holds " + dstLength);
    }
  }

  static void checkBands(Raster r, int x, int y, int w, int h, float[][] dst) {
    if (dst.length != r.bands()) {
      throw new IllegalArgumentException(dst.length + " buffers for " + r.bands() + " bands");
    }
    for (int b = 0; b < dst.length; b++) {
      if (dst[b] != null) {
        checkWindow(r, b, x, y, w, h, dst[b].length);
      }
    }
  }

  /**
   * Renders a window as ARGB: three or more bands as RGB (the fourth as alpha), clamped to 0..255;
   * one or two bands as grey, 8-bit samples as they are and others stretched over the window's
   * range. NoData (every colour band equal to it, or the one band) is transparent.
   */
  static void argb(Raster r, int x, int y, int w, int h, int[] dst) throws IOException {
    checkWindow(r, 0, x, y, w, h, dst.length);
    int n = w * h;
    if (r.bands() >= 3) {
      float[][] b = new float[r.bands()][n];
      r.readBands(x, y, w, h, b);
      boolean hasNoData = r.noData().isPresent();
      float nd = hasNoData ? (float) r.noData().getAsDouble() : 0;
      for (int i = 0; i < n; i++) {
        int a = r.bands() >= 4 ? clamp(b[3][i]) : 255;
        if (hasNoData && b[0][i] == nd && b[1][i] == nd && b[2][i] == nd) {
          a = 0;
        }
        dst[i] = a << 24 | clamp(b[0][i]) << 16 | clamp(b[1][i]) << 8 | clamp(b[2][i]);
      }
      return;
    }
    float[] v = new float[n];
    r.readFloats(0, x, y, w, h, v);
    float min = 0;
    float span = 255;
    if (r.sampleType() != SampleType.UINT8) {
      min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (float f : v) {
        if (!r.isNoData(f)) {
          min = Math.min(min, f);
          max = Math.max(max, f);
        }
      }
      span = max > min ? max - min : 1;
    }
    for (int i = 0; i < n; i++) {
      if (r.isNoData(v[i])) {
        dst[i] = 0;
      } else {
        int g = clamp((v[i] - min) / span * 255);
        dst[i] = 0xff000000 | g << 16 | g << 8 | g;
      }
    }
  }

  private static int clamp(float v) {
    return v >= 255 ? 255 : v <= 0 ? 0 : Math.round(v);
  }

  /**
   * Creates an empty hidden file next to {@code target} (same folder, so a rename is atomic),
   * with the folder's default permissions, unlike {@code Files.createTempFile}'s 0600.
   */
  static Path sibling(Path target, String suffix) throws IOException {
    Path abs = target.toAbsolutePath();
    for (int attempt = 0; ; attempt++) {
      String id = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
      Path p = abs.resolveSibling("." + abs.getFileName() + "." + id + suffix);
      try {
        return Files.createFile(p);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw e;
        }
      }
    }
  }
}

package io.tessera.core.dzi;

import java.time.Duration;
import java.util.Locale;

/**
 * What a tiling run produced and where its time went.
 *
 * @param pyramid the pyramid's geometry
 * @param format the tiles' encoding
 * @param tiles tiles written
 * @param timings time per stage
 */
public record DziResult(DziPyramid pyramid, TileFormat format, long tiles, Timings timings) {

  /**
   * Time per stage. Decoding and resampling run on the calling thread, one after the other;
   * encoding and writing run on {@code threads} encoder threads at the same time as those, and
   * their figures are summed over the threads (CPU time, roughly), so the stages add up to more
   * than the wall time.
   *
   * @param total wall time of the whole run
   * @param decode reading and decoding the source, converting its pixels (calling thread)
   * @param resample halving into the lower levels and handing tiles out (calling thread)
   * @param waiting the calling thread waiting for encoders to free a band
   * @param encode JPEG or PNG encoding, summed over encoder threads
   * @param write storing encoded tiles (file creation or zip appends), summed over threads
   * @param threads encoder threads
   */
  public record Timings(Duration total, Duration decode, Duration resample, Duration waiting,
      Duration encode, Duration write, int threads) {

    /** One line for a log or the terminal. */
    public String summary() {
      return String.format(Locale.ROOT, "%.2f s wall: decode %.2f s, resample %.2f s, waiting"
          + " for encoders %.2f s (calling thread); encode %.2f s, write %.2f s (summed over %d"
          + " encoder thread%s)", seconds(total), seconds(decode), seconds(resample),
          seconds(waiting), seconds(encode), seconds(write), threads, threads == 1 ? "" : "s");
    }

    private static double seconds(Duration d) {
      return d.toNanos() / 1e9;
    }
  }
}

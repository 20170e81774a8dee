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
   * Where the time went. Decoding and resampling run on the calling thread, one after the other;
   * encoding and writing run on {@code threads} encoder threads at the same time. The stages are
   * CPU time (user and system), summed over threads, so that a thread waiting for a core is not
   * counted; with every core busy, total CPU over the number of cores bounds the wall time.
   *
   * @param total wall time of the whole run
   * @param decode CPU reading and decoding the source, converting its pixels (calling thread)
   * @param resample CPU halving into the lower levels and handing tiles out (calling thread)
   * @param waiting wall time the calling thread waited for encoders to free a band
   * @param encode CPU encoding JPEG or PNG, summed over encoder threads
   * @param write CPU storing encoded tiles (file creation or zip appends), summed over threads
   * @param threads encoder threads
   */
  public record Timings(Duration total, Duration decode, Duration resample, Duration waiting,
      Duration encode, Duration write, int threads) {

    /** One line for a log or the terminal. */
    public String summary() {
      return String.format(Locale.ROOT, "%.2f s wall; CPU: decode %.2f s, resample %.2f s"
          + " (calling thread, which waited %.2f s for encoders), encode %.2f s, write %.2f s"
          + " (%d encoder thread%s)", seconds(total), seconds(decode), seconds(resample),
          seconds(waiting), seconds(encode), seconds(write), threads, threads == 1 ? "" : "s");
    }

    private static double seconds(Duration d) {
      return d.toNanos() / 1e9;
    }
  }
}

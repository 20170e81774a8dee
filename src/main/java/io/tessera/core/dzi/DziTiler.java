package io.tessera.core.dzi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Tiles a JPEG, PNG or TIFF into a Deep Zoom pyramid in one pass over its rows (see {@link
 * PyramidBuilder} for how, and the sources for what each format costs in memory).
 *
 * <pre>{@code
 * try (TileSink sink = new FolderTileSink(Path.of("out/photo"))) {
 *   DziTiler.tile(Path.of("photo.jpg"), sink, DziOptions.defaults(), TilingListener.NONE);
 * }
 * }</pre>
 *
 * <p>The caller owns the sink and closes it, which discards the output unless the run got as far
 * as committing it.
 */
public final class DziTiler {
  private DziTiler() {}

  /**
   * Tiles {@code input} into {@code sink}.
   *
   * @throws BadImageException the input is empty, truncated, corrupt, not an image, too large
   *     or of an unsupported kind
   * @throws java.util.concurrent.CancellationException {@code listener} asked to stop
   * @throws IOException reading the input or writing the tiles failed
   */
  public static DziResult tile(Path input, TileSink sink, DziOptions options,
      TilingListener listener) throws IOException {
    long start = System.nanoTime();
    try (ImageSource source = ImageSources.open(input, options.maxPixels())) {
      TileFormat format = options.format() != null
          ? options.format()
          : source.kind().alpha ? TileFormat.PNG : TileFormat.JPG;
      int channels = source.kind().channels(format);
      DziPyramid pyramid = new DziPyramid(source.width(), source.height(), options.tileSize(),
          options.overlap());
      sink.start(pyramid, format);
      long readNanos;
      PyramidBuilder builder;
      TileWriter writer = new TileWriter(sink, format, options.jpegQuality(), channels,
          options.threads(), pyramid.tileCount(), listener);
      try (writer) {
        builder = new PyramidBuilder(pyramid, channels, writer, listener);
        long t0 = CpuClock.now();
        try {
          source.read(format, builder);
        } catch (IOException | RuntimeException e) {
          throw whyReadFailed(source, builder, e);
        }
        readNanos = CpuClock.now() - t0;
        builder.checkComplete();
        writer.finish();
      }
      sink.commit();
      listener.progress(1.0);
      return new DziResult(pyramid, format, pyramid.tileCount(), new DziResult.Timings(
          Duration.ofNanos(System.nanoTime() - start),
          Duration.ofNanos(readNanos - builder.resampleNanos()),
          Duration.ofNanos(builder.resampleNanos()),
          Duration.ofNanos(builder.stallNanos()),
          Duration.ofNanos(writer.encodeNanos()),
          Duration.ofNanos(writer.writeNanos()),
          options.threads()));
    }
  }

  /**
   * The exception to report for a failed pass: the builder's reason when it stopped the decoder
   * (cancellation, a failed tile), an I/O error of the tiler's own (a spool file), or else the
   * decoder's complaint about the file.
   */
  private static IOException whyReadFailed(ImageSource source, PyramidBuilder builder,
      Exception e) throws IOException {
    Throwable stop = builder.stopCause();
    if (stop != null) {
      return rethrow(stop);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UncheckedIOException u) {
        return u.getCause();
      }
    }
    if (e instanceof BadImageException bad) {
      return bad;
    }
    return source.decodingFailed(e);
  }

  private static IOException rethrow(Throwable t) {
    if (t instanceof IOException io) {
      return io;
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new IOException(t);
  }
}

package io.tessera.cli;

import io.tessera.core.dzi.BadImageException;
import io.tessera.core.dzi.DziOptions;
import io.tessera.core.dzi.DziPyramid;
import io.tessera.core.dzi.DziResult;
import io.tessera.core.dzi.DziTiler;
import io.tessera.core.dzi.FolderTileSink;
import io.tessera.core.dzi.TileFormat;
import io.tessera.core.dzi.TileSink;
import io.tessera.core.dzi.ZipTileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tessera tile IN OUT}: a Deep Zoom pyramid of an image, named as {@code vips dzsave}
 * names its output. The files are this command's own, so it calls the core tiler directly: no
 * service, no data dir.
 */
@Command(
    name = "tile",
    mixinStandardHelpOptions = true,
    description = "Cut a JPEG, PNG or TIFF into a Deep Zoom (DZI) pyramid: OUT.dzi and"
        + " OUT_files/, or OUT.zip.")
final class TileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "The image")
  Path input;

  @Parameters(index = "1", paramLabel = "OUT", description = "Base name of the output:"
      + " OUT.dzi and OUT_files/, or OUT.zip (a .dzi or .zip ending is taken off)")
  String output;

  @Option(names = "--tile-size", defaultValue = "254", description = "Tile edge without overlap,"
      + " pixels (default: ${DEFAULT-VALUE})")
  int tileSize;

  @Option(names = "--overlap", defaultValue = "1", description = "Pixels shared with each"
      + " neighbouring tile (default: ${DEFAULT-VALUE})")
  int overlap;

  @Option(names = "--format", paramLabel = "jpg|png", description = "Tile format (default: png"
      + " for images with transparency, else jpg)")
  String format;

  @Option(names = "--quality", defaultValue = "85", description = "JPEG quality, 1..100"
      + " (default: ${DEFAULT-VALUE})")
  int quality;

  @Option(names = "--container", paramLabel = "dir|zip", description = "A folder or one zip"
      + " (default: zip when OUT ends in .zip, else dir)")
  String container;

  @Option(names = "--max-pixels", defaultValue = "2147483648", description = "Refuse larger"
      + " images (default: ${DEFAULT-VALUE}, 2^31)")
  long maxPixels;

  @Option(names = "--timings", description = "Print where the time went")
  boolean timings;

  @Override
  public Integer call() throws IOException {
    DziOptions options = options();
    boolean zip = zip();
    String base = output.replaceFirst("(?i)\\.(dzi|zip)$", "");
    if (base.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "OUT needs a name before .dzi or .zip");
    }
    if (!Files.isRegularFile(input)) {
      throw new NoSuchFileException(input.toString(), null, "no such file");
    }
    Path target = zip ? Path.of(base + ".zip") : Path.of(base);
    TerminalProgress progress = new TerminalProgress(System.err, System.console() != null);
    CountDownLatch finished = new CountDownLatch(1);
    // Ctrl+C and SIGTERM run shutdown hooks: stop the tiler and let the sink remove its staging
    Thread onSignal = new Thread(() -> {
      progress.cancel();
      try {
        finished.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tessera-tile-cancel");
    Runtime.getRuntime().addShutdownHook(onSignal);
    DziResult result;
    try (TileSink sink = zip ? new ZipTileSink(target) : new FolderTileSink(target)) {
      result = DziTiler.tile(input, sink, options, progress);
    } catch (BadImageException e) {
      throw new IOException(input.getFileName() + ": " + e.getMessage(), e);
    } finally {
      progress.finish();
      finished.countDown();
      removeHook(onSignal);
    }
    DziPyramid p = result.pyramid();
    System.out.printf(Locale.ROOT, "%s: %d × %d, %d levels, %,d %s tiles of %d + %d, in %.2f s%n",
        zip ? base + ".zip" : base + ".dzi and " + base + "_files/", p.width(), p.height(),
        p.levelCount(), result.tiles(), result.format().extension(), p.tileSize(), p.overlap(),
        result.timings().total().toNanos() / 1e9);
    if (timings) {
      System.out.println("timings: " + result.timings().summary());
    }
    return 0;
  }

  private DziOptions options() {
    TileFormat tileFormat = null;
    if (format != null) {
      try {
        tileFormat = TileFormat.parse(format);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
      }
    }
    try {
      return DziOptions.defaults().withTileSize(tileSize, overlap).withFormat(tileFormat)
          .withJpegQuality(quality).withMaxPixels(maxPixels);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private boolean zip() {
    if (container == null) {
      return output.toLowerCase(Locale.ROOT).endsWith(".zip");
    }
    switch (container.toLowerCase(Locale.ROOT)) {
      case "dir":
        return false;
      case "zip":
        return true;
      default:
        throw new ParameterException(spec.commandLine(),
            "--container must be dir or zip, not '" + container + "'");
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down, and the hook is what runs
    }
  }
}

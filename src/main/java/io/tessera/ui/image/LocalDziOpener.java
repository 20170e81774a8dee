package io.tessera.ui.image;

import io.tessera.core.dzi.BadImageException;
import io.tessera.core.dzi.DziOptions;
import io.tessera.core.dzi.DziTiler;
import io.tessera.core.dzi.TilingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;

/**
 * Tiles picture files on this machine with core's streaming {@link DziTiler}, into a cache folder
 * of pyramids: {@code CACHE/NAME-HASH/image.dzi} and {@code image_files/}, where the hash is of
 * the file's path, size and modification time. A file opened before is shown from its pyramid at
 * once; a new or changed one is tiled in the background, and its tiles can be shown as soon as
 * they are written (the tiler writes every level band by band, top to bottom).
 *
 * <p>Tiling uses all cores but one, so that the window stays responsive. One file is tiled once
 * at a time: opening it again while it is being tiled joins that run.
 */
public final class LocalDziOpener implements DziOpener {
  private static final System.Logger LOG = System.getLogger(LocalDziOpener.class.getName());
  private static final String PYRAMID = "image";

  private final Path cacheDir;
  private final DziOptions options;
  private final Map<Path, Tiling> running = new HashMap<>();

  /** @param cacheDir where pyramids are kept, e.g. {@code DATA_DIR/cache/dzi} */
  public LocalDziOpener(Path cacheDir) {
    this(cacheDir, DziOptions.defaults()
        .withThreads(Math.max(1, Runtime.getRuntime().availableProcessors() - 1)));
  }

  /** With other tiling options, e.g. a tile size of a test's choosing. */
  LocalDziOpener(Path cacheDir, DziOptions options) {
    this.cacheDir = cacheDir;
    this.options = options;
  }

  @Override
  public DziOpening open(Path file) throws ImageReadException {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new ImageReadException(name + " does not exist or is not a file.");
    }
    if (!Files.isReadable(file)) {
      throw new ImageReadException("You do not have permission to read " + name + ".");
    }
    Path dir;
    try {
      dir = cacheDir.resolve(cacheKey(file));
    } catch (IOException e) {
      throw new ImageReadException(name + " could not be read.", e);
    }
    Tiling tiling = null;
    while (tiling == null) {
      Tiling stopping;
      synchronized (running) {
        Tiling current = running.get(dir);
        if (current == null) {
          Path descriptor = dir.resolve(PYRAMID + ".dzi");
          if (Files.isRegularFile(descriptor)) {
            try {
              return DziOpening.complete(FolderDziSource.open(descriptor));
            } catch (IOException e) {
              LOG.log(System.Logger.Level.WARNING, "tiling " + name + " again: its cached pyramid "
                  + descriptor + " cannot be read", e);
            }
          }
          tiling = new Tiling(file, name, dir);
          running.put(dir, tiling);
          Thread thread = new Thread(tiling::run, "tessera-tiler");
          thread.setDaemon(true);
          thread.start();
          break;
        }
        if (!current.stop) {
          tiling = current;
          break;
        }
        stopping = current;
      }
      // a cancelled run of the same file still deletes its folder when it ends: wait for that
      stopping.awaitFinished();
    }
    return tiling.awaitSource();
  }

  /**
   * The cache folder's name: the file's base name (for people looking into the cache) and a hash
   * of its real path, size and modification time, so that a changed file is tiled again.
   */
  static String cacheKey(Path file) throws IOException {
    Path real = file.toRealPath();
    String id = real + "\n" + Files.size(real) + "\n" + Files.getLastModifiedTime(real).toMillis();
    String base = real.getFileName().toString();
    int dot = base.lastIndexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    base = base.replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.length() > 40) {
      base = base.substring(0, 40);
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return base + "-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A tiling message for the user; the details go to the log. */
  static ImageReadException userMessage(String name, IOException e) {
    if (e instanceof BadImageException bad) {
      return new ImageReadException(switch (bad.reason()) {
        case EMPTY -> name + " is empty: there is no picture in it.";
        case TRUNCATED -> name + " ends early: the file is damaged or was not copied completely.";
        case CORRUPT -> name + " is damaged: its picture data cannot be decoded.";
        case NOT_AN_IMAGE -> name + " is not a picture Tessera can open, or the file is damaged."
            + " Supported: JPEG, PNG and TIFF.";
        case TOO_LARGE -> name + " is too large to open: " + bad.getMessage() + ".";
        case UNSUPPORTED -> name + " is a kind of picture Tessera cannot open: "
            + bad.getMessage() + ".";
      }, e);
    }
    return new ImageReadException(name + " could not be opened: reading it, or writing its tiles"
        + " to Tessera's cache, failed (" + e.getMessage() + ").", e);
  }

  /** One file being tiled; the opening the pane polls. */
  private final class Tiling implements DziOpening, TilingListener {
    private final Path file;
    private final String name;
    private final Path dir;
    private final CacheTileSink sink;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile DziSource source;
    private volatile double progress;
    private volatile boolean stop;
    private volatile boolean complete;
    private volatile ImageReadException failure;

    Tiling(Path file, String name, Path dir) {
      this.file = file;
      this.name = name;
      this.dir = dir;
      this.sink = new CacheTileSink(dir, PYRAMID, this::started);
    }

    private void started(DziInfo info) {
      source = new WrittenTiles(new FolderDziSource(info, sink.tileFolder()), sink);
      started.countDown();
    }

    void run() {
      long t0 = System.nanoTime();
      boolean done = false;
      ImageReadException why = null;
      try (sink) {
        DziTiler.tile(file, sink, options, this);
        done = true;
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "tiled %s in %.1f s into %s",
            name, (System.nanoTime() - t0) / 1e9, dir));
      } catch (CancellationException e) {
        LOG.log(System.Logger.Level.DEBUG, "tiling " + name + " cancelled");
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot tile " + file, e);
        why = userMessage(name, e);
      } catch (RuntimeException | OutOfMemoryError e) {
        LOG.log(System.Logger.Level.ERROR, "tiling " + file + " failed", e);
        why = new ImageReadException(name + " could not be opened"
            + (e instanceof OutOfMemoryError ? ": Tessera ran out of memory." : "."), e);
      } finally {
        synchronized (running) {
          running.remove(dir, this);
        }
        // only now, so that whoever sees the outcome finds the pyramid in place, not this run
        complete = done;
        failure = why;
        started.countDown();
        finished.countDown();
      }
    }

    DziOpening awaitSource() throws ImageReadException {
      try {
        started.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImageReadException(name + " could not be opened.", e);
      }
      if (source == null) {
        throw failure != null ? failure : new ImageReadException(name + " could not be opened.");
      }
      return this;
    }

    void awaitFinished() throws ImageReadException {
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImageReadException(name + " could not be opened.", e);
      }
    }

    @Override
    public DziSource source() {
      return source;
    }

    @Override
    public void progress(double fraction) {
      progress = fraction;
    }

    @Override
    public boolean cancelled() {
      return stop;
    }

    @Override
    public double progress() {
      return progress;
    }

    @Override
    public boolean isComplete() {
      return complete;
    }

    @Override
    public ImageReadException failure() {
      return failure;
    }

    @Override
    public void cancel() {
      stop = true;
    }
  }

  /** A cache folder's tiles, of which only those the tiler has finished writing are shown. */
  private record WrittenTiles(FolderDziSource files, CacheTileSink sink) implements DziSource {
    @Override
    public DziInfo info() {
      return files.info();
    }

    @Override
    public byte[] tile(int level, int column, int row) throws IOException {
      return sink.has(level, column, row) ? files.tile(level, column, row) : null;
    }
  }
}

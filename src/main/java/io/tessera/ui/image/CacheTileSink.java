package io.tessera.ui.image;

import io.tessera.core.dzi.DziPyramid;
import io.tessera.core.dzi.TileFormat;
import io.tessera.core.dzi.TileSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A DZI folder in the pane's cache ({@code DIR/NAME.dzi} and {@code DIR/NAME_files/…}) whose
 * tiles can be shown while it is being written.
 *
 * <p>Unlike core's {@code FolderTileSink}, which stages tiles in a hidden folder until the
 * pyramid is complete, this one writes each tile in its final place and remembers which are
 * whole ({@link #has}), so that a viewer never reads a half-written file. The descriptor is
 * written last, under a temporary name moved into place: a folder without it is an unfinished
 * pyramid, and {@link #close} without a {@link #commit} deletes the folder.
 */
final class CacheTileSink implements TileSink {
  private final Path dir;
  private final String name;
  private final Consumer<DziInfo> started;
  private final Set<Long> written = ConcurrentHashMap.newKeySet();
  private DziPyramid pyramid;
  private TileFormat format;
  private String extension;
  private volatile boolean committed;

  /**
   * @param started told the pyramid's geometry before the first tile is written
   */
  CacheTileSink(Path dir, String name, Consumer<DziInfo> started) {
    this.dir = dir;
    this.name = name;
    this.started = started;
  }

  /** The descriptor, present once the pyramid is complete. */
  Path descriptor() {
    return dir.resolve(name + ".dzi");
  }

  /** The {@code NAME_files} folder. */
  Path tileFolder() {
    return dir.resolve(name + "_files");
  }

  @Override
  public void start(DziPyramid pyramid, TileFormat format) throws IOException {
    this.pyramid = pyramid;
    this.format = format;
    this.extension = "." + format.extension();
    deleteTree(dir); // what an interrupted run left
    for (int level = 0; level <= pyramid.maxLevel(); level++) {
      Files.createDirectories(tileFolder().resolve(Integer.toString(level)));
    }
    started.accept(new DziInfo(
        pyramid.width(), pyramid.height(), pyramid.tileSize(), pyramid.overlap(),
        format.extension()));
  }

  /**
   * One file at a time, as {@code FolderTileSink} does: concurrent file creation in one folder
   * spins in the kernel rather than going faster.
   */
  @Override
  public synchronized void put(int level, int column, int row, byte[] encoded, int length)
      throws IOException {
    Path file = tileFolder().resolve(Integer.toString(level)).resolve(column + "_" + row + extension);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(encoded, 0, length);
    }
    written.add(key(level, column, row));
  }

  /** Whether tile ({@code column}, {@code row}) of {@code level} is completely on disk. */
  boolean has(int level, int column, int row) {
    return committed || written.contains(key(level, column, row));
  }

  @Override
  public void commit() throws IOException {
    Path staged = Files.createTempFile(dir, "." + name, ".dzi");
    Files.writeString(staged, pyramid.descriptorXml(format), StandardCharsets.UTF_8);
    try {
      Files.move(staged, descriptor(), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staged, descriptor(), StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      deleteTree(dir);
    }
  }

  private static long key(int level, int column, int row) {
    return ((long) level << 58) | ((long) column << 29) | row;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

package io.tessera.service.deepzoom;

import io.tessera.core.dzi.DziPyramid;
import io.tessera.core.dzi.TileFormat;
import io.tessera.core.dzi.TileSink;
import io.tessera.core.io.FileTrees;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The service's deep-zoom tiles: {@code tiles/<content id>/<level>/<column>_<row>.<ext>} under the
 * data dir. The descriptor is not stored: it follows from the geometry in the content's row.
 *
 * <p>Unlike a DZI folder for export ({@link io.tessera.core.dzi.FolderTileSink}), tiles become
 * visible one by one as the tiler finishes them, so that a viewer can show the image while it is
 * being tiled: each tile is written beside its place and renamed into it, so a reader never sees
 * half a tile. A run that does not commit (a failure, a cancel) leaves no tiles behind, and a run
 * that starts again (after a restart) starts from an empty folder.
 */
public final class TileStore {
  /** What a sink reports when the tiler has read the image's header. */
  @FunctionalInterface
  public interface Started {
    void started(DziPyramid pyramid, TileFormat format) throws IOException;
  }

  private final Path root;

  public TileStore(Path root) throws IOException {
    this.root = root;
    Files.createDirectories(root);
  }

  /** A sink that writes the tiles of {@code contentId}, calling {@code started} first. */
  public TileSink sink(String contentId, Started started) {
    return new Sink(folder(contentId), started);
  }

  /** The stored tile, or null when it is not (or not yet) written. */
  public Path tile(String contentId, int level, int column, int row, TileFormat format) {
    Path p =
        folder(contentId)
            .resolve(Integer.toString(level))
            .resolve(column + "_" + row + "." + format.extension());
    return Files.isRegularFile(p) ? p : null;
  }

  private Path folder(String contentId) {
    if (!contentId.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("not a content id: " + contentId);
    }
    return root.resolve(contentId);
  }

  private static final class Sink implements TileSink {
    private final Path folder;
    private final Started started;
    private String extension;
    private boolean committed;

    Sink(Path folder, Started started) {
      this.folder = folder;
      this.started = started;
    }

    @Override
    public void start(DziPyramid pyramid, TileFormat format) throws IOException {
      FileTrees.delete(folder);
      for (int level = 0; level <= pyramid.maxLevel(); level++) {
        Files.createDirectories(folder.resolve(Integer.toString(level)));
      }
      extension = "." + format.extension();
      started.started(pyramid, format);
    }

    @Override
    public synchronized void put(int level, int column, int row, byte[] encoded, int length)
        throws IOException {
      Path dir = folder.resolve(Integer.toString(level));
      String name = column + "_" + row + extension;
      Path part = dir.resolve(name + ".part");
      try (var out = Files.newOutputStream(part)) {
        out.write(encoded, 0, length);
      }
      try {
        Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }

    @Override
    public void commit() {
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        FileTrees.delete(folder);
      }
    }
  }
}

package io.tessera.ui.image;

import java.io.IOException;

/**
 * Where the image pane gets a Deep Zoom pyramid's tiles: a DZI folder on disk ({@link
 * FolderDziSource}), a pyramid still being written, or a server's {@code /dzi/{id}_files/…}.
 *
 * <p>Implementations are thread-safe: the pane calls {@link #tile} from its loader threads, a few
 * at a time. A tile that does not exist <em>yet</em> (the tiler has not reached it, the server
 * answers 404 while tiling) is {@code null}, not an error: the pane keeps showing a coarser level
 * there and asks again after {@link ImageViewModel#sourceChanged()}.
 */
public interface DziSource {

  /** The pyramid's geometry; known when the source is made, so this never blocks. */
  DziInfo info();

  /**
   * The encoded bytes (JPEG or PNG, as {@link DziInfo#format()} says) of one tile, overlap
   * included. Blocking.
   *
   * @param level 0 (1×1) up to {@link DziInfo#maxLevel()}
   * @param column tile column within the level
   * @param row tile row within the level
   * @return the tile's bytes, or null when it does not exist yet
   * @throws IOException the tile exists but cannot be read
   */
  byte[] tile(int level, int column, int row) throws IOException;
}

package io.tessera.core.dzi;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where a tiler's output goes: a DZI folder ({@link FolderTileSink}), a zip ({@link
 * ZipTileSink}), or a store of the caller's own (the service keeps tiles in its tile store).
 *
 * <p>The tiler calls {@link #start} once, then {@link #put} for every tile, from several threads
 * at once and in no particular order, then {@link #commit} once every tile is in. {@link #close}
 * always comes last, and discards whatever was written unless {@link #commit} succeeded: a sink
 * never leaves a partial pyramid behind, whatever failed.
 */
public interface TileSink extends Closeable {

  /** The pyramid that is about to be written, and its tiles' format. */
  void start(DziPyramid pyramid, TileFormat format) throws IOException;

  /**
   * Stores one encoded tile. Thread-safe. {@code encoded} holds the tile in its first {@code
   * length} bytes and is reused after this returns: copy what must outlive the call.
   */
  void put(int level, int column, int row, byte[] encoded, int length) throws IOException;

  /** Makes the pyramid visible as a whole: the descriptor appears last, after every tile. */
  void commit() throws IOException;

  /** Releases resources; without a successful {@link #commit}, removes everything written. */
  @Override
  void close() throws IOException;
}

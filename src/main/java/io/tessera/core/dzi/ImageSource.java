package io.tessera.core.dzi;

import java.io.Closeable;
import java.io.IOException;

/** An opened image whose header has been read: its size and pixels, and one pass over its rows. */
interface ImageSource extends Closeable {
  /** Width as displayed (after EXIF orientation), pixels. */
  int width();

  /** Height as displayed, pixels. */
  int height();

  /** What the pixels hold. */
  PixelConverter.Kind kind();

  /** What a failure of the decoder during {@link #read} says about the file. */
  BadImageException decodingFailed(Throwable e) throws IOException;

  /**
   * Decodes the image once and hands every row, top to bottom, to {@code rows}, converted for
   * tiles in {@code format}.
   */
  void read(TileFormat format, RowSink rows) throws IOException;
}

package io.tessera.core.dzi;

/**
 * Takes an image's rows, top to bottom, in the tiler's pixel layout. A source writes each row at
 * {@link #rowArray()}[{@link #rowOffset()}…] and then calls {@link #rowDone()}; the place of the
 * next row is valid only after that call.
 *
 * <p>Sources call this from inside ImageIO's decoders, which cannot pass checked exceptions: a
 * sink that must stop the decoding throws an unchecked exception and keeps the reason itself.
 */
interface RowSink {
  byte[] rowArray();

  int rowOffset();

  void rowDone();
}

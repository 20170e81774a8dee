package io.tessera.ui.image;

import java.nio.file.Path;

/**
 * How a picture file becomes a {@link DziSource} the pane can show: today {@link LocalDziOpener}
 * tiles it into a cache folder on this machine; a service-backed opener can hand the file to the
 * service's content API and read its tiles over HTTP instead.
 */
@FunctionalInterface
public interface DziOpener {

  /**
   * Makes {@code file} viewable. Blocking (call it off the FX thread), but only until the
   * pyramid's geometry is known: at once for a file tiled before, after reading the file's header
   * otherwise. Tiles may still be on their way then; the returned opening says how far they are.
   *
   * @throws ImageReadException with a message for the user when the file cannot be shown
   */
  DziOpening open(Path file) throws ImageReadException;
}

package io.tessera.core.raster;

import java.io.IOException;

/**
 * A raster file that cannot be read: corrupt, truncated, or in a layout Tessera does not support.
 * The message names the file and the problem (for instance "compression 7 (JPEG) in a BigTIFF is
 * not supported").
 */
public class RasterException extends IOException {
  private static final long serialVersionUID = 1L;

  public RasterException(String message) {
    super(message);
  }

  public RasterException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.tessera.core.raster.volume;

/**
 * A volume request the engine refused because of its polygon: each subtype carries the
 * {@code title} the photogrammetry API answers with (HTTP 400).
 */
public abstract sealed class VolumeException extends IllegalArgumentException
    permits InvalidPolygonException, PolygonOutsideRasterException {
  private static final long serialVersionUID = 1L;

  VolumeException(String message) {
    super(message);
  }

  /** The API's error title for this failure, e.g. {@code "Invalid Polygon"}. */
  public abstract String apiTitle();
}

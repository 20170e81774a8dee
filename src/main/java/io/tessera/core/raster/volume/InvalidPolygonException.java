package io.tessera.core.raster.volume;

/**
 * The polygon cannot bound a volume: fewer than 3 distinct vertices, zero area, a self-intersecting
 * ring, non-finite coordinates, z on some vertices but not others, or no elevation obtainable
 * anywhere along its boundary. The API answers {@code {"title": "Invalid Polygon"}}; the message
 * says which.
 */
public final class InvalidPolygonException extends VolumeException {
  private static final long serialVersionUID = 1L;

  /** The API's title for this failure. */
  public static final String API_TITLE = "Invalid Polygon";

  public InvalidPolygonException(String message) {
    super(message);
  }

  @Override
  public String apiTitle() {
    return API_TITLE;
  }
}

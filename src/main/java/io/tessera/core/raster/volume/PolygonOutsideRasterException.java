package io.tessera.core.raster.volume;

/**
 * The polygon does not overlap the raster's extent (no area in common). The API answers
 * {@code {"title": "The polygon doesn't overlap the dataset"}}.
 */
public final class PolygonOutsideRasterException extends VolumeException {
  private static final long serialVersionUID = 1L;

  /** The API's title for this failure. */
  public static final String API_TITLE = "The polygon doesn't overlap the dataset";

  public PolygonOutsideRasterException(String message) {
    super(message);
  }

  @Override
  public String apiTitle() {
    return API_TITLE;
  }
}

package io.tessera.core.gcp;

import io.tessera.core.image.ImagePoint;
import java.util.OptionalDouble;

/**
 * Where a control point or MTP was clicked on one photo.
 *
 * @param point the name of the GCP, checkpoint or MTP
 * @param image the photo: its file name or key (for OPF 1.0 files that name cameras instead, the
 *     camera id in decimal)
 * @param position in Tessera's pixel convention ({@link ImagePoint}: origin at the top-left corner
 *     of the top-left pixel, first pixel centre at (0.5, 0.5))
 * @param accuracyPx how precise the click is, in pixels (OPF's {@code accuracy}), when known
 */
public record Mark(String point, String image, ImagePoint position, OptionalDouble accuracyPx) {
  public Mark {
    Names.check("mark's point name", point);
    Names.check("mark's image name", image);
    if (position == null) {
      throw new IllegalArgumentException("mark of " + point + " on " + image + " has no position");
    }
    if (accuracyPx == null) {
      accuracyPx = OptionalDouble.empty();
    }
    if (accuracyPx.isPresent() && !(accuracyPx.getAsDouble() > 0 && Double.isFinite(accuracyPx.getAsDouble()))) {
      throw new IllegalArgumentException("mark accuracy must be finite and > 0: " + accuracyPx.getAsDouble());
    }
  }

  /** A mark without stated accuracy. */
  public Mark(String point, String image, ImagePoint position) {
    this(point, image, position, OptionalDouble.empty());
  }
}

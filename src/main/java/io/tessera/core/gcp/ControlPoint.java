package io.tessera.core.gcp;

import java.util.Optional;

/**
 * A point with surveyed coordinates: a ground control point or a checkpoint.
 *
 * @param name unique within its set; no surrounding blanks or control characters
 * @param type GCP or checkpoint
 * @param x east–west coordinate in the set's CRS (longitude for a geographic CRS)
 * @param y north–south coordinate (latitude for a geographic CRS)
 * @param z height in the CRS's vertical unit; NaN when unknown (OpenDroneMap allows it)
 * @param sigmas the survey's standard deviations, when known
 */
public record ControlPoint(String name, PointType type, double x, double y, double z, Optional<Sigmas> sigmas) {
  public ControlPoint {
    Names.check("control point name", name);
    if (type == null) {
      throw new IllegalArgumentException("control point " + name + " has no type");
    }
    if (!Double.isFinite(x) || !Double.isFinite(y) || Double.isInfinite(z)) {
      throw new IllegalArgumentException(
          "control point " + name + ": x and y must be finite, z finite or NaN: " + x + ", " + y + ", " + z);
    }
    if (sigmas == null) {
      sigmas = Optional.empty();
    }
  }

  /** A GCP or checkpoint without known accuracy. */
  public ControlPoint(String name, PointType type, double x, double y, double z) {
    this(name, type, x, y, z, Optional.empty());
  }

  /** True for checkpoints. */
  public boolean isCheckpoint() {
    return type == PointType.CHECKPOINT;
  }
}

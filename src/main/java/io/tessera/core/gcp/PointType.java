package io.tessera.core.gcp;

/** The role of a control point with known coordinates, named as the photogrammetry API names it. */
public enum PointType {
  /** Constrains the calibration (a ground control point). */
  GCP,
  /** Only measures the calibration's quality afterwards; does not affect it. */
  CHECKPOINT
}

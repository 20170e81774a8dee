package io.tessera.core.camera;

import io.tessera.core.image.ImagePoint;

/**
 * A point seen by a camera: a mark at {@code pixel} (stored-image pixels, Tessera's pixel
 * convention) on a photo taken by {@code camera}.
 */
public record Observation(CameraModel camera, ImagePoint pixel) {
  public Observation {
    if (camera == null || pixel == null) {
      throw new IllegalArgumentException("camera and pixel are required");
    }
  }
}

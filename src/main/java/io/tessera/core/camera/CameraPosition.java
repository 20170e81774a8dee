package io.tessera.core.camera;

/**
 * One line of a camera-position file: a photo's name and the pose the file gives it.
 *
 * @param image the photo's file name as the file spells it
 * @param pose position, and attitude when the file has angle columns
 */
public record CameraPosition(String image, GeoPose pose) {
  public CameraPosition {
    if (image == null || image.isBlank() || pose == null) {
      throw new IllegalArgumentException("an image name and a pose are required");
    }
  }
}

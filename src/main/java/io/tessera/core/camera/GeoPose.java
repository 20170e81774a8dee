package io.tessera.core.camera;

/**
 * A camera pose as a photo or a camera-position file states it: a WGS 84 position and,
 * when known, the attitude in the East-North-Up axes at that position.
 *
 * @param position the projection centre
 * @param attitude camera-to-ENU rotation at {@code position} (see {@link Pose}), or null when the
 *     source gives no attitude
 * @param horizontalAccuracyM stated horizontal accuracy, metres, or null
 * @param verticalAccuracyM stated vertical accuracy, metres, or null
 */
public record GeoPose(
    GeoPoint position, Rotation attitude, Double horizontalAccuracyM, Double verticalAccuracyM) {
  public GeoPose {
    if (position == null) {
      throw new IllegalArgumentException("position is required");
    }
  }

  public boolean hasAttitude() {
    return attitude != null;
  }

  /**
   * The pose in {@code frame}: the position converted to ENU and the attitude turned from the
   * ENU axes at the photo into the frame's axes.
   *
   * @throws IllegalStateException when the attitude is unknown
   */
  public Pose toPose(LocalFrame frame) {
    if (attitude == null) {
      throw new IllegalStateException("the camera's attitude is unknown");
    }
    Rotation turn = frame.rotationFrom(position.lonDeg(), position.latDeg());
    return new Pose(frame.toEnu(position), turn.times(attitude));
  }
}

package io.tessera.ui.scene3d;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * An orbit camera's state, without the scene graph: it circles a target point on the ground at a
 * distance, turned by yaw (around the vertical) and tilted down by pitch. World units follow the
 * terrain's: x east, z north, y down (JavaFX's convention), so height is −y.
 *
 * <p>Left-drag orbits, right-drag pans the target across the ground, the wheel moves closer or
 * farther, {@link #reset()} returns to the start view.
 */
public final class OrbitCamera {
  /** Degrees of yaw or pitch per pixel dragged. */
  static final double DEGREES_PER_PIXEL = 0.3;
  static final double MIN_PITCH = 5;
  static final double MAX_PITCH = 89;

  private final double homeYaw;
  private final double homePitch;
  private final double homeDistance;
  private final double minDistance;
  private final double maxDistance;

  private final ReadOnlyDoubleWrapper yaw = new ReadOnlyDoubleWrapper(this, "yawDeg");
  private final ReadOnlyDoubleWrapper pitch = new ReadOnlyDoubleWrapper(this, "pitchDeg");
  private final ReadOnlyDoubleWrapper distance = new ReadOnlyDoubleWrapper(this, "distance");
  private final ReadOnlyDoubleWrapper targetX = new ReadOnlyDoubleWrapper(this, "targetX");
  private final ReadOnlyDoubleWrapper targetZ = new ReadOnlyDoubleWrapper(this, "targetZ");

  /**
   * @param homeDistance distance from the target at start and after reset, in world units
   */
  public OrbitCamera(double homeYawDeg, double homePitchDeg, double homeDistance) {
    this.homeYaw = normalise(homeYawDeg);
    this.homePitch = clampPitch(homePitchDeg);
    this.homeDistance = homeDistance;
    this.minDistance = homeDistance / 20;
    this.maxDistance = homeDistance * 5;
    reset();
  }

  /** Back to the start view. */
  public void reset() {
    yaw.set(homeYaw);
    pitch.set(homePitch);
    distance.set(homeDistance);
    targetX.set(0);
    targetZ.set(0);
  }

  /** A left-drag by (dx, dy) screen pixels: sideways turns around the target, down looks more from above. */
  public void orbit(double dxPixels, double dyPixels) {
    yaw.set(normalise(yaw.get() + dxPixels * DEGREES_PER_PIXEL));
    pitch.set(clampPitch(pitch.get() + dyPixels * DEGREES_PER_PIXEL));
  }

  /**
   * A right-drag by (dx, dy) screen pixels: moves the target so the ground follows the mouse,
   * faster when the camera is farther away.
   */
  public void pan(double dxPixels, double dyPixels) {
    double unitsPerPixel = distance.get() / 800;
    double yawRad = Math.toRadians(yaw.get());
    // The screen's right and up directions projected onto the ground for the current yaw.
    double rightX = Math.cos(yawRad);
    double rightZ = -Math.sin(yawRad);
    double forwardX = Math.sin(yawRad);
    double forwardZ = Math.cos(yawRad);
    targetX.set(targetX.get() - (dxPixels * rightX - dyPixels * forwardX) * unitsPerPixel);
    targetZ.set(targetZ.get() - (dxPixels * rightZ - dyPixels * forwardZ) * unitsPerPixel);
  }

  /** Moves closer ({@code factor < 1}) or farther, within 1/20 and 5 times the start distance. */
  public void zoom(double factor) {
    if (factor > 0) {
      distance.set(Math.max(minDistance, Math.min(maxDistance, distance.get() * factor)));
    }
  }

  private static double clampPitch(double p) {
    return Math.max(MIN_PITCH, Math.min(MAX_PITCH, p));
  }

  private static double normalise(double deg) {
    double d = deg % 360;
    return d < 0 ? d + 360 : d;
  }

  /** Degrees around the vertical axis, 0..360. */
  public ReadOnlyDoubleProperty yawProperty() {
    return yaw.getReadOnlyProperty();
  }

  /** Degrees below the horizontal, between 5 and 89. */
  public ReadOnlyDoubleProperty pitchProperty() {
    return pitch.getReadOnlyProperty();
  }

  /** World units from the target. */
  public ReadOnlyDoubleProperty distanceProperty() {
    return distance.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty targetXProperty() {
    return targetX.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty targetZProperty() {
    return targetZ.getReadOnlyProperty();
  }
}

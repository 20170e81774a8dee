package io.tessera.ui.scene3d;

import java.util.function.DoubleBinaryOperator;
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

  private double homeYaw;
  private double homePitch;
  private double homeDistance;
  private double minDistance;
  private double maxDistance;
  private double homeX;
  private double homeY;
  private double homeZ;
  private DoubleBinaryOperator ground;

  private final ReadOnlyDoubleWrapper yaw = new ReadOnlyDoubleWrapper(this, "yawDeg");
  private final ReadOnlyDoubleWrapper pitch = new ReadOnlyDoubleWrapper(this, "pitchDeg");
  private final ReadOnlyDoubleWrapper distance = new ReadOnlyDoubleWrapper(this, "distance");
  private final ReadOnlyDoubleWrapper targetX = new ReadOnlyDoubleWrapper(this, "targetX");
  private final ReadOnlyDoubleWrapper targetY = new ReadOnlyDoubleWrapper(this, "targetY");
  private final ReadOnlyDoubleWrapper targetZ = new ReadOnlyDoubleWrapper(this, "targetZ");

  /**
   * @param homeDistance distance from the target at start and after reset, in world units
   */
  public OrbitCamera(double homeYawDeg, double homePitchDeg, double homeDistance) {
    home(homeYawDeg, homePitchDeg, homeDistance, 0, 0, 0);
  }

  /**
   * Sets a new start view (the one {@link #reset()} returns to) and goes there. The distance may
   * then range from 1/20 (at least {@code minDistance}) to 5 times {@code distance}.
   */
  public void home(double yawDeg, double pitchDeg, double distance, double x, double y, double z) {
    this.homeYaw = normalise(yawDeg);
    this.homePitch = clampPitch(pitchDeg);
    this.homeDistance = distance;
    this.minDistance = distance / 20;
    this.maxDistance = distance * 5;
    this.homeX = x;
    this.homeY = y;
    this.homeZ = z;
    reset();
  }

  /** Lets the closest approach go below 1/20 of the start distance (when zooming in to detail). */
  public void setMinDistance(double min) {
    this.minDistance = Math.min(min, homeDistance);
  }

  /**
   * The ground's world y under world (x, z), NaN where unknown: the camera then never goes below
   * it (pitch is raised instead). Null for no ground.
   */
  public void setGround(DoubleBinaryOperator groundYAt) {
    this.ground = groundYAt;
  }

  /** Back to the start view. */
  public void reset() {
    yaw.set(homeYaw);
    pitch.set(homePitch);
    distance.set(homeDistance);
    targetX.set(homeX);
    targetY.set(homeY);
    targetZ.set(homeZ);
  }

  /**
   * The camera's position in world coordinates: {@code target + Ry(yaw) Rx(−pitch) (0, 0,
   * −distance)}, as the scene graph's rig places it.
   */
  public double[] eye() {
    double y = Math.toRadians(yaw.get());
    double p = Math.toRadians(pitch.get());
    double d = distance.get();
    return new double[] {
      targetX.get() - d * Math.cos(p) * Math.sin(y),
      targetY.get() - d * Math.sin(p),
      targetZ.get() - d * Math.cos(p) * Math.cos(y)
    };
  }

  /** Moves the orbited point (keeping yaw, pitch and distance). */
  public void setTarget(double x, double y, double z) {
    targetX.set(x);
    targetY.set(y);
    targetZ.set(z);
    keepAboveGround();
  }

  /** The unit view direction in world coordinates. */
  public double[] forward() {
    double y = Math.toRadians(yaw.get());
    double p = Math.toRadians(pitch.get());
    return new double[] {Math.sin(y) * Math.cos(p), Math.sin(p), Math.cos(y) * Math.cos(p)};
  }

  /** The unit vector towards the right of the screen, in world coordinates (always level). */
  public double[] right() {
    double y = Math.toRadians(yaw.get());
    return new double[] {Math.cos(y), 0, -Math.sin(y)};
  }

  /** The unit vector towards the bottom of the screen, in world coordinates. */
  public double[] down() {
    double y = Math.toRadians(yaw.get());
    double p = Math.toRadians(pitch.get());
    return new double[] {-Math.sin(p) * Math.sin(y), Math.cos(p), -Math.sin(p) * Math.cos(y)};
  }

  /**
   * Zooms by {@code factor} about world point (x, y, z): the eye and the target move towards it
   * together, so the point stays where it is on screen.
   */
  public void zoomAt(double factor, double x, double y, double z) {
    if (!(factor > 0)) {
      return;
    }
    double d = Math.max(minDistance, Math.min(maxDistance, distance.get() * factor));
    double f = d / distance.get();
    targetX.set(x + (targetX.get() - x) * f);
    targetY.set(y + (targetY.get() - y) * f);
    targetZ.set(z + (targetZ.get() - z) * f);
    distance.set(d);
    keepAboveGround();
  }

  private void keepAboveGround() {
    if (ground == null) {
      return;
    }
    double margin = distance.get() * 0.02;
    for (int i = 0; i < 90 && pitch.get() < MAX_PITCH; i++) {
      double[] e = eye();
      double g = ground.applyAsDouble(e[0], e[2]);
      if (Double.isNaN(g) || e[1] < g - margin) {
        return;
      }
      pitch.set(clampPitch(pitch.get() + 1));
    }
  }

  /** A left-drag by (dx, dy) screen pixels: sideways turns around the target, down looks more from above. */
  public void orbit(double dxPixels, double dyPixels) {
    yaw.set(normalise(yaw.get() + dxPixels * DEGREES_PER_PIXEL));
    pitch.set(clampPitch(pitch.get() + dyPixels * DEGREES_PER_PIXEL));
    keepAboveGround();
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
    keepAboveGround();
  }

  /** Moves closer ({@code factor < 1}) or farther, within 1/20 and 5 times the start distance. */
  public void zoom(double factor) {
    if (factor > 0) {
      distance.set(Math.max(minDistance, Math.min(maxDistance, distance.get() * factor)));
      keepAboveGround();
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

  /** World y of the point orbited (y points down). */
  public ReadOnlyDoubleProperty targetYProperty() {
    return targetY.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty targetZProperty() {
    return targetZ.getReadOnlyProperty();
  }
}

package io.tessera.ui.scene3d;

/**
 * Where a photo was taken from and where its camera looked, for drawing its frustum in the 3D
 * pane.
 *
 * @param x easting in the DSM's CRS
 * @param y northing in the DSM's CRS
 * @param z elevation, in the DSM's vertical units
 * @param yawDeg heading of the optical axis, clockwise from north (0 north, 90 east)
 * @param pitchDeg elevation of the optical axis above the horizon (0 horizontal, −90 straight
 *     down, as drone gimbals report it)
 * @param rollDeg rotation about the optical axis, clockwise as seen from behind the camera
 * @param horizontalFovDeg the field of view across the image's width
 * @param aspect the image's width over its height (e.g. 4/3)
 */
public record CameraPose(double x, double y, double z, double yawDeg, double pitchDeg,
    double rollDeg, double horizontalFovDeg, double aspect) {

  public CameraPose {
    if (!(horizontalFovDeg > 0 && horizontalFovDeg < 180) || !(aspect > 0)) {
      throw new IllegalArgumentException(
          "a field of view between 0 and 180° and a positive aspect are needed, not "
              + horizontalFovDeg + "° and " + aspect);
    }
  }

  /**
   * The apex and the four far corners of the frustum, {@code depth} along the optical axis, in
   * east/north/up offsets from the camera: {@code {apex, top-left, top-right, bottom-right,
   * bottom-left}}, each {@code {e, n, u}}. "Top" is the image's top edge.
   */
  public double[][] frustumEnu(double depth) {
    double yaw = Math.toRadians(yawDeg);
    double pitch = Math.toRadians(pitchDeg);
    double roll = Math.toRadians(rollDeg);
    double[] fwd = {Math.sin(yaw) * Math.cos(pitch), Math.cos(yaw) * Math.cos(pitch),
      Math.sin(pitch)};
    // right is horizontal before roll; up = right × forward
    double[] right0 = {Math.cos(yaw), -Math.sin(yaw), 0};
    double[] up0 = cross(right0, fwd);
    double[] right = new double[3];
    double[] up = new double[3];
    for (int i = 0; i < 3; i++) {
      right[i] = right0[i] * Math.cos(roll) - up0[i] * Math.sin(roll);
      up[i] = up0[i] * Math.cos(roll) + right0[i] * Math.sin(roll);
    }
    double halfW = depth * Math.tan(Math.toRadians(horizontalFovDeg) / 2);
    double halfH = halfW / aspect;
    double[][] out = new double[5][];
    out[0] = new double[] {0, 0, 0};
    double[][] signs = {{-1, 1}, {1, 1}, {1, -1}, {-1, -1}};
    for (int k = 0; k < 4; k++) {
      double[] c = new double[3];
      for (int i = 0; i < 3; i++) {
        c[i] = fwd[i] * depth + right[i] * halfW * signs[k][0] + up[i] * halfH * signs[k][1];
      }
      out[k + 1] = c;
    }
    return out;
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }
}

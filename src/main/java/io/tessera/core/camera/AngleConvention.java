package io.tessera.core.camera;

/**
 * The three ways a camera's attitude arrives, each as three angles in degrees, and their
 * conversion to and from a {@link Pose}'s camera-to-ENU rotation (in the ENU axes at the camera).
 *
 * <p>The yaw–pitch–roll conventions rotate a body frame (forward, right, down) from North-East-Down
 * by yaw about down, then pitch about the new right axis, then roll about the new forward axis
 * ({@code C = Rz(yaw) · Ry(pitch) · Rx(roll)}, body → NED): yaw clockwise from north seen from
 * above, pitch positive nose up, roll positive right side down. They differ in where the camera
 * sits in that body frame.
 */
public enum AngleConvention {
  /**
   * DJI {@code drone-dji:GimbalYawDegree}, {@code GimbalPitchDegree}, {@code GimbalRollDegree}:
   * the gimbal's own attitude in North-East-Down, absolute (not relative to the aircraft); the
   * camera looks along the gimbal's forward axis with the image top up. Pitch 0 looks at the
   * horizon, −90 straight down (nadir); yaw is the heading the camera faces, which for a nadir
   * shot is where the top of the image faces. At pitch −90 yaw and roll turn about the same axis,
   * so {@link #angles} gives roll 0 there.
   */
  DJI_GIMBAL {
    @Override
    public Rotation cameraToEnu(double yawDeg, double pitchDeg, double rollDeg) {
      return NED_TO_ENU.times(body(yawDeg, pitchDeg, rollDeg)).times(CAMERA_FORWARD);
    }

    @Override
    public double[] angles(Rotation cameraToEnu) {
      return yawPitchRoll(NED_TO_ENU.times(cameraToEnu).times(CAMERA_FORWARD.transpose()));
    }
  },

  /**
   * Pix4D's yaw, pitch, roll (also senseFly's XMP {@code Camera:Yaw}, {@code Camera:Pitch},
   * {@code Camera:Roll}, and the yaw/pitch/roll columns of PIX4D geolocation files): the
   * attitude of a body that carries the camera looking down with the image top facing forward.
   * Yaw 0, pitch 0, roll 0 is a nadir image whose top faces north; yaw 90 turns the top east;
   * pitch 90 looks forward at the horizon. For a camera without roll, this pitch is the DJI
   * gimbal pitch + 90.
   */
  YAW_PITCH_ROLL {
    @Override
    public Rotation cameraToEnu(double yawDeg, double pitchDeg, double rollDeg) {
      return NED_TO_ENU.times(body(yawDeg, pitchDeg, rollDeg)).times(CAMERA_DOWN);
    }

    @Override
    public double[] angles(Rotation cameraToEnu) {
      return yawPitchRoll(NED_TO_ENU.times(cameraToEnu).times(CAMERA_DOWN.transpose()));
    }
  },

  /**
   * Omega, phi, kappa as in photogrammetry (PATB, Pix4D): {@code R = Rx(ω) · Ry(φ) · Rz(κ)}
   * takes the image frame (x right, y up, z towards the viewer, away from the scene) to the
   * world frame (x east, y north, z up), so (0, 0, 0) is a nadir image whose top faces north and,
   * for a nadir image, kappa is about −yaw. Tessera takes the world frame as the local ENU frame
   * at the camera; angles given against a projected grid (UTM, a national grid) differ from that
   * by the grid's meridian convergence, up to a few degrees away from its central meridian.
   */
  OMEGA_PHI_KAPPA {
    @Override
    public Rotation cameraToEnu(double omegaDeg, double phiDeg, double kappaDeg) {
      return Rotation.aboutX(Math.toRadians(omegaDeg))
          .times(Rotation.aboutY(Math.toRadians(phiDeg)))
          .times(Rotation.aboutZ(Math.toRadians(kappaDeg)))
          .times(FLIP_YZ);
    }

    @Override
    public double[] angles(Rotation cameraToEnu) {
      Rotation r = cameraToEnu.times(FLIP_YZ);
      double phi = Math.asin(clamp(r.get(0, 2)));
      double omega;
      double kappa;
      if (Math.abs(r.get(0, 2)) < 1 - 1e-12) {
        omega = Math.atan2(-r.get(1, 2), r.get(2, 2));
        kappa = Math.atan2(-r.get(0, 1), r.get(0, 0));
      } else {
        omega = 0; // omega and kappa turn about the same axis: put it all in kappa
        kappa = Math.atan2(r.get(1, 0), r.get(1, 1));
      }
      return new double[] {Math.toDegrees(omega), Math.toDegrees(phi), Math.toDegrees(kappa)};
    }
  };

  /** North-East-Down ↔ East-North-Up (its own inverse). */
  private static final Rotation NED_TO_ENU =
      Rotation.ofRows(new double[] {0, 1, 0}, new double[] {1, 0, 0}, new double[] {0, 0, -1});
  /** Camera axes in a body that looks forward: right = body right, down = body down, view = forward. */
  private static final Rotation CAMERA_FORWARD =
      Rotation.ofRows(new double[] {0, 0, 1}, new double[] {1, 0, 0}, new double[] {0, 1, 0});
  /** Camera axes in a body that looks down, image top forward: right, down = backward, view = down. */
  private static final Rotation CAMERA_DOWN =
      Rotation.ofRows(new double[] {0, -1, 0}, new double[] {1, 0, 0}, new double[] {0, 0, 1});
  /** Image frame with y up and z towards the viewer ↔ camera frame with y down and z forward. */
  private static final Rotation FLIP_YZ =
      Rotation.ofRows(new double[] {1, 0, 0}, new double[] {0, -1, 0}, new double[] {0, 0, -1});

  /** The camera-to-ENU rotation for three angles in degrees, in this convention's order. */
  public abstract Rotation cameraToEnu(double first, double second, double third);

  /**
   * The three angles in degrees, in this convention's order, of a camera-to-ENU rotation; the
   * inverse of {@link #cameraToEnu} up to the equivalent angle triples (angles in (−180, 180],
   * the middle one in [−90, 90]).
   */
  public abstract double[] angles(Rotation cameraToEnu);

  private static Rotation body(double yawDeg, double pitchDeg, double rollDeg) {
    return Rotation.aboutZ(Math.toRadians(yawDeg))
        .times(Rotation.aboutY(Math.toRadians(pitchDeg)))
        .times(Rotation.aboutX(Math.toRadians(rollDeg)));
  }

  /** Z-Y-X angles of a body → NED rotation, degrees. */
  private static double[] yawPitchRoll(Rotation c) {
    double pitch = -Math.asin(clamp(c.get(2, 0)));
    double yaw;
    double roll;
    if (Math.abs(c.get(2, 0)) < 1 - 1e-12) {
      yaw = Math.atan2(c.get(1, 0), c.get(0, 0));
      roll = Math.atan2(c.get(2, 1), c.get(2, 2));
    } else {
      roll = 0; // gimbal lock: yaw and roll turn about the same axis
      yaw = Math.atan2(-c.get(0, 1), c.get(1, 1));
    }
    return new double[] {Math.toDegrees(yaw), Math.toDegrees(pitch), Math.toDegrees(roll)};
  }

  private static double clamp(double v) {
    return Math.max(-1, Math.min(1, v));
  }
}

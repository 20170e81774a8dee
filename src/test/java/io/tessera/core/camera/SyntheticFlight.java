package io.tessera.core.camera;

import io.tessera.core.camera.GcpPredictor.Mark;
import io.tessera.core.camera.GcpPredictor.Photo;
import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic flight for the prediction tests: its true cameras, its GPS/attitude photos, its
 * GCPs and the marks a user would put.
 */
record SyntheticFlight(List<CameraModel> truth, List<Photo> photos, Map<String, Vec3> gcps,
    PoseCorrection.Options options, Random rnd) {
  static final Intrinsics DRONE = Intrinsics.of(4000, 3000, 2860);

  /**
   * A 7 × 6 block of nadir photos 80 m up, 18 m apart, lines flown both ways, 12 GCPs on uneven
   * ground; GPS noise 2 m horizontal and 5 m vertical, {@code attitudeDeg} per axis, {@code
   * sharedPosition} and {@code sharedAttitude} of the variance shared by the flight; marks 0.5 px.
   */
  static SyntheticFlight of(long seed, double attitudeDeg, double sharedPosition,
      double sharedAttitude, int orientation) {
    Random rnd = new Random(seed);
    List<CameraModel> truth = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      for (int j = 0; j < 6; j++) {
        truth.add(new CameraModel(DRONE, Pose.nadir(new Vec3(18 * i, 18 * j, 80), 180 * (i % 2))));
      }
    }
    Map<String, Vec3> gcps = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        gcps.put("g" + gcps.size(), new Vec3(15 + 32 * i + 4 * rnd.nextGaussian(),
            12 + 30 * j + 4 * rnd.nextGaussian(), 3 * rnd.nextGaussian()));
      }
    }
    double sa = Math.toRadians(attitudeDeg);
    double sp = Math.sqrt(sharedPosition);
    double op = Math.sqrt(1 - sharedPosition);
    double ss = Math.sqrt(sharedAttitude);
    double os = Math.sqrt(1 - sharedAttitude);
    Vec3 biasP = new Vec3(2 * sp * rnd.nextGaussian(), 2 * sp * rnd.nextGaussian(),
        5 * sp * rnd.nextGaussian());
    Vec3 biasA = new Vec3(sa * ss * rnd.nextGaussian(), sa * ss * rnd.nextGaussian(),
        sa * ss * rnd.nextGaussian());
    List<Photo> photos = new ArrayList<>();
    for (int k = 0; k < truth.size(); k++) {
      CameraModel c = truth.get(k);
      Vec3 dp = biasP.plus(new Vec3(2 * op * rnd.nextGaussian(), 2 * op * rnd.nextGaussian(),
          5 * op * rnd.nextGaussian()));
      Vec3 dr = biasA.plus(new Vec3(sa * os * rnd.nextGaussian(), sa * os * rnd.nextGaussian(),
          sa * os * rnd.nextGaussian()));
      photos.add(new Photo("p" + k,
          c.withPose(c.pose().perturbed(dp, c.pose().cameraToWorld().apply(dr))), orientation));
    }
    return new SyntheticFlight(truth, photos, gcps,
        new PoseCorrection.Options(0.5, 2, 5, attitudeDeg), rnd);
  }

  /** Where {@code gcp} really shows on photo {@code photoId}, or null when it does not. */
  ImagePoint truePixel(String photoId, String gcp) {
    CameraModel t = truth.get(Integer.parseInt(photoId.substring(1)));
    return t.sees(gcps.get(gcp)) ? t.project(gcps.get(gcp)).orElseThrow() : null;
  }

  /** A user's mark of {@code gcp} on photo {@code photoId}: the true pixel plus mark noise. */
  Mark mark(String photoId, String gcp) {
    ImagePoint p = truePixel(photoId, gcp);
    double s = options.markSigmaPx();
    return new Mark(photoId, gcp,
        new ImagePoint(p.x() + s * rnd.nextGaussian(), p.y() + s * rnd.nextGaussian()));
  }
}

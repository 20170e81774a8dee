package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.camera.GcpPredictor.Mark;
import io.tessera.core.camera.GcpPredictor.Photo;
import io.tessera.core.camera.GcpPredictor.PointBasis;
import io.tessera.core.camera.GcpPredictor.Prediction;
import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcpPredictorTest {
  private static final Intrinsics DRONE = Intrinsics.of(4000, 3000, 2860);
  private static final Map<String, Vec3> GCPS = new LinkedHashMap<>();

  static {
    GCPS.put("g1", new Vec3(0, 0, 1.5));
    GCPS.put("g2", new Vec3(30, 20, -2));
    GCPS.put("g3", new Vec3(-25, 18, 3));
    GCPS.put("g4", new Vec3(20, -22, 0.5));
    GCPS.put("g5", new Vec3(-18, -20, 4));
  }

  /** A 3 × 3 block of nadir photos 80 m up, 25 m apart, their true cameras. */
  private static List<CameraModel> trueCameras() {
    List<CameraModel> cams = new ArrayList<>();
    for (int i = -1; i <= 1; i++) {
      for (int j = -1; j <= 1; j++) {
        cams.add(new CameraModel(DRONE, Pose.nadir(new Vec3(25 * i, 25 * j, 80 + i), 10 * j)));
      }
    }
    return cams;
  }

  private static List<Photo> photos(List<CameraModel> cams, int orientation) {
    List<Photo> ps = new ArrayList<>();
    for (int i = 0; i < cams.size(); i++) {
      ps.add(new Photo("p" + i, cams.get(i), orientation));
    }
    return ps;
  }

  private static double error(ImagePoint a, ImagePoint b) {
    return Math.hypot(a.x() - b.x(), a.y() - b.y());
  }

  @Test
  void withTruePosesEveryPhotoThatSeesTheGcpPredictsItExactlyNearestTheCentreFirst() {
    List<CameraModel> cams = trueCameras();
    GcpPredictor predictor = GcpPredictor.of(photos(cams, 1), GCPS, List.of(), PoseCorrection.Options.defaults());
    List<Prediction> ps = predictor.predict("g2");
    long seeing = cams.stream().filter(c -> c.sees(GCPS.get("g2"))).count();
    assertThat(ps).hasSize((int) seeing).isNotEmpty();
    assertThat(ps).isSortedAccordingTo(java.util.Comparator.comparingDouble(Prediction::distanceFromCentrePx));
    for (Prediction p : ps) {
      CameraModel cam = cams.get(Integer.parseInt(p.photoId().substring(1)));
      assertThat(error(p.pixel(), cam.project(GCPS.get("g2")).orElseThrow())).isLessThan(1e-9);
      assertThat(p.point()).isEqualTo(PointBasis.SURVEYED);
      assertThat(p.pose()).isEqualTo(PoseCorrection.Kind.NONE);
      assertThat(p.mark()).isNull();
    }
    assertThat(predictor.predict("nowhere")).isEmpty();
  }

  @Test
  void twoMarksCancelAnOffsetThePhotosShare() {
    List<CameraModel> truth = trueCameras();
    // every GPS position 3 m east, 2 m south and 8 m too high: a shared offset
    List<CameraModel> gps = new ArrayList<>();
    for (CameraModel c : truth) {
      gps.add(c.withPose(c.pose().perturbed(new Vec3(3, -2, 8), Vec3.ZERO)));
    }
    Vec3 g = GCPS.get("g1");
    List<Mark> marks = List.of(
        new Mark("p0", "g1", truth.get(0).project(g).orElseThrow()),
        new Mark("p8", "g1", truth.get(8).project(g).orElseThrow()));
    GcpPredictor before = GcpPredictor.of(photos(gps, 1), GCPS, List.of(), PoseCorrection.Options.defaults());
    GcpPredictor after = GcpPredictor.of(photos(gps, 1), GCPS, marks, PoseCorrection.Options.defaults());
    double worstBefore = 0;
    for (Prediction p : before.predict("g1")) {
      worstBefore = Math.max(worstBefore,
          error(p.pixel(), truth.get(Integer.parseInt(p.photoId().substring(1))).project(g).orElseThrow()));
    }
    assertThat(worstBefore).isGreaterThan(50);
    List<Prediction> ps = after.predict("g1");
    assertThat(ps).hasSizeGreaterThan(2);
    for (Prediction p : ps) {
      ImagePoint t = truth.get(Integer.parseInt(p.photoId().substring(1))).project(g).orElseThrow();
      assertThat(error(p.pixel(), t)).as(p.photoId()).isLessThan(1e-6);
      assertThat(p.point()).isEqualTo(PointBasis.TRIANGULATED);
    }
    assertThat(after.gpsTriangulation("g1").orElseThrow().point().distance(g.plus(new Vec3(3, -2, 8))))
        .isLessThan(1e-6);
  }

  @Test
  void threeMarkedGcpsCorrectAPhotosPoseAndPredictTheFourth() {
    List<CameraModel> truth = trueCameras();
    CameraModel centre = truth.get(4);
    List<CameraModel> gps = new ArrayList<>(truth);
    gps.set(4, centre.withPose(centre.pose().perturbed(new Vec3(2, 1.5, -4), new Vec3(0.02, -0.03, 0.04))));
    List<Mark> marks = new ArrayList<>();
    for (String id : List.of("g1", "g3", "g4")) {
      marks.add(new Mark("p4", id, centre.project(GCPS.get(id)).orElseThrow()));
    }
    GcpPredictor predictor = GcpPredictor.of(photos(gps, 1), GCPS, marks, PoseCorrection.Options.marksOnly(0.5));
    assertThat(predictor.correction("p4").kind()).isEqualTo(PoseCorrection.Kind.FULL_POSE);
    Prediction p = predictor.predict("g5").stream().filter(x -> x.photoId().equals("p4")).findFirst().orElseThrow();
    assertThat(error(p.pixel(), centre.project(GCPS.get("g5")).orElseThrow())).isLessThan(1e-4);
    assertThat(p.pose()).isEqualTo(PoseCorrection.Kind.FULL_POSE);
    assertThat(p.point()).isEqualTo(PointBasis.SURVEYED);
  }

  @Test
  void marksAndPredictionsAreInDisplayedPixelsOfTurnedPhotos() {
    List<CameraModel> truth = trueCameras();
    Vec3 g = GCPS.get("g1");
    // orientation 6: shown turned 90° clockwise, 3000 × 4000
    List<Mark> marks = List.of(
        new Mark("p0", "g1", ImageOrientation.toDisplayed(truth.get(0).project(g).orElseThrow(), 6, 4000, 3000)),
        new Mark("p8", "g1", ImageOrientation.toDisplayed(truth.get(8).project(g).orElseThrow(), 6, 4000, 3000)));
    GcpPredictor predictor = GcpPredictor.of(photos(truth, 6), Map.of(), marks, PoseCorrection.Options.defaults());
    // without surveyed coordinates g1 is a tie point: triangulated from its marks
    List<Prediction> ps = predictor.predict("g1");
    assertThat(ps).isNotEmpty();
    for (Prediction p : ps) {
      ImagePoint stored = truth.get(Integer.parseInt(p.photoId().substring(1))).project(g).orElseThrow();
      assertThat(error(p.pixel(), ImageOrientation.toDisplayed(stored, 6, 4000, 3000))).isLessThan(1e-6);
      assertThat(p.point()).isEqualTo(PointBasis.TRIANGULATED);
    }
    assertThat(ps.stream().filter(p -> p.photoId().equals("p0")).findFirst().orElseThrow().mark())
        .isEqualTo(marks.get(0).pixel());
  }

  @Test
  void refusesMarksOnUnknownPhotosAndSecondMarksOfAPointOnAPhoto() {
    List<Photo> ps = photos(trueCameras(), 1);
    assertThatThrownBy(() -> GcpPredictor.of(ps, GCPS,
        List.of(new Mark("nope", "g1", new ImagePoint(1, 1))), PoseCorrection.Options.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown photo");
    assertThatThrownBy(() -> GcpPredictor.of(ps, GCPS,
        List.of(new Mark("p1", "g1", new ImagePoint(1, 1)), new Mark("p1", "g1", new ImagePoint(2, 2))),
        PoseCorrection.Options.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
  }
}

package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResectionTest {
  private static final Intrinsics CANON = Intrinsics.of(4272, 2848, 5700);

  private static List<PoseCorrection.Control> marks(CameraModel truth, List<Vec3> points) {
    List<PoseCorrection.Control> out = new ArrayList<>();
    for (Vec3 p : points) {
      out.add(new PoseCorrection.Control(p, truth.project(p).orElseThrow()));
    }
    return out;
  }

  @Test
  void threeMarksOfATiltedTurnedCameraGiveItsPoseBack() {
    Pose tilted = Pose.nadir(new Vec3(12, -7, 95), 137)
        .perturbed(Vec3.ZERO, new Vec3(0.12, -0.08, 0.05));
    CameraModel truth = new CameraModel(CANON, tilted);
    List<Vec3> points = List.of(new Vec3(0, 0, 1), new Vec3(25, 10, 0), new Vec3(5, -22, 2));
    PoseCorrection.Result r = Resection.fromMarks(CANON, marks(truth, points)).orElseThrow();
    assertThat(r.camera().pose().centre().distance(tilted.centre())).isLessThan(1e-4);
    Vec3 elsewhere = new Vec3(-10, 15, 0);
    ImagePoint want = truth.project(elsewhere).orElseThrow();
    ImagePoint got = r.camera().project(elsewhere).orElseThrow();
    assertThat(Math.hypot(want.x() - got.x(), want.y() - got.y())).isLessThan(1e-3);
  }

  @Test
  void theNadirStartHasTheHeadingAndHeightOfANadirCamera() {
    CameraModel truth = new CameraModel(CANON, Pose.nadir(new Vec3(3, 4, 60), -70));
    List<Vec3> points = List.of(new Vec3(0, 0, 0), new Vec3(10, 0, 0), new Vec3(0, 8, 0));
    Pose start = Resection.nadirSimilarity(CANON, marks(truth, points));
    assertThat(start.centre().distance(truth.pose().centre())).isLessThan(1e-6);
    assertThat(start.cameraToWorld().times(truth.pose().cameraToWorld().transpose())
        .toRotationVector().norm()).isLessThan(1e-9);
  }

  @Test
  void marksThatNoCameraExplainsAreRefused() {
    CameraModel truth = new CameraModel(CANON, Pose.nadir(new Vec3(0, 0, 90), 20));
    List<Vec3> points = List.of(new Vec3(0, 0, 0), new Vec3(20, 0, 0), new Vec3(0, 15, 0));
    List<PoseCorrection.Control> marks = new ArrayList<>(marks(truth, points));
    // the third point marked on the second one's target, as copr's IMG_0031 has gcp00 and gcp04
    marks.set(2, new PoseCorrection.Control(points.get(2), marks.get(1).pixel()));
    assertThat(Resection.fromMarks(CANON, marks)).isEmpty();
  }

  @Test
  void twoPointsAreNotEnough() {
    CameraModel truth = new CameraModel(CANON, Pose.nadir(new Vec3(0, 0, 60), 0));
    List<Vec3> points = List.of(new Vec3(0, 0, 0), new Vec3(10, 0, 0), new Vec3(10, 0, 0));
    assertThat(Resection.fromMarks(CANON, marks(truth, points))).isEmpty();
  }
}

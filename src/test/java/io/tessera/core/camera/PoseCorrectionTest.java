package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PoseCorrectionTest {
  private static final Intrinsics DRONE = Intrinsics.of(4000, 3000, 2860);
  private static final CameraModel TRUE = new CameraModel(DRONE,
      new Pose(new Vec3(5, -3, 82), AngleConvention.DJI_GIMBAL.cameraToEnu(30, -85, 1)));
  /** GCPs on uneven ground within the true photo. */
  private static final List<Vec3> POINTS = List.of(
      new Vec3(-20, 10, 2.5), new Vec3(25, 15, -1.5), new Vec3(15, -20, 4), new Vec3(-15, -18, 0),
      new Vec3(2, 2, 6));

  private static List<PoseCorrection.Control> exactMarks(int n) {
    List<PoseCorrection.Control> cs = new ArrayList<>();
    for (Vec3 p : POINTS.subList(0, n)) {
      ImagePoint px = TRUE.project(p).orElseThrow();
      assertThat(DRONE.contains(px)).isTrue();
      cs.add(new PoseCorrection.Control(p, px));
    }
    return cs;
  }

  @Property(tries = 200)
  void exactMarksOfThreeOrMorePointsRecoverAPerturbedPose(
      @ForAll @IntRange(min = 3, max = 5) int marks,
      @ForAll @DoubleRange(min = -4, max = 4) double dx,
      @ForAll @DoubleRange(min = -4, max = 4) double dy,
      @ForAll @DoubleRange(min = -10, max = 10) double dz,
      @ForAll @DoubleRange(min = -0.07, max = 0.07) double ax,
      @ForAll @DoubleRange(min = -0.07, max = 0.07) double ay,
      @ForAll @DoubleRange(min = -0.07, max = 0.07) double az) {
    // up to 4 m, 10 m and 4° off: what a consumer GNSS and gimbal give
    CameraModel prior = TRUE.withPose(TRUE.pose().perturbed(new Vec3(dx, dy, dz), new Vec3(ax, ay, az)));
    PoseCorrection.Result r =
        PoseCorrection.correct(prior, exactMarks(marks), PoseCorrection.Options.marksOnly(0.5));
    assertThat(r.kind()).isEqualTo(PoseCorrection.Kind.FULL_POSE);
    assertThat(r.camera().pose().centre().distance(TRUE.pose().centre())).isLessThan(1e-5);
    assertThat(r.camera().pose().cameraToWorld().angleTo(TRUE.pose().cameraToWorld())).isLessThan(1e-7);
    assertThat(r.rmsErrorPx()).isLessThan(1e-6);
  }

  @Test
  void aPriorHoldsThePoseOnlyAsMuchAsItsSigmasSay() {
    CameraModel prior = TRUE.withPose(TRUE.pose().perturbed(new Vec3(2, -2, 5), new Vec3(0.03, -0.02, 0.03)));
    PoseCorrection.Result r = PoseCorrection.correct(prior, exactMarks(4), PoseCorrection.Options.defaults());
    assertThat(r.kind()).isEqualTo(PoseCorrection.Kind.FULL_POSE);
    assertThat(r.camera().pose().centre().distance(TRUE.pose().centre())).isLessThan(0.05);
    assertThat(r.rmsErrorPx()).isLessThan(0.1);
    // the next GCP then shows within a pixel of where it really is
    Vec3 next = POINTS.get(4);
    ImagePoint predicted = r.camera().project(next).orElseThrow();
    ImagePoint truth = TRUE.project(next).orElseThrow();
    assertThat(Math.hypot(predicted.x() - truth.x(), predicted.y() - truth.y())).isLessThan(1);
  }

  @Test
  void oneOrTwoMarksShiftTheImage() {
    CameraModel prior = TRUE.withPose(TRUE.pose().perturbed(new Vec3(2, -2, 5), new Vec3(0.03, -0.02, 0.01)));
    List<PoseCorrection.Control> one = exactMarks(1);
    PoseCorrection.Result r1 = PoseCorrection.correct(prior, one, PoseCorrection.Options.defaults());
    assertThat(r1.kind()).isEqualTo(PoseCorrection.Kind.SHIFT);
    ImagePoint at = r1.camera().project(one.get(0).point()).orElseThrow();
    assertThat(at.x()).isCloseTo(one.get(0).pixel().x(), within(1e-6));
    assertThat(at.y()).isCloseTo(one.get(0).pixel().y(), within(1e-6));

    PoseCorrection.Result r2 = PoseCorrection.correct(prior, exactMarks(2), PoseCorrection.Options.defaults());
    assertThat(r2.kind()).isEqualTo(PoseCorrection.Kind.SHIFT);
    // the shift is the mean offset: the residuals cancel
    double sx = 0;
    for (PoseCorrection.Control c : exactMarks(2)) {
      sx += r2.camera().project(c.point()).orElseThrow().x() - c.pixel().x();
    }
    assertThat(sx).isCloseTo(0, within(1e-6));

    PoseCorrection.Result none = PoseCorrection.correct(prior, List.of(), PoseCorrection.Options.defaults());
    assertThat(none.kind()).isEqualTo(PoseCorrection.Kind.NONE);
    assertThat(none.camera()).isEqualTo(prior);
  }

  @Test
  void threeMarksOfTheSamePointAreOnePointAndOnlyShift() {
    ImagePoint px = TRUE.project(POINTS.get(0)).orElseThrow();
    List<PoseCorrection.Control> same = List.of(
        new PoseCorrection.Control(POINTS.get(0), px), new PoseCorrection.Control(POINTS.get(0), px),
        new PoseCorrection.Control(POINTS.get(0), px));
    assertThat(PoseCorrection.correct(TRUE, same, PoseCorrection.Options.defaults()).kind())
        .isEqualTo(PoseCorrection.Kind.SHIFT);
  }
}

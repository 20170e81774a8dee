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

  /** The worst error of the predictions of {@code id}, photos in {@code skip} left out. */
  private static double worstError(GcpPredictor predictor, List<CameraModel> truth, String id,
      List<String> skip) {
    double worst = 0;
    for (Prediction p : predictor.predict(id)) {
      if (!skip.contains(p.photoId())) {
        ImagePoint t = truth.get(Integer.parseInt(p.photoId().substring(1))).project(GCPS.get(id))
            .orElseThrow();
        worst = Math.max(worst, error(p.pixel(), t));
      }
    }
    return worst;
  }

  @Test
  void twoMarksCancelAnOffsetThePhotosShareWhenTheAttitudesArePrecise() {
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
    List<String> marked = List.of("p0", "p8");
    GcpPredictor before = GcpPredictor.of(photos(gps, 1), GCPS, List.of(), PoseCorrection.Options.defaults());
    double worstBefore = worstError(before, truth, "g1", marked);
    assertThat(worstBefore).isGreaterThan(100);
    // attitudes known to 0.05° (bundle-adjusted): two marks leave mostly the offset to find
    // (whether it is shared is still weighed by evidence, hence a few pixels, not zero)
    PoseCorrection.Options precise = new PoseCorrection.Options(0.5, 5, 10, 0.05);
    GcpPredictor after = GcpPredictor.of(photos(gps, 1), GCPS, marks, precise);
    for (String id : GCPS.keySet()) {
      assertThat(worstError(after, truth, id, marked)).as(id).isLessThan(10);
    }
    List<Prediction> ps = after.predict("g1");
    assertThat(ps).hasSizeGreaterThan(2);
    for (Prediction p : ps) {
      assertThat(p.point()).isEqualTo(PointBasis.SURVEYED);
      assertThat(p.pose()).isEqualTo(marked.contains(p.photoId())
          ? PoseCorrection.Kind.FLIGHT_AND_MARKS : PoseCorrection.Kind.FLIGHT);
    }
    // with a consumer gimbal's 5° the same two marks cannot tell the offset from a tilt: the
    // predictions move towards the point, not onto it
    GcpPredictor loose =
        GcpPredictor.of(photos(gps, 1), GCPS, marks, PoseCorrection.Options.defaults());
    assertThat(worstError(loose, truth, "g1", marked)).isLessThan(0.5 * worstBefore);
  }

  @Test
  void marksCarryAFlightsGpsOffsetAndAttitudeBiasToTheOtherPhotos() {
    List<CameraModel> truth = trueCameras();
    // the GPS 2 m east, 1.5 m south, 4 m too high and the gimbal's angles off by 1-1.5° about
    // the camera's own axes (a boresight error), the same on every photo
    Vec3 offset = new Vec3(2, -1.5, 4);
    Vec3 bias = new Vec3(Math.toRadians(1), Math.toRadians(-1.5), Math.toRadians(1));
    List<CameraModel> gps = new ArrayList<>();
    for (CameraModel c : truth) {
      Vec3 turn = c.pose().cameraToWorld().apply(bias);
      gps.add(c.withPose(c.pose().perturbed(offset, turn)));
    }
    List<Photo> photos = photos(gps, 1);
    PoseCorrection.Options options = new PoseCorrection.Options(0.5, 2, 5, 2);
    List<Mark> two = List.of(mark(truth, 0, "g1"), mark(truth, 8, "g1"));
    GcpPredictor before = GcpPredictor.of(photos, GCPS, List.of(), options);
    List<String> marked = List.of("p0", "p8");
    double worstBefore = worstError(before, truth, "g1", marked);
    assertThat(worstBefore).isGreaterThan(60);
    // two marks (four numbers) cannot pin six shared unknowns, nor tell shared from own errors:
    // the other photos move towards the point
    GcpPredictor afterTwo = GcpPredictor.of(photos, GCPS, two, options);
    assertThat(worstError(afterTwo, truth, "g1", marked)).isLessThan(0.8 * worstBefore);
    // a third mark pins them when the errors are known to be the flight's
    List<Mark> three = new ArrayList<>(two);
    three.add(mark(truth, 4, "g2"));
    GcpPredictor known =
        GcpPredictor.of(photos, GCPS, three, options, new FlightErrors.Split(1, 1));
    for (String id : GCPS.keySet()) {
      assertThat(worstError(known, truth, id, List.of())).as(id).isLessThan(1);
    }
    // and marks of every GCP on two photos each show the evidence that they are
    List<Mark> many = new ArrayList<>();
    for (var g : GCPS.entrySet()) {
      List<Integer> seeing = new ArrayList<>();
      for (int i = 0; i < truth.size(); i++) {
        if (truth.get(i).sees(g.getValue())) {
          seeing.add(i);
        }
      }
      many.add(mark(truth, seeing.get(0), g.getKey()));
      many.add(mark(truth, seeing.get(seeing.size() - 1), g.getKey()));
    }
    GcpPredictor after = GcpPredictor.of(photos, GCPS, many, options);
    for (String id : GCPS.keySet()) {
      assertThat(worstError(after, truth, id, List.of())).as(id).isLessThan(1);
    }
    FlightErrors.Split split = after.flightErrors().mostProbable().orElseThrow();
    assertThat(split.position()).isGreaterThanOrEqualTo(0.9);
    assertThat(split.attitude()).isGreaterThanOrEqualTo(0.9);
    assertThat(after.flightErrors().weights().get(split)).isGreaterThan(0.5);
  }

  private static Mark mark(List<CameraModel> truth, int photo, String id) {
    return mark(truth, photo, id, GCPS.get(id));
  }

  private static Mark mark(List<CameraModel> truth, int photo, String id, Vec3 at) {
    return new Mark("p" + photo, id, truth.get(photo).project(at).orElseThrow());
  }

  @Test
  void whenEachPhotosErrorIsItsOwnTwoMarksLeaveTheOtherPhotosAboutWhereTheyWere() {
    // the GPS and attitude noise drawn independently for every photo
    SyntheticFlight f = SyntheticFlight.of(20261126L, 2, 0, 0, 1);
    GcpPredictor none = GcpPredictor.of(f.photos(), f.gcps(), List.of(), f.options());
    List<Double> before = new ArrayList<>();
    List<Double> after = new ArrayList<>();
    for (String g : f.gcps().keySet()) {
      List<String> first = none.predict(g).stream().map(Prediction::photoId)
          .filter(id -> f.truePixel(id, g) != null).limit(2).toList();
      List<Mark> two = first.stream().map(id -> f.mark(id, g)).toList();
      Map<String, Prediction> withMarks = new LinkedHashMap<>();
      GcpPredictor.of(f.photos(), f.gcps(), two, f.options()).predict(g)
          .forEach(p -> withMarks.put(p.photoId(), p));
      for (Prediction p : none.predict(g)) {
        ImagePoint at = f.truePixel(p.photoId(), g);
        if (first.contains(p.photoId()) || at == null) {
          continue;
        }
        before.add(error(p.pixel(), at));
        Prediction q = withMarks.get(p.photoId());
        // a prediction that fell off the photo counts as the worst
        after.add(q == null ? Double.POSITIVE_INFINITY : error(q.pixel(), at));
      }
    }
    assertThat(before).hasSizeGreaterThan(100);
    // under independent noise two marks say nothing about other photos; the old triangulation
    // through the two marked photos made predictions far worse
    assertThat(median(after)).isLessThan(1.15 * median(before));
  }

  private static double median(List<Double> xs) {
    double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
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

package io.tessera.core.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.camera.GcpPredictor.Mark;
import io.tessera.core.camera.GcpPredictor.Photo;
import io.tessera.core.camera.GcpPredictor.Prediction;
import io.tessera.core.image.ImagePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The predictions' search radius ({@link Prediction#searchRadiusPx}) on synthetic flights whose
 * pose noise is known and matches the predictor's options: it should hold the true position
 * about 95 % of the time, and shrink where marks pin the cameras.
 */
class GcpSearchRadiusTest {
  private static final Intrinsics DRONE = SyntheticFlight.DRONE;

  /** Whether each prediction's radius holds the true position, and the radii. */
  private static final class Tally {
    int within;
    int n;
    final List<Double> radii = new ArrayList<>();

    void add(Prediction p, ImagePoint truth, int orientation) {
      ImagePoint shown = ImageOrientation.toDisplayed(truth, orientation, DRONE.widthPx(),
          DRONE.heightPx());
      assertThat(p.searchRadiusPx()).isPositive().isFinite();
      n++;
      within += Math.hypot(p.pixel().x() - shown.x(), p.pixel().y() - shown.y())
          <= p.searchRadiusPx() ? 1 : 0;
      radii.add(p.searchRadiusPx());
    }

    double coverage() {
      return within / (double) n;
    }

    double medianRadius() {
      double[] s = radii.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return s[s.length / 2];
    }
  }

  @Test
  void theRadiusHoldsTheTruePositionAbout95PercentOfTheTimeWithAndWithoutMarks() {
    Tally none = new Tally();
    Tally twoMarks = new Tally();
    Tally threePlus = new Tally();
    Tally noneThreePlus = new Tally();
    // independent noise (each photo's its own), so that the pairs are many draws, not one
    for (long seed : new long[] {7, 8, 9}) {
      SyntheticFlight f = SyntheticFlight.of(seed, 2, 0, 0, 1);
      GcpPredictor unmarked = GcpPredictor.of(f.photos(), f.gcps(), List.of(), f.options());
      Map<String, Map<String, Prediction>> before = new LinkedHashMap<>();
      for (String g : f.gcps().keySet()) {
        List<String> seen = new ArrayList<>();
        Map<String, Prediction> byPhoto = new LinkedHashMap<>();
        for (Prediction p : unmarked.predict(g)) {
          byPhoto.put(p.photoId(), p);
          ImagePoint t = f.truePixel(p.photoId(), g);
          if (t != null) {
            none.add(p, t, 1);
            seen.add(p.photoId());
          }
        }
        before.put(g, byPhoto);
        // two marks of the GCP on the first two photos offered that show it
        List<String> first = seen.subList(0, 2);
        List<Mark> two = first.stream().map(id -> f.mark(id, g)).toList();
        for (Prediction p : GcpPredictor.of(f.photos(), f.gcps(), two, f.options()).predict(g)) {
          ImagePoint t = f.truePixel(p.photoId(), g);
          if (t != null && !first.contains(p.photoId())) {
            twoMarks.add(p, t, 1);
          }
        }
      }
      // three or more other GCPs marked on the photo: its pose corrected, the GCP left out
      for (Photo photo : f.photos()) {
        List<String> here = f.gcps().keySet().stream()
            .filter(g -> f.truePixel(photo.id(), g) != null).toList();
        if (here.size() < 4) {
          continue;
        }
        for (String g : here) {
          List<Mark> others = here.stream().filter(o -> !o.equals(g))
              .map(o -> f.mark(photo.id(), o)).toList();
          GcpPredictor marked = GcpPredictor.of(f.photos(), f.gcps(), others, f.options());
          Prediction p = marked.predict(g).stream()
              .filter(x -> x.photoId().equals(photo.id())).findFirst().orElse(null);
          Prediction q = before.get(g).get(photo.id());
          if (p != null && q != null) {
            assertThat(p.pose()).isEqualTo(PoseCorrection.Kind.FULL_POSE);
            threePlus.add(p, f.truePixel(photo.id(), g), 1);
            noneThreePlus.add(q, f.truePixel(photo.id(), g), 1);
          }
        }
      }
    }
    System.out.printf(java.util.Locale.ROOT, "search radius: none %.3f of %d (median %.0f px);"
            + " 2 marks %.3f of %d (median %.0f px); >= 3 marks %.3f of %d (median %.1f px,"
            + " %.0f px before)%n", none.coverage(), none.n, none.medianRadius(),
        twoMarks.coverage(), twoMarks.n, twoMarks.medianRadius(), threePlus.coverage(),
        threePlus.n, threePlus.medianRadius(), noneThreePlus.medianRadius());
    assertThat(none.n).isGreaterThan(200);
    assertThat(twoMarks.n).isGreaterThan(150);
    assertThat(threePlus.n).isGreaterThan(50);
    assertThat(none.coverage()).isBetween(0.88, 0.995);
    assertThat(twoMarks.coverage()).isBetween(0.85, 0.995);
    // the circle about an elongated ellipse holds more than 95 %
    assertThat(threePlus.coverage()).isBetween(0.88, 1.0);
    assertThat(threePlus.medianRadius()).isLessThan(noneThreePlus.medianRadius() / 20);
  }

  @Test
  void marksShrinkTheRadiusOnOtherPhotosWhereTheFlightSharesItsError() {
    // the GPS offset shared by the flight, the attitudes nearly exact: marks fix the offset
    SyntheticFlight f = SyntheticFlight.of(11, 0.05, 1, 0, 1);
    GcpPredictor unmarked = GcpPredictor.of(f.photos(), f.gcps(), List.of(), f.options());
    List<Mark> marks = new ArrayList<>();
    List<String> markedPhotos = new ArrayList<>();
    for (String g : List.of("g1", "g5", "g9")) {
      unmarked.predict(g).stream().map(Prediction::photoId)
          .filter(id -> f.truePixel(id, g) != null && !markedPhotos.contains(id)).limit(2)
          .forEach(id -> {
            marks.add(f.mark(id, g));
            markedPhotos.add(id);
          });
    }
    GcpPredictor marked = GcpPredictor.of(f.photos(), f.gcps(), marks, f.options());
    Tally before = new Tally();
    Tally with = new Tally();
    for (String g : List.of("g0", "g4", "g7", "g10")) {
      Map<String, Prediction> after = new LinkedHashMap<>();
      marked.predict(g).forEach(p -> after.put(p.photoId(), p));
      for (Prediction p : unmarked.predict(g)) {
        ImagePoint t = f.truePixel(p.photoId(), g);
        Prediction q = after.get(p.photoId());
        if (t != null && q != null && !markedPhotos.contains(p.photoId())) {
          assertThat(q.pose()).isEqualTo(PoseCorrection.Kind.FLIGHT);
          before.add(p, t, 1);
          with.add(q, t, 1);
          assertThat(q.searchRadiusPx()).isLessThan(p.searchRadiusPx() / 2);
        }
      }
    }
    System.out.printf(java.util.Locale.ROOT, "shared error: median radius %.0f px before, %.0f"
        + " px after 6 marks on 6 photos%n", before.medianRadius(), with.medianRadius());
    assertThat(with.n).isGreaterThan(10);
    assertThat(with.coverage()).isGreaterThan(0.9);
  }

  @Test
  void theRadiusIsInDisplayedPixelsAndATurnSwapsTheCovariancesAxes() {
    SyntheticFlight upright = SyntheticFlight.of(5, 2, 0.5, 0.5, 1);
    SyntheticFlight turned = SyntheticFlight.of(5, 2, 0.5, 0.5, 6);
    Mark m = upright.mark("p8", "g1");
    ImagePoint shown = ImageOrientation.toDisplayed(m.pixel(), 6, DRONE.widthPx(),
        DRONE.heightPx());
    Prediction a = GcpPredictor.of(upright.photos(), upright.gcps(), List.of(m),
        upright.options()).predict("g4").get(0);
    Prediction b = GcpPredictor.of(turned.photos(), turned.gcps(),
        List.of(new Mark("p8", "g1", shown)), turned.options()).predict("g4").get(0);
    assertThat(b.photoId()).isEqualTo(a.photoId());
    assertThat(b.searchRadiusPx()).isCloseTo(a.searchRadiusPx(), within(1e-6 * a.searchRadiusPx()));
    assertThat(b.covariance().xx())
        .isCloseTo(a.covariance().yy(), within(1e-6 * a.covariance().yy()));
    assertThat(b.covariance().yy())
        .isCloseTo(a.covariance().xx(), within(1e-6 * a.covariance().xx()));
    assertThat(Math.abs(b.covariance().xy())).isCloseTo(Math.abs(a.covariance().xy()),
        within(1e-6 * a.searchRadiusPx() * a.searchRadiusPx()));
  }

  @Test
  void aTriangulatedTiePointGetsAFiniteRadiusThatHoldsIt() {
    SyntheticFlight f = SyntheticFlight.of(3, 0.3, 1, 0, 1);
    Vec3 tie = new Vec3(54, 45, 1);
    Map<String, Vec3> withTie = new LinkedHashMap<>(f.gcps());
    withTie.put("t", tie);
    SyntheticFlight g = new SyntheticFlight(f.truth(), f.photos(), withTie, f.options(), f.rnd());
    List<String> seen = new ArrayList<>();
    for (int k = 0; k < f.truth().size(); k++) {
      if (f.truth().get(k).sees(tie)) {
        seen.add("p" + k);
      }
    }
    List<Mark> marks = new ArrayList<>();
    for (String id : seen.subList(0, 3)) {
      marks.add(g.mark(id, "t"));
    }
    // two GCPs marked too, so that the flight's error is estimated
    for (String gcp : List.of("g4", "g7")) {
      for (Photo p : f.photos()) {
        if (g.truePixel(p.id(), gcp) != null) {
          marks.add(g.mark(p.id(), gcp));
          break;
        }
      }
    }
    List<Prediction> ps = GcpPredictor.of(f.photos(), f.gcps(), marks, f.options()).predict("t");
    assertThat(ps).isNotEmpty();
    Tally t = new Tally();
    for (Prediction p : ps) {
      assertThat(p.point()).isEqualTo(GcpPredictor.PointBasis.TRIANGULATED);
      ImagePoint at = g.truePixel(p.photoId(), "t");
      if (at != null) {
        t.add(p, at, 1);
      }
    }
    assertThat(t.coverage()).isGreaterThan(0.8);
  }
}

package io.tessera.core.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.crs.CrsDefinition;
import io.tessera.core.image.ImagePoint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlPointSetTest {
  static final GcpCrs UTM = new GcpCrs(new CrsDefinition.Epsg(32611));

  @Test
  void namesAreUniqueMarksNameKnownPointsAndAPointIsMarkedOncePerImage() {
    ControlPoint a = new ControlPoint("a", PointType.GCP, 1, 2, 3);
    assertThatThrownBy(() -> new ControlPointSet(UTM, List.of(a, a), List.of()))
        .hasMessageContaining("two points are named a");
    assertThatThrownBy(() -> new ControlPointSet(Optional.of(UTM), List.of(a), List.of(new Mtp("a", false)), List.of()))
        .hasMessageContaining("two points are named a");
    assertThatThrownBy(() -> new ControlPointSet(UTM, List.of(a), List.of(new Mark("b", "x.jpg", new ImagePoint(1, 1)))))
        .hasMessageContaining("names b, which is not in the set");
    Mark m = new Mark("a", "x.jpg", new ImagePoint(1, 1));
    assertThatThrownBy(() -> new ControlPointSet(UTM, List.of(a), List.of(m, m)))
        .hasMessageContaining("a is marked twice on x.jpg");
    assertThatThrownBy(() -> new ControlPointSet(Optional.empty(), List.of(a), List.of(), List.of()))
        .hasMessageContaining("GCPs need a CRS");
  }

  @Test
  void namesMustTravelThroughEveryFormat() {
    assertThatThrownBy(() -> new ControlPoint(" a", PointType.GCP, 1, 2, 3)).hasMessageContaining("surrounding blanks");
    assertThatThrownBy(() -> new ControlPoint("a\tb", PointType.GCP, 1, 2, 3)).hasMessageContaining("control character");
    assertThatThrownBy(() -> new Mtp("", false)).hasMessageContaining("blank");
    assertThatThrownBy(() -> new ControlPoint("a", PointType.GCP, Double.NaN, 2, 3)).hasMessageContaining("finite");
  }

  @Test
  void surveyedCoordinatesReplaceOldOnesAndKeepTypesAndMarks() {
    ControlPointSet set = new ControlPointSet(Optional.of(UTM),
        List.of(new ControlPoint("a", PointType.CHECKPOINT, 0, 0, 0)),
        List.of(new Mtp("t", false)),
        List.of(new Mark("a", "x.jpg", new ImagePoint(1, 1))));
    ControlPoint surveyedA = new ControlPoint("a", PointType.GCP, 5, 6, 7, Optional.of(Sigmas.of(0.01, 0.02)));
    ControlPoint surveyedB = new ControlPoint("b", PointType.GCP, 8, 9, 10);
    ControlPointSet updated = set.withSurveyed(List.of(surveyedA, surveyedB), UTM);
    assertThat(updated.gcps()).containsExactly(
        new ControlPoint("a", PointType.CHECKPOINT, 5, 6, 7, Optional.of(Sigmas.of(0.01, 0.02))), surveyedB);
    assertThat(updated.marks()).isEqualTo(set.marks());
    assertThat(updated.mtps()).isEqualTo(set.mtps());
    assertThatThrownBy(() -> set.withSurveyed(List.of(surveyedA), new GcpCrs(new CrsDefinition.Epsg(32612))))
        .hasMessageContaining("transform them first");
    assertThatThrownBy(() -> set.withSurveyed(List.of(new ControlPoint("t", PointType.GCP, 1, 2, 3)), UTM))
        .hasMessageContaining("t is an MTP");
  }

  @Test
  void oneHorizontalAccuracyIsTheQuadraticMeanOfTwo() {
    assertThat(Sigmas.of(0.02, 0.05).horizontal()).isEqualTo(0.02);
    assertThat(new Sigmas(0.03, 0.04, 0.1).horizontal()).isEqualTo(Math.sqrt(0.00125));
    assertThatThrownBy(() -> new Sigmas(-1, 0, 0)).hasMessageContaining("≥ 0");
  }
}

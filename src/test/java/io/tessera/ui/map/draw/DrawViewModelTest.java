package io.tessera.ui.map.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.geo.Geodesic;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.draw.DrawViewModel.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drawing and editing each kind of shape, its measures and its history, without a toolkit. */
class DrawViewModelTest {
  private static final LonLat SW = new LonLat(0, 0);
  private static final LonLat SE = new LonLat(0.01, 0);
  private static final LonLat NE = new LonLat(0.01, 0.01);
  private static final LonLat NW = new LonLat(0, 0.01);
  /** 0.01° of longitude on the equator of WGS 84: a × 0.01 × π / 180. */
  private static final double EQUATOR_EDGE_M = 6_378_137.0 * Math.toRadians(0.01);
  /** 0.01° of latitude from the equator, on the WGS 84 meridian. */
  private static final double MERIDIAN_EDGE_M = 1_105.74;

  private static DrawViewModel drawn(ShapeKind kind, LonLat... vertices) {
    DrawViewModel vm = new DrawViewModel(kind, null);
    vm.start();
    for (LonLat v : vertices) {
      vm.addVertex(v);
    }
    return vm;
  }

  @Test
  void aPointIsFinishedByItsOneClickAndMovesAsOneEdit() {
    DrawViewModel vm = drawn(ShapeKind.POINT, SW);

    assertThat(vm.getPhase()).isEqualTo(Phase.EDITING);
    assertThat(vm.vertices()).containsExactly(SW);
    assertThat(vm.invalidReasonProperty().get()).isNull();
    assertThat(vm.lengthMetersProperty().get()).isNaN();
    assertThat(vm.areaSquareMetersProperty().get()).isNaN();
    assertThat(vm.edgeCount()).as("a point has no edges to insert into").isZero();
    vm.addVertex(SE);
    assertThat(vm.vertices()).as("a finished point takes no second click").containsExactly(SW);

    int before = vm.revisionProperty().get();
    vm.beginMove(0);
    vm.dragTo(NE);
    vm.endGesture();
    assertThat(vm.vertices()).containsExactly(NE);
    assertThat(vm.revisionProperty().get()).isEqualTo(before + 1);
    assertThat(vm.undo()).isTrue();
    assertThat(vm.vertices()).containsExactly(SW);
  }

  @Test
  void aLineMeasuresItsGeodesicLengthAndFinishesFromTwoPoints() {
    DrawViewModel vm = drawn(ShapeKind.LINE, SW);

    assertThat(vm.invalidReasonProperty().get())
        .isEqualTo("A line needs at least 2 points; it has 1.");
    assertThat(vm.finish()).isFalse();
    vm.addVertex(SE);
    vm.addVertex(NE);
    assertThat(vm.invalidReasonProperty().get()).isNull();
    assertThat(vm.lengthMetersProperty().get())
        .isCloseTo(EQUATOR_EDGE_M + MERIDIAN_EDGE_M, within(0.05));
    assertThat(vm.lengthMetersProperty().get()).isEqualTo(
        Geodesic.distanceMeters(SW, SE) + Geodesic.distanceMeters(SE, NE));
    assertThat(vm.areaSquareMetersProperty().get()).isNaN();
    assertThat(vm.finish()).isTrue();
    assertThat(vm.getPhase()).isEqualTo(Phase.EDITING);
    assertThat(vm.edgeCount()).as("an open line has no closing edge").isEqualTo(2);
  }

  @Test
  void aLinesMidpointInsertsAVertexAndTheRightClickRemovesItAgain() {
    DrawViewModel vm = drawn(ShapeKind.LINE, SW, SE);
    vm.finish();
    LonLat bend = new LonLat(0.005, 0.003);

    vm.beginInsert(0, new LonLat(0.005, 0));
    vm.dragTo(bend);
    vm.endGesture();

    assertThat(vm.vertices()).containsExactly(SW, bend, SE);
    assertThat(vm.undoNameProperty().get()).isEqualTo("Insert Vertex");
    assertThat(vm.lengthMetersProperty().get()).isGreaterThan(EQUATOR_EDGE_M);
    vm.removeVertex(1);
    assertThat(vm.vertices()).containsExactly(SW, SE);
    assertThat(vm.undo()).isTrue();
    assertThat(vm.vertices()).containsExactly(SW, bend, SE);
    assertThat(vm.undo()).isTrue();
    assertThat(vm.vertices()).containsExactly(SW, SE);
    assertThat(vm.redo()).isTrue();
    assertThat(vm.vertices()).containsExactly(SW, bend, SE);
  }

  @Test
  void aPolygonHasItsAreaAndPerimeterAndSaysWhyItIsNotValid() {
    DrawViewModel vm = drawn(ShapeKind.POLYGON, SW, SE);
    assertThat(vm.invalidReasonProperty().get())
        .isEqualTo("A polygon needs at least 3 corners; it has 2.");
    vm.addVertex(NE);
    vm.addVertex(NW);
    assertThat(vm.finish()).isTrue();

    assertThat(vm.areaSquareMetersProperty().get()).isCloseTo(1_230_900, within(1_230_900 * 1e-3));
    double perimeter = Geodesic.distanceMeters(SW, SE) + Geodesic.distanceMeters(SE, NE)
        + Geodesic.distanceMeters(NE, NW) + Geodesic.distanceMeters(NW, SW);
    assertThat(vm.lengthMetersProperty().get()).isCloseTo(perimeter, within(1e-9));
    assertThat(vm.edgeCount()).isEqualTo(4);
    assertThat(vm.polygon().getExteriorRing().getCoordinates()).hasSize(5);

    vm.beginMove(2);
    vm.dragTo(new LonLat(0.01, -0.005));
    vm.dragTo(new LonLat(-0.005, 0.005));
    assertThat(vm.invalidReasonProperty().get()).startsWith("The polygon is not valid");
    assertThat(vm.areaSquareMetersProperty().get()).isNaN();
    assertThat(vm.lengthMetersProperty().get()).isNaN();
    vm.cancelGesture();
    assertThat(vm.invalidReasonProperty().get()).isNull();
  }

  @Test
  void aShapeThatKeepsItsMinimumRefusesToLoseAVertexBelowIt() {
    DrawViewModel vm = new DrawViewModel();
    vm.setKeepsMinimum(true);
    vm.load(ShapeKind.POLYGON, List.of(SW, SE, NE));

    assertThat(vm.removeVertex(0)).isFalse();
    assertThat(vm.vertices()).hasSize(3);
    vm.load(ShapeKind.LINE, List.of(SW, SE, NE));
    assertThat(vm.removeVertex(0)).isTrue();
    assertThat(vm.removeVertex(0)).isFalse();
    vm.load(ShapeKind.POINT, List.of(SW));
    assertThat(vm.removeVertex(0)).isFalse();
  }

  @Test
  void loadOpensAFinishedShapeWithAnEmptyHistoryAndKeepsAnIdenticalOne() {
    DrawViewModel vm = new DrawViewModel();
    vm.load(ShapeKind.LINE, List.of(SW, SE));

    assertThat(vm.getPhase()).isEqualTo(Phase.EDITING);
    assertThat(vm.getKind()).isEqualTo(ShapeKind.LINE);
    assertThat(vm.undoNameProperty().get()).isEmpty();
    assertThat(vm.lengthMetersProperty().get()).isCloseTo(EQUATOR_EDGE_M, within(1e-6));
    vm.beginMove(1);
    vm.dragTo(NE);
    vm.endGesture();
    vm.load(ShapeKind.LINE, List.of(SW, NE));
    assertThat(vm.undoNameProperty().get()).as("the same shape again: nothing reloaded")
        .isEqualTo("Move Vertex");
    vm.load(ShapeKind.LINE, List.of(SW, SE));
    assertThat(vm.undoNameProperty().get()).isEmpty();
    vm.cancel();
    assertThat(vm.getPhase()).isEqualTo(Phase.IDLE);
    assertThat(vm.invalidReasonProperty().get()).isNull();
    assertThat(vm.lengthMetersProperty().get()).isNaN();
  }

  @Test
  void startTakesTheKindOnlyWhileNoShapeIsOpen() {
    DrawViewModel vm = new DrawViewModel();
    vm.start(ShapeKind.LINE);
    vm.start(ShapeKind.POINT);
    assertThat(vm.getKind()).isEqualTo(ShapeKind.LINE);
    vm.cancel();
    vm.start(ShapeKind.POINT);
    assertThat(vm.getKind()).isEqualTo(ShapeKind.POINT);
  }
}

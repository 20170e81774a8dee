package io.tessera.ui.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.dto.MissionDtos.PolygonDto;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.mission.MissionDrawViewModel.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

/** The draft's edits, undo / redo, validity and area, without any toolkit. */
class MissionDrawViewModelTest {
  private static final LonLat SW = new LonLat(0, 0);
  private static final LonLat SE = new LonLat(0.01, 0);
  private static final LonLat NE = new LonLat(0.01, 0.01);
  private static final LonLat NW = new LonLat(0, 0.01);

  /** 0.01° × 0.01° at the equator on WGS 84: 1113.19 m × 1105.74 m. */
  private static final double SQUARE_M2 = 1_230_900;

  private static MissionDrawViewModel drawn(LonLat... corners) {
    MissionDrawViewModel vm = new MissionDrawViewModel();
    vm.start();
    for (LonLat c : corners) {
      vm.addVertex(c);
    }
    return vm;
  }

  @Test
  void aSquareOfTheEquatorHasItsGeodesicAreaAndIsValid() {
    MissionDrawViewModel vm = drawn(SW, SE, NE, NW);

    assertThat(vm.invalidReasonProperty().get()).isNull();
    assertThat(vm.areaSquareMetersProperty().get()).isCloseTo(SQUARE_M2, within(SQUARE_M2 * 1e-3));
  }

  @Test
  void fewerThanThreeVerticesIsInvalidWithAReasonAndNoArea() {
    MissionDrawViewModel vm = drawn(SW, SE);

    assertThat(vm.invalidReasonProperty().get())
        .isEqualTo("A mission area needs at least 3 corners; it has 2.");
    assertThat(vm.areaSquareMetersProperty().get()).isNaN();
    assertThat(vm.bounds()).isNull();
    assertThat(vm.finish()).as("nothing to finish yet").isFalse();
    assertThat(vm.getPhase()).isEqualTo(Phase.DRAWING);
  }

  @Test
  void aBowTieIsInvalidAndSaysWhereItCrossesItself() {
    MissionDrawViewModel vm = drawn(SW, NE, SE, NW);

    assertThat(vm.invalidReasonProperty().get())
        .isEqualTo("The polygon is not valid: self-intersection at 0.00500° N, 0.00500° E.");
    assertThat(vm.areaSquareMetersProperty().get()).isNaN();
  }

  @Test
  void undoAndRedoWalkBackAndForthThroughEveryEdit() {
    MissionDrawViewModel vm = drawn(SW, SE, NE);
    assertThat(vm.finish()).isTrue();
    assertThat(vm.getPhase()).isEqualTo(Phase.EDITING);

    assertThat(vm.undoNameProperty().get()).isEqualTo("Finish Shape");
    assertThat(vm.undo()).isTrue();
    assertThat(vm.getPhase()).isEqualTo(Phase.DRAWING);
    assertThat(vm.undo()).isTrue();
    assertThat(vm.vertices()).containsExactly(SW, SE);
    assertThat(vm.invalidReasonProperty().get()).isNotNull();

    assertThat(vm.redoNameProperty().get()).isEqualTo("Add Vertex");
    assertThat(vm.redo()).isTrue();
    assertThat(vm.redo()).isTrue();
    assertThat(vm.vertices()).containsExactly(SW, SE, NE);
    assertThat(vm.getPhase()).isEqualTo(Phase.EDITING);
    assertThat(vm.redo()).isFalse();
    assertThat(vm.redoNameProperty().get()).isEmpty();
  }

  @Test
  void aDragIsOneEditHoweverManyStepsItTakes() {
    MissionDrawViewModel vm = drawn(SW, SE, new LonLat(0.02, 0.02), NW);
    vm.finish();

    vm.beginMove(2);
    vm.dragTo(new LonLat(0.015, 0.015));
    assertThat(vm.areaSquareMetersProperty().get()).as("the area follows live").isGreaterThan(SQUARE_M2);
    vm.dragTo(NE);
    vm.endGesture();

    assertThat(vm.vertices()).containsExactly(SW, SE, NE, NW);
    assertThat(vm.undoNameProperty().get()).isEqualTo("Move Vertex");
    vm.undo();
    assertThat(vm.vertices()).containsExactly(SW, SE, new LonLat(0.02, 0.02), NW);
    assertThat(vm.undoNameProperty().get()).isEqualTo("Finish Shape");
  }

  @Test
  void aPressWithoutMovementRecordsNothing() {
    MissionDrawViewModel vm = drawn(SW, SE, NE);

    vm.beginMove(1);
    vm.endGesture();

    assertThat(vm.undoNameProperty().get()).isEqualTo("Add Vertex");
  }

  @Test
  void draggingAnEdgesMidpointInsertsAVertexUndoneInOneStep() {
    MissionDrawViewModel vm = drawn(SW, SE, NE, NW);
    vm.finish();

    LonLat south = new LonLat(0.005, -0.002);
    vm.beginInsert(0, new LonLat(0.005, 0));
    vm.dragTo(south);
    vm.endGesture();

    assertThat(vm.vertices()).containsExactly(SW, south, SE, NE, NW);
    assertThat(vm.undoNameProperty().get()).isEqualTo("Insert Vertex");
    vm.undo();
    assertThat(vm.vertices()).containsExactly(SW, SE, NE, NW);
    vm.redo();
    assertThat(vm.vertices()).containsExactly(SW, south, SE, NE, NW);
  }

  @Test
  void escapeDuringADragPutsTheVertexBack() {
    MissionDrawViewModel vm = drawn(SW, SE, NE, NW);
    vm.beginInsert(3, new LonLat(0, 0.005));
    vm.dragTo(new LonLat(-0.003, 0.005));
    vm.cancelGesture();
    vm.beginMove(0);
    vm.dragTo(new LonLat(-1, -1));
    vm.cancelGesture();

    assertThat(vm.vertices()).containsExactly(SW, SE, NE, NW);
    assertThat(vm.areaSquareMetersProperty().get()).isCloseTo(SQUARE_M2, within(SQUARE_M2 * 1e-3));
    assertThat(vm.undoNameProperty().get()).isEqualTo("Add Vertex");
  }

  @Test
  void removingAVertexCanMakeTheShapeInvalidAndUndoRestoresIt() {
    MissionDrawViewModel vm = drawn(SW, SE, NE);
    vm.finish();

    vm.removeVertex(1);

    assertThat(vm.vertices()).containsExactly(SW, NE);
    assertThat(vm.invalidReasonProperty().get()).contains("at least 3 corners");
    vm.undo();
    assertThat(vm.vertices()).containsExactly(SW, SE, NE);
    assertThat(vm.invalidReasonProperty().get()).isNull();
  }

  @Test
  void aNewEditAfterUndoDropsTheRedoneFuture() {
    MissionDrawViewModel vm = drawn(SW, SE, NE);
    vm.undo();

    vm.addVertex(NW);

    assertThat(vm.redoNameProperty().get()).isEmpty();
    assertThat(vm.vertices()).containsExactly(SW, SE, NW);
  }

  @Test
  void aFinishedShapeTakesNoMoreClicksAsVertices() {
    MissionDrawViewModel vm = drawn(SW, SE, NE);
    vm.finish();

    vm.addVertex(NW);

    assertThat(vm.vertices()).containsExactly(SW, SE, NE);
  }

  @Test
  void cancelThrowsTheDraftAndItsHistoryAway() {
    MissionDrawViewModel vm = drawn(SW, SE, NE);

    vm.cancel();

    assertThat(vm.getPhase()).isEqualTo(Phase.IDLE);
    assertThat(vm.vertices()).isEmpty();
    assertThat(vm.undoNameProperty().get()).isEmpty();
    assertThat(vm.invalidReasonProperty().get()).isNull();
    vm.addVertex(SW);
    assertThat(vm.vertices()).as("no tool armed").isEmpty();
  }

  @Test
  void boundsAreAClosedCounterClockwiseRingWhicheverWayTheUserDrew() {
    MissionDrawViewModel vm = drawn(SW, NW, NE, SE); // clockwise

    PolygonDto bounds = vm.bounds();

    assertThat(bounds.type()).isEqualTo("Polygon");
    List<double[]> ring = bounds.coordinates().get(0);
    assertThat(ring).hasSize(5);
    assertThat(ring.get(0)).containsExactly(ring.get(4));
    Coordinate[] cs = ring.stream().map(p -> new Coordinate(p[0], p[1])).toArray(Coordinate[]::new);
    assertThat(Orientation.isCCW(cs)).isTrue();
  }
}

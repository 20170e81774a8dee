package io.tessera.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.draw.ShapeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 3D annotation's heights survive edits of its shape. */
class AnnotationDataTest {
  private static final LonLat A = new LonLat(10.0, 50.0);
  private static final LonLat B = new LonLat(10.002, 50.0);
  private static final LonLat C = new LonLat(10.002, 50.001);

  private static AnnotationData line() {
    return new AnnotationData(ShapeKind.LINE, List.of(A, B, C), List.of(100.0, 110.0, 130.0),
        "ridge", null, null, null, true, null, null);
  }

  @Test
  void anInsertedVertexTakesTheHeightBetweenItsNeighboursAndTheOthersKeepTheirs() {
    LonLat quarter = new LonLat(10.0005, 50.0);
    AnnotationData edited = line().withVertices(List.of(A, quarter, B, C));
    assertThat(edited.heights()).hasSize(4);
    assertThat(edited.heights().get(0)).isEqualTo(100.0);
    assertThat(edited.heights().get(1)).isCloseTo(102.5, within(1e-9));
    assertThat(edited.heights().subList(2, 4)).containsExactly(110.0, 130.0);
  }

  @Test
  void aRemovedVertexTakesOnlyItsOwnHeightAndAMovedOneKeepsIt() {
    assertThat(line().withVertices(List.of(A, C)).heights()).containsExactly(100.0, 130.0);
    LonLat moved = new LonLat(10.003, 50.0);
    assertThat(line().withVertices(List.of(A, moved, C)).heights())
        .containsExactly(100.0, 110.0, 130.0);
    // appended past the end: the last height
    LonLat beyond = new LonLat(10.002, 50.002);
    assertThat(line().withVertices(List.of(A, B, C, beyond)).heights())
        .containsExactly(100.0, 110.0, 130.0, 130.0);
  }

  @Test
  void a2dAnnotationStays2d() {
    AnnotationData flat = AnnotationData.drawn(ShapeKind.LINE, List.of(A, B), "flat");
    assertThat(flat.withVertices(List.of(A, B, C)).heights()).isEmpty();
  }
}

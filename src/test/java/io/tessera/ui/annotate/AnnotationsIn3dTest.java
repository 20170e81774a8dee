package io.tessera.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.Position;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.map.draw.ShapeKind;
import io.tessera.ui.scene3d.Annotation3D;
import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

/** Annotations handed to the 3D pane: in the DSM's coordinates, visible ones only. */
class AnnotationsIn3dTest {
  @Test
  void aPolygonIsTransformedAndClosedAndHiddenOnesAreLeftOut() throws Exception {
    List<LonLat> ring = List.of(new LonLat(15.0, 46.95), new LonLat(15.001, 46.95),
        new LonLat(15.001, 46.951));
    AnnotationItem shown = new AnnotationItem("a", new AnnotationData(ShapeKind.POLYGON, ring,
        List.of(), "Stockpile", "#FF000080", null, "", true, null, null));
    AnnotationItem hidden = new AnnotationItem("b", new AnnotationData(ShapeKind.LINE, ring,
        List.of(), "Fence", "#00FF00FF", null, "", false, null, null));
    Crs utm = Crs.parse("EPSG:32633");
    List<Annotation3D> out = AnnotationWorkspace.in3d(List.of(shown, hidden), utm);
    assertThat(out).singleElement().satisfies(a -> {
      assertThat(a.geometry()).isInstanceOf(Polygon.class);
      assertThat(a.geometry().getCoordinates()).hasSize(4);
      Position first = Crs.wgs84().transformTo(utm).apply(new Position(15.0, 46.95, Double.NaN));
      assertThat(a.geometry().getCoordinates()[0].x).isCloseTo(first.x(), within(1e-6));
      assertThat(a.geometry().getCoordinates()[0].y).isCloseTo(first.y(), within(1e-6));
      assertThat(a.colour()).isEqualTo(Color.web("#FF000080"));
    });
  }
}

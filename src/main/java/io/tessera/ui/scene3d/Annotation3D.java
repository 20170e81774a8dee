package io.tessera.ui.scene3d;

import java.util.Objects;
import javafx.scene.paint.Color;
import org.locationtech.jts.geom.Geometry;

/**
 * A geometry to draw on the terrain in the 3D pane, in the DSM's CRS: points become small
 * spheres on the ground, lines and polygon rings thin bands standing on the terrain (multi-part
 * geometries draw each part). Heights come from the DSM.
 */
public record Annotation3D(Geometry geometry, Color colour) {
  public Annotation3D {
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(colour, "colour");
  }
}

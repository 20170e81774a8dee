package io.tessera.ui.mission;

import io.tessera.ui.map.draw.DrawLayer;

/**
 * The mission area being drawn on the map: a {@link DrawLayer} over the draft's polygon, its area
 * shown in its middle ({@code #draftAreaLabel}). Gestures and keys are the drawing layer's.
 */
public final class MissionDrawLayer extends DrawLayer {
  public MissionDrawLayer(MissionDrawViewModel vm) {
    super(vm.shape(), d -> MissionFormat.area(d.areaSquareMetersProperty().get()),
        "draftAreaLabel");
    getStyleClass().add("mission-draw-layer");
  }
}

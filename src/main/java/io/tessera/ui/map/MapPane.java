package io.tessera.ui.map;

import io.tessera.core.geo.LonLat;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.StackPane;

/** The map pane: a {@code MapView} with its layers and controls. */
public class MapPane extends StackPane {
  private final ReadOnlyObjectWrapper<LonLat> cursor = new ReadOnlyObjectWrapper<>(this, "pointerPosition");

  /** The geographic position under the mouse, or null when the mouse is outside the map. */
  public ReadOnlyObjectProperty<LonLat> pointerPositionProperty() {
    return cursor.getReadOnlyProperty();
  }
}

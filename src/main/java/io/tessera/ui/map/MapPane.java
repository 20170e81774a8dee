package io.tessera.ui.map;

import io.tessera.core.geo.LonLat;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;

/**
 * The map pane: a {@link MapView} over the built-in offline world basemap, with OpenStreetMap's
 * tiles on top when {@link #setOnlineTilesEnabled online tiles} are on. Feature overlays go in
 * {@code getMapView().getLayers()}. Use on the FX thread only.
 */
public class MapPane extends StackPane {
  private final MapView mapView = new MapView();
  private final TileLayer basemap =
      new TileLayer(new BasemapTileSource(Screen.getPrimary().getOutputScaleX() > 1 ? 2 : 1));
  private final TileLayer online = new TileLayer(XyzTileSource.openStreetMap());

  public MapPane() {
    getStyleClass().add("map-pane");
    online.setVisible(false);
    mapView.getLayers().addAll(basemap, online);
    getChildren().add(mapView);
  }

  /** Focus goes to the map itself, whose keys (arrows, +, -, 0) then work at once. */
  @Override
  public void requestFocus() {
    mapView.requestFocus();
  }

  /** The geographic position under the mouse, or null when the mouse is outside the map. */
  public ReadOnlyObjectProperty<LonLat> pointerPositionProperty() {
    return mapView.pointerPositionProperty();
  }

  /** The position at the centre of the map; save it with {@link #zoomProperty()} to restore the view. */
  public ObjectProperty<LonLat> centerProperty() {
    return mapView.centerProperty();
  }

  /** The map's fractional Web Mercator zoom, from {@value MapView#MIN_ZOOM} to {@value MapView#MAX_ZOOM}. */
  public DoubleProperty zoomProperty() {
    return mapView.zoomProperty();
  }

  /** Ground size of one screen pixel at the centre of the map, metres; for the status bar. */
  public ReadOnlyDoubleProperty metersPerPixelProperty() {
    return mapView.metersPerPixelProperty();
  }

  /** Shows {@code center} at the centre of the map at {@code zoom}, e.g. a view saved last session. */
  public void setView(LonLat center, double zoom) {
    mapView.setView(center, zoom);
  }

  /** Whether OpenStreetMap's online tiles are drawn over the basemap; off by default. */
  public void setOnlineTilesEnabled(boolean enabled) {
    online.setVisible(enabled);
  }

  public boolean isOnlineTilesEnabled() {
    return online.isVisible();
  }

  /** The map canvas, to add layers to. */
  public MapView getMapView() {
    return mapView;
  }
}

package io.tessera.ui.map;

import io.tessera.core.geo.LonLat;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * One layer of a {@link MapView}, modelled on Gluon Maps' {@code MapLayer}: a layer changes its
 * data, calls {@link #markDirty()}, and redraws in {@link #layoutLayer()} on the next pulse, placing
 * things with {@link #getMapPoint(LonLat)}. The view marks every layer dirty when it pans, zooms or
 * resizes. A layer covers the whole view, so its coordinates are the view's.
 *
 * <p>Clicks on the map that are not the end of a pan are offered to the visible layers, topmost
 * first, through {@link #mapClicked(MouseEvent)}: a drawing tool takes them to add vertices, a
 * feature layer to select what lies under the mouse. Only clicks no layer takes navigate (a
 * double-click zooms in).
 */
public class MapLayer extends Region {
  private MapView mapView;
  private boolean dirty = true;

  public MapLayer() {
    // Layers draw; the view underneath handles the mouse.
    setPickOnBounds(false);
  }

  /** Asks for {@link #layoutLayer()} on the next pulse. Call on the FX thread. */
  public final void markDirty() {
    dirty = true;
    requestLayout();
  }

  /** The view showing this layer, or null while the layer is not in one. */
  protected final MapView getMapView() {
    return mapView;
  }

  /**
   * Screen position of {@code position} in this layer's coordinates, or null while the layer is
   * not in a view.
   */
  public Point2D getMapPoint(LonLat position) {
    return mapView == null ? null : mapView.getMapPoint(position);
  }

  /** Redraws the layer for the view's current centre, zoom and size. Runs on the FX thread. */
  protected void layoutLayer() {}

  /**
   * A click on the map that was not the end of a pan, in this layer's coordinates; return true to
   * take it (no layer below sees it and the map does not zoom on a double-click).
   */
  protected boolean mapClicked(MouseEvent e) {
    return false;
  }

  /** Called when the layer joins ({@code view} non-null) or leaves a view. */
  protected void attachedTo(MapView view) {}

  final void attach(MapView view) {
    mapView = view;
    attachedTo(view);
    markDirty();
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    if (dirty && mapView != null) {
      dirty = false;
      layoutLayer();
    }
  }
}

package io.tessera.ui.map;

import io.tessera.core.geo.Geodesic;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.WebMercator;
import io.tessera.core.geo.WorldPixel;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A slippy map in Web Mercator, modelled on Gluon Maps' {@code MapView}: a stack of {@link
 * MapLayer}s (first is drawn first), a scale bar and the sources' attribution, with fractional zoom
 * from the whole world ({@value #MIN_ZOOM}) to about 2 mm per pixel ({@value #MAX_ZOOM}).
 * Navigation follows UX.md: wheel zooms at the cursor, left or middle drag pans, arrows pan,
 * {@code +}/{@code -} zoom, {@code 0} fits the world, double-click zooms in one step at the point
 * unless a layer takes the click (see {@link MapLayer#mapClicked}).
 *
 * <p>Use on the FX thread only.
 */
public class MapView extends Region {
  /** Coarsest zoom: the world is 256 pixels wide. */
  public static final double MIN_ZOOM = 0;

  /** Finest zoom: about 2 mm per pixel at the equator. */
  public static final double MAX_ZOOM = 26;

  /** A press that moves less than this many pixels is a click, not a drag (on handles too). */
  public static final double CLICK_SLOP_PIXELS = 4;

  private static final Color OUTSIDE_WORLD = Color.rgb(224, 224, 224);
  private static final double SCALE_BAR_MAX_PIXELS = 120;

  private final ObjectProperty<LonLat> center = new SimpleObjectProperty<>(this, "center", new LonLat(0, 20));
  private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 2);
  private final ReadOnlyDoubleWrapper metersPerPixel = new ReadOnlyDoubleWrapper(this, "metersPerPixel", Double.NaN);
  private final ReadOnlyObjectWrapper<LonLat> pointerPosition = new ReadOnlyObjectWrapper<>(this, "pointerPosition");
  private final ObservableList<MapLayer> layers = FXCollections.observableArrayList();
  // The view sizes its layers to itself in layoutChildren; a plain Pane would then shrink them to
  // their preferred size, which is nothing for a layer that draws on a canvas.
  private final Pane layerPane =
      new Pane() {
        @Override
        protected void layoutChildren() {}
      };
  private final ScaleBar scaleBar = new ScaleBar();
  private final Label attribution = new Label();
  private final ChangeListener<Boolean> layerVisibility = (obs, was, is) -> updateAttribution();
  private Point2D lastMouse;

  public MapView() {
    getStyleClass().add("map-view");
    setBackground(new Background(new BackgroundFill(OUTSIDE_WORLD, null, null)));
    setFocusTraversable(true);
    setMinSize(0, 0);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    attribution.setBackground(new Background(new BackgroundFill(Color.rgb(255, 255, 255, 0.7), new CornerRadii(2), null)));
    attribution.setPadding(new Insets(1, 4, 1, 4));
    attribution.setStyle("-fx-font-size: 10px; -fx-text-fill: #333;");
    attribution.setMouseTransparent(true);
    scaleBar.setMouseTransparent(true);
    getChildren().addAll(layerPane, scaleBar, attribution);

    center.addListener((obs, was, is) -> {
      if (is == null) {
        center.set(was);
      } else if (!is.equals(clampToWorld(is))) {
        center.set(clampToWorld(is));
      } else {
        viewChanged();
      }
    });
    zoom.addListener((obs, was, is) -> {
      double z = is.doubleValue();
      double clamped = Double.isFinite(z) ? Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)) : was.doubleValue();
      if (clamped != z) {
        zoom.set(clamped);
      } else {
        viewChanged();
      }
    });
    widthProperty().addListener(obs -> viewChanged());
    heightProperty().addListener(obs -> viewChanged());
    layers.addListener(this::layersChanged);
    MapNavigation.install(this);
  }

  /** The geographic position at the centre of the view; never null, latitude within ±85.05°. */
  public ObjectProperty<LonLat> centerProperty() {
    return center;
  }

  public LonLat getCenter() {
    return center.get();
  }

  public void setCenter(LonLat value) {
    center.set(value);
  }

  /**
   * The view's zoom: the world is {@code 256 · 2^zoom} pixels wide; fractional, clamped to
   * [{@value #MIN_ZOOM}, {@value #MAX_ZOOM}].
   */
  public DoubleProperty zoomProperty() {
    return zoom;
  }

  public double getZoom() {
    return zoom.get();
  }

  public void setZoom(double value) {
    zoom.set(value);
  }

  /** Shows {@code centerPosition} at the centre at {@code zoomLevel}, e.g. to restore a saved view. */
  public void setView(LonLat centerPosition, double zoomLevel) {
    setZoom(zoomLevel);
    setCenter(Objects.requireNonNull(centerPosition, "centerPosition"));
  }

  /** The geographic position under the mouse, or null when the mouse is outside the map or world. */
  public ReadOnlyObjectProperty<LonLat> pointerPositionProperty() {
    return pointerPosition.getReadOnlyProperty();
  }

  /**
   * Ground size of one screen pixel across the centre of the view, metres on the WGS 84 ellipsoid;
   * NaN until the view has a size. For a scale readout in the status bar.
   */
  public ReadOnlyDoubleProperty metersPerPixelProperty() {
    return metersPerPixel.getReadOnlyProperty();
  }

  /** The layers, bottom first. */
  public ObservableList<MapLayer> getLayers() {
    return layers;
  }

  /** Screen position of {@code position} in this view's coordinates (latitude clamped to the world). */
  public Point2D getMapPoint(LonLat position) {
    WorldPixel p = WebMercator.toWorldPixel(position, getZoom());
    WorldPixel c = centerWorldPixel();
    return new Point2D(p.x() - c.x() + getWidth() / 2, p.y() - c.y() + getHeight() / 2);
  }

  /** The geographic position at screen position ({@code x}, {@code y}), or null outside the world. */
  public LonLat getLonLat(double x, double y) {
    WorldPixel p = screenToWorld(x, y);
    double size = WebMercator.worldSizePixels(getZoom());
    if (p.x() < 0 || p.x() > size || p.y() < 0 || p.y() > size) {
      return null;
    }
    return WebMercator.toLonLat(p, getZoom());
  }

  /** Zooms to {@code newZoom} (clamped) keeping the ground under screen point ({@code x}, {@code y}) still. */
  public void zoomAt(double x, double y, double newZoom) {
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(newZoom)) {
      return;
    }
    double target = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, newZoom));
    WorldPixel anchor = screenToWorld(x, y).rescale(getZoom(), target);
    LonLat newCenter = WebMercator.toLonLat(anchor.plus(getWidth() / 2 - x, getHeight() / 2 - y), target);
    setZoom(target);
    setCenter(clampToWorld(newCenter));
  }

  /** Moves the view so that the ground moves by ({@code dx}, {@code dy}) screen pixels. */
  public void panBy(double dx, double dy) {
    setCenterWorldPixel(centerWorldPixel().plus(-dx, -dy));
  }

  /**
   * Shows the box from {@code southWest} to {@code northEast} as large as fits with {@code
   * paddingPixels} on every side, centred, but no closer than {@code maxZoom} (a tiny box would
   * otherwise fill the view with a few centimetres of ground).
   */
  public void fitBounds(LonLat southWest, LonLat northEast, double paddingPixels, double maxZoom) {
    WorldPixel a = WebMercator.toWorldPixel(southWest, 0);
    WorldPixel b = WebMercator.toWorldPixel(northEast, 0);
    double w = Math.max(Math.abs(b.x() - a.x()), 1e-12);
    double h = Math.max(Math.abs(b.y() - a.y()), 1e-12);
    double fit =
        Math.log(Math.min((getWidth() - 2 * paddingPixels) / w, (getHeight() - 2 * paddingPixels) / h))
            / Math.log(2);
    double z = Double.isFinite(fit) ? Math.min(fit, maxZoom) : maxZoom;
    WorldPixel middle = new WorldPixel((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    setView(WebMercator.toLonLat(middle, 0), z);
  }

  /** Shows the whole world, as large as fits, centred. */
  public void fitWorld() {
    double fit = Math.log(Math.min(getWidth(), getHeight()) / WebMercator.TILE_SIZE_PIXELS) / Math.log(2);
    setView(new LonLat(0, 0), Double.isFinite(fit) ? fit : MIN_ZOOM);
  }

  /** World pixel of the centre at the current zoom. */
  WorldPixel centerWorldPixel() {
    return WebMercator.toWorldPixel(getCenter(), getZoom());
  }

  void setCenterWorldPixel(WorldPixel pixel) {
    double size = WebMercator.worldSizePixels(getZoom());
    WorldPixel inside = new WorldPixel(Math.max(0, Math.min(size, pixel.x())), Math.max(0, Math.min(size, pixel.y())));
    setCenter(WebMercator.toLonLat(inside, getZoom()));
  }

  /** Offers a click to the visible layers, topmost first; true when one took it. */
  boolean offerClick(MouseEvent e) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      MapLayer layer = layers.get(i);
      if (layer.isVisible() && layer.mapClicked(e)) {
        return true;
      }
    }
    return false;
  }

  /** Remembers where the mouse is (null when it left) and updates the pointer position. */
  void mouseAt(Point2D point) {
    lastMouse = point;
    pointerPosition.set(point == null ? null : getLonLat(point.getX(), point.getY()));
  }

  /** The scale bar's label, such as {@code "500 km"}; for tests. */
  String scaleBarText() {
    return scaleBar.text();
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    layerPane.resizeRelocate(0, 0, w, h);
    for (MapLayer layer : layers) {
      layer.resizeRelocate(0, 0, w, h);
    }
    scaleBar.autosize();
    scaleBar.relocate(8, h - scaleBar.getHeight() - 8);
    attribution.autosize();
    attribution.relocate(w - attribution.getWidth() - 2, h - attribution.getHeight() - 2);
  }

  private WorldPixel screenToWorld(double x, double y) {
    return centerWorldPixel().plus(x - getWidth() / 2, y - getHeight() / 2);
  }

  private void viewChanged() {
    layers.forEach(MapLayer::markDirty);
    updateScaleBar();
    if (lastMouse != null) {
      mouseAt(lastMouse);
    }
  }

  private void updateScaleBar() {
    if (getWidth() <= 0) {
      return;
    }
    // Measured across the centre of the view, where the user looks.
    WorldPixel c = centerWorldPixel();
    LonLat west = WebMercator.toLonLat(c.plus(-SCALE_BAR_MAX_PIXELS / 2, 0), getZoom());
    LonLat east = WebMercator.toLonLat(c.plus(SCALE_BAR_MAX_PIXELS / 2, 0), getZoom());
    double meters = Geodesic.distanceMeters(west, east);
    metersPerPixel.set(meters / SCALE_BAR_MAX_PIXELS);
    scaleBar.show(meters, SCALE_BAR_MAX_PIXELS);
  }

  private void layersChanged(ListChangeListener.Change<? extends MapLayer> change) {
    while (change.next()) {
      for (MapLayer removed : change.getRemoved()) {
        removed.visibleProperty().removeListener(layerVisibility);
        removed.attach(null);
      }
      for (MapLayer added : change.getAddedSubList()) {
        added.visibleProperty().addListener(layerVisibility);
        added.attach(this);
      }
    }
    layerPane.getChildren().setAll(layers);
    updateAttribution();
  }

  private void updateAttribution() {
    String text = layers.stream()
        .filter(l -> l instanceof TileLayer && l.isVisible())
        .map(l -> ((TileLayer) l).getSource().attribution())
        .filter(s -> !s.isEmpty())
        .distinct()
        .collect(Collectors.joining(" | "));
    attribution.setText(text);
    attribution.setVisible(!text.isEmpty());
  }

  private static LonLat clampToWorld(LonLat p) {
    return new LonLat(Math.max(-180, Math.min(180, p.lonDeg())), WebMercator.clampLatitude(p.latDeg()));
  }
}

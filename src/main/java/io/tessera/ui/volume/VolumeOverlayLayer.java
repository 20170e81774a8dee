package io.tessera.ui.volume;

import io.tessera.ui.map.MapLayer;
import io.tessera.ui.volume.VolumeOverlay.Tint;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.transform.Affine;

/**
 * The cut/fill tint on the map: the {@link VolumeOverlay} image, its grid placed by its three
 * corners (an affine map, exact enough over a polygon's extent). Takes no clicks.
 */
final class VolumeOverlayLayer extends MapLayer {
  private final ImageView view = new ImageView();
  private final Affine affine = new Affine();
  private Tint tint;

  VolumeOverlayLayer() {
    getStyleClass().add("volume-overlay-layer");
    setMouseTransparent(true);
    view.setSmooth(false);
    view.getTransforms().setAll(affine);
    getChildren().add(view);
  }

  /** Shows {@code t}; null clears the tint. */
  void show(Tint t) {
    tint = t;
    view.setImage(t == null ? null : t.toImage());
    markDirty();
  }

  Tint tint() {
    return tint;
  }

  @Override
  protected void layoutLayer() {
    if (tint == null) {
      return;
    }
    double w = tint.width();
    double h = tint.height();
    Point2D tl = getMapPoint(tint.topLeft());
    Point2D tr = getMapPoint(tint.topRight());
    Point2D bl = getMapPoint(tint.bottomLeft());
    affine.setToTransform((tr.getX() - tl.getX()) / w, (bl.getX() - tl.getX()) / h, tl.getX(),
        (tr.getY() - tl.getY()) / w, (bl.getY() - tl.getY()) / h, tl.getY());
  }
}

package io.tessera.ui.map;

import io.tessera.core.geo.TileKey;
import java.util.concurrent.CompletableFuture;
import javafx.scene.image.Image;

/**
 * Where a {@link TileLayer} gets its 256-pixel XYZ tiles, modelled on Gluon Maps' {@code
 * TileRetriever}. Implementations load off the FX thread and complete the future there; a tile
 * that cannot be had completes exceptionally, and the layer does not ask for it again for a while.
 * Cancelling a returned future means the tile is no longer wanted.
 */
public interface TileSource {

  /** Starts loading one tile, whose zoom is within [{@link #minZoom()}, {@link #maxZoom()}]. */
  CompletableFuture<Image> loadTile(TileKey key);

  /** Coarsest tile level the source serves. */
  default int minZoom() {
    return 0;
  }

  /** Finest tile level the source serves; the map over-zooms it beyond that. */
  int maxZoom();

  /** Credit to show on the map while the source is visible, or an empty string. */
  default String attribution() {
    return "";
  }
}

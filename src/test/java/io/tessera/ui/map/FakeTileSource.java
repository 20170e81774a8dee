package io.tessera.ui.map;

import io.tessera.core.geo.TileKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A tile source whose tiles tell where they came from: pixel (x, y) of tile z/… has red x, green
 * y and blue 10·z (over 255). Tiles the {@code holdBack} predicate names never arrive; those
 * {@code failing} names fail. Records every request.
 */
final class FakeTileSource implements TileSource {
  final List<TileKey> requested = new ArrayList<>();
  private final int maxZoom;
  Predicate<TileKey> holdBack = key -> false;
  Predicate<TileKey> failing = key -> false;

  FakeTileSource(int maxZoom) {
    this.maxZoom = maxZoom;
  }

  @Override
  public CompletableFuture<Image> loadTile(TileKey key) {
    requested.add(key);
    if (holdBack.test(key)) {
      return new CompletableFuture<>();
    }
    if (failing.test(key)) {
      return CompletableFuture.failedFuture(new IllegalStateException("offline"));
    }
    return CompletableFuture.completedFuture(image(key));
  }

  @Override
  public int maxZoom() {
    return maxZoom;
  }

  @Override
  public String attribution() {
    return "fake";
  }

  static WritableImage image(TileKey key) {
    WritableImage image = new WritableImage(256, 256);
    PixelWriter writer = image.getPixelWriter();
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        writer.setColor(x, y, Color.rgb(x, y, Math.min(255, 10 * key.zoom())));
      }
    }
    return image;
  }
}

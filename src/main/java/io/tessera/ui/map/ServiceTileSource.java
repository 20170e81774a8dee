package io.tessera.ui.map;

import io.tessera.client.ApiException;
import io.tessera.client.TesseraClient;
import io.tessera.core.geo.TileKey;
import io.tessera.core.geo.WebMercator;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;

/**
 * An imported orthomosaic (or DSM) as map tiles, rendered by the service from the output's tiled
 * raster ({@code outputs/{id}/tiles/{z}/{x}/{y}.png}) and fetched with the desktop's credential.
 * Tiles off the raster come back empty rather than failed.
 */
public final class ServiceTileSource implements TileSource {
  private static final Image EMPTY =
      new WritableImage(WebMercator.TILE_SIZE_PIXELS, WebMercator.TILE_SIZE_PIXELS);
  private static final Executor EXECUTOR = TileExecutors.daemonPool("tessera-output-tiles", 2);

  private final TesseraClient http;
  private final String pathTemplate;
  private final int maxZoom;
  private final String name;

  /**
   * @param pathTemplate the tiles' path with {@code {z}}, {@code {x}}, {@code {y}}
   * @param cellSizeMetres the raster's cell size, which sets the finest useful zoom
   * @param name what the layer shows, for the attribution line and logs
   */
  public ServiceTileSource(TesseraClient http, String pathTemplate, double cellSizeMetres,
      String name) {
    this.http = http;
    this.pathTemplate = pathTemplate;
    // the zoom whose pixels are about as fine as the raster's cells (at the equator)
    double z = Math.log(2 * Math.PI * WebMercator.EARTH_RADIUS_METERS
        / WebMercator.TILE_SIZE_PIXELS / Math.max(cellSizeMetres, 1e-4)) / Math.log(2);
    this.maxZoom = (int) Math.max(1, Math.min(26, Math.ceil(z)));
    this.name = name;
  }

  @Override
  public CompletableFuture<Image> loadTile(TileKey key) {
    String path = pathTemplate.replace("{z}", Integer.toString(key.zoom()))
        .replace("{x}", Integer.toString(key.x()))
        .replace("{y}", Integer.toString(key.y()));
    return CompletableFuture.supplyAsync(() -> {
      byte[] png;
      try {
        png = http.getBytes(path);
      } catch (ApiException e) {
        if (e.status() == 404) {
          return EMPTY;
        }
        throw e;
      }
      Image image = new Image(new ByteArrayInputStream(png));
      if (image.isError()) {
        throw new IllegalStateException("not an image: " + path, image.getException());
      }
      return image;
    }, EXECUTOR);
  }

  @Override
  public int minZoom() {
    return Math.max(0, maxZoom - 14);
  }

  @Override
  public int maxZoom() {
    return maxZoom;
  }

  @Override
  public String attribution() {
    return name;
  }
}

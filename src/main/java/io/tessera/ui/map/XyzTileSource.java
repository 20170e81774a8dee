package io.tessera.ui.map;

import io.tessera.core.geo.TileKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.image.Image;

/**
 * Raster tiles from an online XYZ server such as OpenStreetMap's. Each request carries Tessera's
 * own User-Agent (never the JVM-wide {@code http.agent}); requests run on two daemon threads, as
 * the OSM tile usage policy asks, and fail quietly (the future completes exceptionally) when the
 * network is down.
 */
public final class XyzTileSource implements TileSource {
  /** User-Agent sent with every tile request, as tile usage policies require. */
  public static final String USER_AGENT = "Tessera/0.1 (+https://github.com/tessera)";

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final String urlTemplate;
  private final int maxZoom;
  private final String attribution;
  private final Executor executor = TileExecutors.daemonPool("tessera-tiles", 2);
  // Not given our executor: send() blocks a pool thread while the client's own work needs another.
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  /**
   * @param urlTemplate tile URL with {@code {z}}, {@code {x}} and {@code {y}} placeholders
   * @param maxZoom finest level the server has
   * @param attribution credit the server's terms require on the map
   */
  public XyzTileSource(String urlTemplate, int maxZoom, String attribution) {
    this.urlTemplate = urlTemplate;
    this.maxZoom = maxZoom;
    this.attribution = attribution;
  }

  /** OpenStreetMap's standard tiles (zoom 0 to 19). */
  public static XyzTileSource openStreetMap() {
    return new XyzTileSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png", 19, "© OpenStreetMap contributors");
  }

  /** The URL of one tile. */
  public URI uri(TileKey key) {
    return URI.create(urlTemplate
        .replace("{z}", Integer.toString(key.zoom()))
        .replace("{x}", Integer.toString(key.x()))
        .replace("{y}", Integer.toString(key.y())));
  }

  @Override
  public CompletableFuture<Image> loadTile(TileKey key) {
    HttpRequest request = HttpRequest.newBuilder(uri(key))
        .timeout(TIMEOUT)
        .header("User-Agent", USER_AGENT)
        .GET()
        .build();
    return CompletableFuture.supplyAsync(() -> fetch(request), executor);
  }

  private Image fetch(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("tile server answered " + response.statusCode() + " for " + request.uri());
      }
      Image image = new Image(new ByteArrayInputStream(response.body()));
      if (image.isError()) {
        throw new IllegalStateException("not an image: " + request.uri(), image.getException());
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public int maxZoom() {
    return maxZoom;
  }

  @Override
  public String attribution() {
    return attribution;
  }
}

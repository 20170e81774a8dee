package io.tessera.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tessera.core.geo.TileKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Against a tile server on loopback: never the network. */
class XyzTileSourceTest {
  private final List<String> userAgents = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private XyzTileSource source;

  @BeforeEach
  void startServer() throws Exception {
    FxToolkit.registerPrimaryStage();
    byte[] png = png();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
      paths.add(exchange.getRequestURI().getPath());
      boolean found = exchange.getRequestURI().getPath().startsWith("/3/");
      exchange.sendResponseHeaders(found ? 200 : 404, found ? png.length : -1);
      if (found) {
        exchange.getResponseBody().write(png);
      }
      exchange.close();
    });
    server.start();
    source = new XyzTileSource("http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png", 19, "test");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void openStreetMapUrlsFollowTheXyzScheme() {
    assertThat(XyzTileSource.openStreetMap().uri(new TileKey(10, 550, 335)))
        .hasToString("https://tile.openstreetmap.org/10/550/335.png");
    assertThat(XyzTileSource.openStreetMap().maxZoom()).isEqualTo(19);
  }

  @Test
  void loadsTilesWithTesserasOwnUserAgent() throws Exception {
    Image image = source.loadTile(new TileKey(3, 4, 2)).get(10, TimeUnit.SECONDS);
    assertThat(image.getWidth()).isEqualTo(256);
    assertThat(paths).containsExactly("/3/4/2.png");
    assertThat(userAgents).containsExactly(XyzTileSource.USER_AGENT);
    assertThat(System.getProperty("http.agent")).isNull();
  }

  @Test
  void manyTilesAtOnceAllArrive() throws Exception {
    List<CompletableFuture<Image>> loads = new ArrayList<>();
    for (int x = 0; x < 8; x++) {
      loads.add(source.loadTile(new TileKey(3, x, 1)));
    }
    CompletableFuture.allOf(loads.toArray(new CompletableFuture[0]))
        .get(20, TimeUnit.SECONDS);
    assertThat(paths).hasSize(8);
  }

  @Test
  void aMissingTileFailsQuietlyAsAnExceptionalFuture() {
    assertThatThrownBy(() -> source.loadTile(new TileKey(4, 1, 1)).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("404");
  }

  @Test
  void anUnreachableServerFailsAsAnExceptionalFuture() {
    server.stop(0);
    assertThatThrownBy(() -> source.loadTile(new TileKey(3, 0, 0)).get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
  }

  private static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }
}

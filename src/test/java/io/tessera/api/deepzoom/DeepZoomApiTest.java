package io.tessera.api.deepzoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.tessera.api.dto.DeepZoomDtos.ContentDto;
import io.tessera.client.ApiException;
import io.tessera.client.DeepZoomClient;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.core.dzi.TestImages;
import io.tessera.testing.RunningService;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deep-zoom API (deep-zoom-api-zoomhub.txt) against the real server: content by file URL, by
 * http URL and by upload, tiled by the real tiler; Content and DZI objects, redirects, JSONP,
 * tiles with their caching, sharing, and refusals.
 */
class DeepZoomApiTest {
  private static RunningService svc;
  private static DeepZoomClient api;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
    api = new DeepZoomClient(svc.desktop());
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  private Path jpeg(String name, int width, int height) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, TestImages.jpeg(TestImages.textured(width, height, false), 0.9f, false));
    return p;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode json(RawResponse r) throws IOException {
    return svc.desktop().json().readTree(r.body());
  }

  /** Waits (without a time limit worth asserting on) until tiling has ended either way. */
  private static ContentDto settled(String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    ContentDto c = api.content(id);
    while (!c.ready() && !c.failed() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      c = api.content(id);
    }
    return c;
  }

  @Test
  void aFileUrlIsTiledAndItsDziAndTilesAreServed() throws Exception {
    Path file = jpeg("ortho-part.jpg", 1000, 700);
    RawResponse created =
        svc.desktop().raw("GET", "/v1/content?url=" + enc(file.toUri().toString()), null, null);
    assertThat(created.status()).isEqualTo(301);
    JsonNode body = json(created);
    String id = body.path("id").asText();
    assertThat(id).matches("[A-Za-z0-9]+");
    assertThat(created.header("Location")).isEqualTo(svc.url() + "/v1/content/" + id);
    assertThat(body.path("url").asText())
        .as("a server path is never shown, only the file's name").isEqualTo("ortho-part.jpg");
    assertThat(body.has("dzi")).isTrue();

    ContentDto c = settled(id);
    assertThat(c.ready()).isTrue();
    assertThat(c.failed()).isFalse();
    assertThat(c.progress()).isEqualTo(1.0);
    assertThat(c.title()).isEqualTo("ortho-part.jpg");
    assertThat(c.shareUrl()).as("not shared yet").isNull();
    assertThat(c.dzi().url()).isEqualTo(svc.url() + "/dzi/" + id + ".dzi");
    assertThat(List.of(c.dzi().width(), c.dzi().height(), c.dzi().tileSize(),
        c.dzi().tileOverlap())).containsExactly(1000, 700, 254, 1);
    assertThat(c.dzi().tileFormat()).isEqualTo("jpg");

    RawResponse toDzi = svc.desktop().raw("GET", "/v1/dzi/" + id, null, null);
    assertThat(toDzi.status()).isEqualTo(301);
    assertThat(toDzi.header("Location")).isEqualTo(c.dzi().url());
    assertThat(json(toDzi).path("width").asInt()).isEqualTo(1000);

    String xml = api.descriptor(id);
    assertThat(xml).contains("TileSize=\"254\"", "Overlap=\"1\"", "Format=\"jpg\"",
        "Width=\"1000\"", "Height=\"700\"");

    // 1000 px wide: levels 0..10; level 10 has 4 × 3 tiles, the last ones narrower, with
    // overlap only towards their neighbours
    BufferedImage corner = TestImages.decode(api.tile(id, 10, 3, 2, "jpg"));
    assertThat(corner.getWidth()).isEqualTo(1000 - (3 * 254 - 1));
    assertThat(corner.getHeight()).isEqualTo(700 - (2 * 254 - 1));
    BufferedImage top = TestImages.decode(api.tile(id, 0, 0, 0, "jpg"));
    assertThat(top.getWidth()).isEqualTo(1);
    assertThat(api.tile(id, 10, 4, 0, "jpg")).as("column outside the grid").isNull();
    assertThat(api.tile(id, 11, 0, 0, "jpg")).as("level outside the pyramid").isNull();
    assertThat(api.tile(id, 10, 0, 0, "png")).as("another format").isNull();

    RawResponse tile =
        svc.desktop().raw("GET", "/dzi/" + id + "_files/9/1_1.jpg", null, null);
    assertThat(tile.status()).isEqualTo(200);
    assertThat(tile.header("Content-Type")).isEqualTo("image/jpeg");
    assertThat(tile.header("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
    String etag = tile.header("ETag");
    assertThat(etag).startsWith("\"").endsWith("\"");
    RawResponse again = svc.desktop().raw("GET", "/dzi/" + id + "_files/9/1_1.jpg", null, null,
        java.util.Map.of("If-None-Match", etag));
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    for (String evil : List.of("/dzi/" + id + "_files/..%2F..%2F/0_0.jpg",
        "/dzi/" + id + "_files/%2E%2E/0_0.jpg", "/dzi/..%2Fsecret.key",
        "/dzi/" + id + "_files/9/1_1.jpg.part", "/dzi/" + id + "_files/-1/0_0.jpg")) {
      assertThat(svc.desktop().raw("GET", evil, null, null).status()).as(evil)
          .isIn(400, 404);
    }

    assertThat(api.fromFile(file).id()).as("the same file again is the same content")
        .isEqualTo(id);
  }

  @Test
  void progressIsReportedWhileAFetchedImageIsTiledAndDziWaitsWithRetryAfter() throws Exception {
    byte[] image = TestImages.jpeg(TestImages.textured(900, 600, false), 0.9f, false);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    origin.createContext("/photos/slow.jpg", ex -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.getResponseHeaders().add("Content-Type", "image/jpeg");
      ex.sendResponseHeaders(200, image.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(image);
      }
    });
    origin.createContext("/photos/moved.jpg", ex -> {
      ex.getResponseHeaders().add("Location", "/photos/slow.jpg");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    origin.start();
    try {
      String url = "http://127.0.0.1:" + origin.getAddress().getPort() + "/photos/moved.jpg";
      ContentDto c = api.fromUrl(url);
      assertThat(c.url()).isEqualTo(url);
      assertThat(c.ready()).isFalse();
      assertThat(c.progress()).isEqualTo(0.0);
      assertThat(c.dzi()).isNull();

      RawResponse waiting = svc.desktop().raw("GET", "/v1/dzi/" + c.id(), null, null);
      assertThat(waiting.status()).isEqualTo(404);
      assertThat(waiting.header("Retry-After")).isEqualTo("2");
      assertThat(json(waiting).path("detail").asText()).contains("being tiled");
      assertThatThrownBy(() -> api.dzi(c.id())).isInstanceOfSatisfying(ApiException.class,
          e -> assertThat(e.getMessage()).contains("being tiled"));

      RawResponse jsonp =
          svc.desktop().raw("GET", "/v1/dzi/" + c.id() + "?callback=onDzi", null, null);
      assertThat(jsonp.status()).isEqualTo(200);
      JsonNode wrapped = jsonpBody(jsonp, "onDzi");
      assertThat(wrapped.path("status").asInt()).isEqualTo(404);
      assertThat(wrapped.path("statusText").asText()).isEqualTo("Not Found");
      assertThat(wrapped.path("retryAfter").asInt()).isEqualTo(2);
      assertThat(wrapped.path("error").asText()).contains("being tiled");

      RawResponse byUrl =
          svc.desktop().raw("GET", "/v1/dzi?url=" + enc(url), null, null);
      assertThat(byUrl.status()).isEqualTo(301);
      assertThat(byUrl.header("Location")).isEqualTo(svc.url() + "/v1/dzi/" + c.id());

      release.countDown();
      List<Double> seen = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      ContentDto now = c;
      while (!now.ready() && !now.failed() && System.nanoTime() < deadline) {
        seen.add(now.progress());
        Thread.sleep(5);
        now = api.content(c.id());
      }
      seen.add(now.progress());
      assertThat(now.ready()).isTrue();
      assertThat(seen).as("progress never goes back").isSortedAccordingTo(Double::compare);
      assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
      assertThat(now.dzi().width()).isEqualTo(900);
      assertThat(api.dzi(c.id())).isEqualTo(now.dzi());

      RawResponse ready = svc.desktop().raw("GET", "/v1/dzi?url=" + enc(url), null, null);
      assertThat(ready.status()).isEqualTo(301);
      assertThat(ready.header("Location")).isEqualTo(now.dzi().url());
    } finally {
      release.countDown();
      origin.stop(0);
    }
  }

  @Test
  void uploadsAreTiledAndImagesWithAlphaGetPngTiles() throws Exception {
    Path png = dir.resolve("mask.png");
    Files.write(png, TestImages.png(TestImages.textured(300, 200, true), false));
    RawResponse r = svc.desktop().raw("POST", "/v1/content", "multipart/form-data; boundary=b",
        ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mask.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    assertThat(r.status()).as("a truncated multipart body").isEqualTo(400);

    ContentDto c = api.upload(png, "image/png");
    assertThat(c.url()).isEqualTo("mask.png");
    c = settled(c.id());
    assertThat(c.ready()).isTrue();
    assertThat(c.dzi().tileFormat()).isEqualTo("png");
    BufferedImage tile = TestImages.decode(api.tile(c.id(), 9, 0, 0, "png"));
    assertThat(tile.getColorModel().hasAlpha()).isTrue();
    assertThat(tile.getWidth()).isEqualTo(255);

    RawResponse noFile = svc.desktop().raw("POST", "/v1/content",
        "multipart/form-data; boundary=b",
        "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n"
            .getBytes(StandardCharsets.US_ASCII));
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.text()).contains("'file'");
  }

  @Test
  void sharingMakesContentDziTilesAndPagePublicUnderAnUnguessableId() throws Exception {
    String id = settled(api.fromFile(jpeg("site.jpg", 600, 400)).id()).id();
    TesseraClient anonymous = svc.anonymous();
    assertThat(anonymous.raw("GET", "/v1/content/" + id, null, null).status()).isEqualTo(401);
    assertThat(anonymous.raw("GET", "/dzi/" + id + ".dzi", null, null).status()).isEqualTo(401);
    assertThat(anonymous.raw("GET", "/view/" + id, null, null).status()).isEqualTo(401);

    ContentDto shared = api.share(id);
    String shareId = shared.id();
    assertThat(shareId).matches("[A-Za-z0-9]{22}").isNotEqualTo(id);
    assertThat(shared.shareUrl()).isEqualTo(svc.url() + "/view/" + shareId);
    assertThat(shared.embedHtml()).startsWith("<iframe src=\"" + shared.shareUrl() + "\"");
    assertThat(shared.dzi().url()).isEqualTo(svc.url() + "/dzi/" + shareId + ".dzi");
    assertThat(api.share(id).id()).as("sharing again keeps the id").isEqualTo(shareId);

    DeepZoomClient public_ = new DeepZoomClient(anonymous);
    assertThat(public_.content(shareId).ready()).isTrue();
    assertThat(public_.descriptor(shareId)).contains("Width=\"600\"");
    RawResponse tile = anonymous.raw("GET", "/dzi/" + shareId + "_files/9/0_0.jpg", null, null);
    assertThat(tile.status()).isEqualTo(200);
    assertThat(tile.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    RawResponse page = anonymous.raw("GET", "/view/" + shareId, null, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(page.text()).contains(shared.dzi().url(), "<title>site.jpg · Tessera</title>");
    assertThat(anonymous.raw("GET", "/v1/content/" + id, null, null).status())
        .as("the private id stays private").isEqualTo(401);
    assertThat(anonymous.raw("GET", "/v1/content/" + "A".repeat(22), null, null).status())
        .isEqualTo(404);
  }

  @Test
  void jsonpWrapsEveryAnswerInA200AndRefusesUnsafeCallbackNames() throws Exception {
    String id = settled(api.fromFile(jpeg("jsonp.jpg", 300, 300)).id()).id();
    RawResponse ok = svc.desktop().raw("GET", "/v1/content/" + id + "?callback=app.onContent",
        null, null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Content-Type")).startsWith("application/javascript");
    JsonNode body = jsonpBody(ok, "app.onContent");
    assertThat(body.path("status").asInt()).isEqualTo(200);
    assertThat(body.path("statusText").asText()).isEqualTo("OK");
    assertThat(body.path("content").path("id").asText()).isEqualTo(id);
    assertThat(body.path("content").path("dzi").path("width").asInt()).isEqualTo(300);

    RawResponse redirect = svc.desktop().raw("GET", "/v1/content?url="
        + enc(dir.resolve("jsonp.jpg").toUri().toString()) + "&callback=cb", null, null);
    JsonNode r = jsonpBody(redirect, "cb");
    assertThat(r.path("status").asInt()).isEqualTo(301);
    assertThat(r.path("redirectLocation").asText()).isEqualTo(svc.url() + "/v1/content/" + id);
    assertThat(r.path("content").path("id").asText()).isEqualTo(id);

    JsonNode missing = jsonpBody(svc.anonymous().raw("GET",
        "/v1/content/nosuchid?callback=cb", null, null), "cb");
    assertThat(missing.path("status").asInt()).isEqualTo(404);
    assertThat(missing.path("error").asText()).contains("not found");
    JsonNode unauthenticated = jsonpBody(svc.anonymous().raw("GET",
        "/v1/content/" + id + "?callback=cb", null, null), "cb");
    assertThat(unauthenticated.path("status").asInt()).isEqualTo(401);
    assertThat(unauthenticated.has("content")).isFalse();

    for (String evil : List.of("alert(1)//", "a;b", "</script>", "x".repeat(70), "1abc")) {
      RawResponse refused = svc.desktop().raw("GET",
          "/v1/content/" + id + "?callback=" + enc(evil), null, null);
      assertThat(refused.status()).as(evil).isEqualTo(400);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.text()).doesNotContain(evil);
    }
  }

  @Test
  void badUrlsAreRefusedAndBadImagesFailWithoutTiles() throws Exception {
    TesseraClient desktop = svc.desktop();
    assertThat(desktop.raw("GET", "/v1/content", null, null).status()).isEqualTo(400);
    for (String bad : List.of("not a url", "ftp://example.org/a.jpg", "file:relative.jpg",
        "http:///nohost.jpg")) {
      RawResponse r = desktop.raw("GET", "/v1/content?url=" + enc(bad), null, null);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
    RawResponse outside = desktop.raw("GET", "/v1/content?url=" + enc("file:///etc/hostname"),
        null, null);
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.text()).contains("outside the folders").doesNotContain("/etc");
    assertThat(svc.anonymous().raw("GET", "/v1/content?url=" + enc("http://example.org/a.jpg"),
        null, null).status()).as("creating content needs credentials").isEqualTo(401);

    byte[] whole = TestImages.jpeg(TestImages.textured(400, 300, false), 0.9f, false);
    Path truncated = dir.resolve("truncated.jpg");
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
    ContentDto c = settled(api.fromFile(truncated).id());
    assertThat(c.failed()).isTrue();
    assertThat(c.ready()).isFalse();
    assertThat(c.dzi()).isNull();
    RawResponse dzi = desktop.raw("GET", "/v1/dzi/" + c.id(), null, null);
    assertThat(dzi.status()).isEqualTo(404);
    assertThat(dzi.header("Retry-After")).isNull();
    assertThat(json(dzi).path("detail").asText()).contains("could not be tiled", "truncated");
    assertThat(svc.dataDir.resolve("tiles").resolve(c.id())).doesNotExist();

    Files.write(truncated, whole);
    ContentDto retried = settled(api.fromFile(truncated).id());
    assertThat(retried.id()).as("a failed source is tiled afresh").isNotEqualTo(c.id());
    assertThat(retried.ready()).isTrue();

    assertThatThrownBy(() -> api.content("nosuchid"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  private static JsonNode jsonpBody(RawResponse r, String callback) throws IOException {
    String text = r.text();
    String prefix = "/**/" + callback + "(";
    assertThat(text).startsWith(prefix).endsWith(");");
    return svc.desktop().json().readTree(text.substring(prefix.length(), text.length() - 2));
  }
}

package io.tessera.api.deepzoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.client.DeepZoomClient;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.core.dzi.TestImages;
import io.tessera.testing.RunningService;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The share page's viewer files without a browser: OpenSeadragon as the build bundled it (from
 * npm), and the page of a build that has none.
 */
class SharePageViewerTest {
  private static final String BUNDLED = "web/openseadragon/";
  @TempDir Path dir;

  @Test
  void theBundledViewerItsButtonImagesAndLicenceAreServed() throws Exception {
    URL viewer = getClass().getResource("/" + BUNDLED + "openseadragon.min.js");
    String ci = System.getenv("CI");
    if (viewer == null && ci != null && !ci.isBlank() && !ci.equals("false")) {
      fail("OpenSeadragon was not bundled into this build (npm missing or failed: see the"
          + " build's warning); CI must have it");
    }
    assumeTrue(viewer != null, "OpenSeadragon was not bundled into this build (no npm)");

    try (RunningService svc = RunningService.start()) {
      TesseraClient anyone = svc.anonymous();
      RawResponse js = anyone.raw("GET", "/viewer/openseadragon.min.js", null, null);
      assertThat(js.status()).isEqualTo(200);
      assertThat(js.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
      assertThat(js.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(js.header("Cache-Control")).isEqualTo("public, max-age=86400");
      assertThat(js.body()).isEqualTo(resource(BUNDLED + "openseadragon.min.js"));
      assertThat(js.text()).startsWith("//! openseadragon ")
          .contains("function OpenSeadragon(");

      // the images OpenSeadragon asks for under prefixUrl for the buttons the page shows
      for (String button : List.of("zoomin", "zoomout", "home", "fullpage")) {
        for (String look : List.of("rest", "grouphover", "hover", "pressed")) {
          String name = button + "_" + look + ".png";
          RawResponse png = anyone.raw("GET", "/viewer/images/" + name, null, null);
          assertThat(png.status()).as(name).isEqualTo(200);
          assertThat(png.header("Content-Type")).isEqualTo("image/png");
          assertThat(TestImages.decode(png.body()).getWidth()).as(name).isPositive();
        }
      }
      assertThat(new String(resource(BUNDLED + "LICENSE.txt"), StandardCharsets.UTF_8))
          .as("OpenSeadragon's BSD-3-Clause licence travels with it")
          .contains("OpenSeadragon contributors", "Redistribution and use in source and binary");

      for (String bad : List.of("/viewer/openseadragon.min.js.map", "/viewer/LICENSE.txt",
          "/viewer/images/..%2F..%2Ftessera-viewer.js", "/viewer/images/nothing.png")) {
        assertThat(anyone.raw("GET", bad, null, null).status()).as(bad).isIn(400, 404);
      }

      String id = tiled(new DeepZoomClient(svc.desktop()), jpeg("bundled.jpg"));
      String page = svc.desktop().raw("GET", "/view/" + id, null, null).text();
      assertThat(page).contains("<div id=\"viewer\"",
          "<script src=\"/viewer/openseadragon.min.js\"></script>",
          "<script src=\"/viewer/tessera-viewer.js\"></script>").doesNotContain("not bundled");
    }
  }

  /**
   * A build made without npm, simulated by a service in a JVM of its own whose class path is this
   * one with the build's classes copied without {@code web/openseadragon/}: nothing in the service
   * is told.
   */
  @Test
  void withoutTheViewerThePageSaysItWasNotBundledAndLinksTheDzi() throws Exception {
    Path image = jpeg("plain.jpg");
    List<String> classPath = new ArrayList<>();
    boolean copied = false;
    for (String entry : System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")).split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p.resolve(BUNDLED)) || Files.isRegularFile(
          p.resolve("io/tessera/api/http/deepzoom/SharePage.class"))) {
        Path copy = dir.resolve("classes-" + classPath.size());
        copyWithoutViewer(p, copy);
        entry = copy.toString();
        copied = true;
      }
      classPath.add(entry);
    }
    assertThat(copied).as("the build's classes on %s", classPath).isTrue();

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path err = dir.resolve("service.err");
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp",
        String.join(File.pathSeparator, classPath), NoViewerService.class.getName(),
        image.toString()).redirectError(err.toFile()).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      while (line != null && !line.startsWith("serving ")) {
        line = out.readLine();
      }
      assertThat(line).as("the service's address; its stderr: %s", Files.exists(err)
          ? Files.readString(err) : "").isNotNull();
      String url = line.split(" ")[1];
      String shareId = line.split(" ")[2];

      TesseraClient anyone = TesseraClient.anonymous(url);
      RawResponse page = anyone.raw("GET", "/view/" + shareId, null, null);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.text())
          .contains("The image viewer was not bundled with this build of Tessera",
              "fetched with npm when Tessera is built",
              "<a href=\"" + url + "/dzi/" + shareId + ".dzi\">")
          .doesNotContain("<script");
      assertThat(anyone.raw("GET", "/viewer/openseadragon.min.js", null, null).status())
          .isEqualTo(404);
      assertThat(anyone.raw("GET", "/viewer/images/home_rest.png", null, null).status())
          .isEqualTo(404);
      assertThat(anyone.raw("GET", "/viewer/tessera-viewer.js", null, null).status())
          .as("Tessera's own script is not npm's").isEqualTo(200);
      assertThat(anyone.raw("GET", "/dzi/" + shareId + ".dzi", null, null).status())
          .as("the DZI the page links").isEqualTo(200);
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  private static void copyWithoutViewer(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String rel = from.relativize(p).toString().replace(File.separatorChar, '/');
        if (rel.equals(BUNDLED.substring(0, BUNDLED.length() - 1)) || rel.startsWith(BUNDLED)) {
          continue;
        }
        Path target = to.resolve(rel);
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /**
   * The child JVM: a real service; shares a tiled image, prints the service's URL and the share
   * id on a line of its own, and stops when its standard input closes.
   */
  static final class NoViewerService {
    public static void main(String[] args) throws Exception {
      try (RunningService svc = RunningService.start()) {
        DeepZoomClient api = new DeepZoomClient(svc.desktop());
        String id = tiled(api, Path.of(args[0]));
        System.out.println("serving " + svc.url() + " " + api.share(id).id());
        System.out.flush();
        while (System.in.read() >= 0) {
          // until the test closes our standard input
        }
      }
      System.exit(0);
    }
  }

  /** Content for {@code image}, once tiling has ended (a service is not closed mid-job). */
  static String tiled(DeepZoomClient api, Path image) throws InterruptedException {
    String id = api.fromFile(image).id();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!api.content(id).ready() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return id;
  }

  private Path jpeg(String name) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, TestImages.jpeg(TestImages.textured(300, 200, false), 0.9f, false));
    return p;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SharePageViewerTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}

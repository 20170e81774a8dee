package io.tessera.ui.scene3d;

import io.tessera.core.raster.RgbRaster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Figures for bench/README, not a test: a 10000² DSM (400 MB in memory) with an ortho, the time to
 * prepare it and to draw the first view, the triangles drawn, and pulse times while orbiting.
 * Screenshots go to target/scene3d-*.png. Run with
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -o test -Pxvfb
 * -Dtest=TerrainBenchGpuTest -Dtessera.bench3d=true} (and -Xmx above 1 GB: see the pom's argLine).
 */
@Tag("gpu")
@EnabledIfSystemProperty(named = "tessera.bench3d", matches = "true")
@ExtendWith(ApplicationExtension.class)
class TerrainBenchGpuTest {
  private Scene3DPane pane;

  @Start
  void start(Stage stage) {
    pane = new Scene3DPane();
    stage.setScene(new Scene(pane, 1400, 900));
    stage.setX(0);
    stage.setY(0);
    stage.show();
  }

  @Test
  void largeDsm() throws Exception {
    int n = Integer.getInteger("tessera.bench3d.size", 10_000);
    double cell = 0.05 * 10_000 / n; // 500 m across
    long t0 = System.nanoTime();
    var dsm = Hills.dsm(n, cell, n / 2, n / 2 + n / 50);
    var ortho = RgbRaster.fields(2 * n, 2 * n, io.tessera.core.raster.GeoTransform.northUp(
        Hills.ORIGIN_X, Hills.ORIGIN_Y, cell / 2, cell / 2), n / 10);
    log("synthetic DSM %d² built in %d ms", n, ms(t0));
    long t1 = System.nanoTime();
    long prepared = System.nanoTime();
    TerrainSource src = TerrainSource.of(dsm);
    log("TerrainSource.of (overview pass): %d ms, overview step %d", ms(prepared),
        src.overviewStep());
    long tex = System.nanoTime();
    TerrainTextures.of(ortho);
    log("TerrainTextures.of (ortho overview pass over %d²): %d ms", 2 * n, ms(tex));

    long shown = System.nanoTime();
    Platform.runLater(() -> pane.show(dsm, Optional.of(ortho)));
    waitDrawn();
    log("show(dsm, ortho) to the first view drawn: %d ms, %d triangles, %d tiles", ms(shown),
        pane.trianglesProperty().get(), pane.terrainLayer().shownTiles().size());
    shot("ortho-home");

    GeometryFactory gf = new GeometryFactory();
    double x0 = Hills.ORIGIN_X + n * cell * 0.25;
    double y0 = Hills.ORIGIN_Y - n * cell * 0.3;
    double s = n * cell * 0.2;
    Polygon poly = gf.createPolygon(new Coordinate[] {new Coordinate(x0, y0),
      new Coordinate(x0 + s, y0), new Coordinate(x0 + s, y0 - s), new Coordinate(x0, y0 - s),
      new Coordinate(x0, y0)});
    Platform.runLater(() -> {
      pane.showVolume(poly, (x, y) -> 130, null, null);
      pane.showAnnotations(List.of(new Annotation3D(gf.createPoint(new Coordinate(
          Hills.ORIGIN_X + n * cell * 0.7, Hills.ORIGIN_Y - n * cell * 0.65)), Color.MAGENTA),
          new Annotation3D(gf.createLineString(new Coordinate[] {
            new Coordinate(Hills.ORIGIN_X + n * cell * 0.1, Hills.ORIGIN_Y - n * cell * 0.9),
            new Coordinate(Hills.ORIGIN_X + n * cell * 0.9, Hills.ORIGIN_Y - n * cell * 0.8)}),
              Color.CYAN)));
      List<CameraPose> poses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        poses.add(new CameraPose(Hills.ORIGIN_X + n * cell * (0.15 + 0.12 * i),
            Hills.ORIGIN_Y - n * cell * 0.15, 260, 180, -70, 0, 73, 4 / 3.0));
      }
      pane.showCameras(poses);
    });
    Thread.sleep(3000);
    waitDrawn();
    shot("overlays");

    // orbit: one step per pulse, measure pulse intervals
    List<Long> frames = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(() -> new AnimationTimer() {
      long last;
      int k;

      @Override
      public void handle(long now) {
        if (last != 0) {
          frames.add(now - last);
        }
        last = now;
        pane.orbitCamera().orbit(4, 0);
        if (++k > 120) {
          stop();
          done.countDown();
        }
      }
    }.start());
    done.await(300, TimeUnit.SECONDS);
    frames.sort(null);
    log("orbiting: %d frames, median %.1f ms, p90 %.1f ms, max %.1f ms", frames.size(),
        frames.get(frames.size() / 2) / 1e6, frames.get(frames.size() * 9 / 10) / 1e6,
        frames.get(frames.size() - 1) / 1e6);
    waitDrawn();
    shot("orbited");

    Platform.runLater(() -> {
      pane.orbitCamera().reset();
      pane.zoomAt(0.15, 700, 450);
    });
    waitDrawn();
    log("zoomed in: %d triangles, %d tiles", pane.trianglesProperty().get(),
        pane.terrainLayer().shownTiles().size());
    shot("zoomed");

    Platform.runLater(() -> {
      pane.orbitCamera().reset();
      pane.exaggerationProperty().set(3);
    });
    waitDrawn();
    shot("exaggerated");
    Platform.runLater(() -> pane.showSample());
    waitDrawn();
    shot("sample");
  }

  private void waitDrawn() throws Exception {
    Thread.sleep(300);
    WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () ->
        pane.stateProperty().get() != Scene3DPane.State.LOADING
            && pane.terrainIdleProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(500);
  }

  private static void shot(String name) throws Exception {
    Path out = Path.of("target", "scene3d-" + name + ".png");
    Files.createDirectories(out.getParent());
    new ProcessBuilder("import", "-window", "root", out.toString()).inheritIO().start()
        .waitFor(60, TimeUnit.SECONDS);
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static void log(String format, Object... args) {
    System.out.println("[bench3d] " + String.format(Locale.ROOT, format, args));
  }
}

package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.client.MissionsClient;
import io.tessera.core.geo.LonLat;
import io.tessera.testing.RunningService;
import io.tessera.ui.DesktopContext;
import io.tessera.ui.DesktopPreferences;
import io.tessera.ui.MainWindow;
import io.tessera.ui.map.MapView;
import io.tessera.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: a developer's tour of the missions feature against a real embedded service seeded
 * through the API (three missions around Stockholm, a few hundred submissions of real geotagged
 * JPEGs), writing PNG snapshots to look at under Xvfb: the layers, a mission drawn with the mouse
 * (valid and crossing itself), the review panel, and the submissions clustered. Run with the test
 * class path, e.g. {@code xvfb-run -s "-screen 0 1600x1000x24" java -cp … 
 * io.tessera.ui.mission.MissionTour out}.
 */
public final class MissionTour {
  private static final Instant JUNE = Instant.parse("2026-06-17T08:30:00Z");

  private MissionTour() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Path dataDir = Files.createTempDirectory("tessera-mission-tour");
    try (RunningService service = RunningService.start(dataDir.resolve("service"))) {
      seed(new MissionsClient(service.desktop()), dataDir);
      run(service, dataDir, out);
    }
    Platform.exit();
  }

  private static void seed(MissionsClient client, Path dir) throws Exception {
    Random random = new Random(7);
    MissionDto oldTown = MissionFixtures.mission(client, "City infrastructure survey — Gamla Stan",
        MissionFixtures.rectangle(18.0655, 59.3210, 18.0770, 59.3280), 60);
    for (int i = 0; i < 36; i++) {
      double lon = 18.0640 + random.nextDouble() * 0.0145;
      double lat = 59.3205 + random.nextDouble() * 0.0080;
      SubmissionDto s = MissionFixtures.submit(client, oldTown, dir, "usr_" + (100 + i % 7),
          JUNE.plusSeconds(i * 1900L), new double[] {lon, lat},
          new double[] {lon + 0.0001, lat + 0.00005}, new double[] {lon - 0.0001, lat});
      if (i % 3 == 0) {
        client.approve(s.id());
      } else if (i % 7 == 1) {
        client.reject(s.id(), "Blurry or out of focus");
      }
    }
    MissionDto park = MissionFixtures.mission(client, "Djurgården paths and benches",
        MissionFixtures.rectangle(18.0900, 59.3220, 18.1150, 59.3320), 1500);
    for (int i = 0; i < 700; i++) {
      double lon = 18.0900 + random.nextGaussian() * 0.004 + 0.0125;
      double lat = 59.3270 + random.nextGaussian() * 0.002;
      SubmissionDto s = MissionFixtures.submit(client, park, dir, "usr_" + (200 + i % 23),
          JUNE.plusSeconds(86_400 + i * 300L), new double[] {lon, lat});
      if (i % 4 == 0) {
        client.approve(s.id());
      } else if (i % 11 == 0) {
        client.reject(s.id(), "Wrong subject");
      }
    }
    MissionDto parking = MissionFixtures.mission(client, "Parking lot survey — Solna",
        MissionFixtures.rectangle(18.0500, 59.3330, 18.0600, 59.3370), 3);
    for (int i = 0; i < 3; i++) {
      SubmissionDto s = MissionFixtures.submit(client, parking, dir, "usr_301", JUNE.plusSeconds(i * 60L),
          new double[] {18.052 + i * 0.003, 59.335});
      client.approve(s.id());
    }
  }

  private static void run(RunningService service, Path dataDir, Path out) throws Exception {
    DesktopPreferences prefs = DesktopPreferences.load(dataDir);
    prefs.setWindowBounds(new Rectangle2D(0, 0, 1560, 960));
    prefs.setDividerPositions(new double[] {0.18, 0.74});
    DesktopContext ctx = new DesktopContext(service.desktop(), service.url(), dataDir, "0.1.0-tour", null);
    FxTaskExecutor executor = new FxTaskExecutor(4);
    MainWindow window = fx(() -> {
      MainWindow w = new MainWindow(ctx, executor, prefs);
      w.show(new Stage());
      return w;
    });
    MissionWorkspace ws = window.missions();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> ws.missions().missions().size()) == 3);
    MapView map = fx(() -> (MapView) window.imagePane().getScene().lookup(".map-view"));
    fx(() -> {
      map.setView(new LonLat(18.083, 59.3275), 14.2);
      return null;
    });
    settle();
    shot(window, out.resolve("layers.png"));

    // a mission drawn with the mouse, through the real event path
    fx(() -> {
      map.setView(new LonLat(18.0835, 59.3262), 15.2);
      ws.startDrawing();
      return null;
    });
    settle();
    Point2D[] corners = {
      new Point2D(-100, -24), new Point2D(-24, -72), new Point2D(90, -54),
      new Point2D(114, 36), new Point2D(-12, 78)};
    for (Point2D c : corners) {
      click(map, c, 1);
    }
    move(map, new Point2D(-90, 54));
    fx(() -> {
      ws.draft().titleProperty().set("Skeppsholmen quay walls");
      ws.draft().descriptionProperty().set("Every quay wall section, from the water side where possible");
      ws.draft().requiredImagesProperty().set(40);
      return null;
    });
    settle();
    shot(window, out.resolve("draw-in-progress.png"));
    click(map, new Point2D(-90, 54), 2);
    settle();
    shot(window, out.resolve("draw-finished.png"));
    // drag the first corner across the far side: the shape crosses itself
    drag(map, corners[0], new Point2D(150, -12));
    settle();
    shot(window, out.resolve("draw-invalid.png"));
    fx(() -> ws.undo());
    fx(() -> {
      ws.draft().save(ws.missions()::added);
      return null;
    });
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> ws.missions().missions().size()) == 4);
    settle();
    shot(window, out.resolve("draw-saved.png"));

    // review: a received submission of the old town, with its three photos
    fx(() -> {
      SubmissionDto s = ws.missions().visibleSubmissions().stream()
          .filter(x -> x.status().equals("received") && x.imageCount() == 3).findFirst().orElseThrow();
      map.setView(new LonLat(s.location().lng(), s.location().lat()), 16.2);
      ws.missions().selectedSubmissionProperty().set(s);
      return null;
    });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> ws.review().thumbnails().size() == 3
        && ws.review().thumbnails().stream().allMatch(t -> t.pictureProperty().get() != null)));
    settle();
    shot(window, out.resolve("review.png"));

    // clusters: the park's hundreds of submissions seen from further out
    fx(() -> {
      ws.missions().clearSelection();
      map.setView(new LonLat(18.09, 59.327), 13.3);
      return null;
    });
    settle();
    shot(window, out.resolve("clusters.png"));
    fx(() -> {
      window.close();
      return null;
    });
    executor.close();
  }

  private static Point2D screen(MapView map, Point2D offsetFromCentre) throws Exception {
    return fx(() -> map.localToScreen(map.getWidth() / 2 + offsetFromCentre.getX(),
        map.getHeight() / 2 + offsetFromCentre.getY()));
  }

  private static void move(MapView map, Point2D at) throws Exception {
    Point2D p = screen(map, at);
    fx(() -> {
      new Robot().mouseMove(p);
      return null;
    });
    settle();
  }

  private static void click(MapView map, Point2D at, int times) throws Exception {
    move(map, at);
    fx(() -> {
      Robot r = new Robot();
      for (int i = 0; i < times; i++) {
        r.mouseClick(MouseButton.PRIMARY);
      }
      return null;
    });
    settle();
  }

  private static void drag(MapView map, Point2D from, Point2D to) throws Exception {
    move(map, from);
    fx(() -> {
      new Robot().mousePress(MouseButton.PRIMARY);
      return null;
    });
    for (int i = 1; i <= 8; i++) {
      move(map, from.add(to.subtract(from).multiply(i / 8.0)));
    }
    fx(() -> {
      new Robot().mouseRelease(MouseButton.PRIMARY);
      return null;
    });
    settle();
  }

  /** Lets events, layout and the tiles' and thumbnails' deliveries run. */
  private static void settle() {
    for (int i = 0; i < 5; i++) {
      WaitForAsyncUtils.sleep(120, TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  private static void shot(MainWindow window, Path file) throws Exception {
    var img = fx(() -> window.imagePane().getScene().snapshot(null));
    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
  }

  private static <T> T fx(Callable<T> call) throws Exception {
    return WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(call));
  }

  static {
    Platform.startup(() -> { });
    Platform.setImplicitExit(false);
  }
}

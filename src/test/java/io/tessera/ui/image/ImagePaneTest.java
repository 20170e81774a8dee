package io.tessera.ui.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.dzi.DziOptions;
import io.tessera.core.dzi.DziTiler;
import io.tessera.core.dzi.FolderTileSink;
import io.tessera.core.dzi.TileFormat;
import io.tessera.core.dzi.TilingListener;
import io.tessera.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The image pane on a headless stage, over pyramids the real tiler made from cell-grid pictures
 * (PNG tiles, so that drawn colours can be compared exactly): levels follow the zoom, missing
 * tiles are stood in for by coarser ones, and what is drawn under the cursor is the pixel the
 * model reports.
 */
@ExtendWith(ApplicationExtension.class)
class ImagePaneTest {
  @TempDir static Path temp;

  private Path dir;
  private FxTaskExecutor executor;
  private ImageViewModel vm;
  private ImagePane pane;

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory(temp, "pane");
    executor = new FxTaskExecutor(2);
    DziOptions pngTiles = DziOptions.defaults().withFormat(TileFormat.PNG);
    vm = new ImageViewModel(executor, new LocalDziOpener(dir.resolve("cache"), pngTiles));
    pane = new ImagePane(vm, () -> { }, vm::open);
    stage.setScene(new Scene(pane, 800, 600));
    // TestFX reuses one stage across test classes: drop any size or position an earlier test gave it
    stage.setMaximized(false);
    stage.sizeToScene();
    stage.setX(0);
    stage.setY(0);
    stage.show();
  }

  @Stop
  void stop() {
    executor.close();
  }

  private static <T> T fx(Callable<T> call) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(call));
  }

  private TileCanvas.Frame frame() {
    return fx(() -> pane.tileCanvas().frameProperty().get());
  }

  /** Waits until every tile in view is drawn from its own level and nothing is loading. */
  private TileCanvas.Frame sharpFrame() throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> {
      TileCanvas.Frame f = pane.tileCanvas().frameProperty().get();
      return f != null && f.sharp() && f.tiles() > 0 && pane.tileCanvas().pendingTiles() == 0
          && !vm.tilingProperty().get();
    }));
    return frame();
  }

  /** The pane's screen point showing the centre of the cell that holds image pixel (x, y). */
  private Point2D screenPointOfCell(int x, int y) {
    return fx(() -> {
      Viewport v = vm.viewport();
      double px = (x / TestPictures.CELL + 0.5) * TestPictures.CELL;
      double py = (y / TestPictures.CELL + 0.5) * TestPictures.CELL;
      return pane.localToScreen(v.screenX(px), v.screenY(py));
    });
  }

  /** The colour (RGB) the pane shows at its local point (x, y). */
  private int drawnColour(double x, double y) {
    WritableImage shot = fx(() -> pane.snapshot(null, null));
    return shot.getPixelReader().getArgb((int) x, (int) y) & 0xffffff;
  }

  private static void assertColourNear(int actual, int expected, int tolerance) {
    for (int shift = 0; shift <= 16; shift += 8) {
      assertThat((actual >> shift) & 0xff)
          .as("channel at bit %d of %06x against %06x", shift, actual, expected)
          .isCloseTo((expected >> shift) & 0xff, within(tolerance));
    }
  }

  @Test
  void zoomingInLoadsFinerLevelsAndTheCursorPixelIsWhatIsDrawn(FxRobot robot) throws Exception {
    Path picture = TestPictures.write(dir.resolve("grid.png"), 3000, 2000);

    robot.interact(() -> vm.open(picture));
    TileCanvas.Frame fitted = sharpFrame();

    // 3000 × 2000 in 800 × 600: scale 0.267, so level 11 of 0..12 (1500 × 1000)
    assertThat(fitted.level()).isEqualTo(11);
    assertThat(fitted.tiles()).isEqualTo(6 * 4);

    robot.clickOn(pane).type(KeyCode.DIGIT1);
    TileCanvas.Frame oneToOne = sharpFrame();
    assertThat(fx(() -> vm.scaleProperty().get())).isCloseTo(1.0, within(1e-9));
    assertThat(oneToOne.level()).isEqualTo(12);

    robot.write("++");
    sharpFrame();
    assertThat(fx(() -> vm.scaleProperty().get())).isCloseTo(2.0, within(1e-9));

    // the view shows x 1300..1700, y 850..1150
    Point2D at = screenPointOfCell(1434, 987);
    robot.moveTo(at);
    Point2D pixel = fx(() -> vm.pointerPixelProperty().get());
    assertThat(pixel.getX()).isCloseTo(1436, within(1.0)); // the cell's centre, 1432 + 4
    assertThat(pixel.getY()).isCloseTo(988, within(1.0));
    Point2D local = fx(() -> pane.screenToLocal(at));
    assertThat(drawnColour(local.getX(), local.getY()))
        .isEqualTo(TestPictures.colourAt((int) pixel.getX(), (int) pixel.getY()));

    double before = fx(() -> vm.scaleProperty().get());
    robot.scroll(2, VerticalDirection.UP);
    // Under Monocle TestFX's wheel direction is inverted: only check that the wheel zoomed, at
    // the cursor
    assertThat(fx(() -> vm.scaleProperty().get())).isNotEqualTo(before);
    Point2D still = fx(() -> vm.pointerPixelProperty().get());
    assertThat(still.getX()).isCloseTo(pixel.getX(), within(1e-6));
    assertThat(still.getY()).isCloseTo(pixel.getY(), within(1e-6));
    sharpFrame();
  }

  @Test
  void zoomedInEveryScreenPixelShowsThePixelTheModelPutsThereAcrossTileEdges(FxRobot robot) throws Exception {
    Path picture = TestPictures.write(dir.resolve("pixels.png"), 700, 500, 1);
    robot.interact(() -> vm.open(picture));
    sharpFrame();

    // 6.3 screen pixels per pixel, centred a fraction off the corner of four tiles (254, 254)
    robot.interact(() -> {
      vm.zoomAt(400, 300, 6.3 / vm.scaleProperty().get());
      vm.centreOn(254.37, 253.71);
    });
    sharpFrame();

    Viewport view = fx(vm::viewport);
    WritableImage shot = fx(() -> pane.snapshot(null, null));
    int checked = 0;
    int wrong = 0;
    for (int sy = 150; sy < 450; sy++) {
      for (int sx = 250; sx < 550; sx++) {
        // a mouse event's coordinates are the top-left corner of the screen pixel it is on
        double px = view.pixelX(sx);
        double py = view.pixelY(sy);
        // a screen pixel whose corner is on a pixel edge may go either way
        if (Math.abs(px - Math.rint(px)) < 0.02 || Math.abs(py - Math.rint(py)) < 0.02) {
          continue;
        }
        checked++;
        int drawn = shot.getPixelReader().getArgb(sx, sy) & 0xffffff;
        wrong += drawn == TestPictures.colourAt((int) px, (int) py, 1) ? 0 : 1;
      }
    }
    assertThat(checked).isGreaterThan(80_000);
    assertThat(wrong).as("screen pixels showing another pixel than the model's").isZero();
  }

  @Test
  void tilesNotMadeYetAreStoodInForByACoarserLevelUntilTheSourceChanges(FxRobot robot) throws Exception {
    Path picture = TestPictures.write(dir.resolve("scan.png"), 2000, 1500);
    try (FolderTileSink sink = new FolderTileSink(dir.resolve("dzi/scan"))) {
      DziTiler.tile(picture, sink, DziOptions.defaults().withFormat(TileFormat.PNG), TilingListener.NONE);
    }
    Path finest = dir.resolve("dzi/scan_files/11");
    Path aside = dir.resolve("dzi/level-11");
    Files.move(finest, aside); // as if the tiler had not reached the full level yet
    FolderDziSource source = FolderDziSource.open(dir.resolve("dzi/scan.dzi"));

    robot.interact(() -> {
      vm.show("scan.png", source);
      vm.centreOn(1000, 750);
      vm.oneToOne();
    });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> {
      TileCanvas.Frame f = pane.tileCanvas().frameProperty().get();
      return f != null && f.level() == 11 && pane.tileCanvas().pendingTiles() == 0
          && pane.tileCanvas().overview() != null;
    }));
    WaitForAsyncUtils.waitForFxEvents();
    TileCanvas.Frame waiting = frame();
    assertThat(waiting.tiles()).isPositive();
    assertThat(waiting.sharpTiles()).isZero();
    Point2D at = fx(() -> pane.screenToLocal(screenPointOfCell(1004, 748)));
    // level 10, scaled up twice, smoothed: the cell's colour, give or take the blur
    assertColourNear(drawnColour(at.getX(), at.getY()), TestPictures.colourAt(1004, 748), 12);

    Files.move(aside, finest);
    robot.interact(vm::sourceChanged);

    TileCanvas.Frame sharp = sharpFrame();
    assertThat(sharp.level()).isEqualTo(11);
    assertThat(drawnColour(at.getX(), at.getY())).isEqualTo(TestPictures.colourAt(1004, 748));
  }

  @Test
  void panningAnOpaqueImageAwayLeavesNoTraceOfIt(FxRobot robot) throws Exception {
    Path picture = TestPictures.write(dir.resolve("photo.jpg"), 3000, 2000);
    try (FolderTileSink sink = new FolderTileSink(dir.resolve("jpeg/photo"))) {
      DziTiler.tile(picture, sink, DziOptions.defaults(), TilingListener.NONE);
    }
    FolderDziSource source = FolderDziSource.open(dir.resolve("jpeg/photo.dzi"));
    int background = drawnColour(100, 100);

    robot.interact(() -> vm.show("photo.jpg", source));
    sharpFrame();
    // fitted: 800 × 533 from y 33, so (100, 100) shows the picture
    assertThat(drawnColour(100, 100)).isNotEqualTo(background);

    robot.drag(fx(() -> pane.localToScreen(400, 300)), MouseButton.PRIMARY).moveBy(200, 200).drop();
    sharpFrame();

    assertThat(drawnColour(100, 100)).as("the margin the image left").isEqualTo(background);
    assertThat(drawnColour(250, 300)).isNotEqualTo(background);
  }

  @Test
  void wheelZoomDraftsWhileMovingAndSettlesIntoASmoothFrame(FxRobot robot) throws Exception {
    Path picture = TestPictures.write(dir.resolve("wide.jpg"), 4000, 3000);
    robot.interact(() -> vm.open(picture));
    sharpFrame();
    // the software pipeline (no 3D) drafts; a GPU would smooth every frame
    boolean drafts = !javafx.application.Platform.isSupported(javafx.application.ConditionalFeature.SCENE3D);

    java.util.List<TileCanvas.Frame> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
    robot.interact(() -> pane.tileCanvas().frameProperty().addListener((o, was, f) -> frames.add(f)));

    robot.moveTo(pane).scroll(2, VerticalDirection.DOWN);

    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> !frames.isEmpty() && !frames.get(frames.size() - 1).draft());
    assertThat(frames.get(0).draft()).as("the first frame of the zoom").isEqualTo(drafts);
  }

  @Test
  void theMinimapShowsWhileZoomedInAndMovesTheViewWhereItIsPressed(FxRobot robot) throws Exception {
    Path picture = TestPictures.write(dir.resolve("map.png"), 2400, 1200);
    robot.interact(() -> vm.open(picture));
    sharpFrame();
    assertThat(robot.lookup("#imageMinimap").query().isVisible()).as("all of it is in view").isFalse();

    robot.clickOn(pane).type(KeyCode.DIGIT1);
    sharpFrame();
    assertThat(robot.lookup("#imageMinimap").query().isVisible()).isTrue();

    // the minimap is 180 × 90 for a 2:1 picture; a quarter in from its right edge is x = 1800
    var minimap = robot.lookup("#imageMinimap").query();
    Point2D quarter = fx(() -> minimap.localToScreen(135, 45));
    robot.clickOn(quarter);

    Point2D centre = fx(() -> vm.toPixel(400, 300));
    assertThat(centre.getX()).isCloseTo(1800, within(15.0));
    assertThat(centre.getY()).isCloseTo(600, within(15.0));
    assertThat(fx(() -> vm.scaleProperty().get())).as("the minimap only moves").isCloseTo(1.0, within(1e-9));
    sharpFrame();
  }

  @Test
  void dragPansAndADoubleClickZoomsInOneStepAtThePoint(FxRobot robot) throws Exception {
    Path picture = TestPictures.write(dir.resolve("photo.jpg"), 1600, 1200);
    robot.interact(() -> vm.open(picture));
    sharpFrame();
    Point2D centre = fx(() -> pane.localToScreen(400, 300));

    double x = fx(() -> vm.offsetXProperty().get());
    robot.drag(centre, MouseButton.PRIMARY).moveBy(50, 0).drop();
    assertThat(fx(() -> vm.offsetXProperty().get())).isCloseTo(x + 50, within(1.0));

    double scale = fx(() -> vm.scaleProperty().get());
    Point2D under = fx(() -> vm.toPixel(400, 300));
    robot.doubleClickOn(centre);
    assertThat(fx(() -> vm.scaleProperty().get())).isCloseTo(scale * ImageViewModel.ZOOM_STEP, within(1e-9));
    Point2D after = fx(() -> vm.toPixel(400, 300));
    assertThat(after.getX()).isCloseTo(under.getX(), within(1e-6));
    assertThat(after.getY()).isCloseTo(under.getY(), within(1e-6));
    sharpFrame();
  }
}

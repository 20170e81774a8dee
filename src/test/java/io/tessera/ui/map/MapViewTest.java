package io.tessera.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.SubTile;
import io.tessera.core.geo.TileKey;
import io.tessera.core.geo.TileMath;
import io.tessera.core.geo.WebMercator;
import io.tessera.core.geo.WorldPixel;
import java.util.concurrent.Callable;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MapViewTest {
  private static final LonLat BERLIN = new LonLat(13.405, 52.52);

  private MapView view;
  private FakeTileSource source;
  private TileLayer layer;

  @Start
  void start(Stage stage) {
    view = new MapView();
    source = new FakeTileSource(19);
    layer = new TileLayer(source);
    view.getLayers().add(layer);
    stage.setScene(new Scene(view, 800, 600));
    // TestFX reuses one stage across test classes: drop any size or position an earlier test gave it
    stage.setMaximized(false);
    stage.sizeToScene();
    stage.setX(0);
    stage.setY(0);
    stage.show();
    view.setView(BERLIN, 6);
  }

  @Test
  void wheelZoomsAtTheCursorKeepingTheGroundUnderItStill(FxRobot robot) {
    Point2D at = new Point2D(250, 180);
    LonLat under = fx(() -> view.getLonLat(at.getX(), at.getY()));
    double zoomBefore = fx(view::getZoom);

    robot.moveTo(fx(() -> view.localToScreen(at))).scroll(3, VerticalDirection.UP);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(fx(view::getZoom)).isNotCloseTo(zoomBefore, within(0.5));
    Point2D nowAt = fx(() -> view.getMapPoint(under));
    assertThat(nowAt.distance(at)).isLessThan(1);
  }

  @Test
  void leftDragPansTheGroundWithTheMouse(FxRobot robot) {
    Point2D from = new Point2D(400, 300);
    LonLat grabbed = fx(() -> view.getLonLat(from.getX(), from.getY()));
    LonLat centerBefore = fx(view::getCenter);

    robot.drag(fx(() -> view.localToScreen(from)), MouseButton.PRIMARY).moveBy(60, 0).moveBy(60, 40).drop();
    WaitForAsyncUtils.waitForFxEvents();

    LonLat centerAfter = fx(view::getCenter);
    assertThat(centerAfter.lonDeg()).isLessThan(centerBefore.lonDeg());
    assertThat(centerAfter.latDeg()).isGreaterThan(centerBefore.latDeg());
    Point2D grabbedNow = fx(() -> view.getMapPoint(grabbed));
    assertThat(grabbedNow.distance(from.add(120, 40))).isLessThan(1);
  }

  @Test
  void aPressThatHardlyMovesIsAClickNotAPan(FxRobot robot) {
    LonLat centerBefore = fx(view::getCenter);
    robot.drag(fx(() -> view.localToScreen(400, 300)), MouseButton.PRIMARY).moveBy(2, 1).drop();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(view::getCenter)).isEqualTo(centerBefore);
  }

  @Test
  void doubleClickZoomsInOneStepAtThePoint(FxRobot robot) {
    Point2D at = new Point2D(500, 220);
    LonLat under = fx(() -> view.getLonLat(at.getX(), at.getY()));
    robot.moveTo(fx(() -> view.localToScreen(at))).doubleClickOn(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(view::getZoom)).isEqualTo(7);
    assertThat(fx(() -> view.getMapPoint(under)).distance(at)).isLessThan(1);
  }

  @Test
  void aLayerThatTakesClicksGetsThemInsteadOfTheDoubleClickZoom(FxRobot robot) {
    java.util.List<Integer> taken = new java.util.ArrayList<>();
    MapLayer tool = new MapLayer() {
      @Override
      protected boolean mapClicked(javafx.scene.input.MouseEvent e) {
        taken.add(e.getClickCount());
        return true;
      }
    };
    fx(() -> view.getLayers().add(tool));

    robot.moveTo(fx(() -> view.localToScreen(500, 220))).doubleClickOn(MouseButton.PRIMARY);
    robot.drag(fx(() -> view.localToScreen(400, 300)), MouseButton.PRIMARY).moveBy(60, 0).drop();
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(taken).as("both clicks, not the end of the pan").containsExactly(1, 2);
    assertThat(fx(view::getZoom)).isEqualTo(6);
  }

  @Test
  void aLayerIsAsLargeAsTheView() {
    MapLayer overlay = new MapLayer();
    fx(() -> view.getLayers().add(overlay));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(fx(overlay::getWidth)).isEqualTo(800);
    assertThat(fx(overlay::getHeight)).isEqualTo(600);
  }

  @Test
  void keysZoomPanAndFitTheWorld(FxRobot robot) {
    robot.clickOn(view);
    robot.write('+');
    assertThat(fx(view::getZoom)).isEqualTo(7);
    robot.write('-');
    robot.write('-');
    assertThat(fx(view::getZoom)).isEqualTo(5);

    LonLat before = fx(view::getCenter);
    robot.type(KeyCode.RIGHT);
    assertThat(fx(view::getCenter).lonDeg()).isGreaterThan(before.lonDeg());
    robot.type(KeyCode.UP);
    assertThat(fx(view::getCenter).latDeg()).isGreaterThan(before.latDeg());

    robot.write('0');
    assertThat(fx(view::getZoom)).isEqualTo(Math.log(600.0 / 256) / Math.log(2), within(1e-9));
    assertThat(fx(view::getCenter)).isEqualTo(new LonLat(0, 0));
  }

  @Test
  void pointerPositionFollowsTheMouseAndClearsWhenItLeaves(FxRobot robot) {
    robot.moveTo(fx(() -> view.localToScreen(100, 100)));
    WaitForAsyncUtils.waitForFxEvents();
    LonLat expected = fx(() -> view.getLonLat(100, 100));
    assertThat(fx(() -> view.pointerPositionProperty().get())).isEqualTo(expected);
    robot.moveTo(fx(() -> view.localToScreen(900, 100)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view.pointerPositionProperty().get())).isNull();
  }

  @Test
  void zoomAndCentreAreClampedToTheWorld() {
    fx(() -> {
      view.setView(new LonLat(500, 89), 40);
      return null;
    });
    assertThat(fx(view::getZoom)).isEqualTo(MapView.MAX_ZOOM);
    assertThat(fx(view::getCenter)).isEqualTo(new LonLat(180, WebMercator.MAX_LATITUDE_DEG));
  }

  @Test
  void overZoomAtTwentyFourDrawsTheMaxZoomAncestorsSubSquare() {
    fx(() -> {
      view.setView(BERLIN, 24);
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();

    TileKey ancestor = TileMath.tileContaining(BERLIN, 19);
    assertThat(source.requested).contains(ancestor).allMatch(k -> k.zoom() <= 19);
    // The pixel under the centre is the ancestor's pixel at Berlin's place in it.
    WorldPixel p19 = WebMercator.toWorldPixel(BERLIN, 19);
    double expectedRed = p19.x() - ancestor.x() * 256.0;
    double expectedGreen = p19.y() - ancestor.y() * 256.0;
    Color center = pixel(400, 300);
    assertThat(center.getRed() * 255).isCloseTo(expectedRed, within(1.5));
    assertThat(center.getGreen() * 255).isCloseTo(expectedGreen, within(1.5));
    assertThat(Math.round(center.getBlue() * 255)).isEqualTo(190);
    SubTile sub = TileMath.subTile(TileMath.tileContaining(BERLIN, 24), 19);
    assertThat(expectedRed).isBetween(sub.x(), sub.x() + sub.size());
  }

  @Test
  void coarserTileIsShownUntilTheFinerOneArrives() {
    source.holdBack = key -> key.zoom() == 7;
    fx(() -> {
      view.setView(BERLIN, 7);
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> layer.pendingTiles())).isNotEmpty().allMatch(k -> k.zoom() == 7);
    assertThat(Math.round(pixel(400, 300).getBlue() * 255)).isEqualTo(60);
  }

  @Test
  void afterZoomingOutTheCachedFinerTilesStandInForCoarserOnes() {
    fx(() -> {
      view.setView(BERLIN, 8);
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();
    source.holdBack = key -> key.zoom() == 7;
    fx(() -> {
      view.setView(BERLIN, 7);
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Math.round(pixel(400, 300).getBlue() * 255)).isEqualTo(80);
  }

  @Test
  void removingALayerCancelsItsLoads() {
    source.holdBack = key -> true;
    fx(() -> {
      view.setView(BERLIN, 11);
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> layer.pendingTiles().size())).isPositive();
    fx(() -> view.getLayers().remove(layer));
    assertThat(fx(() -> layer.pendingTiles().size())).isZero();
  }

  @Test
  void failedTilesAreNotAskedForAgainAtOnce() {
    source.failing = key -> true;
    fx(() -> {
      view.setView(new LonLat(2.35, 48.85), 9);
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();
    int firstRound = source.requested.size();
    for (int i = 0; i < 5; i++) {
      fx(() -> {
        view.panBy(1, 0);
        return null;
      });
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertThat(firstRound).isPositive();
    assertThat(source.requested.size()).isEqualTo(firstRound);
  }

  @Test
  void scaleBarShowsARoundLengthInMetres() {
    fx(() -> {
      view.setView(new LonLat(0, 0), 24);
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();
    // 120 px at 9.3 mm/px is 1.12 m.
    assertThat(fx(view::scaleBarText)).isEqualTo("1 m");
  }

  @Test
  void metersPerPixelAtTheEquatorIsTheWellKnownGroundResolution() {
    fx(() -> {
      view.setView(new LonLat(0, 0), 3);
      return null;
    });
    // Along the equator the ellipsoid and the Web Mercator sphere agree.
    assertThat(fx(() -> view.metersPerPixelProperty().get())).isCloseTo(156543.03392804097 / 8, within(1e-6));
  }

  private Color pixel(int x, int y) {
    WritableImage shot = fx(() -> view.snapshot(null, null));
    return shot.getPixelReader().getColor(x, y);
  }

  private static <T> T fx(Callable<T> call) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(call));
  }
}

package io.tessera.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.core.geo.LonLat;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MapPaneTest {
  private MapPane pane;

  @Start
  void start(Stage stage) {
    pane = new MapPane();
    stage.setScene(new Scene(pane, 640, 480));
    // TestFX reuses one stage across test classes: drop any size or position an earlier test gave it
    stage.setMaximized(false);
    stage.sizeToScene();
    stage.setX(0);
    stage.setY(0);
    stage.show();
  }

  @Test
  void onlineTilesAreOffByDefaultAndNothingIsFetched() {
    WaitForAsyncUtils.waitForFxEvents();
    TileLayer online = onlineLayer();
    assertThat(pane.isOnlineTilesEnabled()).isFalse();
    assertThat(online.isVisible()).isFalse();
    assertThat(online.pendingTiles()).isEmpty();
  }

  @Test
  void theBasemapIsDrawnUnderTheOnlineLayer() {
    assertThat(pane.getMapView().getLayers()).hasSize(2);
    assertThat(((TileLayer) pane.getMapView().getLayers().get(0)).getSource()).isInstanceOf(BasemapTileSource.class);
    assertThat(onlineLayer().getSource()).isInstanceOf(XyzTileSource.class);
  }

  @Test
  void setViewDrivesTheCentreAndZoomProperties() {
    WaitForAsyncUtils.asyncFx(() -> pane.setView(new LonLat(8.54, 47.37), 17.5));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.centerProperty().get()).isEqualTo(new LonLat(8.54, 47.37));
    assertThat(pane.zoomProperty().get()).isEqualTo(17.5);
  }

  @Test
  void pointerPositionIsTheLonLatUnderTheMouse(FxRobot robot) {
    WaitForAsyncUtils.asyncFx(() -> pane.setView(new LonLat(8.54, 47.37), 10));
    WaitForAsyncUtils.waitForFxEvents();
    robot.moveTo(pane);
    WaitForAsyncUtils.waitForFxEvents();
    LonLat under = pane.pointerPositionProperty().get();
    assertThat(under).isNotNull();
    assertThat(under.lonDeg()).isCloseTo(8.54, within(0.01));
    assertThat(under.latDeg()).isCloseTo(47.37, within(0.01));
  }

  private TileLayer onlineLayer() {
    return (TileLayer) pane.getMapView().getLayers().get(1);
  }
}

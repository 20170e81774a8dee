package io.tessera.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.core.geo.LonLat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopPreferencesTest {
  @TempDir Path dataDir;

  @Test
  void aMissingFileGivesDefaults() {
    DesktopPreferences prefs = DesktopPreferences.load(dataDir);

    assertThat(prefs.windowBounds()).isEmpty();
    assertThat(prefs.windowMaximized()).isFalse();
    assertThat(prefs.pane()).isEqualTo(CentrePane.MAP);
    assertThat(prefs.dividerPositions()).isEmpty();
    assertThat(prefs.onlineTilesProperty().get()).isFalse();
    assertThat(prefs.mapCenterProperty().get()).isNull();
    assertThat(prefs.mapZoomProperty().get()).isNaN();
  }

  @Test
  void everythingSurvivesARoundTripUnderAGermanLocale() throws Exception {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      DesktopPreferences prefs = DesktopPreferences.load(dataDir);
      prefs.setWindowBounds(new Rectangle2D(10.5, 20, 1100.25, 700));
      prefs.setWindowMaximized(true);
      prefs.setPane(CentrePane.SCENE3D);
      prefs.setDividerPositions(new double[] {0.2, 0.75});
      prefs.onlineTilesProperty().set(true);
      prefs.mapCenterProperty().set(new LonLat(-119.8783, 34.4139));
      prefs.mapZoomProperty().set(17.5);
      prefs.setLastImageDirectory(dataDir.resolve("photos"));
      prefs.save();

      String text = Files.readString(dataDir.resolve("desktop.properties"), StandardCharsets.UTF_8);
      assertThat(text).contains("window.width=1100.25").contains("map.zoom=17.5").doesNotContain("1100,25");

      DesktopPreferences again = DesktopPreferences.load(dataDir);
      assertThat(again.windowBounds()).contains(new Rectangle2D(10.5, 20, 1100.25, 700));
      assertThat(again.windowMaximized()).isTrue();
      assertThat(again.pane()).isEqualTo(CentrePane.SCENE3D);
      assertThat(again.dividerPositions()).containsExactly(0.2, 0.75);
      assertThat(again.onlineTilesProperty().get()).isTrue();
      assertThat(again.mapCenterProperty().get()).isEqualTo(new LonLat(-119.8783, 34.4139));
      assertThat(again.mapZoomProperty().get()).isEqualTo(17.5);
      assertThat(again.lastImageDirectory()).contains(dataDir.resolve("photos"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void savingLeavesNoTemporaryFilesBehind() throws Exception {
    DesktopPreferences prefs = DesktopPreferences.load(dataDir);
    prefs.save();
    prefs.setPane(CentrePane.IMAGE);
    prefs.save();

    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("desktop.properties");
    }
    assertThat(DesktopPreferences.load(dataDir).pane()).isEqualTo(CentrePane.IMAGE);
  }

  @Test
  void garbledValuesFallBackToDefaultsOneByOne() throws Exception {
    Files.writeString(
        dataDir.resolve("desktop.properties"),
        "window.x=left\nwindow.y=0\nwindow.width=800\nwindow.height=600\n"
            + "window.pane=GLOBE\nwindow.dividers=0.2,banana\nmap.centerLat=123\nmap.centerLon=5\n"
            + "map.onlineTiles=true\n");

    DesktopPreferences prefs = DesktopPreferences.load(dataDir);

    assertThat(prefs.windowBounds()).isEmpty();
    assertThat(prefs.pane()).isEqualTo(CentrePane.MAP);
    assertThat(prefs.dividerPositions()).isEmpty();
    assertThat(prefs.mapCenterProperty().get()).isNull();
    assertThat(prefs.onlineTilesProperty().get()).isTrue();
  }
}

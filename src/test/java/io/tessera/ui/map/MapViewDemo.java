package io.tessera.ui.map;

import io.tessera.core.geo.LonLat;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Throwaway look at the map: shows a {@link MapPane} and, given an output path, saves snapshots
 * of it to PNG and exits. Arguments: {@code [out-prefix lon,lat,zoom ...]}; {@code
 * -Dtessera.demo.online=true} turns online tiles on.
 */
public final class MapViewDemo {
  private MapViewDemo() {}

  public static void main(String[] args) {
    Platform.startup(() -> {
      MapPane pane = new MapPane();
      pane.setOnlineTilesEnabled(Boolean.getBoolean("tessera.demo.online"));
      Stage stage = new Stage();
      stage.setScene(new Scene(pane, 1000, 650));
      stage.setTitle("Tessera map demo");
      stage.show();
      if (args.length > 1) {
        snapshots(pane, args, 1);
      }
    });
  }

  private static void snapshots(MapPane pane, String[] args, int index) {
    if (index >= args.length) {
      Platform.exit();
      return;
    }
    String[] view = args[index].split(",");
    pane.setView(new LonLat(Double.parseDouble(view[0]), Double.parseDouble(view[1])), Double.parseDouble(view[2]));
    Thread waiter = new Thread(() -> {
      try {
        Thread.sleep(2500);
      } catch (InterruptedException e) {
        return;
      }
      Platform.runLater(() -> {
        File out = new File(String.format(Locale.ROOT, "%s-%d.png", args[0], index));
        try {
          ImageIO.write(SwingFXUtils.fromFXImage(pane.snapshot(null, null), null), "png", out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        snapshots(pane, args, index + 1);
      });
    });
    waiter.setDaemon(true);
    waiter.start();
  }
}

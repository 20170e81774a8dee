package io.tessera.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The application icon in the sizes the build ships ({@code io/tessera/ui/icon/tessera-N.png}).
 * Missing sizes are skipped, so a build without icons still starts.
 */
public final class AppIcons {
  private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

  private AppIcons() {}

  /** Every icon size found on the class path, smallest first; empty when none is. */
  public static List<Image> load() {
    List<Image> icons = new ArrayList<>();
    for (int size : SIZES) {
      try (InputStream in = AppIcons.class.getResourceAsStream("icon/tessera-" + size + ".png")) {
        if (in != null) {
          Image img = new Image(in);
          if (!img.isError()) {
            icons.add(img);
          }
        }
      } catch (java.io.IOException e) {
        // an unreadable icon is cosmetic: go on without that size
      }
    }
    return icons;
  }
}

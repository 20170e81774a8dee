package io.tessera.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Tessera keeps its data: {@code --data-dir}, else {@code TESSERA_DATA_DIR}, else the platform's place. */
public final class DataDirs {
  private DataDirs() {}

  public static Path resolve(Path explicit, Map<String, String> env) {
    if (explicit != null) {
      return explicit.toAbsolutePath();
    }
    String fromEnv = env.get("TESSERA_DATA_DIR");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath();
    }
    return platformDefault(System.getProperty("os.name", ""), env, System.getProperty("user.home"));
  }

  static Path platformDefault(String os, Map<String, String> env, String home) {
    String o = os.toLowerCase(Locale.ROOT);
    if (o.startsWith("windows")) {
      String appData = env.get("APPDATA");
      return appData != null ? Path.of(appData, "Tessera") : Path.of(home, "AppData", "Roaming", "Tessera");
    }
    if (o.startsWith("mac")) {
      return Path.of(home, "Library", "Application Support", "Tessera");
    }
    String xdg = env.get("XDG_DATA_HOME");
    return xdg != null && !xdg.isBlank() ? Path.of(xdg, "tessera") : Path.of(home, ".local", "share", "tessera");
  }
}

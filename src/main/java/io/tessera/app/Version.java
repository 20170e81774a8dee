package io.tessera.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, from the filtered {@code tessera-version.properties}. */
final class Version {
  private Version() {}

  static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/tessera-version.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException | NullPointerException e) {
      return "dev";
    }
  }
}

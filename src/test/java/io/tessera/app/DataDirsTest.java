package io.tessera.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirsTest {
  @Test
  void explicitBeatsEnvironmentBeatsPlatform() {
    Map<String, String> env = Map.of("TESSERA_DATA_DIR", "/srv/tessera");
    assertThat(DataDirs.resolve(Path.of("/data/x"), env)).isEqualTo(Path.of("/data/x"));
    assertThat(DataDirs.resolve(null, env)).isEqualTo(Path.of("/srv/tessera"));
  }

  @Test
  void platformDefaultsFollowEachPlatformsConvention() {
    assertThat(DataDirs.platformDefault("Linux", Map.of(), "/home/a"))
        .isEqualTo(Path.of("/home/a/.local/share/tessera"));
    assertThat(DataDirs.platformDefault("Linux", Map.of("XDG_DATA_HOME", "/x"), "/home/a"))
        .isEqualTo(Path.of("/x/tessera"));
    assertThat(DataDirs.platformDefault("Mac OS X", Map.of(), "/Users/a"))
        .isEqualTo(Path.of("/Users/a/Library/Application Support/Tessera"));
    assertThat(DataDirs.platformDefault("Windows 11", Map.of("APPDATA", "C:/Users/a/AppData/Roaming"),
        "C:/Users/a")).isEqualTo(Path.of("C:/Users/a/AppData/Roaming", "Tessera"));
  }
}

package io.tessera.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which starts go through a child JVM with an AppCDS archive, and with what command line. */
class AppCdsTest {
  @TempDir Path tmp;

  /** This JVM's command line as the OS would report it for {@code java OPTIONS… -jar …}. */
  private record Info(String[] args) implements ProcessHandle.Info {
    @Override
    public Optional<String> command() {
      return Optional.of("/usr/bin/java");
    }

    @Override
    public Optional<String> commandLine() {
      return Optional.empty();
    }

    @Override
    public Optional<String[]> arguments() {
      return Optional.ofNullable(args);
    }

    @Override
    public Optional<Instant> startInstant() {
      return Optional.empty();
    }

    @Override
    public Optional<java.time.Duration> totalCpuDuration() {
      return Optional.empty();
    }

    @Override
    public Optional<String> user() {
      return Optional.empty();
    }
  }

  private Path jar() throws Exception {
    Path jar = tmp.resolve("tessera.jar");
    if (!Files.exists(jar)) {
      Files.write(jar, new byte[] {1, 2, 3});
    }
    return jar;
  }

  private Optional<AppCds.Plan> plan(String[] jvm, Map<String, String> env, String... args)
      throws Exception {
    String[] cmd = new String[jvm.length + 2 + args.length];
    System.arraycopy(jvm, 0, cmd, 0, jvm.length);
    cmd[jvm.length] = "-jar";
    cmd[jvm.length + 1] = jar().toString();
    System.arraycopy(args, 0, cmd, jvm.length + 2, args.length);
    return AppCds.plan(args, new Info(cmd), jar(), null, "ignored", env, "Linux", tmp.toString());
  }

  @Test
  void onlyTheDesktopAndServeAreRelaunched() {
    assertThat(AppCds.mode(new String[0])).isEqualTo("desktop");
    assertThat(AppCds.mode(new String[] {"--data-dir", "/d"})).isEqualTo("desktop");
    assertThat(AppCds.mode(new String[] {"--data-dir=/d"})).isEqualTo("desktop");
    assertThat(AppCds.mode(new String[] {"serve", "--port", "0"})).isEqualTo("serve");
    assertThat(AppCds.mode(new String[] {"--data-dir", "/d", "serve"})).isEqualTo("serve");
    assertThat(AppCds.mode(new String[] {"serve", "--help"})).isNull();
    assertThat(AppCds.mode(new String[] {"--version"})).isNull();
    assertThat(AppCds.mode(new String[] {"admin", "create-user"})).isNull();
    assertThat(AppCds.mode(new String[] {"tile", "a.jpg", "out"})).isNull();
    assertThat(AppCds.mode(new String[] {"--data-dir"})).isNull();
  }

  @Test
  void theChildGetsTheParentsJvmOptionsThenTheArchiveThenTheSameArguments() throws Exception {
    Map<String, String> env = Map.of("TESSERA_CACHE_DIR", tmp.resolve("cache").toString());
    AppCds.Plan p = plan(new String[] {"-Xmx1g", "-Dx=y"}, env, "serve", "--port", "9").orElseThrow();
    assertThat(p.archive().getParent()).isEqualTo(tmp.resolve("cache").resolve("cds"));
    assertThat(p.archive().getParent()).isDirectory();
    assertThat(p.maps()).isFalse();

    List<String> recording = p.command(tmp.resolve("r.recording"));
    assertThat(recording).startsWith(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx1g", "-Dx=y");
    assertThat(recording).contains("-XX:ArchiveClassesAtExit=" + tmp.resolve("r.recording"),
        "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-D" + AppCds.CHILD_PROPERTY + "=" + ProcessHandle.current().pid());
    assertThat(recording).endsWith("-jar", jar().toString(), "serve", "--port", "9");

    Files.write(p.archive(), new byte[] {0});
    assertThat(p.maps()).isTrue();
    assertThat(p.command(null)).contains("-XX:+VerifySharedSpaces",
            "-XX:SharedArchiveFile=" + p.archive())
        .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
  }

  @Test
  void notWhenSwitchedOffOrTheUserChoseCdsOrTheCommandLineIsNotJavaJar() throws Exception {
    Map<String, String> env = Map.of("TESSERA_CACHE_DIR", tmp.resolve("cache").toString());
    assertThat(plan(new String[0], env)).isPresent();
    assertThat(plan(new String[0], Map.of("TESSERA_CDS", "off"))).isEmpty();
    assertThat(plan(new String[] {"-XX:SharedArchiveFile=/a.jsa"}, env)).isEmpty();
    assertThat(plan(new String[] {"-Xshare:off"}, env)).isEmpty();
    assertThat(plan(new String[0], env, "migrate")).isEmpty();
    String[] classPath = {"-cp", jar().toString(), "io.tessera.app.Launcher", "serve"};
    assertThat(AppCds.plan(new String[] {"serve"}, new Info(classPath), jar(), null, "cp", env,
        "Linux", tmp.toString())).isEmpty();
    assertThat(AppCds.plan(new String[] {"serve"}, new Info(null), jar(), null, "cp", env,
        "Linux", tmp.toString())).isEmpty();
    assertThat(AppCds.plan(new String[] {"serve"}, new Info(new String[] {"-jar", "x.jar"}), null,
        null, "cp", env, "Linux", tmp.toString())).isEmpty();
  }

  @Test
  void theInstalledLaunchersChildRunsTheLauncherClassOnItsClassPath() throws Exception {
    Map<String, String> env = Map.of("TESSERA_CACHE_DIR", tmp.resolve("cache").toString());
    // jpackage's native launcher: its command line is the user's arguments only
    AppCds.Plan p = AppCds.plan(new String[] {"serve"}, new Info(new String[] {"serve"}), jar(),
        "/opt/tessera/bin/tessera", "/opt/tessera/lib/app/tessera.jar:/opt/tessera/lib/app/h2.jar",
        env, "Linux", tmp.toString()).orElseThrow();
    assertThat(p.command(null)).startsWith(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djpackage.app-path=/opt/tessera/bin/tessera")
        .contains("-XX:SharedArchiveFile=" + p.archive())
        .endsWith("-cp", "/opt/tessera/lib/app/tessera.jar:/opt/tessera/lib/app/h2.jar",
            Launcher.class.getName(), "serve");
  }

  @Test
  void anArchiveIsNamedForModeJarAndBuildSoARebuildGetsANewOne() throws Exception {
    Path jar = jar();
    String first = AppCds.archiveName("serve", jar);
    assertThat(first).matches("serve-[0-9a-f]{16}-[0-9a-f]{16}\\.jsa");
    assertThat(AppCds.archiveName("desktop", jar)).startsWith("desktop-")
        .isNotEqualTo(first);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis()
        + 1000));
    String rebuilt = AppCds.archiveName("serve", jar);
    assertThat(rebuilt).isNotEqualTo(first);
    assertThat(rebuilt.substring(0, 23)).isEqualTo(first.substring(0, 23)); // same jar path
  }

  @Test
  void theCacheFollowsEachPlatformsConvention() {
    assertThat(AppCds.cacheDir(Map.of(), "Linux", "/home/a"))
        .isEqualTo(Path.of("/home/a/.cache/tessera/cds"));
    assertThat(AppCds.cacheDir(Map.of("XDG_CACHE_HOME", "/c"), "Linux", "/home/a"))
        .isEqualTo(Path.of("/c/tessera/cds"));
    assertThat(AppCds.cacheDir(Map.of(), "Mac OS X", "/Users/a"))
        .isEqualTo(Path.of("/Users/a/Library/Caches/Tessera/cds"));
    assertThat(AppCds.cacheDir(Map.of("LOCALAPPDATA", "C:/L"), "Windows 11", "C:/Users/a"))
        .isEqualTo(Path.of("C:/L", "Tessera", "cache", "cds"));
    assertThat(AppCds.cacheDir(Map.of("TESSERA_CACHE_DIR", "/t"), "Linux", "/home/a"))
        .isEqualTo(Path.of("/t/cds"));
  }
}

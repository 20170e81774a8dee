package io.tessera.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.client.TesseraClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar tessera.jar serve} as a user runs it: the first start records the AppCDS
 * archive as it exits, the next maps it (seen in the child's memory map), signals reach the child,
 * the child follows its parent's end, and a damaged archive is skipped. The jar is built here
 * from the compiled classes, with the dependencies beside it as the manifest's {@code Class-Path}
 * (the shaded jar comes after the tests in Maven's lifecycle).
 */
@EnabledOnOs(OS.LINUX) // /proc tells which files the child maps
class AppCdsProcessTest {
  @TempDir static Path dir;
  static Path jar;

  @BeforeAll
  static void buildJar() throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    List<String> classPath = new ArrayList<>();
    Path classes = null;
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int i = 0;
    for (String e : cp.split(java.io.File.pathSeparator)) {
      Path p = Path.of(e).toAbsolutePath();
      if (p.getFileName().toString().equals("classes") && Files.isDirectory(p)) {
        classes = p;
      } else if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) {
        Path link = lib.resolve((i++) + "-" + p.getFileName());
        Files.createSymbolicLink(link, p);
        classPath.add("lib/" + link.getFileName());
      }
    }
    assertThat(classes).as("target/classes on the test class path").isNotNull();
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
    jar = dir.resolve("tessera.jar");
    Path root = classes;
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, m);
        Stream<Path> files = Files.walk(root)) {
      // folders get entries too: migrations are found by listing db/migration
      for (Path f : (Iterable<Path>) files.filter(f -> !f.equals(root)).sorted()::iterator) {
        String name = root.relativize(f).toString().replace('\\', '/');
        boolean folder = Files.isDirectory(f);
        j.putNextEntry(new JarEntry(folder ? name + "/" : name));
        if (!folder) {
          Files.copy(f, j);
        }
        j.closeEntry();
      }
    }
  }

  /** The jar, started as {@code java -jar}, with stdout read line by line. */
  private static final class Started implements AutoCloseable {
    final Process process;
    final BufferedReader out;
    final Path err;

    Started(String cds, Path data, Path cache) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m",
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-jar", jar.toString(),
          "serve", "--port", "0", "--data-dir", data.toString());
      pb.environment().remove("TESSERA_DATA_DIR");
      pb.environment().put("TESSERA_CACHE_DIR", cache.toString());
      pb.environment().put("TESSERA_CDS", cds);
      err = Files.createTempFile(dir, "stderr", ".txt");
      pb.redirectError(err.toFile());
      process = pb.start();
      out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
    }

    String awaitUrl() throws Exception {
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          for (String l; (l = out.readLine()) != null; ) {
            if (l.startsWith("listening on ")) {
              return l.substring("listening on ".length()).trim();
            }
          }
          return null;
        } catch (IOException e) {
          return null;
        }
      }).get(90, TimeUnit.SECONDS);
      assertThat(line).as("a 'listening on' line; stderr: %s", Files.readString(err)).isNotNull();
      return line;
    }

    /** The child JVM (the one with the parent's pid in its options), if there is one. */
    List<ProcessHandle> children() {
      return process.toHandle().children()
          .filter(c -> c.info().arguments().map(Arrays::asList).orElse(List.of()).stream()
              .anyMatch(a -> a.startsWith("-D" + AppCds.CHILD_PROPERTY + "=")))
          .toList();
    }

    int terminate() throws InterruptedException {
      process.destroy();
      assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
      return process.exitValue();
    }

    @Override
    public void close() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static List<String> arguments(ProcessHandle p) {
    return Arrays.asList(p.info().arguments().orElseThrow());
  }

  private static List<Path> list(Path folder, String glob) throws IOException {
    List<Path> out = new ArrayList<>();
    try (var s = Files.newDirectoryStream(folder, glob)) {
      s.forEach(out::add);
    }
    return out;
  }

  @Test
  void theFirstStartRecordsTheArchiveTheNextMapsItAndTheChildFollowsItsParent() throws Exception {
    Path data = dir.resolve("data");
    Path cache = dir.resolve("cache");

    try (Started first = new Started("on", data, cache)) {
      String url = first.awaitUrl();
      assertThat(TesseraClient.anonymous(url).health().status()).isEqualTo("ok");
      List<ProcessHandle> child = first.children();
      assertThat(child).hasSize(1);
      List<String> args = arguments(child.get(0));
      assertThat(args).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + cache));
      assertThat(args).contains("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Xmx256m");
      assertThat(first.terminate()).isIn(0, 143);
      assertThat(child.get(0).isAlive()).isFalse();
    }
    List<Path> archives = list(cache.resolve("cds"), "serve-*.jsa");
    assertThat(archives).hasSize(1);
    assertThat(Files.size(archives.get(0))).isPositive();
    assertThat(list(cache.resolve("cds"), "*.recording")).isEmpty();
    assertThat(data.resolve("instance.json")).doesNotExist();

    try (Started second = new Started("on", data, cache)) {
      String url = second.awaitUrl();
      ProcessHandle child = second.children().get(0);
      assertThat(arguments(child)).contains("-XX:SharedArchiveFile=" + archives.get(0));
      assertThat(Files.readString(Path.of("/proc", Long.toString(child.pid()), "maps")))
          .as("the child maps the archive").contains(archives.get(0).toString());
      assertThat(TesseraClient.anonymous(url).health().status()).isEqualTo("ok");

      second.process.destroyForcibly(); // kill -9 of the parent: no hook forwards anything
      child.onExit().get(60, TimeUnit.SECONDS);
      assertThat(data.resolve("instance.json")).as("the child closed the service").doesNotExist();
    }

    // a damaged archive (a bad disk, a half copy) is skipped, not a crash at every start
    byte[] bytes = Files.readAllBytes(archives.get(0));
    for (int i = 4096; i < Math.min(bytes.length, 4096 + (1 << 20)); i++) {
      bytes[i] ^= 0x5a; // the first MiB of mapped classes: without the checksums, a JVM crash
    }
    archives.get(0).toFile().setWritable(true);
    Files.write(archives.get(0), bytes);
    try (Started damaged = new Started("on", data, cache)) {
      assertThat(TesseraClient.anonymous(damaged.awaitUrl()).health().status()).isEqualTo("ok");
      assertThat(damaged.terminate()).isIn(0, 143);
    }

    try (Started off = new Started("off", data, cache)) {
      assertThat(TesseraClient.anonymous(off.awaitUrl()).health().status()).isEqualTo("ok");
      assertThat(off.children()).isEmpty();
      assertThat(off.terminate()).isIn(0, 143);
    }
  }
}

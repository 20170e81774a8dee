package io.tessera.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Start-up through an AppCDS archive for the desktop and {@code serve}, started as {@code java
 * -jar tessera.jar [serve]} or by the installed package's launcher. About 5,000 classes load before the service answers; from a jar they are
 * read, verified and linked one by one, and on two cores the JIT's work to run that code competes
 * with it. A dynamic AppCDS archive holds them already parsed and verified (lambda forms too), and
 * halves the time to a healthy service. A jar's manifest cannot carry the JVM option that maps an
 * archive, so the {@link Launcher} starts the same command again in a child JVM with it and
 * waits: the parent JVM is small and does nothing else.
 *
 * <ul>
 *   <li>The archive lives in the user's cache folder ({@code $XDG_CACHE_HOME/tessera/cds}, {@code
 *       ~/Library/Caches/Tessera/cds}, {@code %LOCALAPPDATA%\Tessera\cache\cds}, or {@code
 *       TESSERA_CACHE_DIR}), one per mode (desktop, serve) and named after the jar's path, size and
 *       time and the JVM: a rebuilt jar or another JDK gets a new one, and the old one is removed.
 *   <li>With no archive yet, the child records one as it exits ({@code -XX:ArchiveClassesAtExit};
 *       the exit takes a few seconds longer that once) and the parent moves it into place when the
 *       child ended normally. An archive the JVM cannot use (another build, damaged: its
 *       checksums are verified) is ignored silently.
 *   <li>The parent passes its JVM options on, forwards SIGTERM/SIGINT to the child, returns the
 *       child's exit code; the child exits when the parent dies (even by {@code kill -9}).
 *   <li>The installed package's native launcher runs the same way: the child is its runtime's
 *       {@code java} with the launcher's class path (jlink made the runtime's base archive with
 *       {@code --generate-cds-archive}, which a dynamic archive needs).
 *   <li>Not for other commands (short-lived; some read standard input), not when the JVM options
 *       already choose a CDS archive, not outside a jar (tests, {@code ./mvnw javafx:run}), and not
 *       with {@code TESSERA_CDS=off}.
 * </ul>
 */
final class AppCds {
  /** What jpackage's launcher sets to its own path. */
  static final String JPACKAGE_APP_PATH = "jpackage.app-path";
  /** Set on the child: the parent's process id. */
  static final String CHILD_PROPERTY = "tessera.cds.parent";

  private static final List<String> CDS_QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  private static final Duration STALE_RECORDING = Duration.ofHours(1);

  private AppCds() {}

  /**
   * Runs {@code args} in a child JVM with the archive when that applies.
   *
   * @return the child's exit code, or empty when the caller should run {@code args} itself
   */
  static OptionalInt runInChild(String[] args) {
    String parent = System.getProperty(CHILD_PROPERTY);
    if (parent != null) {
      exitWithParent(parent);
      return OptionalInt.empty();
    }
    Optional<Plan> plan = plan(args, ProcessHandle.current().info(), jarOfThisClass(),
        System.getProperty(JPACKAGE_APP_PATH), System.getProperty("java.class.path"),
        System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    if (plan.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(plan.get().run());
    } catch (IOException e) {
      return OptionalInt.empty(); // the child did not start: run here, as without an archive
    }
  }

  /**
   * What to start, or empty to run in this JVM.
   *
   * @param self this JVM's command line as the OS reports it
   * @param jar the jar this class came from, or null
   * @param appPath jpackage's launcher, when it started this JVM (its {@code jpackage.app-path}
   *     property), else null
   * @param classPath this JVM's class path
   */
  static Optional<Plan> plan(String[] args, ProcessHandle.Info self, Path jar, String appPath,
      String classPath, Map<String, String> env, String os, String home) {
    String mode = mode(args);
    if (mode == null || jar == null || "off".equalsIgnoreCase(env.get("TESSERA_CDS"))) {
      return Optional.empty();
    }
    List<String> jvm;
    List<String> main;
    if (appPath != null) {
      // the installed launcher: a native program whose command line holds the user's arguments
      // only; its one JVM option is this property (the package gives the main launcher no other)
      jvm = List.of("-D" + JPACKAGE_APP_PATH + "=" + appPath);
      main = List.of("-cp", classPath, Launcher.class.getName());
    } else {
      String[] options = self.arguments().map(AppCds::jvmOptions).orElse(null);
      if (options == null) {
        return Optional.empty();
      }
      jvm = List.of(options);
      main = List.of("-jar", jar.toString());
    }
    for (String o : jvm) {
      if (o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-XX:ArchiveClassesAtExit")
          || o.startsWith("-Xshare") || o.startsWith("-XX:+AutoCreateSharedArchive")) {
        return Optional.empty(); // the user chose
      }
    }
    Path archive;
    try {
      Path dir = Files.createDirectories(cacheDir(env, os, home));
      archive = dir.resolve(archiveName(mode, jar));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return Optional.of(new Plan(java, jvm, main, List.of(args), archive));
  }

  /**
   * The child to start.
   *
   * @param main what to run: {@code -jar JAR}, or {@code -cp CLASSPATH MAINCLASS}
   * @param archive where the archive is, or will be once recorded
   */
  record Plan(String java, List<String> jvmOptions, List<String> main, List<String> args,
      Path archive) {
    /** Whether the archive exists and so is mapped, rather than recorded. */
    boolean maps() {
      return Files.isRegularFile(archive);
    }

    /** The child's command line; {@code recording} is where to record, when not mapping. */
    List<String> command(Path recording) {
      List<String> cmd = new ArrayList<>();
      cmd.add(java);
      cmd.addAll(jvmOptions);
      cmd.addAll(CDS_QUIET);
      if (recording == null) {
        // checksums checked as it maps (~0.1 s): a damaged archive is skipped, not a JVM crash
        cmd.add("-XX:+VerifySharedSpaces");
        cmd.add("-XX:SharedArchiveFile=" + archive);
      } else {
        cmd.add("-XX:ArchiveClassesAtExit=" + recording);
      }
      cmd.add("-D" + CHILD_PROPERTY + "=" + ProcessHandle.current().pid());
      cmd.addAll(main);
      cmd.addAll(args);
      return cmd;
    }

    int run() throws IOException {
      Path recording = maps() ? null : recordingPath(archive);
      Process child = new ProcessBuilder(command(recording)).inheritIO().start();
      // SIGTERM/SIGINT end this JVM through its shutdown hooks: the child gets SIGTERM, this JVM
      // waits for it and leaves with its code
      Thread forward = new Thread(() -> {
        if (child.isAlive()) {
          child.destroy();
          int code = waitFor(child);
          keep(recording, code);
          Runtime.getRuntime().halt(code);
        }
      }, "tessera-forward-signal");
      Runtime.getRuntime().addShutdownHook(forward);
      int code = waitFor(child);
      keep(recording, code);
      return code;
    }

    /** Moves a recording into place when the child ended normally (not killed); else drops it. */
    private void keep(Path recording, int code) {
      if (recording == null) {
        return;
      }
      try {
        boolean normal = code == 0 || code == 130 || code == 143; // exit, SIGINT, SIGTERM
        if (normal && Files.isRegularFile(recording) && Files.size(recording) > 0) {
          Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
          removeOthers(archive);
        } else {
          Files.deleteIfExists(recording);
        }
      } catch (IOException e) {
        // the next start records again
      }
    }
  }

  /** {@code desktop} or {@code serve} when {@code args} start one, else null. */
  static String mode(String[] args) {
    int i = 0;
    while (i < args.length && (args[i].equals("--data-dir") || args[i].startsWith("--data-dir="))) {
      i += args[i].equals("--data-dir") ? 2 : 1;
    }
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
        return null;
      }
    }
    if (i >= args.length) {
      return i == args.length ? "desktop" : null;
    }
    return args[i].equals("serve") ? "serve" : null;
  }

  /** The JVM options of a {@code java [options] -jar JAR args} command line, or null for another form. */
  static String[] jvmOptions(String[] arguments) {
    for (int i = 0; i < arguments.length; i++) {
      String a = arguments[i];
      if (a.equals("-jar")) {
        String[] out = new String[i];
        System.arraycopy(arguments, 0, out, 0, i);
        return out;
      }
      if (!a.startsWith("-") || a.equals("-cp") || a.equals("-classpath")
          || a.equals("--class-path") || a.equals("-m") || a.equals("--module")) {
        return null;
      }
    }
    return null;
  }

  /** Where the archives are kept. */
  static Path cacheDir(Map<String, String> env, String os, String home) {
    String explicit = env.get("TESSERA_CACHE_DIR");
    Path base;
    String o = os.toLowerCase(Locale.ROOT);
    if (explicit != null && !explicit.isBlank()) {
      base = Path.of(explicit);
    } else if (o.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      base = (local != null ? Path.of(local) : Path.of(home, "AppData", "Local"))
          .resolve("Tessera").resolve("cache");
    } else if (o.startsWith("mac")) {
      base = Path.of(home, "Library", "Caches", "Tessera");
    } else {
      String xdg = env.get("XDG_CACHE_HOME");
      base = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache"))
          .resolve("tessera");
    }
    return base.resolve("cds");
  }

  /**
   * {@code MODE-JARPATH-BUILD.jsa}: the jar's path in one hash, its size and time and the JVM in
   * the other, so that an archive for the same jar and mode but another build can be found and
   * removed.
   */
  static String archiveName(String mode, Path jar) throws IOException {
    String build = Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
        + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
    return mode + "-" + hash(jar.toString()) + "-" + hash(build) + ".jsa";
  }

  private static Path recordingPath(Path archive) throws IOException {
    Path dir = archive.getParent();
    Instant stale = Instant.now().minus(STALE_RECORDING);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*.recording")) {
      for (Path p : old) {
        if (Files.getLastModifiedTime(p).compareTo(FileTime.from(stale)) < 0) {
          Files.deleteIfExists(p); // left by a child killed while it recorded
        }
      }
    }
    return dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".recording");
  }

  /** Removes archives for the same mode and jar path but another build. */
  private static void removeOthers(Path archive) throws IOException {
    String name = archive.getFileName().toString();
    String prefix = name.substring(0, name.lastIndexOf('-') + 1);
    try (DirectoryStream<Path> all = Files.newDirectoryStream(archive.getParent(), prefix + "*.jsa")) {
      for (Path p : all) {
        if (!p.equals(archive)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** 64-bit FNV-1a, in hex: a file name, not a secret. */
  static String hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return String.format(Locale.ROOT, "%016x", h);
  }

  private static Path jarOfThisClass() {
    try {
      var source = AppCds.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
      return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? p : null;
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static int waitFor(Process child) {
    while (true) {
      try {
        child.waitFor();
        return child.exitValue();
      } catch (InterruptedException e) {
        // keep waiting: the child is what this process is for
      }
    }
  }

  /** In the child: exit (through the shutdown hooks) when the parent is gone, however it ended. */
  private static void exitWithParent(String parentPid) {
    try {
      ProcessHandle.of(Long.parseLong(parentPid)).ifPresentOrElse(
          p -> p.onExit().thenRun(() -> System.exit(143)),
          () -> System.exit(143));
    } catch (NumberFormatException e) {
      // not started by a parent that watches: nothing to follow
    }
  }
}

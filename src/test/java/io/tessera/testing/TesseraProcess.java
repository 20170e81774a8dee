package io.tessera.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code tessera …} in a child JVM on the test class path, as a user would from a shell. */
public final class TesseraProcess implements AutoCloseable {
  private final Process process;
  private final CompletableFuture<String> stdout;
  private final CompletableFuture<String> stderr;
  private final BufferedReader lines;

  private TesseraProcess(Process process) {
    this.process = process;
    this.lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.stdout = new CompletableFuture<>();
    this.stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
  }

  public static TesseraProcess start(String... args) throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx256m", "-cp", cp,
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "io.tessera.app.Launcher"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("TESSERA_DATA_DIR");
    return new TesseraProcess(pb.start());
  }

  /** Runs to completion with {@code input} on standard input. */
  public static Result run(String input, String... args) throws Exception {
    try (TesseraProcess p = start(args)) {
      try (OutputStream in = p.process.getOutputStream()) {
        if (input != null) {
          in.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      String out = drain(p.process.getInputStream());
      if (!p.process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("tessera " + String.join(" ", args) + " did not finish");
      }
      return new Result(p.process.exitValue(), out, p.stderr.get(10, TimeUnit.SECONDS));
    }
  }

  /** Reads standard output until a line starts with {@code prefix}; returns that line. */
  public String awaitLine(String prefix, long timeoutSeconds) throws Exception {
    CompletableFuture<String> found =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String l;
                while ((l = lines.readLine()) != null) {
                  if (l.startsWith(prefix)) {
                    return l;
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    String line = found.get(timeoutSeconds, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no line '" + prefix + "…'; stderr: " + stderr());
    }
    return line;
  }

  public Process process() {
    return process;
  }

  public String stderr() {
    try {
      return process.isAlive() ? "(still running)" : stderr.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      return "(unreadable)";
    }
  }

  /** SIGKILL: no shutdown hooks, no flushing — as a crash or {@code kill -9}. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then wait for the exit code. */
  public int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("did not stop on SIGTERM");
    }
    return process.exitValue();
  }

  private static String drain(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  /** What a finished command left. */
  public record Result(int exitCode, String stdout, String stderr) {}
}

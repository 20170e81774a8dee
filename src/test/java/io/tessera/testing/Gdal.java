package io.tessera.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's GDAL command-line tools ({@code apt-get install gdal-bin python3-gdal}), used to check
 * the files Tessera writes against the reference implementation. Tests call {@link #require()}:
 * outside CI a missing GDAL skips the test, under CI ({@code CI} set, not "false") it fails it.
 */
public final class Gdal {
  public static final Path GDALINFO = Path.of("/usr/bin/gdalinfo");
  public static final Path GDAL_TRANSLATE = Path.of("/usr/bin/gdal_translate");
  /** Debian's python3 (the one python3-gdal installs into), not a pyenv one on PATH. */
  public static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final List<Path> VALIDATORS = List.of(
      Path.of("/usr/lib/python3/dist-packages/osgeo_utils/samples/"
          + "validate_cloud_optimized_geotiff.py"),
      Path.of("/usr/share/doc/python3-gdal/examples/validate_cloud_optimized_geotiff.py"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private Gdal() {}

  public static boolean installed() {
    return Files.isExecutable(GDALINFO) && Files.isExecutable(GDAL_TRANSLATE);
  }

  /** Skips the calling test without GDAL, or fails it under CI (CI must run it). */
  public static void require() {
    boolean present = installed() && validator() != null;
    String ci = System.getenv("CI");
    String what = "GDAL (gdal-bin, python3-gdal) is not installed";
    if (!present && ci != null && !ci.isBlank() && !ci.equals("false")) {
      fail(what + "; CI must run the tests that check rasters with GDAL");
    }
    assumeTrue(present, what);
  }

  private static Path validator() {
    return VALIDATORS.stream().filter(Files::isRegularFile).findFirst().orElse(null);
  }

  /** {@code gdalinfo -json} of a file. */
  public static JsonNode info(Path file) throws IOException {
    return JSON.readTree(run(GDALINFO.toString(), "-json", file.toString()));
  }

  /**
   * GDAL's reading of one band of a file (or of its overview {@code overview}, 0 for the first,
   * -1 for the full resolution) as floats, row by row.
   */
  public static float[] floats(Path file, int band, int overview) throws IOException {
    Path dir = Files.createTempDirectory("gdal-floats");
    try {
      Path out = dir.resolve("band.raw");
      List<String> cmd = new ArrayList<>(List.of(GDAL_TRANSLATE.toString(), "-q", "-of", "ENVI",
          "-ot", "Float32", "-b", Integer.toString(band + 1),
          // Only the values matter; ENVI refuses a rotated overview's transform.
          "-a_ullr", "0", "1", "1", "0"));
      if (overview >= 0) {
        cmd.addAll(List.of("-ovr", Integer.toString(overview)));
      }
      cmd.addAll(List.of(file.toString(), out.toString()));
      run(cmd.toArray(String[]::new));
      byte[] raw = Files.readAllBytes(out);
      float[] v = new float[raw.length / 4];
      ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).asFloatBuffer().get(v);
      return v;
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  /** The output of GDAL's validate_cloud_optimized_geotiff.py on a file. */
  public static String validateCog(Path file) throws IOException {
    return run(PYTHON.toString(), validator().toString(), file.toString());
  }

  private static String run(String... cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " exited with " + p.exitValue() + ": "
          + text);
    }
    return text;
  }
}

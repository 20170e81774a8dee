package io.tessera.core.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.core.crs.CrsDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an inputs zip bundle of the photogrammetry API ("ZIP Contents", "Passing GCPs in the ZIP
 * contents"): a {@code manifest.json} at the root describing every other file — its {@code inputs}
 * (images), {@code log_files} and optional {@code input_control_points} — and, when there are
 * control points, the document's rules for them:
 *
 * <ul>
 *   <li>the bundle is self-consistent: every image a mark names is in the zip and among the
 *       manifest's inputs (marks are nested in their GCP, so the GCPs they name are there);
 *   <li>each GCP id is unique;
 *   <li>the GCPs' CRS is given in EPSG form ({@code EPSG:a}, {@code EPSG:a+b}, {@code
 *       EPSG:a+EPSG:b}) and is the same for all of them.
 * </ul>
 *
 * <p>Every problem found is reported, each naming the file and what is wrong. Entry names are
 * checked against traversal ({@code ..}, absolute paths) even though nothing is extracted here, and
 * the JSON files are read only up to {@value #MAX_JSON_BYTES} bytes.
 */
public final class OpfBundle {
  /** The largest manifest or control-point file read. */
  public static final int MAX_JSON_BYTES = 16 * 1024 * 1024;

  private static final String SOURCE = "inputs zip";
  private static final String MANIFEST = "manifest.json";

  private OpfBundle() {}

  /**
   * What a valid bundle holds.
   *
   * @param inputs the manifest's input files (images), as paths inside the zip
   * @param logFiles the manifest's log files
   * @param controlPoints the bundle's GCPs, MTPs and marks, if it has an {@code
   *     input_control_points} file
   */
  public record Contents(List<String> inputs, List<String> logFiles, Optional<ControlPointSet> controlPoints) {
    public Contents {
      inputs = List.copyOf(inputs);
      logFiles = List.copyOf(logFiles);
    }
  }

  /**
   * Checks the bundle at {@code zip} and reads its manifest and control points.
   *
   * @throws GcpFormatException with every problem found: missing or undescribed files, unsafe
   *     paths, images marks name but the zip lacks, non-EPSG CRSs, and the control-point file's own
   *     problems (with their lines)
   * @throws IOException when the file cannot be read as a zip
   */
  public static Contents read(Path zip) throws IOException, GcpFormatException {
    Problems problems = new Problems(SOURCE);
    try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      Set<String> files = new TreeSet<>();
      Set<String> seen = new HashSet<>();
      for (ZipEntry entry : entries(file)) {
        String name = entry.getName();
        if (!seen.add(name)) {
          problems.add(0, name + " is in the zip twice");
        }
        if (unsafe(name)) {
          problems.add(0, name + ": expected a relative path inside the zip, found an absolute path or ..");
        } else if (!entry.isDirectory()) {
          files.add(name);
        }
      }
      if (!files.contains(MANIFEST)) {
        problems.add(0, "expected " + MANIFEST + " at the root of the zip, found none");
        problems.throwIfAny();
      }
      JsonDoc manifest = JsonDoc.parse(new StringReader(text(file, MANIFEST, problems)), problems, MANIFEST);
      JsonNode root = manifest.object(manifest.root(), "");
      problems.throwIfAny();
      List<String> inputs = paths(manifest, root.get("inputs"), "inputs", true);
      List<String> logFiles = paths(manifest, root.get("log_files"), "log_files", false);
      String icpPath = null;
      if (root.has("input_control_points")) {
        icpPath = manifest.string(root.get("input_control_points"), "input_control_points");
      }
      Set<String> described = new LinkedHashSet<>();
      collectPaths(root, described);
      for (String path : described) {
        if (!files.contains(path)) {
          problems.add(0, MANIFEST + " lists " + path + ", which is not in the zip");
        }
      }
      for (String path : files) {
        if (!path.equals(MANIFEST) && !described.contains(path)) {
          problems.add(0, path + " is in the zip but " + MANIFEST + " does not describe it");
        }
      }
      Optional<ControlPointSet> controlPoints = Optional.empty();
      if (icpPath != null && files.contains(icpPath)) {
        controlPoints = controlPoints(file, icpPath, Set.copyOf(inputs), problems);
      }
      problems.throwIfAny();
      return new Contents(inputs, logFiles, controlPoints);
    } catch (ZipException e) {
      throw new GcpFormatException(SOURCE, 0, "expected a zip file, found something else: " + e.getMessage());
    }
  }

  private static List<ZipEntry> entries(ZipFile file) throws GcpFormatException {
    List<ZipEntry> out = new ArrayList<>();
    try {
      for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
        out.add(e.nextElement());
      }
    } catch (IllegalArgumentException e) {
      // how ZipFile reports an entry name that is not UTF-8
      throw new GcpFormatException(SOURCE, 0, "expected UTF-8 file names in the zip: " + e.getMessage());
    }
    return out;
  }

  private static Optional<ControlPointSet> controlPoints(
      ZipFile file, String path, Set<String> inputs, Problems problems) throws IOException {
    ControlPointSet set;
    try {
      set = OpfControlPoints.read(new StringReader(text(file, path, problems)), path);
    } catch (GcpFormatException e) {
      e.problems().forEach(p -> problems.add(0, path + (p.line() > 0 ? ", line " + p.line() : "") + ": " + p.message()));
      return Optional.empty();
    }
    set.crs().ifPresent(crs -> {
      if (crs.definition() instanceof CrsDefinition.Wkt) {
        problems.add(0, path + ": expected the GCPs' CRS as EPSG:code, EPSG:code+code or EPSG:code+EPSG:code"
            + " (only EPSG is supported in bundles), found WKT");
      }
    });
    for (Mark m : set.marks()) {
      if (!inputs.contains(m.image())) {
        problems.add(0, path + ": the mark of " + m.point() + " names image " + m.image()
            + ", which is not among the zip's inputs");
      }
    }
    return Optional.of(set);
  }

  private static String text(ZipFile file, String name, Problems problems) throws IOException {
    ZipEntry entry = file.getEntry(name);
    try (InputStream in = file.getInputStream(entry)) {
      byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
      if (bytes.length > MAX_JSON_BYTES) {
        problems.add(0, name + " is larger than " + MAX_JSON_BYTES + " bytes");
        return "{}";
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static List<String> paths(JsonDoc doc, JsonNode node, String field, boolean required) {
    List<String> out = new ArrayList<>();
    if (node == null && !required) {
      return out;
    }
    JsonNode array = doc.array(node, field);
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        String s = doc.string(array.get(i), field + "[" + i + "]");
        if (s != null) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** Every string in the manifest is a path it describes. */
  private static void collectPaths(JsonNode node, Set<String> out) {
    if (node.isTextual()) {
      out.add(node.textValue());
    }
    // elements() walks an array's items and an object's values alike
    node.elements().forEachRemaining(child -> collectPaths(child, out));
  }

  private static boolean unsafe(String name) {
    String n = name.replace('\\', '/');
    return n.startsWith("/") || n.matches("^[A-Za-z]:.*") || List.of(n.split("/")).contains("..");
  }
}

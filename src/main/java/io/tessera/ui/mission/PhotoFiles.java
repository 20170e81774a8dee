package io.tessera.ui.mission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Which dropped files are photos to import: JPEGs, and the JPEGs inside dropped folders. */
public final class PhotoFiles {
  /** How deep into a dropped folder photos are looked for (a flight's folder, its sub-folders). */
  static final int MAX_DEPTH = 4;

  private PhotoFiles() {}

  /** Whether {@code path}'s name says JPEG. */
  public static boolean isJpeg(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jpg") || name.endsWith(".jpeg");
  }

  /** Whether a drop of {@code dropped} may hold photos (a folder or a JPEG), to accept the drag. */
  public static boolean mayHoldPhotos(Collection<Path> dropped) {
    return dropped.stream().anyMatch(p -> isJpeg(p) || Files.isDirectory(p));
  }

  /**
   * The JPEGs among {@code dropped} and in the folders among them (not hidden, sorted by path,
   * each once). Blocking: reads folders.
   */
  public static List<Path> collect(Collection<Path> dropped) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : dropped) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.walk(p, MAX_DEPTH)) {
          files.filter(f -> Files.isRegularFile(f) && isJpeg(f) && !isHidden(f)).forEach(out::add);
        }
      } else if (Files.isRegularFile(p) && isJpeg(p)) {
        out.add(p);
      }
    }
    return out.stream().map(Path::toAbsolutePath).distinct().sorted().toList();
  }

  private static boolean isHidden(Path p) {
    return p.getFileName().toString().startsWith(".");
  }
}

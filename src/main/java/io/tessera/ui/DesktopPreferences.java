package io.tessera.ui;

import io.tessera.core.geo.LonLat;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;

/**
 * The desktop's own settings, kept in {@code <dataDir>/desktop.properties}: window geometry, the
 * selected pane, divider positions, the map view and whether online map tiles may be loaded.
 *
 * <p>Values are written with {@link Locale#ROOT} and the file is replaced atomically (temp file,
 * then move), so a crash while saving leaves the previous settings. A missing, unreadable or
 * partly garbled file is not an error: each value that cannot be read falls back to its default.
 * Not thread-safe; use it on the FX thread.
 */
public final class DesktopPreferences {
  /** The file name inside the data dir. */
  public static final String FILE_NAME = "desktop.properties";

  private static final String WINDOW_X = "window.x";
  private static final String WINDOW_Y = "window.y";
  private static final String WINDOW_WIDTH = "window.width";
  private static final String WINDOW_HEIGHT = "window.height";
  private static final String WINDOW_MAXIMIZED = "window.maximized";
  private static final String PANE = "window.pane";
  private static final String DIVIDERS = "window.dividers";
  private static final String ONLINE_TILES = "map.onlineTiles";
  private static final String MAP_LON = "map.centerLon";
  private static final String MAP_LAT = "map.centerLat";
  private static final String MAP_ZOOM = "map.zoom";
  private static final String IMAGE_DIR = "image.lastDirectory";

  private final Path file;
  private Rectangle2D windowBounds;
  private boolean windowMaximized;
  private CentrePane pane = CentrePane.MAP;
  private double[] dividerPositions = new double[0];
  private Path lastImageDirectory;
  private final BooleanProperty onlineTiles = new SimpleBooleanProperty(this, "onlineTiles");
  private final ObjectProperty<LonLat> mapCenter = new SimpleObjectProperty<>(this, "mapCenter");
  private final DoubleProperty mapZoom = new SimpleDoubleProperty(this, "mapZoom", Double.NaN);

  private DesktopPreferences(Path file) {
    this.file = file;
  }

  /** Reads {@code <dataDir>/desktop.properties}; defaults for whatever is missing. */
  public static DesktopPreferences load(Path dataDir) {
    DesktopPreferences prefs = new DesktopPreferences(dataDir.resolve(FILE_NAME));
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(prefs.file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      return prefs;
    } catch (IOException | IllegalArgumentException e) {
      // A damaged settings file must not stop the desktop from starting: start from defaults.
      return prefs;
    }
    prefs.read(p);
    return prefs;
  }

  private void read(Properties p) {
    double x = number(p, WINDOW_X);
    double y = number(p, WINDOW_Y);
    double w = number(p, WINDOW_WIDTH);
    double h = number(p, WINDOW_HEIGHT);
    if (Double.isFinite(x) && Double.isFinite(y) && w > 0 && h > 0) {
      windowBounds = new Rectangle2D(x, y, w, h);
    }
    windowMaximized = Boolean.parseBoolean(p.getProperty(WINDOW_MAXIMIZED));
    try {
      pane = CentrePane.valueOf(p.getProperty(PANE, CentrePane.MAP.name()));
    } catch (IllegalArgumentException e) {
      pane = CentrePane.MAP;
    }
    dividerPositions = parseDividers(p.getProperty(DIVIDERS, ""));
    onlineTiles.set(Boolean.parseBoolean(p.getProperty(ONLINE_TILES)));
    double lon = number(p, MAP_LON);
    double lat = number(p, MAP_LAT);
    if (Double.isFinite(lon) && Double.isFinite(lat) && Math.abs(lat) <= 90) {
      mapCenter.set(new LonLat(lon, lat));
    }
    mapZoom.set(number(p, MAP_ZOOM));
    String dir = p.getProperty(IMAGE_DIR);
    if (dir != null && !dir.isBlank()) {
      lastImageDirectory = Path.of(dir);
    }
  }

  private static double number(Properties p, String key) {
    String s = p.getProperty(key);
    if (s == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double[] parseDividers(String s) {
    if (s.isBlank()) {
      return new double[0];
    }
    try {
      double[] d = Arrays.stream(s.split(",")).mapToDouble(v -> Double.parseDouble(v.trim())).toArray();
      for (double v : d) {
        if (!(v >= 0 && v <= 1)) {
          return new double[0];
        }
      }
      return d;
    } catch (NumberFormatException e) {
      return new double[0];
    }
  }

  /**
   * Writes the settings: a temp file beside the target, then a move over it (atomic where the
   * file system allows), so readers never see a half-written file.
   */
  public void save() throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
    try {
      Files.writeString(tmp, render(), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Sorted keys and no timestamp, so that the file only changes when a setting does. */
  private String render() {
    TreeMap<String, String> values = new TreeMap<>();
    if (windowBounds != null) {
      values.put(WINDOW_X, num(windowBounds.getMinX()));
      values.put(WINDOW_Y, num(windowBounds.getMinY()));
      values.put(WINDOW_WIDTH, num(windowBounds.getWidth()));
      values.put(WINDOW_HEIGHT, num(windowBounds.getHeight()));
    }
    values.put(WINDOW_MAXIMIZED, Boolean.toString(windowMaximized));
    values.put(PANE, pane.name());
    if (dividerPositions.length > 0) {
      values.put(
          DIVIDERS,
          Arrays.stream(dividerPositions).mapToObj(DesktopPreferences::num).collect(Collectors.joining(",")));
    }
    values.put(ONLINE_TILES, Boolean.toString(onlineTiles.get()));
    if (mapCenter.get() != null) {
      values.put(MAP_LON, num(mapCenter.get().lonDeg()));
      values.put(MAP_LAT, num(mapCenter.get().latDeg()));
    }
    if (Double.isFinite(mapZoom.get())) {
      values.put(MAP_ZOOM, num(mapZoom.get()));
    }
    if (lastImageDirectory != null) {
      values.put(IMAGE_DIR, lastImageDirectory.toString());
    }
    StringWriter out = new StringWriter();
    out.write("# Tessera desktop settings; written by the application, safe to delete\n");
    Properties one = new Properties();
    for (var e : values.entrySet()) {
      one.clear();
      one.setProperty(e.getKey(), e.getValue());
      StringWriter line = new StringWriter();
      try {
        one.store(line, null);
      } catch (IOException impossible) {
        throw new UncheckedIOException(impossible);
      }
      // Properties.store escapes the value but prefixes a date comment; keep only the entry line.
      line.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> out.write(l + "\n"));
    }
    return out.toString();
  }

  private static String num(double v) {
    // nine decimals of a degree are 0.1 mm: a view restored at zoom 26 lands on the same pixel
    return String.format(Locale.ROOT, "%.9f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** The file these settings live in. */
  public Path file() {
    return file;
  }

  /** The last normal (not maximised) window bounds, in screen coordinates; empty on first start. */
  public Optional<Rectangle2D> windowBounds() {
    return Optional.ofNullable(windowBounds);
  }

  public void setWindowBounds(Rectangle2D bounds) {
    this.windowBounds = bounds;
  }

  public boolean windowMaximized() {
    return windowMaximized;
  }

  public void setWindowMaximized(boolean maximized) {
    this.windowMaximized = maximized;
  }

  public CentrePane pane() {
    return pane;
  }

  public void setPane(CentrePane pane) {
    this.pane = pane == null ? CentrePane.MAP : pane;
  }

  /** Split pane divider positions, left to right, each 0..1; empty when never saved. */
  public double[] dividerPositions() {
    return dividerPositions.clone();
  }

  public void setDividerPositions(double[] positions) {
    this.dividerPositions = positions.clone();
  }

  /** Where File → Open Image… last found a file; empty until it did. */
  public Optional<Path> lastImageDirectory() {
    return Optional.ofNullable(lastImageDirectory);
  }

  public void setLastImageDirectory(Path dir) {
    this.lastImageDirectory = dir;
  }

  /** Whether the map may fetch OpenStreetMap tiles over the network; off by default (offline first). */
  public BooleanProperty onlineTilesProperty() {
    return onlineTiles;
  }

  /** The map centre at the last close; null until the map reported one. */
  public ObjectProperty<LonLat> mapCenterProperty() {
    return mapCenter;
  }

  /** The map zoom level at the last close; NaN until the map reported one. */
  public DoubleProperty mapZoomProperty() {
    return mapZoom;
  }
}

package io.tessera.ui.volume;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.client.ApiException;
import io.tessera.client.ProjectsClient;
import io.tessera.core.crs.CrsException;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.mission.MissionDrawViewModel;
import io.tessera.ui.mission.MissionDrawViewModel.Phase;
import io.tessera.ui.task.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The volume being measured: its polygon (drawn on the map with a {@link MissionDrawViewModel}),
 * the options (base surface, custom elevation, units), and the service's last answer. Every edit
 * of the polygon and every option change asks again, debounced ({@value #DEBOUNCE_MILLIS} ms of
 * quiet), off the FX thread; an answer that arrives after a newer edit is dropped, so the figures
 * always belong to the polygon on screen. Properties change on the FX thread only.
 */
public final class VolumeViewModel {
  /** How long the polygon and the options must rest before the volume is asked for. */
  static final long DEBOUNCE_MILLIS = 250;

  /**
   * A measured volume: the ring it was measured over (project coordinates, open), the custom
   * elevation used (null for none) and the service's figures.
   */
  public record Measurement(ProjectFrame frame, List<double[]> ring, Double customElevation,
      VolumeFigures figures) {}

  private final ProjectsClient client;
  private final TaskExecutor executor;
  private final MissionDrawViewModel shape = new MissionDrawViewModel();
  private final Debouncer debouncer;
  private final ObjectProperty<ProjectFrame> frame = new SimpleObjectProperty<>(this, "frame");
  private final ObjectProperty<BaseChoice> baseSurface =
      new SimpleObjectProperty<>(this, "baseSurface", BaseChoice.TRIANGULATED);
  private final StringProperty customElevation =
      new SimpleStringProperty(this, "customElevation", "");
  private final ObjectProperty<VolumeUnit> units =
      new SimpleObjectProperty<>(this, "units", VolumeUnit.METRE);
  private final ReadOnlyObjectWrapper<Measurement> measurement =
      new ReadOnlyObjectWrapper<>(this, "measurement");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
  private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
  private long generation;
  private int requestsSent;
  private String annotationId;

  /**
   * @param scheduler the debounce's clock: {@link Debouncer#FX} on screen
   */
  public VolumeViewModel(ProjectsClient client, TaskExecutor executor,
      Debouncer.Scheduler scheduler) {
    this.client = client;
    this.executor = executor;
    this.debouncer = new Debouncer(scheduler, Duration.ofMillis(DEBOUNCE_MILLIS), this::send);
    // choosing a custom base starts from the base just measured, not from an empty field
    // (an invalidation listener registered first: it runs before the one that asks again)
    baseSurface.addListener(obs -> {
      BaseChoice is = baseSurface.get();
      Measurement m = measurement.get();
      String typed = customElevation.get();
      if (is == BaseChoice.CUSTOM && (typed == null || typed.isBlank()) && m != null
          && Double.isFinite(m.figures().baseMean())) {
        double scale = switch (m.figures().units()) {
          case "yd" -> 0.9144;
          case "ydUS" -> 3600.0 / 3937.0;
          default -> 1;
        };
        customElevation.set(String.format(java.util.Locale.ROOT, "%.2f",
            m.figures().baseMean() * scale));
      }
    });
    InvalidationListener changed = obs -> changed();
    shape.vertices().addListener(changed);
    shape.phaseProperty().addListener(changed);
    frame.addListener(changed);
    baseSurface.addListener(changed);
    customElevation.addListener(changed);
    units.addListener(changed);
  }

  /** The polygon being drawn or edited, in WGS 84 on the map. */
  public MissionDrawViewModel shape() {
    return shape;
  }

  /** The project the volume is measured in; null while there is none. */
  public ObjectProperty<ProjectFrame> frameProperty() {
    return frame;
  }

  public ObjectProperty<BaseChoice> baseSurfaceProperty() {
    return baseSurface;
  }

  /** The custom base elevation as typed, in metres (used by {@link BaseChoice#CUSTOM}). */
  public StringProperty customElevationProperty() {
    return customElevation;
  }

  public ObjectProperty<VolumeUnit> unitsProperty() {
    return units;
  }

  /** The last answer that belongs to the polygon and options shown; null while there is none. */
  public ReadOnlyObjectProperty<Measurement> measurementProperty() {
    return measurement.getReadOnlyProperty();
  }

  /** Why there are no figures, in the user's words; null when there is nothing wrong. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** What happened last (saved, exported), for the user; null for nothing. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Whether an answer for the current polygon is awaited (waiting for quiet, or computing). */
  public ReadOnlyBooleanProperty computingProperty() {
    return computing.getReadOnlyProperty();
  }

  /** How many volume requests went to the service so far (what the debounce saves). */
  public int requestsSent() {
    return requestsSent;
  }

  /** Opens a new polygon to draw (throwing away the previous one). */
  public void start() {
    shape.cancel();
    annotationId = null;
    message.set(null);
    shape.start();
  }

  /** Closes the tool: the polygon and the figures go. */
  public void close() {
    shape.cancel();
    annotationId = null;
    message.set(null);
  }

  /**
   * Replaces the polygon by {@code ring} (project coordinates, open or closed), finished, e.g.
   * an annotation's; its id is remembered for {@link #saveAsAnnotation}.
   */
  public void load(List<double[]> ring, String fromAnnotationId) throws CrsException {
    ProjectFrame f = frame.get();
    if (f == null) {
      throw new IllegalStateException("no project");
    }
    List<LonLat> lonLats = new ArrayList<>();
    int n = ring.size();
    if (n > 1 && ring.get(0)[0] == ring.get(n - 1)[0] && ring.get(0)[1] == ring.get(n - 1)[1]) {
      n--;
    }
    for (int i = 0; i < n; i++) {
      lonLats.add(f.toLonLat(ring.get(i)[0], ring.get(i)[1]));
    }
    shape.cancel();
    shape.start();
    lonLats.forEach(shape::addVertex);
    shape.finish();
    annotationId = fromAnnotationId;
    message.set(null);
  }

  /** The annotation the polygon came from or was saved as; null for none. */
  public String annotationId() {
    return annotationId;
  }

  /** The polygon in the project's coordinates, open; null while it is not a valid polygon. */
  public List<double[]> ring() {
    ProjectFrame f = frame.get();
    if (f == null || shape.getPhase() == Phase.IDLE || shape.vertices().size() < 3
        || shape.invalidReasonProperty().get() != null) {
      return null;
    }
    List<double[]> ring = new ArrayList<>(shape.vertices().size());
    try {
      for (LonLat v : shape.vertices()) {
        ring.add(f.toProject(v));
      }
    } catch (CrsException e) {
      return null;
    }
    return ring;
  }

  /** The custom elevation in metres, when one is typed and the base is custom; else null. */
  Double customElevationMetres() {
    String text = customElevation.get() == null ? "" : customElevation.get().strip();
    if (baseSurface.get() != BaseChoice.CUSTOM || text.isEmpty()) {
      return null;
    }
    try {
      double v = Double.parseDouble(text.replace(',', '.'));
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The API's request body for {@code ring}, as this model's options say. */
  Map<String, Object> body(List<double[]> ring, Double custom) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("base_surface", baseSurface.get().apiName());
    List<List<Double>> coordinates = new ArrayList<>();
    for (double[] c : ring) {
      coordinates.add(List.of(c[0], c[1]));
    }
    body.put("coordinates", coordinates);
    if (custom != null) {
      body.put("custom_elevation", custom);
    }
    body.put("units", units.get().apiName());
    return body;
  }

  private void changed() {
    generation++;
    List<double[]> ring = ring();
    if (ring == null) {
      debouncer.cancel();
      measurement.set(null);
      computing.set(false);
      error.set(shape.getPhase() == Phase.IDLE || frame.get() == null ? null
          : shape.vertices().size() < 3 ? null : shape.invalidReasonProperty().get());
      return;
    }
    if (baseSurface.get() == BaseChoice.CUSTOM && customElevationMetres() == null) {
      debouncer.cancel();
      measurement.set(null);
      computing.set(false);
      error.set("Enter the custom base elevation in metres, e.g. 102.5.");
      return;
    }
    computing.set(true);
    debouncer.trigger();
  }

  /** Asks the service for the current polygon's volume (the debounce's action). */
  private void send() {
    List<double[]> ring = ring();
    ProjectFrame f = frame.get();
    if (ring == null || f == null) {
      computing.set(false);
      return;
    }
    long asked = generation;
    Double custom = customElevationMetres();
    Map<String, Object> body = body(ring, custom);
    requestsSent++;
    executor.run(() -> client.volume(f.projectId(), body), (JsonNode answer) -> {
      if (asked != generation) {
        return;
      }
      computing.set(false);
      error.set(null);
      measurement.set(new Measurement(f, ring, custom, VolumeFigures.of(answer)));
    }, e -> {
      if (asked != generation) {
        return;
      }
      computing.set(false);
      measurement.set(null);
      error.set(readable(e));
    });
  }

  /**
   * Saves the measured volume as a polygon annotation on the project (project coordinates) with
   * its figures as the {@code volume} property.
   */
  public void saveAsAnnotation(String name) {
    Measurement m = measurement.get();
    if (m == null) {
      return;
    }
    List<List<Double>> ring = new ArrayList<>();
    for (double[] c : m.ring()) {
      ring.add(List.of(c[0], c[1]));
    }
    ring.add(ring.get(0));
    Map<String, Object> geometry = new LinkedHashMap<>();
    geometry.put("type", "Polygon");
    geometry.put("coordinates", List.of(ring));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("name", name);
    properties.put("color", "#E8710A80");
    properties.put("description", "Volume over the "
        + BaseChoice.ofApiName(m.figures().baseSurface()).label().toLowerCase(java.util.Locale.ROOT)
        + " base");
    properties.put("volume", m.figures().toProperty(m.customElevation()));
    executor.run(() -> client.createAnnotation(m.frame().projectId(), geometry, properties), id -> {
      annotationId = id;
      error.set(null);
      message.set("Saved as the annotation “" + name + "”.");
    }, e -> error.set("The volume could not be saved as an annotation: " + readable(e)));
  }

  /** Shows {@code text} as what happened last. */
  void tell(String text) {
    message.set(text);
  }

  /** Shows {@code text} as a problem. */
  void complain(String text) {
    error.set(text);
  }

  /** What went wrong, in the user's words: the service's titles, explained. */
  static String readable(Exception e) {
    if (e instanceof ApiException a) {
      if (a.status() == 0) {
        return "The Tessera service cannot be reached; the volume is measured again when it is"
            + " back.";
      }
      String m = a.getMessage() == null ? "" : a.getMessage();
      return switch (m) {
        case "No COG DSM found for this project" ->
            "This project has no DSM yet: import one with Project → Import DSM….";
        case "The polygon doesn't overlap the dataset" ->
            "The polygon lies outside the DSM: draw it over the DSM's area.";
        case "Invalid Polygon" ->
            "The polygon is not valid (it may cross itself or be too thin): move its corners.";
        case "404 Not Found" -> "The project no longer exists on the service.";
        default -> m.isBlank() ? "The service refused the volume (HTTP " + a.status() + ")."
            : m.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + m.substring(1)
                + (m.endsWith(".") ? "" : ".");
      };
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}

package io.tessera.ui.marking;

import io.tessera.api.dto.PhotogrammetryDtos.GcpDto;
import io.tessera.api.dto.PhotogrammetryDtos.MarkDto;
import io.tessera.api.dto.PhotogrammetryDtos.PredictionDto;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.ProjectsClient;
import io.tessera.ui.mission.Problem;
import io.tessera.ui.task.TaskExecutor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The marking workflow's state (UX.md, Marking): a project's GCPs with their mark counts, the
 * photos of the selected GCP ranked by the service's predictions, the selected photo and the
 * GCP's mark on it. Every mark edit is saved at once through the API, off the FX thread, and can
 * be undone and redone; an edit that fails changes nothing and says why.
 */
public final class MarkingViewModel {
  /** A GCP (or checkpoint) with how many photos mark it. */
  public record GcpRow(GcpDto gcp, int marks) {
    public String name() {
      return gcp.name();
    }

    public boolean isCheckpoint() {
      return "CHECKPOINT".equals(gcp.pointType());
    }
  }

  /** Where a mark is: tie point name and photo key, the API's identity of a mark. */
  record MarkKey(String gcp, String photo) {}

  /** A mark position, image pixels (Tessera's convention); null means no mark. */
  record Position(double x, double y) {}

  private enum Mode { FRESH, UNDO, REDO }

  /** One undoable change of one mark: from {@code before} to {@code after} (either may be null). */
  record Edit(MarkKey key, Position before, Position after) {}

  private final ProjectsClient client;
  private final TaskExecutor executor;
  private final ObservableList<ProjectDto> projects = FXCollections.observableArrayList();
  private final ObjectProperty<ProjectDto> project = new SimpleObjectProperty<>(this, "project");
  private final ObservableList<GcpRow> gcps = FXCollections.observableArrayList();
  private final ObjectProperty<GcpRow> selectedGcp = new SimpleObjectProperty<>(this, "gcp");
  private final ObservableList<PredictionDto> photos = FXCollections.observableArrayList();
  private final ObjectProperty<PredictionDto> selectedPhoto =
      new SimpleObjectProperty<>(this, "photo");
  private final ObjectProperty<MarkDto> currentMark = new SimpleObjectProperty<>(this, "mark");
  private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
  private final StringProperty status = new SimpleStringProperty(this, "status", "");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final BooleanProperty canUndo = new SimpleBooleanProperty(this, "canUndo");
  private final BooleanProperty canRedo = new SimpleBooleanProperty(this, "canRedo");
  private final Map<MarkKey, MarkDto> marks = new HashMap<>();
  private List<GcpDto> gcpList = List.of();
  private final Deque<Edit> undo = new ArrayDeque<>();
  private final Deque<Edit> redo = new ArrayDeque<>();

  public MarkingViewModel(ProjectsClient client, TaskExecutor executor) {
    this.client = client;
    this.executor = executor;
    project.addListener((o, was, is) -> loadProject());
    selectedGcp.addListener((o, was, is) -> {
      if (was == null || is == null || !was.name().equals(is.name())) {
        loadPredictions(null);
      }
    });
    selectedPhoto.addListener((o, was, is) -> updateCurrentMark());
  }

  // ---- loading ----

  /** Lists the projects; selects {@code preferredId} when it is among them, else the first. */
  public void refreshProjects(Long preferredId) {
    busy.set(true);
    executor.run(client::projects, list -> {
      busy.set(false);
      projects.setAll(list);
      ProjectDto pick = list.stream().filter(p -> preferredId != null && p.id() == preferredId)
          .findFirst().orElse(list.isEmpty() ? null : list.get(0));
      if (pick != null && project.get() != null && pick.id() == project.get().id()) {
        loadProject();
      } else {
        project.set(pick);
      }
    }, this::failedLoad);
  }

  /** Loads the project's GCPs and marks again. */
  public void loadProject() {
    ProjectDto p = project.get();
    undo.clear();
    redo.clear();
    updateUndo();
    if (p == null) {
      gcpList = List.of();
      gcps.clear();
      photos.clear();
      marks.clear();
      return;
    }
    busy.set(true);
    String keep = selectedGcp.get() == null ? null : selectedGcp.get().name();
    executor.run(() -> new Loaded(client.gcps(p.id()), client.marks(p.id())), loaded -> {
      busy.set(false);
      if (project.get() == null || project.get().id() != p.id()) {
        return;
      }
      marks.clear();
      gcpList = loaded.gcps();
      loaded.marks().forEach(m -> marks.put(new MarkKey(m.gcp(), m.photo()), m));
      rebuildGcps();
      GcpRow pick = gcps.stream().filter(g -> g.name().equals(keep)).findFirst()
          .orElse(gcps.isEmpty() ? null : gcps.get(0));
      if (pick != null && selectedGcp.get() != null && pick.name().equals(keep)) {
        selectedGcp.set(pick);
        loadPredictions(null);
      } else {
        selectedGcp.set(pick);
      }
      status.set(gcps.isEmpty() ? "This project has no GCPs yet: import a GCP file." : "");
    }, this::failedLoad);
  }

  private record Loaded(List<GcpDto> gcps, List<MarkDto> marks) {}

  private void rebuildGcps() {
    Map<String, Integer> counts = new HashMap<>();
    marks.keySet().forEach(k -> counts.merge(k.gcp(), 1, Integer::sum));
    String selected = selectedGcp.get() == null ? null : selectedGcp.get().name();
    gcps.setAll(gcpList.stream().map(g -> new GcpRow(g, counts.getOrDefault(g.name(), 0)))
        .toList());
    if (selected != null) {
      gcps.stream().filter(g -> g.name().equals(selected)).findFirst()
          .ifPresent(selectedGcp::set);
    }
  }

  private void failedLoad(Exception e) {
    busy.set(false);
    problem.set(Problem.report("The GCPs could not be loaded", e));
  }

  /**
   * Asks the service where the selected GCP shows; keeps the photo with key {@code keepPhoto}
   * selected (or the one selected now when null), else selects the first.
   */
  private void loadPredictions(String keepPhoto) {
    ProjectDto p = project.get();
    GcpRow g = selectedGcp.get();
    if (p == null || g == null) {
      photos.clear();
      selectedPhoto.set(null);
      return;
    }
    String keep = keepPhoto != null ? keepPhoto
        : selectedPhoto.get() == null ? null : selectedPhoto.get().photo();
    boolean sameGcp = !photos.isEmpty() && keepPhoto != null;
    PredictionDto asked = selectedPhoto.get();
    busy.set(true);
    executor.run(() -> client.predictions(p.id(), g.name()), r -> {
      busy.set(false);
      if (selectedGcp.get() == null || !selectedGcp.get().name().equals(r.gcp())) {
        return;
      }
      // a photo the user went to (N, P, a click) while this was asked for stays selected
      PredictionDto now = selectedPhoto.get();
      String stay = sameGcp && now != null && now != asked ? now.photo() : keep;
      photos.setAll(r.predictions());
      PredictionDto pick = photos.stream().filter(x -> sameGcp && x.photo().equals(stay))
          .findFirst().orElse(photos.isEmpty() ? null : photos.get(0));
      selectedPhoto.set(pick);
      updateCurrentMark();
      status.set(photos.isEmpty() ? g.name() + " shows on none of the project's photos." : "");
    }, e -> {
      busy.set(false);
      problem.set(Problem.report("The photos of " + g.name() + " could not be found", e));
    });
  }

  private void updateCurrentMark() {
    PredictionDto ph = selectedPhoto.get();
    GcpRow g = selectedGcp.get();
    currentMark.set(ph == null || g == null ? null : marks.get(new MarkKey(g.name(), ph.photo())));
  }

  // ---- navigation (N / P / G) ----

  /** The next photo of the GCP (N); stays on the last. */
  public void nextPhoto() {
    step(photos, selectedPhoto, 1);
  }

  /** The previous photo (P). */
  public void previousPhoto() {
    step(photos, selectedPhoto, -1);
  }

  /** The next GCP (G), from the last back to the first. */
  public void nextGcp() {
    if (gcps.isEmpty()) {
      return;
    }
    int i = gcps.indexOf(selectedGcp.get());
    selectedGcp.set(gcps.get((i + 1) % gcps.size()));
  }

  private static <T> void step(List<T> list, ObjectProperty<T> selected, int by) {
    if (list.isEmpty()) {
      return;
    }
    int i = list.indexOf(selected.get());
    int next = i < 0 ? 0 : Math.max(0, Math.min(list.size() - 1, i + by));
    selected.set(list.get(next));
  }

  // ---- edits ----

  /** Places (or moves) the selected GCP's mark on the selected photo at image pixel (x, y). */
  public void place(double x, double y) {
    PredictionDto ph = selectedPhoto.get();
    if (ph == null || selectedGcp.get() == null) {
      return;
    }
    double cx = Math.max(0, Math.min(ph.width(), x));
    double cy = Math.max(0, Math.min(ph.height(), y));
    MarkDto now = currentMark.get();
    apply(new Edit(key(ph), now == null ? null : new Position(now.x(), now.y()),
        new Position(cx, cy)), Mode.FRESH);
  }

  /** Marks the selected photo at the predicted position (Enter). */
  public void acceptPrediction() {
    PredictionDto ph = selectedPhoto.get();
    if (ph != null && ph.x() != null) {
      place(ph.x(), ph.y());
    }
  }

  /** Removes the selected GCP's mark on the selected photo (Delete). */
  public void deleteMark() {
    PredictionDto ph = selectedPhoto.get();
    MarkDto now = currentMark.get();
    if (ph == null || now == null) {
      return;
    }
    apply(new Edit(key(ph), new Position(now.x(), now.y()), null), Mode.FRESH);
  }

  public void undo() {
    Edit e = undo.peek();
    if (e != null) {
      apply(new Edit(e.key(), e.after(), e.before()), Mode.UNDO);
    }
  }

  public void redo() {
    Edit e = redo.peek();
    if (e != null) {
      apply(e, Mode.REDO);
    }
  }

  private MarkKey key(PredictionDto ph) {
    return new MarkKey(selectedGcp.get().name(), ph.photo());
  }

  /**
   * Saves {@code edit}: a place, move or delete by what is there now and what is wanted. New
   * edits go on the undo stack and clear redo; undo and redo move the edit between them.
   */
  private void apply(Edit edit, Mode mode) {
    ProjectDto p = project.get();
    if (p == null) {
      return;
    }
    MarkDto existing = marks.get(edit.key());
    Position to = edit.after();
    busy.set(true);
    executor.run(() -> {
      if (to == null) {
        if (existing != null) {
          client.deleteMark(p.id(), existing.id());
        }
        return null;
      }
      if (existing == null) {
        return client.placeMark(p.id(), edit.key().gcp(), edit.key().photo(), to.x(), to.y());
      }
      return client.moveMark(p.id(), existing.id(), to.x(), to.y());
    }, saved -> {
      busy.set(false);
      if (saved == null) {
        marks.remove(edit.key());
      } else {
        marks.put(edit.key(), saved);
      }
      switch (mode) {
        case FRESH -> {
          undo.push(edit);
          redo.clear();
        }
        case UNDO -> redo.push(undo.pop());
        case REDO -> undo.push(redo.pop());
        default -> throw new IllegalStateException();
      }
      updateUndo();
      problem.set(null);
      rebuildGcps();
      updateCurrentMark();
      // a new mark improves the predictions on the other photos
      loadPredictions(edit.key().photo());
    }, e -> {
      busy.set(false);
      problem.set(Problem.report("The mark could not be saved", e));
    });
  }

  private void updateUndo() {
    canUndo.set(!undo.isEmpty());
    canRedo.set(!redo.isEmpty());
  }

  public void dismissProblem() {
    problem.set(null);
  }

  // ---- properties ----

  public ObservableList<ProjectDto> projects() {
    return projects;
  }

  public ObjectProperty<ProjectDto> projectProperty() {
    return project;
  }

  public ObservableList<GcpRow> gcps() {
    return gcps;
  }

  public ObjectProperty<GcpRow> selectedGcpProperty() {
    return selectedGcp;
  }

  public ObservableList<PredictionDto> photos() {
    return photos;
  }

  public ObjectProperty<PredictionDto> selectedPhotoProperty() {
    return selectedPhoto;
  }

  public ObjectProperty<MarkDto> currentMarkProperty() {
    return currentMark;
  }

  public ObjectProperty<Problem> problemProperty() {
    return problem;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanProperty canUndoProperty() {
    return canUndo;
  }

  public BooleanProperty canRedoProperty() {
    return canRedo;
  }

  ProjectsClient client() {
    return client;
  }

  TaskExecutor executor() {
    return executor;
  }
}

package io.tessera.ui.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.AnnotationsClient;
import io.tessera.client.ApiException;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsTransform;
import io.tessera.ui.map.draw.ShapeKind;
import io.tessera.ui.task.TaskExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The current project's annotations: the list (and the part of it the filter lets through), the
 * selected one, and every change to them — create, edit, delete, import — as one undoable history
 * per project. Each change shows at once and is saved through the annotation API at once, off the
 * FX thread, in the project's coordinates; a save that fails leaves the change on screen, names
 * the problem on the item and in {@link #errorProperty()}, and the next change of that item saves
 * it again. Saves of one item are sent one after the other, the last state winning.
 *
 * <p>Every property changes on the FX thread; service calls run on the {@link TaskExecutor}.
 */
public final class AnnotationsViewModel {
  private static final String WGS84 = "EPSG:4326";

  private final AnnotationsClient client;
  private final TaskExecutor executor;
  private final ObservableList<AnnotationItem> items = FXCollections.observableArrayList(
      i -> new javafx.beans.Observable[] {i.dataProperty(), i.problemProperty()});
  /** One wrapper for everyone: a wrapper made per call would lose its listeners to the GC. */
  private final ObservableList<AnnotationItem> readOnlyItems =
      FXCollections.unmodifiableObservableList(items);
  private final FilteredList<AnnotationItem> shown = new FilteredList<>(items, i -> true);
  private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
  private final ObjectProperty<ShapeKind> filterKind = new SimpleObjectProperty<>(this, "kind");
  private final ObjectProperty<AnnotationItem> selected =
      new SimpleObjectProperty<>(this, "selected");
  private final ReadOnlyObjectWrapper<ProjectDto> project =
      new ReadOnlyObjectWrapper<>(this, "project");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper(this, "undoName", "");
  private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper(this, "redoName", "");
  private final Deque<Change> undo = new ArrayDeque<>();
  private final Deque<Change> redo = new ArrayDeque<>();

  /** One item going from one state to another; null is "not there". */
  private record Step(AnnotationItem item, AnnotationData before, AnnotationData after,
      int index) {}

  /** One undoable change: one or more steps, named for the Edit menu. */
  private record Change(String name, List<Step> steps) {}

  public AnnotationsViewModel(AnnotationsClient client, TaskExecutor executor) {
    this.client = client;
    this.executor = executor;
    filterText.addListener(o -> refilter());
    filterKind.addListener(o -> refilter());
    items.addListener((javafx.collections.ListChangeListener<AnnotationItem>) c -> {
      if (selected.get() != null && !items.contains(selected.get())) {
        selected.set(null);
      }
    });
  }

  private void refilter() {
    String text = filterText.get() == null ? "" : filterText.get().strip()
        .toLowerCase(Locale.ROOT);
    ShapeKind kind = filterKind.get();
    shown.setPredicate(i -> (kind == null || i.data().kind() == kind)
        && (text.isEmpty() || i.data().name().toLowerCase(Locale.ROOT).contains(text)
            || i.data().description() != null
                && i.data().description().toLowerCase(Locale.ROOT).contains(text)));
  }

  // ---- the project ----

  /** Shows {@code p}'s annotations (null: none), dropping the previous project's history. */
  public void setProject(ProjectDto p) {
    ProjectDto was = project.get();
    if (p != null && was != null && p.id() == was.id()) {
      return;
    }
    project.set(p);
    items.clear();
    undo.clear();
    redo.clear();
    historyChanged();
    error.set(null);
    message.set(null);
    if (p != null) {
      reload();
    }
  }

  /** Reads the current project's annotations again (the history stays). */
  public void reload() {
    ProjectDto p = project.get();
    if (p == null) {
      return;
    }
    loading.set(true);
    executor.run(() -> {
      CrsTransform toWgs84 = crs(p).transformTo(Crs.parse(WGS84));
      List<AnnotationItem> loaded = new ArrayList<>();
      int circles = 0;
      for (JsonNode n : client.list(p.id())) {
        AnnotationData a = AnnotationCodec.fromApi(n, toWgs84);
        if (a == null) {
          circles++;
        } else {
          loaded.add(new AnnotationItem(n.path("id").asText(), a));
        }
      }
      return new Loaded(loaded, circles);
    }, l -> {
      if (project.get() == p) {
        loading.set(false);
        items.setAll(l.items());
        message.set(l.others() == 0 ? null : l.others() + " annotation(s) of another kind"
            + " (circles) are kept in the project but not shown.");
      }
    }, e -> {
      if (project.get() == p) {
        loading.set(false);
        error.set("The annotations of " + p.name() + " could not be read: " + reason(e));
      }
    });
  }

  private record Loaded(List<AnnotationItem> items, int others) {}

  private static Crs crs(ProjectDto p) throws CrsException {
    String cs = p.coordinateSystem();
    return Crs.parse(cs == null || cs.isBlank() ? WGS84 : cs);
  }

  // ---- changes ----

  /** Adds an annotation the user drew or imported and selects it. */
  public AnnotationItem create(AnnotationData a) {
    AnnotationItem item = new AnnotationItem(null, a);
    perform(new Change("Add " + capital(a.kind().word()),
        List.of(new Step(item, null, a, items.size()))));
    selected.set(item);
    return item;
  }

  /** Adds every annotation of a file as one change (one undo removes them all). */
  public List<AnnotationItem> importAll(List<AnnotationData> annotations) {
    List<Step> steps = new ArrayList<>();
    List<AnnotationItem> added = new ArrayList<>();
    for (AnnotationData a : annotations) {
      AnnotationItem item = new AnnotationItem(null, a);
      added.add(item);
      steps.add(new Step(item, null, a, items.size() + steps.size()));
    }
    if (!steps.isEmpty()) {
      perform(new Change("Import " + steps.size() + " Annotation" + (steps.size() == 1 ? "" : "s"),
          steps));
    }
    return added;
  }

  /** Changes {@code item} to {@code next}; {@code name} names it for Undo ("Rename"). */
  public void change(AnnotationItem item, AnnotationData next, String name) {
    if (!items.contains(item) || Objects.equals(item.data(), next)) {
      return;
    }
    perform(new Change(name, List.of(new Step(item, item.data(), next, items.indexOf(item)))));
  }

  /** Removes {@code item}; Undo brings it back. */
  public void delete(AnnotationItem item) {
    if (!items.contains(item)) {
      return;
    }
    perform(new Change("Delete " + capital(item.data().kind().word()),
        List.of(new Step(item, item.data(), null, items.indexOf(item)))));
  }

  private void perform(Change c) {
    for (Step s : c.steps()) {
      set(s.item(), s.after(), s.index());
    }
    undo.push(c);
    redo.clear();
    historyChanged();
  }

  /** Undoes the last change; false when there is none. */
  public boolean undo() {
    if (undo.isEmpty()) {
      return false;
    }
    Change c = undo.pop();
    List<Step> steps = new ArrayList<>(c.steps());
    java.util.Collections.reverse(steps);
    for (Step s : steps) {
      set(s.item(), s.before(), s.index());
    }
    redo.push(c);
    historyChanged();
    return true;
  }

  /** Redoes the last undone change; false when there is none. */
  public boolean redo() {
    if (redo.isEmpty()) {
      return false;
    }
    Change c = redo.pop();
    for (Step s : c.steps()) {
      set(s.item(), s.after(), s.index());
    }
    undo.push(c);
    historyChanged();
    return true;
  }

  private void historyChanged() {
    undoName.set(undo.isEmpty() ? "" : undo.peek().name());
    redoName.set(redo.isEmpty() ? "" : redo.peek().name());
  }

  private void set(AnnotationItem item, AnnotationData state, int index) {
    if (state == null) {
      if (selected.get() == item) {
        selected.set(null); // first, or the list would hand the selection to its neighbour
      }
      items.remove(item);
    } else {
      item.setData(state);
      if (!items.contains(item)) {
        items.add(Math.min(index, items.size()), item);
      }
    }
    save(item);
  }

  // ---- saving ----

  /** Why {@code a} cannot be saved, in words; null when it can. */
  static String unsaveable(AnnotationData a) {
    if (!a.complete()) {
      return "A " + a.kind().word() + " needs at least " + a.kind().minVertices()
          + (a.kind() == ShapeKind.POINT ? " position." : " vertices.");
    }
    if (a.kind() == ShapeKind.POLYGON && Double.isNaN(a.areaSquareMeters())) {
      return "The polygon is not valid (its edges cross).";
    }
    return null;
  }

  private void save(AnnotationItem item) {
    if (item.savingProperty().get()) {
      item.dirty = true;
      return;
    }
    ProjectDto p = project.get();
    AnnotationData want = items.contains(item) ? item.data() : null;
    if (p == null) {
      return;
    }
    if (Objects.equals(want, item.stored)) {
      item.setProblem(null); // back to what the service holds (an undo)
      return;
    }
    String why = want == null ? null : unsaveable(want);
    if (why != null) {
      item.setProblem(why + " It is not saved until it is.");
      return;
    }
    String id = item.id;
    item.setSaving(true);
    executor.run(() -> {
      if (want == null) {
        try {
          client.delete(id);
        } catch (ApiException e) {
          if (e.status() != 404) {
            throw e;
          }
        }
        return "";
      }
      CrsTransform toProject = Crs.parse(WGS84).transformTo(crs(p));
      ObjectNode body = AnnotationCodec.toApi(want, p.id(), toProject);
      if (id == null) {
        return client.create(body);
      }
      client.overwrite(id, body);
      return id;
    }, newId -> {
      item.id = want == null ? null : newId;
      item.stored = want;
      item.setSaving(false);
      item.setProblem(null);
      if (project.get() == p) {
        error.set(null);
      }
      saveAgainIfDue(item);
    }, e -> {
      item.setSaving(false);
      String what = want == null ? "deleted" : "saved";
      String text = "“" + displayName(item.data()) + "” could not be " + what + ": " + reason(e)
          + " The change is kept here; the next change saves it again.";
      item.setProblem(text);
      if (project.get() == p) {
        error.set(text);
      }
      saveAgainIfDue(item);
    });
  }

  private void saveAgainIfDue(AnnotationItem item) {
    if (item.dirty) {
      item.dirty = false;
      save(item);
    }
  }

  /** Saves {@code item} again (after a failure). */
  public void retry(AnnotationItem item) {
    save(item);
  }

  private static String reason(Exception e) {
    if (e instanceof ApiException a && a.status() == 0) {
      return "the service cannot be reached. Check that Tessera is running.";
    }
    if (e instanceof CrsException) {
      return "the project's coordinate system cannot be used (" + e.getMessage() + ").";
    }
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.endsWith(".") ? m : m + ".";
  }

  /** The name shown for an annotation: its own, or its kind when it has none. */
  public static String displayName(AnnotationData a) {
    return a.name().isBlank() ? "Unnamed " + a.kind().word() : a.name();
  }

  private static String capital(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  // ---- properties ----

  /** Every annotation of the project, in list order; changes when one's content does too. */
  public ObservableList<AnnotationItem> items() {
    return readOnlyItems;
  }

  /** The items the filter lets through, in list order. */
  public ObservableList<AnnotationItem> shown() {
    return shown;
  }

  /** Text the name or description must contain (case-insensitive); empty for all. */
  public StringProperty filterTextProperty() {
    return filterText;
  }

  /** The kind shown; null for all. */
  public ObjectProperty<ShapeKind> filterKindProperty() {
    return filterKind;
  }

  public ObjectProperty<AnnotationItem> selectedProperty() {
    return selected;
  }

  /** The project whose annotations these are; null for none. */
  public ReadOnlyObjectProperty<ProjectDto> projectProperty() {
    return project.getReadOnlyProperty();
  }

  /** The last failure in words for the user; null when the last call went well. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** A note about the list (imports, annotations not shown); null for none. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  void setMessage(String text) {
    message.set(text);
  }

  void setError(String text) {
    error.set(text);
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** What Undo would undo, e.g. "Rename"; empty when nothing. */
  public ReadOnlyStringProperty undoNameProperty() {
    return undoName.getReadOnlyProperty();
  }

  /** What Redo would redo; empty when nothing. */
  public ReadOnlyStringProperty redoNameProperty() {
    return redoName.getReadOnlyProperty();
  }
}

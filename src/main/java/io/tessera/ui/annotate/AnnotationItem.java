package io.tessera.ui.annotate;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One annotation of the current project as the list, the map and the inspector show it: its
 * content, its id in the service (null until first saved, and again while it is deleted), and
 * whether its last save failed. The same item stays in the history across delete and undo, even
 * though the service gives the recreated annotation a new id. Changed only on the FX thread by
 * {@link AnnotationsViewModel}.
 */
public final class AnnotationItem {
  private final ReadOnlyObjectWrapper<AnnotationData> data;
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
  private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
  String id;
  /** Saved state: what the service holds (null: nothing). */
  AnnotationData stored;
  /** A save is in flight and another is due after it. */
  boolean dirty;

  AnnotationItem(String id, AnnotationData data) {
    this.id = id;
    this.stored = id == null ? null : data;
    this.data = new ReadOnlyObjectWrapper<>(this, "data", data);
  }

  /** The annotation's id in the service; null while it is not stored. */
  public String id() {
    return id;
  }

  public AnnotationData data() {
    return data.get();
  }

  public ReadOnlyObjectProperty<AnnotationData> dataProperty() {
    return data.getReadOnlyProperty();
  }

  void setData(AnnotationData value) {
    data.set(value);
  }

  /** Why the last save failed, in words for the user; null when it went well. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  void setProblem(String value) {
    problem.set(value);
  }

  /** Whether a save is on its way to the service. */
  public ReadOnlyBooleanProperty savingProperty() {
    return saving.getReadOnlyProperty();
  }

  void setSaving(boolean value) {
    saving.set(value);
  }

  @Override
  public String toString() {
    return data().name();
  }
}

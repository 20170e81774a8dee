package io.tessera.ui.project;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.PhotogrammetryDtos.OutputDto;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.ProjectsClient;
import io.tessera.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The projects the service has, the current project and its outputs. Imports of a DSM or an
 * orthomosaic name the file by path (the service reads it in place) and are followed until the
 * output is {@code done} or {@code failed}. Service calls run on the {@link TaskExecutor}; every
 * property changes on the FX thread.
 */
public final class ProjectsViewModel {
  private final ProjectsClient client;
  private final TaskExecutor executor;
  private final ObservableList<ProjectDto> projects = FXCollections.observableArrayList();
  private final ObjectProperty<ProjectDto> current = new SimpleObjectProperty<>(this, "current");
  private final ObservableList<OutputDto> outputs = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyObjectWrapper<Double> importProgress =
      new ReadOnlyObjectWrapper<>(this, "importProgress");
  private final Pacer pacer;

  /** Schedules the next look at a pending import (tests run it at once). */
  public interface Pacer {
    void later(Runnable r);
  }

  public ProjectsViewModel(ProjectsClient client, TaskExecutor executor, Pacer pacer) {
    this.client = client;
    this.executor = executor;
    this.pacer = pacer;
    current.addListener((o, a, b) -> {
      outputs.clear();
      if (b != null) {
        refreshOutputs();
      }
    });
  }

  public ObservableList<ProjectDto> projects() {
    return projects;
  }

  /** The project the sidebar has selected; null for none. */
  public ObjectProperty<ProjectDto> currentProperty() {
    return current;
  }

  /** The current project's outputs, as last read. */
  public ObservableList<OutputDto> outputs() {
    return outputs;
  }

  /** What happened last, in words, for the status bar; null for nothing. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The last failure, in words, for the user; null when the last step went well. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** A running import's progress (0 to 1), or null when none runs. */
  public ReadOnlyObjectProperty<Double> importProgressProperty() {
    return importProgress.getReadOnlyProperty();
  }

  /**
   * The current project's imported output of one of {@code types}, if any: of the first type in
   * {@code types} that has one (an orthomosaic before a DSM whichever was imported first).
   */
  public Optional<OutputDto> ready(List<String> types) {
    for (String type : types) {
      Optional<OutputDto> o = outputs.stream()
          .filter(x -> type.equals(x.outputType()) && "done".equals(x.availability()))
          .findFirst();
      if (o.isPresent()) {
        return o;
      }
    }
    return Optional.empty();
  }

  /** Reads where the project's photos were taken from (the API's {@code cameras/}). */
  public void loadCameras(long projectId, Consumer<JsonNode> then) {
    executor.run(() -> client.cameras(projectId), then, this::failed);
  }

  /** Reads the project list again, keeping the current project when it still exists. */
  public void refresh() {
    executor.run(client::projects, list -> {
      long keep = current.get() == null ? -1 : current.get().id();
      projects.setAll(list);
      current.set(list.stream().filter(p -> p.id() == keep).findFirst().orElse(null));
    }, this::failed);
  }

  /** Creates a project and makes it current. */
  public void create(String name, String coordinateSystem) {
    executor.run(() -> client.create(name, coordinateSystem), p -> {
      projects.add(0, p);
      current.set(p);
      message.set("Project " + p.name() + " created");
      error.set(null);
    }, this::failed);
  }

  /** Reads the current project's outputs again. */
  public void refreshOutputs() {
    ProjectDto p = current.get();
    if (p == null) {
      return;
    }
    executor.run(() -> client.outputs(p.id()), list -> {
      if (current.get() != null && current.get().id() == p.id()) {
        outputs.setAll(list);
      }
    }, this::failed);
  }

  /**
   * Imports {@code file} into the current project as {@code outputType} ({@code dsm} or
   * {@code ortho}) and follows the import until it ends.
   */
  public void importOutput(Path file, String outputType) {
    ProjectDto p = current.get();
    if (p == null) {
      error.set("Choose a project first: imports go into the selected project.");
      return;
    }
    error.set(null);
    importProgress.set(0.0);
    message.set("Importing " + file.getFileName() + "…");
    executor.run(() -> client.importOutput(p.id(), file, outputType), o -> {
      replace(o);
      follow(p.id(), o);
    }, e -> {
      importProgress.set(null);
      failed(e);
    });
  }

  private void follow(long projectId, OutputDto o) {
    switch (o.availability()) {
      case "done" -> {
        importProgress.set(null);
        message.set(o.fileName() + " imported");
      }
      case "failed" -> {
        importProgress.set(null);
        message.set(null);
        error.set("The import of " + o.fileName() + " failed: " + o.error());
      }
      default -> {
        importProgress.set(o.progress() == null ? 0.0 : o.progress());
        pacer.later(() -> executor.run(() -> client.output(projectId, o.outputId()), next -> {
          replace(next);
          follow(projectId, next);
        }, e -> {
          importProgress.set(null);
          failed(e);
        }));
      }
    }
  }

  private void replace(OutputDto o) {
    if (current.get() == null) {
      return;
    }
    outputs.removeIf(x -> x.outputId() == o.outputId() || x.outputType().equals(o.outputType()));
    outputs.add(o);
  }

  private void failed(Exception e) {
    error.set(e.getMessage() == null ? e.toString() : e.getMessage());
  }
}

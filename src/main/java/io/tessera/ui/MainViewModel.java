package io.tessera.ui;

import io.tessera.api.dto.HealthDto;
import io.tessera.api.dto.JobDto;
import io.tessera.client.ApiException;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.task.TaskExecutor;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Point2D;

/**
 * State of the main window's shell, without any controls: which centre pane is shown, what the
 * status bar says (service URL, connection, cursor, the armed tool, desktop work and jobs), the
 * one-time notice and the selection the inspector shows. Service polls go through a {@link
 * TaskExecutor}; every property changes on the FX thread.
 */
public final class MainViewModel {
  private final ServiceProbe probe;
  private final TaskExecutor executor;

  private final ReadOnlyStringWrapper serviceUrl = new ReadOnlyStringWrapper(this, "serviceUrl");
  private final ReadOnlyObjectWrapper<ConnectionState> connection =
      new ReadOnlyObjectWrapper<>(this, "connection", ConnectionState.CONNECTING);
  private final ReadOnlyStringWrapper connectionDetail =
      new ReadOnlyStringWrapper(this, "connectionDetail", "");
  private final ObjectProperty<CentrePane> selectedPane =
      new SimpleObjectProperty<>(this, "selectedPane", CentrePane.MAP);
  private final ObjectProperty<LonLat> mapPointer = new SimpleObjectProperty<>(this, "mapPointer");
  private final ObjectProperty<Point2D> imagePointer =
      new SimpleObjectProperty<>(this, "imagePointer");
  private final ReadOnlyStringWrapper cursorText = new ReadOnlyStringWrapper(this, "cursorText", "");
  private final ReadOnlyBooleanWrapper jobsRunning = new ReadOnlyBooleanWrapper(this, "jobsRunning");
  private final ReadOnlyDoubleWrapper jobProgress = new ReadOnlyDoubleWrapper(this, "jobProgress");
  private final ReadOnlyStringWrapper jobText = new ReadOnlyStringWrapper(this, "jobText", "");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
  private final StringProperty selection = new SimpleStringProperty(this, "selection");
  private final StringProperty toolStatus = new SimpleStringProperty(this, "toolStatus");
  private final BooleanProperty toolStatusError = new SimpleBooleanProperty(this, "toolStatusError");
  private final StringProperty activity = new SimpleStringProperty(this, "activity");
  private final DoubleProperty activityProgress = new SimpleDoubleProperty(this, "activityProgress", -1);

  private List<String> runningJobIds = List.of();
  private boolean healthInFlight;
  private boolean jobsInFlight;

  /**
   * @param notice a one-time message from start-up, or null
   */
  public MainViewModel(ServiceProbe probe, String serviceUrl, TaskExecutor executor, String notice) {
    this.probe = probe;
    this.executor = executor;
    this.serviceUrl.set(serviceUrl);
    this.notice.set(notice == null || notice.isBlank() ? null : notice);
    cursorText.bind(
        Bindings.createStringBinding(this::formatCursor, selectedPane, mapPointer, imagePointer));
  }

  private String formatCursor() {
    return switch (selectedPane.get()) {
      case MAP -> mapPointer.get() == null ? "" : CoordinateFormat.latLon(mapPointer.get());
      case IMAGE ->
          imagePointer.get() == null
              ? ""
              : CoordinateFormat.pixel(imagePointer.get().getX(), imagePointer.get().getY());
      case SCENE3D -> "";
    };
  }

  /** Polls health and, when the service is reachable, jobs. Call on the FX thread. */
  public void refresh() {
    refreshHealth();
  }

  /** Asks the service how it is; a poll still in flight makes this a no-op. */
  public void refreshHealth() {
    if (healthInFlight) {
      return;
    }
    healthInFlight = true;
    executor.run(
        probe::health,
        health -> {
          healthInFlight = false;
          applyHealth(health);
          refreshJobs();
        },
        error -> {
          healthInFlight = false;
          applyHealthFailure(error);
        });
  }

  private void applyHealth(HealthDto health) {
    boolean dbUp = health != null && "connected".equalsIgnoreCase(health.database());
    connection.set(dbUp ? ConnectionState.CONNECTED : ConnectionState.DATABASE_DISCONNECTED);
    connectionDetail.set(
        dbUp ? "Service is up; database connected" : "Service is up but its database is not reachable");
  }

  private void applyHealthFailure(Exception error) {
    int status = error instanceof ApiException api ? api.status() : 0;
    if (status == 0) {
      connection.set(ConnectionState.OFFLINE);
      connectionDetail.set("No answer from " + serviceUrl.get());
    } else if (status == 503) {
      // The health route answers 503 when the service runs but cannot reach its database.
      connection.set(ConnectionState.DATABASE_DISCONNECTED);
      connectionDetail.set("Service is up but its database is not reachable");
    } else {
      connection.set(ConnectionState.SERVICE_ERROR);
      connectionDetail.set("The service answered HTTP " + status + ": " + error.getMessage());
    }
    clearJobs();
  }

  /** Asks the service which jobs run; a poll still in flight makes this a no-op. */
  public void refreshJobs() {
    if (jobsInFlight) {
      return;
    }
    jobsInFlight = true;
    executor.run(
        probe::jobs,
        jobs -> {
          jobsInFlight = false;
          applyJobs(jobs);
        },
        error -> {
          jobsInFlight = false;
          // No job list (older service, or it just went away): show no progress rather than a
          // stale one; the connection label already tells the user when the service is gone.
          clearJobs();
        });
  }

  private void applyJobs(List<JobDto> jobs) {
    List<JobDto> running =
        jobs == null
            ? List.of()
            : jobs.stream().filter(j -> "running".equals(j.state()) || "queued".equals(j.state())).toList();
    if (running.isEmpty()) {
      clearJobs();
      return;
    }
    runningJobIds = running.stream().map(JobDto::id).toList();
    double mean = running.stream().mapToDouble(j -> clamp01(j.progress())).average().orElse(0);
    jobsRunning.set(true);
    jobProgress.set(mean);
    if (running.size() == 1) {
      JobDto j = running.get(0);
      String what = j.message() != null && !j.message().isBlank() ? j.message() : j.kind();
      jobText.set(String.format(Locale.ROOT, "%s %d %%", what, Math.round(mean * 100)));
    } else {
      jobText.set(
          String.format(Locale.ROOT, "%d jobs running, %d %%", running.size(), Math.round(mean * 100)));
    }
  }

  private static double clamp01(double v) {
    return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
  }

  private void clearJobs() {
    runningJobIds = List.of();
    jobsRunning.set(false);
    jobProgress.set(0);
    jobText.set("");
  }

  /**
   * Asks the service to cancel every job the status bar shows, then polls again so the bar
   * reflects the result. A job that is gone meanwhile is not an error worth showing; any other
   * failure is, in the notice banner.
   */
  public void cancelRunningJobs() {
    List<String> ids = runningJobIds;
    if (ids.isEmpty()) {
      return;
    }
    executor.run(
        () -> {
          String failure = null;
          for (String id : ids) {
            try {
              probe.cancelJob(id);
            } catch (ApiException e) {
              if (e.status() != 404) {
                failure = e.getMessage();
              }
            }
          }
          return failure;
        },
        failure -> {
          if (failure != null) {
            notice.set("Could not cancel the job: " + failure);
          }
          refreshJobs();
        },
        error -> refreshJobs());
  }

  /** Hides the start-up notice for the rest of this run. */
  public void dismissNotice() {
    notice.set(null);
  }

  public ReadOnlyStringProperty serviceUrlProperty() {
    return serviceUrl.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
    return connection.getReadOnlyProperty();
  }

  /** A sentence for the connection label's tooltip. */
  public ReadOnlyStringProperty connectionDetailProperty() {
    return connectionDetail.getReadOnlyProperty();
  }

  public ObjectProperty<CentrePane> selectedPaneProperty() {
    return selectedPane;
  }

  /** Bound to the map's pointer position; null while the mouse is off the map. */
  public ObjectProperty<LonLat> mapPointerProperty() {
    return mapPointer;
  }

  /** Bound to the image pane's pixel under the mouse; null while it is off the image. */
  public ObjectProperty<Point2D> imagePointerProperty() {
    return imagePointer;
  }

  /** Lon/lat on the map, pixel x/y in the image pane, empty otherwise. */
  public ReadOnlyStringProperty cursorTextProperty() {
    return cursorText.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty jobsRunningProperty() {
    return jobsRunning.getReadOnlyProperty();
  }

  /** Mean progress of the running jobs, 0..1. */
  public ReadOnlyDoubleProperty jobProgressProperty() {
    return jobProgress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty jobTextProperty() {
    return jobText.getReadOnlyProperty();
  }

  /** The start-up notice while it is not dismissed, else null. */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** Name of what is selected in the sidebar, for the inspector; null when nothing is. */
  public StringProperty selectionProperty() {
    return selection;
  }

  /**
   * What the armed tool says (e.g. the mission area being drawn, or why it is not valid); null
   * while no tool is armed.
   */
  public StringProperty toolStatusProperty() {
    return toolStatus;
  }

  /** Whether {@link #toolStatusProperty()} reports a problem (shown red). */
  public BooleanProperty toolStatusErrorProperty() {
    return toolStatusError;
  }

  /**
   * Desktop work in progress that is not a service job (an import of photos by path), for the
   * status bar beside the jobs; null while none runs.
   */
  public StringProperty activityProperty() {
    return activity;
  }

  /** That work's progress, 0..1, or -1 while it cannot tell. */
  public DoubleProperty activityProgressProperty() {
    return activityProgress;
  }
}

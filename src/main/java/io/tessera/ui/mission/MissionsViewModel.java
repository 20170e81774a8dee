package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.Page;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.client.MissionsClient;
import io.tessera.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The missions and their submissions as the service has them, the submissions table's filters
 * (mission, status, capture date), the one selection the sidebar, map, table and inspector share
 * (a mission or a submission), and photo imports. Service calls run on the {@link TaskExecutor};
 * every property changes on the FX thread.
 */
public final class MissionsViewModel {
  /** The service takes at most this many images in one submission; larger imports are split. */
  static final int IMPORT_BATCH = 200;

  /** The largest page the missions API serves. */
  private static final int PAGE_SIZE = 100;

  /** Submission status filter values; null means any. */
  public static final List<String> STATUSES = List.of("received", "approved", "rejected");

  private final MissionsClient client;
  private final TaskExecutor executor;
  private final String zoomerId;

  private final ObservableList<MissionDto> missions = FXCollections.observableArrayList();
  private final ObservableList<SubmissionDto> submissions = FXCollections.observableArrayList();
  private final FilteredList<SubmissionDto> filtered = new FilteredList<>(submissions);
  private final SortedList<SubmissionDto> visible = new SortedList<>(filtered);

  private final ObjectProperty<MissionDto> missionFilter = new SimpleObjectProperty<>(this, "missionFilter");
  private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
  private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
  private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");

  private final ObjectProperty<MissionDto> selectedMission = new SimpleObjectProperty<>(this, "selectedMission");
  private final ObjectProperty<SubmissionDto> selectedSubmission =
      new SimpleObjectProperty<>(this, "selectedSubmission");

  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
  private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity");
  private final ReadOnlyDoubleWrapper activityProgress =
      new ReadOnlyDoubleWrapper(this, "activityProgress", -1);

  private boolean reloadWanted;
  private boolean importCancelled;

  /** @param zoomerId who imports photos from this desktop (the API's {@code zoomer_id}) */
  public MissionsViewModel(MissionsClient client, TaskExecutor executor, String zoomerId) {
    this.client = client;
    this.executor = executor;
    this.zoomerId = zoomerId;
    missionFilter.addListener(obs -> refilter());
    statusFilter.addListener(obs -> refilter());
    fromDate.addListener(obs -> refilter());
    toDate.addListener(obs -> refilter());
    selectedMission.addListener((o, was, is) -> {
      if (is != null) {
        selectedSubmission.set(null);
      }
    });
    selectedSubmission.addListener((o, was, is) -> {
      if (is != null) {
        selectedMission.set(null);
      }
    });
  }

  // ---- loading ----

  private record Snapshot(List<MissionDto> missions, List<SubmissionDto> submissions) {}

  /** Loads every mission and submission again; a load in flight is followed by one more. */
  public void refresh() {
    if (loading.get()) {
      reloadWanted = true;
      return;
    }
    loading.set(true);
    executor.run(
        this::fetchAll,
        snapshot -> {
          loading.set(false);
          apply(snapshot);
          reloadAgainIfWanted();
        },
        error -> {
          loading.set(false);
          problem.set(Problem.report("The missions could not be loaded", error));
          reloadAgainIfWanted();
        });
  }

  private void reloadAgainIfWanted() {
    if (reloadWanted) {
      reloadWanted = false;
      refresh();
    }
  }

  private Snapshot fetchAll() {
    List<MissionDto> ms = allPages(page -> client.missions("all", page, PAGE_SIZE));
    List<SubmissionDto> subs = new ArrayList<>();
    for (MissionDto m : ms) {
      subs.addAll(allPages(page -> client.submissions(m.id(), page, PAGE_SIZE)));
    }
    subs.sort(Comparator.comparing(SubmissionDto::createdAt, Comparator.nullsLast(Comparator.<String>naturalOrder()))
        .thenComparing(SubmissionDto::id));
    return new Snapshot(ms, subs);
  }

  private static <T> List<T> allPages(IntFunction<Page<T>> fetch) {
    List<T> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      Page<T> p = fetch.apply(page);
      out.addAll(p.data());
      if (p.data().isEmpty() || out.size() >= p.meta().total()) {
        return out;
      }
    }
  }

  private void apply(Snapshot s) {
    String missionId = selectedMission.get() == null ? null : selectedMission.get().id();
    String submissionId = selectedSubmission.get() == null ? null : selectedSubmission.get().id();
    String filterId = missionFilter.get() == null ? null : missionFilter.get().id();
    missions.setAll(s.missions());
    submissions.setAll(s.submissions());
    missionFilter.set(mission(filterId));
    if (submissionId != null) {
      selectedSubmission.set(submission(submissionId));
    } else if (missionId != null) {
      selectedMission.set(mission(missionId));
    }
  }

  /** The loaded mission with {@code id}, or null. */
  public MissionDto mission(String id) {
    return id == null ? null : missions.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
  }

  private SubmissionDto submission(String id) {
    return submissions.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  /** The title of the mission with {@code id}, or the id while that mission is not loaded. */
  public String missionTitle(String id) {
    MissionDto m = mission(id);
    return m == null ? id : m.title();
  }

  /** A mission just created here: listed, and selected. */
  public void added(MissionDto m) {
    missions.add(m);
    selectedMission.set(m);
  }

  /** Asks the service for one mission again (its counts change with every decision). */
  private void reloadMission(String id) {
    executor.run(
        () -> client.mission(id),
        fresh -> {
          boolean wasSelected = selectedMission.get() != null && selectedMission.get().id().equals(id);
          replaceById(missions, fresh, MissionDto::id);
          if (wasSelected) {
            selectedMission.set(fresh);
          }
        },
        error -> problem.set(Problem.report("The mission could not be updated", error)));
  }

  private static <T> void replaceById(List<T> list, T fresh, java.util.function.Function<T, String> id) {
    for (int i = 0; i < list.size(); i++) {
      if (id.apply(list.get(i)).equals(id.apply(fresh))) {
        list.set(i, fresh);
        return;
      }
    }
    list.add(fresh);
  }

  // ---- filters ----

  private void refilter() {
    String missionId = missionFilter.get() == null ? null : missionFilter.get().id();
    String status = statusFilter.get();
    LocalDate from = fromDate.get();
    LocalDate to = toDate.get();
    filtered.setPredicate(s -> {
      if (missionId != null && !missionId.equals(s.missionId())) {
        return false;
      }
      if (status != null && !status.equals(s.status())) {
        return false;
      }
      if (from == null && to == null) {
        return true;
      }
      LocalDate day = day(s);
      return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    });
  }

  /** The local day a submission's photos were taken (else the day it arrived). */
  static LocalDate day(SubmissionDto s) {
    String t = s.capturedAt() != null ? s.capturedAt() : s.createdAt();
    try {
      return t == null ? null : Instant.parse(t).atZone(ZoneId.systemDefault()).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // ---- selection and review order ----

  /** Selects the next submission in the table's order (J); false at the end. */
  public boolean selectNext() {
    return step(1);
  }

  /** Selects the previous submission in the table's order (K); false at the start. */
  public boolean selectPrevious() {
    return step(-1);
  }

  private boolean step(int direction) {
    if (visible.isEmpty()) {
      return false;
    }
    int i = indexOf(selectedSubmission.get());
    int next = i < 0 ? (direction > 0 ? 0 : visible.size() - 1) : i + direction;
    if (next < 0 || next >= visible.size()) {
      return false;
    }
    selectedSubmission.set(visible.get(next));
    return true;
  }

  private int indexOf(SubmissionDto s) {
    if (s == null) {
      return -1;
    }
    for (int i = 0; i < visible.size(); i++) {
      if (visible.get(i).id().equals(s.id())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Takes a decision the service confirmed: the submission and its mission are updated, and the
   * selection moves to the next undecided submission in the table's order (wrapping around), or
   * stays on this one when none is left.
   */
  public void decided(SubmissionDto after) {
    SubmissionDto next = nextUndecidedAfter(after.id());
    replaceById(submissions, after, SubmissionDto::id);
    selectedSubmission.set(next != null ? next : after);
    reloadMission(after.missionId());
  }

  /** Takes a decision taken back (undo): the submission is updated and selected again. */
  public void reverted(SubmissionDto after) {
    replaceById(submissions, after, SubmissionDto::id);
    selectedSubmission.set(after);
    reloadMission(after.missionId());
  }

  private SubmissionDto nextUndecidedAfter(String id) {
    int start = -1;
    for (int i = 0; i < visible.size(); i++) {
      if (visible.get(i).id().equals(id)) {
        start = i;
      }
    }
    for (int k = 1; k <= visible.size(); k++) {
      SubmissionDto s = visible.get(Math.floorMod(start + k, visible.size()));
      if ("received".equals(s.status()) && !s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }

  // ---- import ----

  /**
   * Imports the JPEGs among {@code dropped} (files and folders) into {@code mission}, by path: the
   * service reads the files itself. More than {@value #IMPORT_BATCH} photos become several
   * submissions, one call each, with progress between them and {@link #cancelActivity()} taking
   * effect before the next.
   */
  public void importPhotos(MissionDto mission, List<Path> dropped) {
    if (activity.get() != null) {
      problem.set(new Problem("An import is still running. Wait for it to finish, or cancel it, then drop the photos again.", ""));
      return;
    }
    importCancelled = false;
    notice.set(null);
    problem.set(null);
    activity.set("Looking for photos…");
    activityProgress.set(-1);
    executor.run(
        () -> PhotoFiles.collect(dropped),
        files -> {
          if (files.isEmpty()) {
            activity.set(null);
            problem.set(new Problem(
                "There are no JPEG photos in what you dropped. Drop JPEG files, or a folder that holds them.", ""));
            return;
          }
          List<List<Path>> batches = new ArrayList<>();
          for (int i = 0; i < files.size(); i += IMPORT_BATCH) {
            batches.add(files.subList(i, Math.min(files.size(), i + IMPORT_BATCH)));
          }
          importBatch(mission, batches, 0, new ImportTally(files.size()));
        },
        error -> {
          activity.set(null);
          problem.set(Problem.report("The dropped files could not be read", error));
        });
  }

  private static final class ImportTally {
    final int photos;
    int imported;
    int outside;
    int submissionCount;

    ImportTally(int photos) {
      this.photos = photos;
    }
  }

  private void importBatch(MissionDto mission, List<List<Path>> batches, int index, ImportTally tally) {
    if (index == batches.size() || importCancelled) {
      activity.set(null);
      notice.set(importSummary(mission, tally, index < batches.size()));
      reloadMission(mission.id());
      return;
    }
    activity.set(String.format(Locale.getDefault(Locale.Category.FORMAT),
        "Importing photos into “%s”: %,d of %,d", mission.title(), tally.imported, tally.photos));
    activityProgress.set((double) tally.imported / tally.photos);
    List<Path> batch = batches.get(index);
    executor.run(
        () -> client.importFiles(mission.id(), zoomerId, batch),
        sub -> {
          tally.imported += sub.imageCount();
          tally.outside += sub.outsideBoundsCount();
          tally.submissionCount++;
          submissions.add(sub);
          importBatch(mission, batches, index + 1, tally);
        },
        error -> {
          activity.set(null);
          if (tally.imported > 0) {
            notice.set(importSummary(mission, tally, true));
            reloadMission(mission.id());
          }
          problem.set(Problem.report(
              "The photos could not be imported into “" + mission.title() + "”", error));
        });
  }

  private static String importSummary(MissionDto mission, ImportTally t, boolean stoppedEarly) {
    Locale l = Locale.getDefault(Locale.Category.FORMAT);
    StringBuilder b = new StringBuilder(String.format(l, "Imported %,d photo%s into “%s”",
        t.imported, t.imported == 1 ? "" : "s", mission.title()));
    if (t.submissionCount > 1) {
      b.append(String.format(l, " as %,d submissions", t.submissionCount));
    }
    b.append('.');
    if (t.outside > 0) {
      b.append(String.format(l, " %,d of them %s outside the mission's area.", t.outside, t.outside == 1 ? "lies" : "lie"));
    }
    if (stoppedEarly) {
      b.append(String.format(l, " %,d were not imported.", t.photos - t.imported));
    }
    return b.toString();
  }

  /** Stops a running import after the batch in flight. */
  public void cancelActivity() {
    importCancelled = true;
  }

  /** Hides the last import's summary. */
  public void dismissNotice() {
    notice.set(null);
  }

  /** Hides the last problem. */
  public void dismissProblem() {
    problem.set(null);
  }

  // ---- properties ----

  /** Every mission, active and completed, in the service's order. */
  public ObservableList<MissionDto> missions() {
    return missions;
  }

  /** Every loaded submission, oldest first (the map draws them all). */
  public ObservableList<SubmissionDto> submissions() {
    return submissions;
  }

  /** The submissions that pass the filters, in the table's sort order (bind its comparator). */
  public SortedList<SubmissionDto> visibleSubmissions() {
    return visible;
  }

  /** Only this mission's submissions; null for all. */
  public ObjectProperty<MissionDto> missionFilterProperty() {
    return missionFilter;
  }

  /** Only submissions with this status (one of {@link #STATUSES}); null for all. */
  public ObjectProperty<String> statusFilterProperty() {
    return statusFilter;
  }

  /** Only submissions captured on or after this day; null for no limit. */
  public ObjectProperty<LocalDate> fromDateProperty() {
    return fromDate;
  }

  /** Only submissions captured on or before this day; null for no limit. */
  public ObjectProperty<LocalDate> toDateProperty() {
    return toDate;
  }

  /** The selected mission; setting one clears the selected submission. */
  public ObjectProperty<MissionDto> selectedMissionProperty() {
    return selectedMission;
  }

  /** The selected submission; setting one clears the selected mission. */
  public ObjectProperty<SubmissionDto> selectedSubmissionProperty() {
    return selectedSubmission;
  }

  /** Clears the selection. */
  public void clearSelection() {
    selectedMission.set(null);
    selectedSubmission.set(null);
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** The last thing that went wrong loading or importing; null when nothing did. */
  public ReadOnlyObjectProperty<Problem> problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** What the last import did, for the user; null when there is nothing to say. */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** What runs now (an import), for the status bar; null while nothing does. */
  public ReadOnlyStringProperty activityProperty() {
    return activity.getReadOnlyProperty();
  }

  /** The running activity's progress, 0..1, or -1 while it cannot tell. */
  public ReadOnlyDoubleProperty activityProgressProperty() {
    return activityProgress.getReadOnlyProperty();
  }

  /** Whether {@code a} and {@code b} are the same submission (perhaps in different states). */
  static boolean same(SubmissionDto a, SubmissionDto b) {
    return a != null && b != null && Objects.equals(a.id(), b.id());
  }
}

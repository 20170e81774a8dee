package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.ImageDto;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.client.MissionsClient;
import io.tessera.ui.task.TaskExecutor;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The review of the selected submission: its photos (as thumbnails, fetched and decoded at
 * thumbnail size off the FX thread), the photo whose EXIF is shown, and the decision (approve, or
 * reject with a reason), after which the selection moves on to the next undecided submission.
 * Decisions taken here can be undone and redone, last first: an undo puts the submission back as it
 * was (received again, or its earlier decision) and selects it.
 */
public final class ReviewViewModel {
  /** Thumbnails are decoded to fit this box, pixels. */
  public static final double THUMBNAIL_SIZE = 168;

  /** One photo of the submission and its thumbnail, once decoded. */
  public static final class Thumbnail {
    private final ImageDto image;
    private final ReadOnlyObjectWrapper<Image> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    Thumbnail(ImageDto image) {
      this.image = image;
    }

    public ImageDto image() {
      return image;
    }

    /** The decoded thumbnail; null until it arrives. */
    public ReadOnlyObjectProperty<Image> pictureProperty() {
      return picture.getReadOnlyProperty();
    }

    /** Whether the photo could not be fetched or decoded. */
    public ReadOnlyBooleanProperty failedProperty() {
      return failed.getReadOnlyProperty();
    }
  }

  private final MissionsClient client;
  private final TaskExecutor executor;
  private final MissionsViewModel missions;
  private final ReadOnlyObjectWrapper<SubmissionDto> submission = new ReadOnlyObjectWrapper<>(this, "submission");
  private final ObservableList<Thumbnail> thumbnails = FXCollections.observableArrayList();
  private final ObjectProperty<ImageDto> selectedImage = new SimpleObjectProperty<>(this, "selectedImage");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyBooleanWrapper deciding = new ReadOnlyBooleanWrapper(this, "deciding");
  private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
  private final Deque<Decision> undo = new ArrayDeque<>();
  private final Deque<Decision> redo = new ArrayDeque<>();
  private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper(this, "undoName", "");
  private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper(this, "redoName", "");
  /** Counts selections, so that a slow answer about an earlier one is dropped. */
  private volatile long generation;

  public ReviewViewModel(MissionsClient client, TaskExecutor executor, MissionsViewModel missions) {
    this.client = client;
    this.executor = executor;
    this.missions = missions;
    missions.selectedSubmissionProperty().addListener((o, was, is) -> {
      if (is == null || was == null || !is.id().equals(was.id())) {
        load(is);
      } else {
        // the same submission, decided or refreshed: keep its photos, take its new state
        submission.set(withImages(is, submission.get()));
      }
    });
  }

  private static SubmissionDto withImages(SubmissionDto s, SubmissionDto detailed) {
    if (s.images() != null || detailed == null) {
      return s;
    }
    return new SubmissionDto(s.id(), s.missionId(), s.zoomerId(), s.status(), s.reason(), s.location(),
        s.capturedAt(), s.altitudeM(), s.accuracyM(), s.imageCount(), s.outsideBoundsCount(),
        s.createdAt(), s.decidedAt(), detailed.images());
  }

  private void load(SubmissionDto summary) {
    long mine = ++generation;
    thumbnails.clear();
    selectedImage.set(null);
    problem.set(null);
    submission.set(summary);
    if (summary == null) {
      loading.set(false);
      return;
    }
    loading.set(true);
    executor.run(
        () -> client.submission(summary.id()),
        detail -> {
          if (mine != generation) {
            return;
          }
          loading.set(false);
          submission.set(detail);
          if (detail.images() != null) {
            detail.images().forEach(img -> thumbnails.add(new Thumbnail(img)));
            thumbnails.forEach(t -> fetchThumbnail(t, detail.id(), mine));
            selectedImage.set(detail.images().isEmpty() ? null : detail.images().get(0));
          }
        },
        error -> {
          if (mine == generation) {
            loading.set(false);
            problem.set(Problem.report("The submission's photos could not be loaded", error));
          }
        });
  }

  private void fetchThumbnail(Thumbnail t, String submissionId, long mine) {
    executor.run(
        () -> {
          if (mine != generation) {
            return null; // moved on before this one started: skip the download
          }
          byte[] bytes = client.image(submissionId, t.image.id());
          return new Image(new ByteArrayInputStream(bytes), THUMBNAIL_SIZE, THUMBNAIL_SIZE, true, true);
        },
        img -> {
          if (img != null && !img.isError()) {
            t.picture.set(img);
          } else if (img != null) {
            t.failed.set(true);
          }
        },
        error -> {
          Problem.report("A thumbnail could not be loaded", error);
          t.failed.set(true);
        });
  }

  /** Fetches one original photo, for the image pane; blocking, call it off the FX thread. */
  public Callable<byte[]> original(ImageDto image) {
    String submissionId = submission.get().id();
    return () -> client.image(submissionId, image.id());
  }

  /** A submission's state before and after a decision, to take it back and to take it again. */
  private record Decision(String submissionId, State before, State after) {
    String name() {
      return "approved".equals(after.status()) ? "Approve" : "Reject";
    }
  }

  /** What a decision leaves: received, approved, or rejected with a reason. */
  private record State(String status, String reason) {}

  /** Approves the shown submission (A). */
  public void approve() {
    decide(new State("approved", null));
  }

  /** Rejects the shown submission with {@code reason} (R); a blank reason does nothing. */
  public void reject(String reason) {
    if (reason != null && !reason.isBlank()) {
      decide(new State("rejected", reason.strip()));
    }
  }

  private void decide(State to) {
    SubmissionDto s = submission.get();
    if (s == null || deciding.get()) {
      return;
    }
    State before = new State(s.status(), s.reason());
    send(s.id(), to, "The decision could not be saved", after -> {
      undo.push(new Decision(s.id(), before, to));
      redo.clear();
      historyChanged();
      missions.decided(after);
    });
  }

  /** Takes the last decision back (Ctrl+Z while reviewing); false when there is none. */
  public boolean undoDecision() {
    if (undo.isEmpty() || deciding.get()) {
      return false;
    }
    Decision d = undo.peek();
    send(d.submissionId(), d.before(), "The decision could not be taken back", after -> {
      redo.push(undo.pop());
      historyChanged();
      missions.reverted(after);
    });
    return true;
  }

  /** Takes the last undone decision again (Ctrl+Y while reviewing); false when there is none. */
  public boolean redoDecision() {
    if (redo.isEmpty() || deciding.get()) {
      return false;
    }
    Decision d = redo.peek();
    send(d.submissionId(), d.after(), "The decision could not be saved", after -> {
      undo.push(redo.pop());
      historyChanged();
      missions.decided(after);
    });
    return true;
  }

  private void send(String submissionId, State to, String whatFails, Consumer<SubmissionDto> done) {
    deciding.set(true);
    problem.set(null);
    executor.run(
        () -> switch (to.status()) {
          case "approved" -> client.approve(submissionId);
          case "rejected" -> client.reject(submissionId, to.reason());
          default -> client.reopen(submissionId);
        },
        after -> {
          deciding.set(false);
          done.accept(after);
        },
        error -> {
          deciding.set(false);
          problem.set(Problem.report(whatFails, error));
        });
  }

  private void historyChanged() {
    undoName.set(undo.isEmpty() ? "" : undo.peek().name());
    redoName.set(redo.isEmpty() ? "" : redo.peek().name());
  }

  /** What Undo would take back, "Approve" or "Reject"; empty when nothing. */
  public ReadOnlyStringProperty undoNameProperty() {
    return undoName.getReadOnlyProperty();
  }

  /** What Redo would take again; empty when nothing. */
  public ReadOnlyStringProperty redoNameProperty() {
    return redoName.getReadOnlyProperty();
  }

  /** The submission under review, with its images once they are loaded; null when none is. */
  public ReadOnlyObjectProperty<SubmissionDto> submissionProperty() {
    return submission.getReadOnlyProperty();
  }

  public ObservableList<Thumbnail> thumbnails() {
    return thumbnails;
  }

  /** The photo whose EXIF summary is shown. */
  public ObjectProperty<ImageDto> selectedImageProperty() {
    return selectedImage;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Whether a decision is on its way to the service. */
  public ReadOnlyBooleanProperty decidingProperty() {
    return deciding.getReadOnlyProperty();
  }

  /** What went wrong loading or deciding; null when nothing did. */
  public ReadOnlyObjectProperty<Problem> problemProperty() {
    return problem.getReadOnlyProperty();
  }
}

package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.ImageDto;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.client.MissionsClient;
import io.tessera.ui.task.TaskExecutor;
import java.io.ByteArrayInputStream;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The review of the selected submission: its photos (as thumbnails, fetched and decoded at
 * thumbnail size off the FX thread), the photo whose EXIF is shown, and the decision (approve, or
 * reject with a reason), after which the selection moves on to the next undecided submission.
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

  /** Approves the shown submission (A). */
  public void approve() {
    decide(s -> client.approve(s.id()));
  }

  /** Rejects the shown submission with {@code reason} (R); a blank reason does nothing. */
  public void reject(String reason) {
    if (reason != null && !reason.isBlank()) {
      String r = reason.strip();
      decide(s -> client.reject(s.id(), r));
    }
  }

  private void decide(java.util.function.Function<SubmissionDto, SubmissionDto> call) {
    SubmissionDto s = submission.get();
    if (s == null || deciding.get()) {
      return;
    }
    deciding.set(true);
    problem.set(null);
    executor.run(
        () -> call.apply(s),
        after -> {
          deciding.set(false);
          missions.decided(after);
        },
        error -> {
          deciding.set(false);
          problem.set(Problem.report("The decision could not be saved", error));
        });
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

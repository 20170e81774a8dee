package io.tessera.ui.mission;

import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.PolygonDto;
import io.tessera.client.MissionsClient;
import io.tessera.ui.mission.MissionDrawViewModel.Phase;
import io.tessera.ui.task.TaskExecutor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The mission being created: its area (a {@link MissionDrawViewModel}) and what the inspector asks
 * for it (title, description, required images), and saving it through the service. A failed save
 * keeps everything the user entered.
 */
public final class NewMissionViewModel {
  /** Required images a new mission starts with. */
  public static final int DEFAULT_REQUIRED_IMAGES = 20;

  private final MissionsClient client;
  private final TaskExecutor executor;
  private final MissionDrawViewModel shape = new MissionDrawViewModel();
  private final StringProperty title = new SimpleStringProperty(this, "title", "");
  private final StringProperty description = new SimpleStringProperty(this, "description", "");
  private final IntegerProperty requiredImages =
      new SimpleIntegerProperty(this, "requiredImages", DEFAULT_REQUIRED_IMAGES);
  private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
  private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
  private final BooleanBinding canSave;
  private final ReadOnlyObjectWrapper<String> whyNotSave = new ReadOnlyObjectWrapper<>(this, "whyNotSave");

  public NewMissionViewModel(MissionsClient client, TaskExecutor executor) {
    this.client = client;
    this.executor = executor;
    whyNotSave.bind(Bindings.createStringBinding(
        this::whyNot, shape.phaseProperty(), shape.invalidReasonProperty(), title, requiredImages, saving));
    canSave = whyNotSave.isNull();
  }

  private String whyNot() {
    if (saving.get()) {
      return "Saving…";
    }
    if (shape.getPhase() == Phase.IDLE) {
      return "Draw the mission's area on the map first.";
    }
    if (shape.invalidReasonProperty().get() != null) {
      return "The area must be valid before it can be saved."; // why not is shown beside the area
    }
    if (title.get() == null || title.get().isBlank()) {
      return "Give the mission a title.";
    }
    if (requiredImages.get() < 1) {
      return "A mission needs at least one image.";
    }
    return null;
  }

  /** Opens a new draft (the Draw mission tool); an open one is kept. */
  public void start() {
    shape.start();
  }

  /** Throws the draft away: its area, title, description and history. */
  public void discard() {
    shape.cancel();
    reset();
  }

  private void reset() {
    title.set("");
    description.set("");
    requiredImages.set(DEFAULT_REQUIRED_IMAGES);
    problem.set(null);
  }

  /**
   * Creates the mission on the service, off the FX thread. On success the draft is closed and
   * {@code onSaved} gets the new mission; on failure {@link #problemProperty()} says why and the
   * draft stays as it was.
   */
  public void save(Consumer<MissionDto> onSaved) {
    if (!canSave.get()) {
      return;
    }
    PolygonDto bounds = shape.bounds();
    String t = title.get().trim();
    String d = description.get() == null ? "" : description.get().trim();
    int required = requiredImages.get();
    saving.set(true);
    problem.set(null);
    executor.run(
        () -> client.createMission(t, d, bounds, required),
        mission -> {
          saving.set(false);
          shape.clear();
          reset();
          onSaved.accept(mission);
        },
        error -> {
          saving.set(false);
          problem.set(Problem.report("The mission could not be saved", error));
        });
  }

  public MissionDrawViewModel shape() {
    return shape;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  public IntegerProperty requiredImagesProperty() {
    return requiredImages;
  }

  public ReadOnlyBooleanProperty savingProperty() {
    return saving.getReadOnlyProperty();
  }

  /** Why the last save failed; null when it did not. */
  public ReadOnlyObjectProperty<Problem> problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Whether Save would save now. */
  public BooleanBinding canSaveBinding() {
    return canSave;
  }

  /** Why Save cannot save now, as a sentence; null when it can. */
  public ReadOnlyObjectProperty<String> whyNotSaveProperty() {
    return whyNotSave.getReadOnlyProperty();
  }
}

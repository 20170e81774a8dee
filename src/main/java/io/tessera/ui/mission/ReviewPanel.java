package io.tessera.ui.mission;

import static io.tessera.ui.InspectorParts.section;

import io.tessera.api.dto.MissionDtos.ImageDto;
import io.tessera.api.dto.MissionDtos.LatLng;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.ui.CoordinateFormat;
import io.tessera.core.geo.LonLat;
import io.tessera.ui.mission.ReviewViewModel.Thumbnail;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * The inspector while a submission is selected: what it is, its photos as thumbnails (a click
 * shows a photo's EXIF summary, a double-click opens it full size in the image pane), and the
 * decision: Approve (A), Reject (R, asks a reason), Previous (K) and Next (J).
 */
final class ReviewPanel extends VBox {
  private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
  private static final double TILE = 132;

  private final ReviewViewModel review;
  private final MissionsViewModel missions;
  private final Consumer<ImageDto> openFullSize;
  private final Label title = new Label();
  private final Label status = new Label();
  private final GridPane facts = grid("reviewFacts");
  private final GridPane exif = grid("exifSummary");
  private final TilePane tiles = new TilePane(6, 6);

  ReviewPanel(ReviewViewModel review, MissionsViewModel missions, Runnable approve, Runnable reject,
      Consumer<ImageDto> openFullSize) {
    super(10);
    this.review = review;
    this.missions = missions;
    this.openFullSize = openFullSize;
    setId("reviewPanel");
    getStyleClass().add("review-panel");
    setPadding(new Insets(12));

    title.setText("Submission");
    title.getStyleClass().add("inspector-title");
    status.setId("reviewStatus");
    status.getStyleClass().add("status-chip");
    HBox head = new HBox(8, title, status);
    head.setAlignment(Pos.CENTER_LEFT);

    tiles.setId("thumbnails");
    tiles.setPrefTileWidth(TILE);
    tiles.setPrefTileHeight(TILE * 0.75);
    tiles.setPrefColumns(2);
    ProgressIndicator loading = new ProgressIndicator();
    loading.setMaxSize(28, 28);
    loading.visibleProperty().bind(review.loadingProperty());
    loading.managedProperty().bind(loading.visibleProperty());

    Button approveButton = new Button("Approve");
    approveButton.setId("approveButton");
    approveButton.getStyleClass().add("approve-button");
    approveButton.setTooltip(new Tooltip("Approve this submission (A)"));
    approveButton.setOnAction(e -> approve.run());
    Button rejectButton = new Button("Reject…");
    rejectButton.setId("rejectButton");
    rejectButton.getStyleClass().add("reject-button");
    rejectButton.setTooltip(new Tooltip("Reject this submission with a reason (R)"));
    rejectButton.setOnAction(e -> reject.run());
    approveButton.disableProperty().bind(review.decidingProperty().or(review.submissionProperty().isNull()));
    rejectButton.disableProperty().bind(approveButton.disableProperty());
    approveButton.setMaxWidth(Double.MAX_VALUE);
    rejectButton.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(approveButton, Priority.ALWAYS);
    HBox.setHgrow(rejectButton, Priority.ALWAYS);
    HBox decide = new HBox(8, approveButton, rejectButton);

    Button previous = new Button("‹ Previous");
    previous.setTooltip(new Tooltip("Previous submission in the table (K)"));
    previous.getStyleClass().add("small-button");
    previous.setOnAction(e -> missions.selectPrevious());
    Button next = new Button("Next ›");
    next.setTooltip(new Tooltip("Next submission in the table (J)"));
    next.getStyleClass().add("small-button");
    next.setOnAction(e -> missions.selectNext());
    Label keys = new Label("A approve · R reject · J / K next / previous · Ctrl+Z takes a decision back");
    keys.getStyleClass().add("empty-hint");
    keys.setWrapText(true);
    keys.setMinHeight(Region.USE_PREF_SIZE);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox nav = new HBox(6, previous, spacer, next);

    getChildren().addAll(head, facts, decide, nav, keys,
        new ProblemView("reviewProblem", review.problemProperty(), () -> { }), section("Photos"),
        loading, tiles, section("Photo details"), exif);

    review.submissionProperty().addListener((o, was, is) -> showSubmission(is));
    review.thumbnails().addListener((ListChangeListener<Thumbnail>) c -> showThumbnails());
    review.selectedImageProperty().addListener((o, was, is) -> {
      showExif(is);
      tiles.getChildren().forEach(n -> n.pseudoClassStateChanged(SELECTED, is != null && is.equals(n.getUserData())));
    });
    showSubmission(review.submissionProperty().get());
  }

  private static GridPane grid(String id) {
    GridPane g = new GridPane();
    g.setId(id);
    g.setHgap(10);
    g.setVgap(3);
    ColumnConstraints key = new ColumnConstraints();
    key.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints value = new ColumnConstraints();
    value.setHgrow(Priority.ALWAYS);
    g.getColumnConstraints().setAll(key, value);
    return g;
  }

  private static void fact(GridPane g, String key, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    Label k = new Label(key);
    k.getStyleClass().add("fact-key");
    Label v = new Label(value);
    v.setWrapText(true);
    v.setMinHeight(Region.USE_PREF_SIZE);
    g.addRow(g.getRowCount(), k, v);
  }

  private void showSubmission(SubmissionDto s) {
    facts.getChildren().clear();
    if (s == null) {
      return;
    }
    status.setText(MissionFormat.status(s.status()));
    status.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-chip"));
    status.getStyleClass().add("status-" + s.status());
    Locale l = Locale.getDefault(Locale.Category.FORMAT);
    fact(facts, "Mission", missions.missionTitle(s.missionId()));
    fact(facts, "Zoomer", s.zoomerId());
    fact(facts, "Captured", MissionFormat.dateTime(s.capturedAt()));
    fact(facts, "Photos", String.format(l, "%,d", s.imageCount()));
    fact(facts, "Position", position(s.location()));
    if (s.outsideBoundsCount() > 0) {
      fact(facts, "Outside", String.format(l, "%,d of %,d photos lie outside the mission's area",
          s.outsideBoundsCount(), s.imageCount()));
    }
    fact(facts, "Reason", s.reason());
    fact(facts, "Decided", MissionFormat.dateTime(s.decidedAt()));
    fact(facts, "ID", s.id());
  }

  private static String position(LatLng p) {
    return p == null ? "no position" : CoordinateFormat.latLon(new LonLat(p.lng(), p.lat()));
  }

  private void showThumbnails() {
    tiles.getChildren().clear();
    for (Thumbnail t : review.thumbnails()) {
      tiles.getChildren().add(tile(t));
    }
  }

  private Node tile(Thumbnail t) {
    ImageView view = new ImageView();
    view.setFitWidth(TILE - 4);
    view.setFitHeight(TILE * 0.75 - 4);
    view.setPreserveRatio(true);
    view.imageProperty().bind(t.pictureProperty());
    ProgressIndicator wait = new ProgressIndicator();
    wait.setMaxSize(22, 22);
    wait.visibleProperty().bind(t.pictureProperty().isNull().and(t.failedProperty().not()));
    Label failed = new Label("Not readable");
    failed.getStyleClass().add("empty-hint");
    failed.visibleProperty().bind(t.failedProperty());
    StackPane tile = new StackPane(wait, failed, view);
    tile.getStyleClass().add("thumbnail");
    tile.setUserData(t.image());
    tile.pseudoClassStateChanged(SELECTED, t.image().equals(review.selectedImageProperty().get()));
    Tooltip.install(tile, new Tooltip(t.image().fileName() + " — double-click to open it full size"));
    tile.setOnMouseClicked(e -> {
      if (e.getButton() != MouseButton.PRIMARY) {
        return;
      }
      review.selectedImageProperty().set(t.image());
      if (e.getClickCount() == 2) {
        openFullSize.accept(t.image());
      }
    });
    return tile;
  }

  private void showExif(ImageDto img) {
    exif.getChildren().clear();
    if (img == null) {
      return;
    }
    Locale l = Locale.getDefault(Locale.Category.FORMAT);
    fact(exif, "File", img.fileName());
    fact(exif, "Size", String.format(l, "%,d × %,d px, %.1f MB", img.width(), img.height(), img.sizeBytes() / 1e6));
    String taken = MissionFormat.dateTime(img.capturedAt());
    fact(exif, "Taken", img.timeSource() == null || taken.isEmpty() ? taken : taken + " (" + timeSource(img.timeSource()) + ")");
    fact(exif, "Camera", camera(img.make(), img.model()));
    fact(exif, "Position", position(img.location()));
    if (img.altitudeM() != null) {
      fact(exif, "Altitude", String.format(l, "%.1f m", img.altitudeM()));
    }
    if (img.accuracyM() != null) {
      fact(exif, "Accuracy", String.format(l, "± %.1f m", img.accuracyM()));
    }
    if (img.outsideBounds()) {
      fact(exif, "Note", "This photo lies outside the mission's area.");
    }
  }

  /** Make and model, the make once: many cameras repeat it in the model ("Canon Canon EOS …"). */
  private static String camera(String make, String model) {
    String mk = make == null ? "" : make.strip();
    String md = model == null ? "" : model.strip();
    if (md.toLowerCase(Locale.ROOT).startsWith(mk.toLowerCase(Locale.ROOT))) {
      return md;
    }
    return (mk + " " + md).strip();
  }

  private static String timeSource(String source) {
    return switch (source) {
      case "offset_time_original" -> "camera clock with its UTC offset";
      case "gps" -> "GPS time";
      case "camera_local" -> "camera clock, offset assumed";
      default -> source.replace('_', ' ');
    };
  }
}

package io.tessera.ui.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.client.MissionsClient;
import io.tessera.core.geo.LonLat;
import io.tessera.testing.GeotaggedJpegs;
import io.tessera.testing.GeotaggedJpegs.Tags;
import io.tessera.testing.RunningService;
import io.tessera.ui.CentrePane;
import io.tessera.ui.DesktopContext;
import io.tessera.ui.DesktopPreferences;
import io.tessera.ui.MainWindow;
import io.tessera.ui.map.MapView;
import io.tessera.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reviewing submissions in the main window against a real embedded service, with submissions of
 * real geotagged JPEGs made through the API: the keyboard decides (A, R with a reason), the list
 * moves on, the map and the table share the selection, a photo opens full size, and a folder
 * imports by path.
 */
@ExtendWith(ApplicationExtension.class)
class MissionReviewTest {
  private static final Instant JUNE = Instant.parse("2026-06-17T08:30:00Z");

  @TempDir static Path temp;

  private RunningService service;
  private MissionsClient api;
  private FxTaskExecutor executor;
  private MainWindow window;
  private MapView map;
  private MissionDto mission;
  private List<SubmissionDto> submitted;

  @Start
  void start(Stage stage) throws Exception {
    service = RunningService.start(Files.createTempDirectory(temp, "service"));
    api = new MissionsClient(service.desktop());
    mission = MissionFixtures.mission(api, "Harbour quay survey",
        MissionFixtures.rectangle(18.070, 59.320, 18.080, 59.326), 10);
    Path photos = Files.createTempDirectory(temp, "photos");
    // received a minute apart, so that the table (oldest first) lists them in this order
    SubmissionDto first = MissionFixtures.submit(api, mission, photos, "usr_1", JUNE,
        new double[] {18.072, 59.321}, new double[] {18.0721, 59.3211});
    service.clock.advance(Duration.ofMinutes(1));
    SubmissionDto second = MissionFixtures.submit(api, mission, photos, "usr_2", JUNE.plusSeconds(600),
        new double[] {18.075, 59.323}, new double[] {18.0751, 59.3231});
    service.clock.advance(Duration.ofMinutes(1));
    SubmissionDto third = MissionFixtures.submit(api, mission, photos, "usr_3", JUNE.plusSeconds(1200),
        new double[] {18.078, 59.325});
    submitted = List.of(first, second, third);
    executor = new FxTaskExecutor(4);
    Path dataDir = Files.createTempDirectory(temp, "desktop");
    DesktopContext ctx = new DesktopContext(service.desktop(), service.url(), dataDir, "0.1.0-test", null);
    window = new MainWindow(ctx, executor, DesktopPreferences.load(dataDir));
    window.show(stage);
    map = (MapView) stage.getScene().lookup(".map-view");
  }

  @Stop
  void stop() {
    executor.close();
    service.close();
  }

  private TableView<SubmissionDto> table(FxRobot robot) {
    @SuppressWarnings("unchecked")
    TableView<SubmissionDto> t = robot.lookup("#submissionTable").queryAs(TableView.class);
    return t;
  }

  private void loaded(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> table(robot).getItems().size()) == 3);
  }

  private Node firstRow(FxRobot robot) {
    return fx(() -> robot.from(table(robot)).lookup(".table-row-cell").nth(0).query());
  }

  private SubmissionDto reviewed() {
    return fx(() -> window.missions().review().submissionProperty().get());
  }

  private void photosShown() throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> {
      var thumbs = window.missions().review().thumbnails();
      return !thumbs.isEmpty() && thumbs.stream().allMatch(t -> t.pictureProperty().get() != null);
    }));
  }

  @Test
  void approveWithATheRejectWithRAndAReasonAndTheListMovesOn(FxRobot robot) throws Exception {
    loaded(robot);
    robot.clickOn(firstRow(robot));
    assertThat(reviewed().id()).isEqualTo(submitted.get(0).id());
    photosShown();
    assertThat(fx(() -> window.missions().review().thumbnails().size())).isEqualTo(2);
    assertThat(fx(() -> robot.lookup("#exifSummary .label").queryAllAs(Label.class)
        .stream().map(Label::getText).toList()))
        .contains("IMG_0001.jpg", "Canon EOS DIGITAL REBEL XSi", "28.4 m");

    robot.type(KeyCode.A);

    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> submitted.get(1).id().equals(reviewed().id()));
    assertThat(api.submission(submitted.get(0).id()).status()).isEqualTo("approved");
    assertThat(fx(() -> table(robot).getSelectionModel().getSelectedItem().id())).isEqualTo(submitted.get(1).id());
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
        () -> fx(() -> window.missions().missions().mission(mission.id()).approvedImages()) == 2);

    robot.type(KeyCode.R);
    robot.clickOn("#rejectReason").write("Blurry: the quay edge is not readable");
    robot.clickOn("#confirmReject");

    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> submitted.get(2).id().equals(reviewed().id()));
    SubmissionDto rejected = api.submission(submitted.get(1).id());
    assertThat(rejected.status()).isEqualTo("rejected");
    assertThat(rejected.reason()).isEqualTo("Blurry: the quay edge is not readable");
    assertThat(fx(() -> robot.lookup("#reviewStatus").queryAs(Label.class).getText())).isEqualTo("Received");

    robot.type(KeyCode.K);
    assertThat(reviewed().id()).isEqualTo(submitted.get(1).id());
    assertThat(fx(() -> reviewed().status())).isEqualTo("rejected");
    robot.type(KeyCode.J);
    assertThat(reviewed().id()).isEqualTo(submitted.get(2).id());
  }

  @Test
  void ctrlZTakesADecisionBackAndCtrlYTakesItAgain(FxRobot robot) throws Exception {
    loaded(robot);
    robot.clickOn(firstRow(robot));
    robot.type(KeyCode.R);
    robot.clickOn("#rejectReason").write("Wrong subject");
    robot.clickOn("#confirmReject");
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> submitted.get(1).id().equals(reviewed().id()));
    assertThat(fx(() -> window.missions().undoTextBinding().get())).isEqualTo("Undo Reject");

    robot.push(KeyCode.CONTROL, KeyCode.Z);

    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> submitted.get(0).id().equals(reviewed().id()));
    assertThat(api.submission(submitted.get(0).id()).status()).isEqualTo("received");
    assertThat(api.submission(submitted.get(0).id()).reason()).isNull();
    assertThat(fx(() -> reviewed().status())).isEqualTo("received");

    robot.push(KeyCode.CONTROL, KeyCode.Y);

    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> submitted.get(1).id().equals(reviewed().id()));
    SubmissionDto again = api.submission(submitted.get(0).id());
    assertThat(again.status()).isEqualTo("rejected");
    assertThat(again.reason()).isEqualTo("Wrong subject");
  }

  @Test
  void rejectingNeedsAReasonAndCancellingDecidesNothing(FxRobot robot) throws Exception {
    loaded(robot);
    robot.clickOn(firstRow(robot));

    robot.type(KeyCode.R);
    assertThat(fx(() -> robot.lookup("#confirmReject").query().isDisabled())).isTrue();
    robot.type(KeyCode.ESCAPE);

    assertThat(api.submission(submitted.get(0).id()).status()).isEqualTo("received");
    assertThat(reviewed().id()).isEqualTo(submitted.get(0).id());
  }

  @Test
  void aDotClickedOnTheMapIsSelectedInTheTableAndItsPhotoOpensFullSize(FxRobot robot) throws Exception {
    loaded(robot);
    SubmissionDto second = submitted.get(1);
    LonLat where = new LonLat(second.location().lng(), second.location().lat());
    robot.interact(() -> map.setView(where, 17));
    WaitForAsyncUtils.waitForFxEvents();

    Point2D dot = fx(() -> {
      Point2D p = map.getMapPoint(where);
      return map.localToScreen(p.getX(), p.getY());
    });
    robot.clickOn(dot);

    assertThat(reviewed().id()).isEqualTo(second.id());
    assertThat(fx(() -> table(robot).getSelectionModel().getSelectedItem().id())).isEqualTo(second.id());
    photosShown();

    Node thumbnail = fx(() -> robot.lookup(".thumbnail").nth(0).query());
    robot.doubleClickOn(thumbnail);

    var image = window.imagePane().viewModel();
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(() -> image.imageProperty().get() != null));
    assertThat(fx(() -> window.viewModel().selectedPaneProperty().get())).isEqualTo(CentrePane.IMAGE);
    assertThat(fx(() -> image.nameProperty().get())).isEqualTo("IMG_0001.jpg");
    assertThat(fx(() -> image.imageProperty().get().getWidth())).isEqualTo(640);
  }

  @Test
  void aFolderOfGeotaggedPhotosImportsByPathAsASubmission(FxRobot robot) throws Exception {
    loaded(robot);
    Path folder = Files.createTempDirectory(temp, "flight");
    GeotaggedJpegs.write(folder, "DJI_0001.JPG", Tags.at(18.071, 59.322, JUNE));
    GeotaggedJpegs.write(folder, "DJI_0002.JPG", Tags.at(18.090, 59.330, JUNE.plusSeconds(5)));
    Files.writeString(folder.resolve("flight-log.txt"), "not a photo");
    MissionsViewModel missions = window.missions().missions();

    robot.interact(() -> missions.importPhotos(missions.mission(mission.id()), List.of(folder)));

    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> missions.noticeProperty().get() != null));
    assertThat(fx(() -> robot.lookup("#importNotice").queryAs(Label.class).getText()))
        .isEqualTo("Imported 2 photos into “Harbour quay survey”. 1 of them lies outside the mission's area.");
    assertThat(fx(() -> table(robot).getItems().size())).isEqualTo(4);
    List<SubmissionDto> stored = api.submissions(mission.id(), 1, 10).data();
    assertThat(stored).hasSize(4).anySatisfy(s -> {
      assertThat(s.imageCount()).isEqualTo(2);
      assertThat(s.outsideBoundsCount()).isEqualTo(1);
    });
  }

  private static <T> T fx(Callable<T> call) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(call));
  }
}

package io.tessera.ui.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.client.MissionsClient;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.Polygons;
import io.tessera.testing.RunningService;
import io.tessera.ui.DesktopContext;
import io.tessera.ui.DesktopPreferences;
import io.tessera.ui.MainWindow;
import io.tessera.ui.map.MapView;
import io.tessera.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
 * Drawing a mission with the mouse in the main window, against a real embedded service: the live
 * area and validity, the keys, panning while drawing, and saving through the inspector.
 */
@ExtendWith(ApplicationExtension.class)
class MissionDrawTest {
  /** Where the map looks: the equator, where a screen pixel is the same size both ways. */
  private static final LonLat PLACE = new LonLat(10, 0);
  private static final double ZOOM = 16;

  @TempDir static Path temp;

  private RunningService service;
  private FxTaskExecutor executor;
  private MainWindow window;
  private MapView map;

  @Start
  void start(Stage stage) throws Exception {
    service = RunningService.start(Files.createTempDirectory(temp, "service"));
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

  /** Waits for the first load of missions, then shows {@link #PLACE}. */
  private void ready(FxRobot robot) throws Exception {
    MissionsViewModel missions = window.missions().missions();
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
        () -> fx(() -> !missions.loadingProperty().get() && missions.problemProperty().get() == null
            && robot.lookup("#connectionLabel").queryAs(Label.class).getText().equals("connected")));
    robot.interact(() -> map.setView(PLACE, ZOOM));
  }

  /** Screen position of a point given relative to the map's centre, in pixels. */
  private Point2D at(double dx, double dy) {
    return fx(() -> map.localToScreen(map.getWidth() / 2 + dx, map.getHeight() / 2 + dy));
  }

  private LonLat lonLatAt(double dx, double dy) {
    return fx(() -> map.getLonLat(map.getWidth() / 2 + dx, map.getHeight() / 2 + dy));
  }

  private static String text(FxRobot robot, String query) {
    return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
  }

  @Test
  void aMissionDrawnWithTheMouseShowsItsAreaAndIsSavedThroughTheInspector(FxRobot robot) throws Exception {
    ready(robot);
    double[][] corners = {{-100, -75}, {100, -75}, {100, 75}, {-100, 75}};
    List<LonLat> expected = new ArrayList<>();
    for (double[] c : corners) {
      expected.add(lonLatAt(c[0], c[1]));
    }

    robot.clickOn("#drawMissionButton");
    robot.clickOn(at(corners[0][0], corners[0][1]));
    robot.clickOn(at(corners[1][0], corners[1][1]));

    assertThat(text(robot, "#draftValidity")).isEqualTo("A mission area needs at least 3 corners; it has 2.");
    assertThat(text(robot, "#toolStatus")).startsWith("A mission area needs at least 3 corners; it has 2.");
    assertThat(text(robot, "#draftArea")).isEqualTo("—");
    assertThat(fx(() -> robot.lookup("#saveMission").queryAs(Button.class).isDisabled())).isTrue();

    robot.clickOn(at(corners[2][0], corners[2][1]));
    robot.moveTo(at(corners[3][0], corners[3][1])).doubleClickOn(MouseButton.PRIMARY);

    MissionDrawViewModel shape = window.missions().draft().shape();
    assertThat(fx(shape::getPhase)).isEqualTo(MissionDrawViewModel.Phase.EDITING);
    assertThat(fx(() -> List.copyOf(shape.vertices()))).hasSize(4);
    // 200 × 150 px at zoom 16 on the equator: 0.0042915° × 0.0032187°, 477.73 m × 355.91 m
    double areaM2 = fx(() -> shape.areaSquareMetersProperty().get());
    assertThat(areaM2).isCloseTo(170_030, within(170_030 * 0.002));
    double clickedM2 = Polygons.geodesicAreaSquareMeters(Polygons.fromRings(List.of(closed(expected))));
    assertThat(areaM2).isCloseTo(clickedM2, within(clickedM2 * 1e-3));
    assertThat(text(robot, "#draftArea")).isEqualTo(MissionFormat.area(areaM2));
    assertThat(text(robot, "#draftAreaLabel")).isEqualTo(MissionFormat.area(areaM2));
    assertThat(text(robot, "#draftValidity")).isEqualTo("Valid area, 4 corners");

    robot.clickOn("#missionTitle").write("Harbour quay survey");
    robot.clickOn("#missionDescription").write("Every quay wall section");
    robot.doubleClickOn("#requiredImages .text-field").push(KeyCode.CONTROL, KeyCode.A).write("12");
    robot.clickOn("#saveMission");

    ListView<?> list = robot.lookup("#missionList").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(() -> list.getItems().size()) == 1);
    assertThat(fx(shape::getPhase)).as("the draft is closed once saved").isEqualTo(MissionDrawViewModel.Phase.IDLE);
    assertThat(text(robot, "#missionDetailsTitle")).isEqualTo("Harbour quay survey");

    List<MissionDto> stored = new MissionsClient(service.desktop()).missions("all", 1, 10).data();
    assertThat(stored).hasSize(1);
    MissionDto m = stored.get(0);
    assertThat(m.title()).isEqualTo("Harbour quay survey");
    assertThat(m.description()).isEqualTo("Every quay wall section");
    assertThat(m.requiredImages()).isEqualTo(12);
    assertThat(m.status()).isEqualTo("active");
    assertThat(m.areaM2()).isCloseTo(areaM2, within(areaM2 * 1e-6));
    List<double[]> ring = m.bounds().coordinates().get(0);
    assertThat(ring).hasSize(5);
    for (double[] p : ring) {
      assertThat(expected).anySatisfy(e -> {
        assertThat(p[0]).isCloseTo(e.lonDeg(), within(1e-9));
        assertThat(p[1]).isCloseTo(e.latDeg(), within(1e-9));
      });
    }
  }

  @Test
  void aShapeThatCrossesItselfIsRedWithTheReasonAndCannotBeSaved(FxRobot robot) throws Exception {
    ready(robot);
    robot.clickOn("#mapPane").push(KeyCode.CONTROL, KeyCode.M);
    robot.clickOn(at(-100, -75));
    robot.clickOn(at(100, 75));
    robot.clickOn(at(100, -75));
    robot.clickOn(at(-100, 75));
    robot.type(KeyCode.ENTER);

    assertThat(text(robot, "#draftValidity")).matches("The polygon is not valid: self-intersection at "
        + "0\\.\\d{5}° [NS], 10\\.\\d{5}° E\\.");
    assertThat(text(robot, "#toolStatus")).startsWith("The polygon is not valid: self-intersection");
    assertThat(fx(() -> robot.lookup("#toolStatus").query().getPseudoClassStates().toString())).contains("error");
    assertThat(text(robot, "#draftAreaLabel")).isEqualTo("Not valid");
    robot.clickOn("#missionTitle").write("Crossed");
    assertThat(fx(() -> robot.lookup("#saveMission").queryAs(Button.class).isDisabled())).isTrue();
    assertThat(text(robot, "#whyNotSave")).isEqualTo("The area must be valid before it can be saved.");
  }

  @Test
  void keysUndoRedoAndCancelAndTheMapStillPansWhileDrawing(FxRobot robot) throws Exception {
    ready(robot);
    MissionDrawViewModel shape = window.missions().draft().shape();
    robot.clickOn("#drawMissionButton");
    robot.clickOn(at(-100, -75));
    robot.clickOn(at(100, -75));
    robot.clickOn(at(100, 75));

    LonLat centreBefore = fx(map::getCenter);
    robot.drag(at(0, 120), MouseButton.PRIMARY).moveBy(80, 0).drop();
    assertThat(fx(map::getCenter).lonDeg()).as("a drag pans").isLessThan(centreBefore.lonDeg());
    assertThat(fx(() -> shape.vertices().size())).as("and adds no vertex").isEqualTo(3);

    robot.push(KeyCode.CONTROL, KeyCode.Z);
    assertThat(fx(() -> shape.vertices().size())).isEqualTo(2);
    robot.push(KeyCode.CONTROL, KeyCode.Y);
    assertThat(fx(() -> shape.vertices().size())).isEqualTo(3);

    // typing in the title keeps Ctrl+Z for the text
    robot.clickOn("#missionTitle").write("Quay");
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    assertThat(fx(() -> shape.vertices().size())).isEqualTo(3);

    robot.clickOn("#mapPane").type(KeyCode.ESCAPE);
    assertThat(fx(shape::getPhase)).isEqualTo(MissionDrawViewModel.Phase.IDLE);
    assertThat(fx(() -> shape.vertices().size())).isZero();
    assertThat(fx(() -> robot.lookup("#toolStatus").queryAs(Label.class).isVisible())).isFalse();
  }

  @Test
  void aVertexDraggedMovesAndRightClickDeletesIt(FxRobot robot) throws Exception {
    ready(robot);
    MissionDrawViewModel shape = window.missions().draft().shape();
    robot.clickOn("#drawMissionButton");
    robot.clickOn(at(-100, -75));
    robot.clickOn(at(100, -75));
    robot.clickOn(at(100, 75));
    robot.moveTo(at(-100, 75)).doubleClickOn(MouseButton.PRIMARY);
    double before = fx(() -> shape.areaSquareMetersProperty().get());

    robot.drag(at(100, 75), MouseButton.PRIMARY).moveTo(at(160, 120)).drop();
    LonLat moved = lonLatAt(160, 120);
    assertThat(fx(() -> shape.vertices().get(2).lonDeg())).isCloseTo(moved.lonDeg(), within(1e-6));
    assertThat(fx(() -> shape.areaSquareMetersProperty().get())).isGreaterThan(before);

    // the midpoint handle of the first edge, dragged outwards, becomes a fifth corner
    robot.drag(at(0, -75), MouseButton.PRIMARY).moveTo(at(0, -130)).drop();
    assertThat(fx(() -> shape.vertices().size())).isEqualTo(5);

    robot.moveTo(at(160, 120)).clickOn(MouseButton.SECONDARY);
    assertThat(fx(() -> shape.vertices().size())).isEqualTo(4);
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    assertThat(fx(() -> shape.vertices().size())).isEqualTo(5);
  }

  private static List<double[]> closed(List<LonLat> corners) {
    List<double[]> ring = new ArrayList<>();
    for (LonLat c : corners) {
      ring.add(new double[] {c.lonDeg(), c.latDeg()});
    }
    ring.add(ring.get(0));
    return ring;
  }

  private static <T> T fx(Callable<T> call) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(call));
  }
}

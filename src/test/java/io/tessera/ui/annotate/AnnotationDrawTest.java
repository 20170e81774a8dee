package io.tessera.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.AnnotationsClient;
import io.tessera.client.ProjectsClient;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.geo.LonLat;
import io.tessera.core.geo.Polygons;
import io.tessera.testing.RunningService;
import io.tessera.ui.DesktopContext;
import io.tessera.ui.DesktopPreferences;
import io.tessera.ui.MainWindow;
import io.tessera.ui.map.MapView;
import io.tessera.ui.map.draw.DrawViewModel;
import io.tessera.ui.map.draw.ShapeKind;
import io.tessera.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
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
 * Annotating a project with the mouse in the main window, against a real embedded service: a
 * polygon drawn on the map, named and coloured in the inspector, its geodesic figures read there,
 * and what the annotation API stored in the project's coordinates (UTM 33N).
 */
@ExtendWith(ApplicationExtension.class)
class AnnotationDrawTest {
  /** A quay in Stockholm's harbour, inside UTM zone 33 (9° E to 15° E … 18° E). */
  private static final LonLat PLACE = new LonLat(18.08, 59.32);
  private static final double ZOOM = 17;
  private static final String CRS = "EPSG:32633";

  @TempDir static Path temp;

  private RunningService service;
  private FxTaskExecutor executor;
  private MainWindow window;
  private MapView map;
  private ProjectDto project;

  @Start
  void start(Stage stage) throws Exception {
    service = RunningService.start(Files.createTempDirectory(temp, "service"));
    project = new ProjectsClient(service.desktop()).create("Harbour quay", CRS);
    executor = new FxTaskExecutor(4);
    Path dataDir = Files.createTempDirectory(temp, "desktop");
    DesktopContext ctx =
        new DesktopContext(service.desktop(), service.url(), dataDir, "0.1.0-test", null);
    window = new MainWindow(ctx, executor, DesktopPreferences.load(dataDir));
    window.show(stage);
    map = (MapView) stage.getScene().lookup(".map-view");
  }

  @Stop
  void stop() {
    executor.close();
    service.close();
  }

  /** Waits for the project to be listed, picks it, and shows {@link #PLACE}. */
  private void openProject(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
        () -> fx(() -> robot.lookup("Harbour quay").tryQuery().isPresent()));
    robot.clickOn("Harbour quay");
    AnnotationsViewModel vm = window.annotations().model();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> fx(() -> vm.projectProperty().get() != null && !vm.loadingProperty().get()));
    robot.interact(() -> map.setView(PLACE, ZOOM));
  }

  private Point2D at(double dx, double dy) {
    return fx(() -> map.localToScreen(map.getWidth() / 2 + dx, map.getHeight() / 2 + dy));
  }

  private static String text(FxRobot robot, String query) {
    return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
  }

  @Test
  void aPolygonDrawnNamedAndColouredIsStoredInTheProjectsCoordinates(FxRobot robot)
      throws Exception {
    openProject(robot);
    AnnotationsViewModel vm = window.annotations().model();
    DrawViewModel shape = window.annotations().shape();

    robot.clickOn("#annotatePolygonButton");
    double[][] corners = {{-120, -60}, {110, -80}, {130, 70}, {-90, 90}};
    for (int i = 0; i < 3; i++) {
      robot.clickOn(at(corners[i][0], corners[i][1]));
    }
    assertThat(text(robot, "#draftAnnotationArea")).isEqualTo(
        AnnotationFormat.area(fx(() -> shape.areaSquareMetersProperty().get())));
    robot.moveTo(at(corners[3][0], corners[3][1])).doubleClickOn(MouseButton.PRIMARY);

    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(() -> vm.items().size() == 1
        && vm.items().get(0).id() != null && !vm.items().get(0).savingProperty().get()));
    AnnotationItem item = fx(() -> vm.items().get(0));
    assertThat(fx(() -> vm.selectedProperty().get())).isSameAs(item);
    List<LonLat> vertices = fx(() -> List.copyOf(shape.vertices()));
    assertThat(vertices).hasSize(4);
    for (int i = 0; i < 4; i++) {
      int k = i;
      LonLat clicked = fx(() -> map.getLonLat(map.getWidth() / 2 + corners[k][0],
          map.getHeight() / 2 + corners[k][1]));
      assertThat(vertices.get(i).lonDeg()).isCloseTo(clicked.lonDeg(), within(2e-5));
      assertThat(vertices.get(i).latDeg()).isCloseTo(clicked.latDeg(), within(1e-5));
    }

    // the inspector's figures: geodesic, from the vertices on the map
    double area = Polygons.geodesicAreaSquareMeters(Polygons.fromRings(List.of(ring(vertices))));
    double perimeter = DrawViewModel.pathLength(vertices, true);
    assertThat(text(robot, "#annotationArea")).isEqualTo(AnnotationFormat.area(area));
    assertThat(text(robot, "#annotationLength")).isEqualTo(AnnotationFormat.length(perimeter));
    // 250 × 160 px at zoom 17 and 59.3° N: about 0.61 m/px, so roughly 150 m × 95 m
    assertThat(area).isBetween(10_000.0, 20_000.0);

    robot.doubleClickOn("#annotationName").push(KeyCode.CONTROL, KeyCode.A)
        .write("Quay wall section 4").type(KeyCode.ENTER);
    ColorPicker colour = robot.lookup("#annotationColor").queryAs(ColorPicker.class);
    Slider alpha = robot.lookup("#annotationColorAlpha").queryAs(Slider.class);
    robot.interact(() -> colour.setValue(Color.web("#d81b60")));
    robot.interact(() -> alpha.setValue(0.5));
    assertThat(text(robot, "#annotationTitle")).isEqualTo("Quay wall section 4");
    ListView<?> list = robot.lookup("#annotationList").queryAs(ListView.class);
    assertThat(fx(() -> list.getItems().size())).isEqualTo(1);

    AnnotationsClient client = new AnnotationsClient(service.desktop());
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "#D81B6080".equals(
        client.list(project.id()).get(0).path("properties").path("color").asText()));
    List<JsonNode> stored = client.list(project.id());
    assertThat(stored).hasSize(1);
    JsonNode a = stored.get(0);
    assertThat(a.path("id").asText()).isEqualTo(fx(item::id));
    assertThat(a.path("properties").path("name").asText()).isEqualTo("Quay wall section 4");
    assertThat(a.path("properties").path("visible").asBoolean()).isTrue();
    assertThat(a.path("geometry").path("type").asText()).isEqualTo("Polygon");
    JsonNode storedRing = a.path("geometry").path("coordinates").path(0);
    assertThat(storedRing).hasSize(5);
    assertThat(storedRing.get(4)).isEqualTo(storedRing.get(0));
    CrsTransform toUtm = Crs.parse("EPSG:4326").transformTo(Crs.parse(CRS));
    double[] xs = new double[4];
    double[] ys = new double[4];
    for (int i = 0; i < 4; i++) {
      Position p = toUtm.apply(new Position(vertices.get(i).lonDeg(), vertices.get(i).latDeg(),
          Double.NaN));
      xs[i] = storedRing.get(i).get(0).asDouble();
      ys[i] = storedRing.get(i).get(1).asDouble();
      // metres in UTM 33N (easting about 675 km at 18° E, northing about 6579 km), not degrees
      assertThat(xs[i]).isCloseTo(p.x(), within(1e-3)).isBetween(600_000.0, 700_000.0);
      assertThat(ys[i]).isCloseTo(p.y(), within(1e-3)).isBetween(6_500_000.0, 6_650_000.0);
    }
    // the planar area in the projection, scaled back, agrees with the geodesic figure shown
    double planar = 0;
    for (int i = 0; i < 4; i++) {
      planar += xs[i] * ys[(i + 1) % 4] - xs[(i + 1) % 4] * ys[i];
    }
    planar = Math.abs(planar) / 2;
    double planarPerimeter = 0;
    for (int i = 0; i < 4; i++) {
      planarPerimeter += Math.hypot(xs[(i + 1) % 4] - xs[i], ys[(i + 1) % 4] - ys[i]);
    }
    // UTM's scale factor here (3° east of 15° E at 59.3° N): k0 (1 + (Δλ cos φ)² / 2) ≈ 0.99998
    double k = planarPerimeter / perimeter;
    assertThat(k).isCloseTo(0.9996 * (1 + Math.pow(Math.toRadians(3.08)
        * Math.cos(Math.toRadians(59.32)), 2) / 2), within(2e-5));
    assertThat(planar / (k * k)).isCloseTo(area, within(area * 1e-4));

    // Delete in the list removes it, Ctrl+Z brings it back (a new id in the service)
    robot.clickOn("#annotationList .list-cell").type(KeyCode.DELETE);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> client.list(project.id()).isEmpty());
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> client.list(project.id()).size() == 1);
    assertThat(client.list(project.id()).get(0).path("properties").path("name").asText())
        .isEqualTo("Quay wall section 4");
  }

  @Test
  void aLineShowsItsLengthAndAPointIsPlacedByOneClick(FxRobot robot) throws Exception {
    openProject(robot);
    AnnotationsViewModel vm = window.annotations().model();
    DrawViewModel shape = window.annotations().shape();

    robot.clickOn("#mapPane").push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
    robot.clickOn(at(-150, 0));
    robot.clickOn(at(0, -40));
    robot.clickOn(at(150, 0));
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
        () -> fx(() -> vm.items().size() == 1 && vm.items().get(0).id() != null));
    List<LonLat> line = fx(() -> List.copyOf(shape.vertices()));
    assertThat(fx(shape::getKind)).isEqualTo(ShapeKind.LINE);
    assertThat(text(robot, "#annotationLength"))
        .isEqualTo(AnnotationFormat.length(DrawViewModel.pathLength(line, false)));
    assertThat(text(robot, "#toolStatus")).startsWith("“Line 1”: ");

    // a vertex dragged moves, one Ctrl+Z puts it back, both saved
    robot.drag(at(0, -40), MouseButton.PRIMARY).moveTo(at(0, -100)).drop();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !vm.items().get(0)
        .data().vertices().get(1).equals(line.get(1))));
    assertThat(fx(() -> vm.undoNameProperty().get())).isEqualTo("Move Vertex");
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    assertThat(fx(() -> shape.vertices().get(1))).isEqualTo(line.get(1));

    // Esc lets go of it; a click on the line picks it again, a click beside it lets go
    robot.type(KeyCode.ESCAPE);
    assertThat(fx(() -> vm.selectedProperty().get())).isNull();
    robot.clickOn(at(-75, -20));
    assertThat(fx(() -> vm.selectedProperty().get())).isSameAs(fx(() -> vm.items().get(0)));
    robot.clickOn(at(-75, 60));
    assertThat(fx(() -> vm.selectedProperty().get())).isNull();

    robot.clickOn("#annotatePointButton");
    robot.clickOn(at(60, 80));
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
        () -> fx(() -> vm.items().size() == 2 && vm.items().get(1).id() != null));
    assertThat(fx(() -> vm.items().get(1).data().kind())).isEqualTo(ShapeKind.POINT);
    assertThat(new AnnotationsClient(service.desktop()).list(project.id()))
        .extracting(n -> n.path("geometry").path("type").asText())
        .containsExactlyInAnyOrder("LineString", "Point");
  }

  @Test
  void anExportedFileIsWgs84GeoJsonAndImportsBackAsOneUndoableChange(FxRobot robot)
      throws Exception {
    openProject(robot);
    AnnotationsViewModel vm = window.annotations().model();
    robot.clickOn("#annotateLineButton");
    robot.clickOn(at(-100, 30));
    robot.moveTo(at(100, -30)).doubleClickOn(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
        () -> fx(() -> vm.items().size() == 1 && vm.items().get(0).id() != null));
    List<LonLat> drawn = fx(() -> vm.items().get(0).data().vertices());

    Path file = Files.createTempDirectory(temp, "export").resolve("quay.geojson");
    robot.interact(() -> window.annotations().exportFile(file));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file)
        && fx(() -> vm.messageProperty().get() != null));
    assertThat(fx(() -> vm.messageProperty().get()))
        .isEqualTo("1 annotation exported to quay.geojson (GeoJSON, WGS 84).");
    JsonNode fc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
    JsonNode coords = fc.path("features").path(0).path("geometry").path("coordinates");
    assertThat(coords.get(0).get(0).asDouble()).as("longitude first")
        .isEqualTo(drawn.get(0).lonDeg());
    assertThat(coords.get(0).get(1).asDouble()).isEqualTo(drawn.get(0).latDeg());

    robot.interact(() -> window.annotations().importFile(file));
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(() -> vm.items().size() == 2
        && vm.items().get(1).id() != null));
    assertThat(fx(() -> vm.messageProperty().get()))
        .isEqualTo("1 annotation imported from quay.geojson.");
    AnnotationData back = fx(() -> vm.items().get(1).data());
    for (int i = 0; i < drawn.size(); i++) {
      assertThat(back.vertices().get(i).lonDeg()).isCloseTo(drawn.get(i).lonDeg(), within(1e-9));
      assertThat(back.vertices().get(i).latDeg()).isCloseTo(drawn.get(i).latDeg(), within(1e-9));
    }
    AnnotationsClient client = new AnnotationsClient(service.desktop());
    assertThat(client.list(project.id())).hasSize(2);
    assertThat(client.list(project.id()).get(1).path("geometry").path("coordinates").get(0)
        .get(0).asDouble()).as("stored in UTM metres").isGreaterThan(600_000);
    assertThat(fx(() -> vm.undoNameProperty().get())).isEqualTo("Import 1 Annotation");
    robot.clickOn("#mapPane").push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> client.list(project.id()).size() == 1);
  }

  private static List<double[]> ring(List<LonLat> corners) {
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

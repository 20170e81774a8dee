package io.tessera.ui.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.ProjectsClient;
import io.tessera.core.geo.LonLat;
import io.tessera.testing.RunningService;
import io.tessera.ui.DesktopContext;
import io.tessera.ui.DesktopPreferences;
import io.tessera.ui.MainWindow;
import io.tessera.ui.map.MapView;
import io.tessera.ui.mission.MissionDrawViewModel.Phase;
import io.tessera.ui.task.FxTaskExecutor;
import io.tessera.ui.volume.VolumeViewModel.Measurement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The volume tool in the main window against a real service: a project whose DSM holds a cone of
 * known volume; the polygon drawn around it with the mouse; the inspector's figures, the tint,
 * a vertex dragged, the profile across the cone, the exports and the saved annotation.
 */
@ExtendWith(ApplicationExtension.class)
class VolumeToolTest {
  private static RunningService service;
  private static ProjectsClient client;
  private static ProjectDto project;
  private static Path dir;

  private FxTaskExecutor executor;
  private MainWindow window;
  private MapView map;

  @BeforeAll
  static void project() throws Exception {
    dir = Files.createTempDirectory("tessera-volume-tool-");
    service = RunningService.start(Files.createTempDirectory(dir, "service"));
    client = new ProjectsClient(service.desktop());
    project = ConeProject.create(client, dir, "Cone pile");
  }

  @AfterAll
  static void stopService() {
    service.close();
  }

  @Start
  void start(Stage stage) throws Exception {
    executor = new FxTaskExecutor(4);
    Path dataDir = Files.createTempDirectory(dir, "desktop");
    DesktopContext ctx =
        new DesktopContext(service.desktop(), service.url(), dataDir, "0.1.0-test", null);
    window = new MainWindow(ctx, executor, DesktopPreferences.load(dataDir));
    window.show(stage);
    map = (MapView) stage.getScene().lookup(".map-view");
  }

  @Stop
  void stop() {
    executor.close();
  }

  private static <T> T fx(Callable<T> call) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(call));
  }

  private static String text(FxRobot robot, String query) {
    return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
  }

  /** The leading number of a figure as the inspector shows it, in the user's locale. */
  private static double figure(FxRobot robot, String query) throws ParseException {
    String t = text(robot, query);
    return NumberFormat.getInstance(Locale.getDefault(Locale.Category.FORMAT))
        .parse(t.substring(0, t.indexOf(' '))).doubleValue();
  }

  /** Screen position of the project's point (x, y). */
  private Point2D screen(ProjectFrame f, double x, double y) throws Exception {
    LonLat p = f.toLonLat(x, y);
    return fx(() -> {
      Point2D local = map.getMapPoint(p);
      return map.localToScreen(local.getX(), local.getY());
    });
  }

  /** Selects the cone's project, waits for its DSM and shows the DSM's 30 m square. */
  private ProjectFrame openProject(FxRobot robot) throws Exception {
    VolumeWorkspace volumes = window.volumes();
    TreeView<?> tree = robot.lookup("#projectTree").queryAs(TreeView.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
        () -> fx(() -> tree.getRoot().getChildren().size()) > 0);
    robot.interact(() -> {
      for (TreeItem<?> item : tree.getRoot().getChildren()) {
        if ("Cone pile".equals(item.getValue())) {
          ((javafx.scene.control.MultipleSelectionModel) tree.getSelectionModel()).select(item);
        }
      }
    });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(volumes.availableProperty()::get));
    ProjectFrame f = fx(() -> volumes.model().frameProperty().get());
    LonLat sw = f.toLonLat(ConeProject.X0, ConeProject.Y0 - 30);
    LonLat ne = f.toLonLat(ConeProject.X0 + 30, ConeProject.Y0);
    robot.interact(() -> map.fitBounds(sw, ne, 20, 26));
    return f;
  }

  @Test
  void aPolygonDrawnAroundTheConeShowsItsVolumeAndFollowsAMovedCorner(FxRobot robot)
      throws Exception {
    ProjectFrame f = openProject(robot);
    VolumeWorkspace volumes = window.volumes();
    VolumeViewModel vm = volumes.model();

    robot.clickOn("#mapPane").push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V);
    assertThat(fx(() -> vm.shape().getPhase())).isEqualTo(Phase.DRAWING);
    assertThat(fx(() -> robot.lookup("#volumeInspector").query().isVisible())).isTrue();
    assertThat(text(robot, "#toolStatus")).contains("Measure volume: click to add corners");

    double[][] corners = {{500005, 5200005}, {500025, 5200005}, {500025, 5200025},
        {500005, 5200025}};
    for (int i = 0; i < 3; i++) {
      robot.clickOn(screen(f, corners[i][0], corners[i][1]));
    }
    robot.moveTo(screen(f, corners[3][0], corners[3][1])).doubleClickOn(MouseButton.PRIMARY);
    assertThat(fx(() -> vm.shape().getPhase())).isEqualTo(Phase.EDITING);

    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() ->
        vm.measurementProperty().get() != null && !vm.computingProperty().get()));
    Measurement m = fx(() -> vm.measurementProperty().get());
    double cone = ConeProject.coneVolume();
    assertThat(figure(robot, "#volumeCut")).isCloseTo(cone, within(cone * 0.01));
    assertThat(figure(robot, "#volumeFill")).isCloseTo(0, within(cone * 0.01));
    assertThat(text(robot, "#volumeCut")).contains("m³").contains("±");
    double drawn = shoelace(m.ring());
    assertThat(drawn).as("the clicks land within a pixel of the corners")
        .isCloseTo(400, within(400 * 0.02));
    assertThat(figure(robot, "#volumeArea")).isCloseTo(drawn, within(drawn * 0.001));
    assertThat(text(robot, "#volumeBaseLevel")).startsWith(VolumeFormat.number(100.0));

    // the tint: the cone is cut, up to its height above the flat base
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> volumes.overlay().tint()
        != null && volumes.shownVolumeProperty().get() != null));
    VolumeOverlay.Tint tint = fx(() -> volumes.overlay().tint());
    assertThat(tint.maxCut()).isCloseTo(ConeProject.HEIGHT, within(0.3));
    assertThat(tint.maxFill()).isLessThan(0.05);
    assertThat(fx(() -> volumes.shownVolumeProperty().get().base()
        .applyAsDouble(ConeProject.CX, ConeProject.CY))).isCloseTo(100, within(0.01));

    // drag the north-east corner 4 m further north: the area follows, the cone stays inside
    Point2D from = screen(f, corners[2][0], corners[2][1]);
    Point2D to = screen(f, corners[2][0], corners[2][1] + 4);
    robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() ->
        vm.measurementProperty().get() != m && vm.measurementProperty().get() != null
            && !vm.computingProperty().get()));
    Measurement moved = fx(() -> vm.measurementProperty().get());
    double movedArea = shoelace(moved.ring());
    assertThat(movedArea).isCloseTo(440, within(440 * 0.03));
    assertThat(figure(robot, "#volumeArea")).isCloseTo(movedArea, within(movedArea * 0.001));
    assertThat(figure(robot, "#volumeCut")).isCloseTo(cone, within(cone * 0.01));

    // Ctrl+Z puts the corner back
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() ->
        vm.measurementProperty().get() != moved && vm.measurementProperty().get() != null
            && !vm.computingProperty().get()));
    assertThat(figure(robot, "#volumeArea")).isCloseTo(drawn, within(drawn * 0.001));
  }

  @Test
  void theProfileCrossesTheConeAndTheExportsAndAnnotationKeepTheFigures(FxRobot robot)
      throws Exception {
    ProjectFrame f = openProject(robot);
    VolumeWorkspace volumes = window.volumes();
    VolumeViewModel vm = volumes.model();
    robot.interact(volumes::start);
    robot.interact(() -> vm.baseSurfaceProperty().set(BaseChoice.AVERAGE));
    double[][] corners = {{500005, 5200005}, {500025, 5200005}, {500025, 5200025},
        {500005, 5200025}};
    for (double[] c : corners) {
      robot.clickOn(screen(f, c[0], c[1]));
    }
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() ->
        vm.measurementProperty().get() != null && !vm.computingProperty().get()
            && volumes.shownVolumeProperty().get() != null));
    Measurement m = fx(() -> vm.measurementProperty().get());
    assertThat(m.figures().baseSurface()).isEqualTo("average");

    // a profile west to east through the cone's top
    robot.clickOn("#volumeProfile");
    assertThat(text(robot, "#toolStatus")).startsWith("Profile:");
    robot.clickOn(screen(f, 500002, ConeProject.CY));
    robot.clickOn(screen(f, 500028, ConeProject.CY));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() ->
        volumes.profileWindow() != null && volumes.profileWindow().stage().isShowing()));
    List<XYChart.Series<Number, Number>> series =
        fx(() -> List.copyOf(volumes.profileWindow().chart().getData()));
    assertThat(series).extracting(XYChart.Series::getName).containsExactly("DSM", "Volume base");
    double top = fx(() -> series.get(0).getData().stream()
        .mapToDouble(d -> d.getYValue().doubleValue()).max().orElseThrow());
    assertThat(top).isCloseTo(ConeProject.GROUND + ConeProject.HEIGHT, within(0.1));
    double length = fx(() -> series.get(0).getData().get(series.get(0).getData().size() - 1)
        .getXValue().doubleValue());
    assertThat(length).isCloseTo(26, within(0.5));
    assertThat(fx(() -> series.get(1).getData().get(0).getYValue().doubleValue()))
        .isCloseTo(100, within(0.01));
    robot.interact(() -> volumes.profileWindow().stage().close());

    // CSV and PDF
    Path csv = dir.resolve("cone.csv");
    Path pdf = dir.resolve("cone.pdf");
    robot.interact(() -> {
      volumes.writeCsv(m, csv);
      volumes.writePdf(m, pdf);
    });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(csv) && Files.exists(pdf)
        && fx(() -> vm.messageProperty().get() != null
            && vm.messageProperty().get().startsWith("Report written")));
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).startsWith("project,crs,measured_at,base_surface");
    assertThat(lines.get(1)).startsWith("Cone pile,EPSG:32633,");
    assertThat(lines).hasSize(2 + 1 + 1 + 4);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Cone pile").contains("EPSG:32633")
          .contains(String.format(Locale.ROOT, "%,.2f", m.figures().cut()))
          .contains("Average boundary height");
      assertThat(doc.getPage(0).getResources().getXObjectNames()).as("the map snapshot")
          .hasSize(1);
    }

    // saved as an annotation of the project, with the figures as its volume
    robot.interact(() -> vm.saveAsAnnotation("Cone"));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> vm.annotationId() != null));
    JsonNode saved = client.annotations(project.id()).stream()
        .filter(a -> a.path("id").asText().equals(fx(vm::annotationId))).findFirst()
        .orElseThrow();
    assertThat(saved.path("geometry").path("type").asText()).isEqualTo("Polygon");
    assertThat(saved.path("geometry").path("coordinates").path(0).size()).isEqualTo(5);
    assertThat(saved.path("properties").path("name").asText()).isEqualTo("Cone");
    assertThat(saved.path("properties").path("volume").path("cut").asDouble())
        .isEqualTo(m.figures().cut());
    assertThat(saved.path("properties").path("volume").path("base_surface").asText())
        .isEqualTo("average");

    // and measured again from it
    robot.interact(() -> {
      volumes.close();
      volumes.loadAnnotation(saved);
    });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() ->
        vm.measurementProperty().get() != null && !vm.computingProperty().get()));
    assertThat(fx(() -> vm.measurementProperty().get().figures().cut()))
        .isCloseTo(m.figures().cut(), within(1e-6));
  }

  private static double shoelace(List<double[]> ring) {
    double s = 0;
    for (int i = 0; i < ring.size(); i++) {
      double[] a = ring.get(i);
      double[] b = ring.get((i + 1) % ring.size());
      s += a[0] * b[1] - b[0] * a[1];
    }
    return Math.abs(s) / 2;
  }
}

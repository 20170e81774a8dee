package io.tessera.ui.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.ProjectsClient;
import io.tessera.testing.RunningService;
import io.tessera.ui.task.ManualTaskExecutor;
import io.tessera.ui.volume.VolumeViewModel.Measurement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The volume model against a real service: edits are debounced into one request, answers to
 * older polygons are dropped, options ask again, and refusals read as sentences.
 */
class VolumeViewModelTest {
  private static RunningService service;
  private static ProjectsClient client;
  private static ProjectDto project;

  private final ManualTaskExecutor executor = new ManualTaskExecutor();
  private final ManualScheduler clock = new ManualScheduler();
  private VolumeViewModel vm;
  private ProjectFrame frame;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start();
    client = new ProjectsClient(service.desktop());
    Path dir = Files.createTempDirectory("tessera-volume-vm-");
    project = ConeProject.create(client, dir, "Cone");
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @BeforeEach
  void model() throws Exception {
    vm = new VolumeViewModel(client, executor, clock);
    frame = new ProjectFrame(project.id(), project.name(), project.coordinateSystem());
    vm.frameProperty().set(frame);
  }

  /** Draws the square from (x0, y0) to (x1, y1) in project coordinates, finished. */
  private void square(double x0, double y0, double x1, double y1) throws Exception {
    vm.start();
    vm.shape().addVertex(frame.toLonLat(x0, y0));
    vm.shape().addVertex(frame.toLonLat(x1, y0));
    vm.shape().addVertex(frame.toLonLat(x1, y1));
    vm.shape().addVertex(frame.toLonLat(x0, y1));
    vm.shape().finish();
  }

  @Test
  void aBurstOfEditsAsksOnceWhenItRests() throws Exception {
    square(500005, 5200005, 500025, 5200025);
    assertThat(vm.computingProperty().get()).isTrue();
    assertThat(vm.requestsSent()).as("nothing asked while the edits go on").isZero();
    assertThat(clock.live()).isEqualTo(1);

    clock.elapse();

    assertThat(vm.requestsSent()).isEqualTo(1);
    assertThat(executor.pending()).isEqualTo(1);
    executor.runNext();
    Measurement m = vm.measurementProperty().get();
    assertThat(m).isNotNull();
    assertThat(vm.computingProperty().get()).isFalse();
    assertThat(m.figures().cut()).isCloseTo(ConeProject.coneVolume(),
        within(ConeProject.coneVolume() * 0.005));
    assertThat(m.figures().area()).isCloseTo(400, within(0.5));
    assertThat(m.figures().baseSurface()).isEqualTo("triangulated");
  }

  @Test
  void anAnswerForAnOlderPolygonIsDropped() throws Exception {
    square(500005, 5200005, 500025, 5200025);
    clock.elapse();
    // the user drags a corner out before the first answer came: the square grows to 20 × 22 m
    vm.shape().beginMove(2);
    vm.shape().dragTo(frame.toLonLat(500025, 5200027));
    vm.shape().endGesture();
    clock.elapse();
    assertThat(vm.requestsSent()).isEqualTo(2);
    assertThat(executor.pending()).isEqualTo(2);

    executor.runLast();
    double newer = vm.measurementProperty().get().figures().polygonArea();
    executor.runNext();

    assertThat(vm.measurementProperty().get().figures().polygonArea())
        .as("the older answer came last and was dropped").isEqualTo(newer);
    assertThat(newer).isCloseTo(420, within(0.5));
  }

  @Test
  void optionsAskAgainAndAnswersFollowThem() throws Exception {
    square(500005, 5200005, 500025, 5200025);
    clock.elapse();
    executor.runNext();

    vm.unitsProperty().set(VolumeUnit.YARD);
    vm.baseSurfaceProperty().set(BaseChoice.CUSTOM);
    assertThat(vm.customElevationProperty().get()).as("starts from the base measured")
        .isEqualTo("100.00");
    vm.customElevationProperty().set("");
    assertThat(vm.errorProperty().get()).contains("custom base elevation");
    assertThat(clock.live()).as("no request without an elevation").isZero();
    vm.customElevationProperty().set("99,5");
    clock.elapse();
    executor.runNext();

    Measurement m = vm.measurementProperty().get();
    assertThat(vm.errorProperty().get()).isNull();
    assertThat(m.customElevation()).isEqualTo(99.5);
    assertThat(m.figures().units()).isEqualTo("yd");
    double cubicMetres = ConeProject.coneVolume() + 400 * 0.5;
    assertThat(m.figures().cut()).isCloseTo(cubicMetres / Math.pow(0.9144, 3),
        within(cubicMetres * 0.01));
    assertThat(vm.requestsSent()).isEqualTo(2);
  }

  @Test
  void aPolygonOffTheDsmReadsAsASentence() throws Exception {
    square(400000, 5100000, 400020, 5100020);
    clock.elapse();
    executor.runNext();

    assertThat(vm.measurementProperty().get()).isNull();
    assertThat(vm.errorProperty().get())
        .isEqualTo("The polygon lies outside the DSM: draw it over the DSM's area.");
  }

  @Test
  void anInvalidShapeAsksNothingAndSaysWhy() throws Exception {
    vm.start();
    vm.shape().addVertex(frame.toLonLat(500005, 5200005));
    vm.shape().addVertex(frame.toLonLat(500025, 5200025));
    vm.shape().addVertex(frame.toLonLat(500025, 5200005));
    vm.shape().addVertex(frame.toLonLat(500005, 5200025));
    vm.shape().finish();

    assertThat(clock.live()).isZero();
    assertThat(vm.measurementProperty().get()).isNull();
    assertThat(vm.errorProperty().get()).isNotBlank();
  }
}

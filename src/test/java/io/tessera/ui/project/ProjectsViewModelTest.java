package io.tessera.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.api.dto.PhotogrammetryDtos.OutputDto;
import io.tessera.client.ProjectsClient;
import io.tessera.testing.RunningService;
import io.tessera.ui.task.CurrentThreadTaskExecutor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's projects against the real service: create, import by path, follow the import. */
class ProjectsViewModelTest {
  private static RunningService svc;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  private ProjectsViewModel model() {
    // the next look at a pending import comes after a short pause, on this thread
    return new ProjectsViewModel(new ProjectsClient(svc.desktop()),
        new CurrentThreadTaskExecutor(), r -> {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          r.run();
        });
  }

  private Path fixture(String name) throws Exception {
    Path p = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/rasters/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void aDsmImportedByPathIsFollowedUntilItIsReady() throws Exception {
    ProjectsViewModel vm = model();
    vm.create("Quarry", "EPSG:32633");
    assertThat(vm.currentProperty().get().name()).isEqualTo("Quarry");
    assertThat(vm.projects()).extracting(p -> p.name()).contains("Quarry");

    vm.importOutput(fixture("dsm-f32-tiled-deflate-p3.tif"), "dsm");
    assertThat(vm.errorProperty().get()).isNull();
    assertThat(vm.importProgressProperty().get()).as("the import ended").isNull();
    assertThat(vm.messageProperty().get()).isEqualTo("dsm-f32-tiled-deflate-p3.tif imported");
    OutputDto dsm = vm.ready(List.of("dsm")).orElseThrow();
    assertThat(ProjectWorkspace.describe(dsm)).isEqualTo("DSM: dsm-f32-tiled-deflate-p3.tif");
    assertThat(ProjectWorkspace.bounds((java.util.Map<?, ?>) dsm.raster())).hasValueSatisfying(
        b -> assertThat(b[0].lonDeg()).isBetween(14.9, 15.1));

    // a second model sees the project and its output
    ProjectsViewModel other = model();
    other.refresh();
    other.currentProperty().set(other.projects().stream()
        .filter(p -> p.id() == vm.currentProperty().get().id()).findFirst().orElseThrow());
    assertThat(other.outputs()).extracting(OutputDto::outputType).containsExactly("dsm");
  }

  @Test
  void aFailedImportSaysWhyAndImportsNeedAProject() throws Exception {
    ProjectsViewModel vm = model();
    vm.importOutput(fixture("not-a-tiff.tif"), "dsm");
    assertThat(vm.errorProperty().get()).startsWith("Choose a project first");

    vm.create("Broken", "EPSG:32633");
    vm.importOutput(dir.resolve("not-a-tiff.tif"), "dsm");
    assertThat(vm.errorProperty().get()).startsWith("The import of not-a-tiff.tif failed: ")
        .contains("TIFF");
    assertThat(vm.ready(List.of("dsm"))).isEmpty();
  }

  @Test
  void cameraPlacementsBecomeTheThreeDPanesPoses() throws Exception {
    com.fasterxml.jackson.databind.JsonNode list = svc.desktop().json().readTree("""
        [{"photo_id": 1, "x": 500100.5, "y": 5200200.25, "z": 126.5, "yaw": -178.5,
          "pitch": -89.9, "roll": 0, "horizontal_fov": 73.7, "aspect": 1.5,
          "angles_known": true}]""");
    assertThat(ProjectWorkspace.poses(list)).containsExactly(new io.tessera.ui.scene3d.CameraPose(
        500100.5, 5200200.25, 126.5, -178.5, -89.9, 0, 73.7, 1.5));
  }
}

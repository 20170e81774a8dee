package io.tessera.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.client.AnnotationsClient;
import io.tessera.client.ProjectsClient;
import io.tessera.core.crs.Crs;
import io.tessera.core.crs.Position;
import io.tessera.core.geo.LonLat;
import io.tessera.testing.RunningService;
import io.tessera.ui.map.draw.ShapeKind;
import io.tessera.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotations of a project against a real embedded service: every change is saved at once in
 * the project's coordinates, and undo / redo walk the service back and forth too.
 */
class AnnotationsViewModelTest {
  @TempDir Path temp;
  private RunningService service;
  private AnnotationsClient client;
  private AnnotationsViewModel vm;
  private ProjectDto project;

  private static final List<LonLat> SQUARE = List.of(new LonLat(15.0, 59.0),
      new LonLat(15.001, 59.0), new LonLat(15.001, 59.0005), new LonLat(15.0, 59.0005));

  @BeforeEach
  void start() {
    service = RunningService.start(temp);
    client = new AnnotationsClient(service.desktop());
    project = new ProjectsClient(service.desktop()).create("Quarry", "EPSG:32633");
    vm = new AnnotationsViewModel(client, new CurrentThreadTaskExecutor());
    vm.setProject(project);
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void aNewPolygonIsStoredInTheProjectsCoordinatesAndEditsFollow() throws Exception {
    AnnotationItem item = vm.create(AnnotationData.drawn(ShapeKind.POLYGON, SQUARE, "Pit"));

    assertThat(item.problemProperty().get()).isNull();
    assertThat(item.id()).startsWith("Project_" + project.id() + "_");
    assertThat(vm.selectedProperty().get()).isSameAs(item);
    JsonNode stored = client.get(item.id());
    JsonNode ring = stored.path("geometry").path("coordinates").path(0);
    assertThat(ring).hasSize(5);
    Position expected = Crs.parse("EPSG:4326").transformTo(Crs.parse("EPSG:32633"))
        .apply(new Position(15.0, 59.0, Double.NaN));
    assertThat(ring.get(0).get(0).asDouble()).isCloseTo(expected.x(), within(1e-6));
    assertThat(ring.get(0).get(1).asDouble()).isCloseTo(expected.y(), within(1e-6));
    assertThat(stored.path("properties").path("color_fill").asText()).isEqualTo("#1E88E540");

    vm.change(item, item.data().withName("North pit").withColor("#FF000080"), "Rename");
    assertThat(client.get(item.id()).path("properties").path("name").asText())
        .isEqualTo("North pit");
    assertThat(vm.undoNameProperty().get()).isEqualTo("Rename");
    vm.undo();
    assertThat(item.data().name()).isEqualTo("Pit");
    assertThat(client.get(item.id()).path("properties").path("name").asText()).isEqualTo("Pit");
    vm.redo();
    assertThat(client.get(item.id()).path("properties").path("color").asText())
        .isEqualTo("#FF000080");
  }

  @Test
  void aDeleteIsUndoneByCreatingItAgainAndTheListReloadsFromTheService() {
    AnnotationItem item = vm.create(AnnotationData.drawn(ShapeKind.LINE,
        SQUARE.subList(0, 2), "Fence"));
    String first = item.id();

    AnnotationItem other = vm.create(AnnotationData.drawn(ShapeKind.POINT,
        SQUARE.subList(0, 1), "Well"));
    vm.selectedProperty().set(item);
    vm.delete(item);
    assertThat(vm.items()).containsExactly(other);
    assertThat(vm.selectedProperty().get()).as("nothing else is picked for the user").isNull();
    vm.delete(other);
    assertThat(vm.items()).isEmpty();
    assertThat(vm.selectedProperty().get()).isNull();
    assertThat(client.list(project.id())).isEmpty();
    assertThat(vm.undoNameProperty().get()).isEqualTo("Delete Point");

    vm.undo();
    vm.undo();
    vm.redo();
    vm.undo();
    assertThat(vm.items()).hasSize(2);
    vm.undo(); // the point's creation

    assertThat(vm.items()).containsExactly(item);
    assertThat(item.id()).isNotNull().isNotEqualTo(first);
    assertThat(client.list(project.id())).hasSize(1);

    AnnotationsViewModel again = new AnnotationsViewModel(client, new CurrentThreadTaskExecutor());
    again.setProject(project);
    assertThat(again.items()).hasSize(1);
    AnnotationData loaded = again.items().get(0).data();
    assertThat(loaded.kind()).isEqualTo(ShapeKind.LINE);
    assertThat(loaded.name()).isEqualTo("Fence");
    for (int i = 0; i < 2; i++) {
      assertThat(loaded.vertices().get(i).lonDeg()).isCloseTo(SQUARE.get(i).lonDeg(), within(1e-9));
      assertThat(loaded.vertices().get(i).latDeg()).isCloseTo(SQUARE.get(i).latDeg(), within(1e-9));
    }
    assertThat(loaded.lengthMeters()).isCloseTo(item.data().lengthMeters(), within(1e-4));
  }

  @Test
  void anImportIsOneChangeAndTheFilterPicksByNameAndKind() {
    vm.importAll(List.of(
        AnnotationData.drawn(ShapeKind.POINT, SQUARE.subList(0, 1), "Well"),
        AnnotationData.drawn(ShapeKind.LINE, SQUARE.subList(0, 2), "Fence west"),
        AnnotationData.drawn(ShapeKind.POLYGON, SQUARE, "Fence yard")));
    assertThat(client.list(project.id())).hasSize(3);

    vm.filterTextProperty().set("fence");
    assertThat(vm.shown()).extracting(i -> i.data().name())
        .containsExactly("Fence west", "Fence yard");
    vm.filterKindProperty().set(ShapeKind.POLYGON);
    assertThat(vm.shown()).extracting(i -> i.data().name()).containsExactly("Fence yard");

    assertThat(vm.undoNameProperty().get()).isEqualTo("Import 3 Annotations");
    vm.undo();
    assertThat(vm.items()).isEmpty();
    assertThat(client.list(project.id())).isEmpty();
  }

  @Test
  void aPolygonThatCrossesItselfIsKeptButNotSavedAndSaysWhy() {
    AnnotationItem item = vm.create(AnnotationData.drawn(ShapeKind.POLYGON, SQUARE, "Pit"));
    List<LonLat> bowTie = List.of(SQUARE.get(0), SQUARE.get(2), SQUARE.get(1), SQUARE.get(3));

    vm.change(item, item.data().withVertices(bowTie), "Move Vertex");

    assertThat(item.data().vertices()).isEqualTo(bowTie);
    assertThat(item.problemProperty().get())
        .isEqualTo("The polygon is not valid (its edges cross). It is not saved until it is.");
    vm.undo();
    assertThat(item.problemProperty().get()).isNull();
  }

  @Test
  void aServiceThatIsGoneLeavesTheChangeWithAReadableProblem() {
    AnnotationItem item = vm.create(AnnotationData.drawn(ShapeKind.POINT, SQUARE.subList(0, 1),
        "Well"));
    service.close();

    vm.change(item, item.data().withName("Dry well"), "Rename");

    assertThat(item.data().name()).isEqualTo("Dry well");
    assertThat(item.problemProperty().get()).isEqualTo("“Dry well” could not be saved: the"
        + " service cannot be reached. Check that Tessera is running. The change is kept here;"
        + " the next change saves it again.");
    assertThat(vm.errorProperty().get()).isEqualTo(item.problemProperty().get());
  }
}

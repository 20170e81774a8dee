package io.tessera.service.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.core.project.Annotation;
import io.tessera.core.project.PermissionToken;
import io.tessera.core.project.Project;
import io.tessera.service.DomainException;
import io.tessera.service.OrganizationService;
import io.tessera.service.auth.Principal;
import io.tessera.service.auth.Role;
import io.tessera.service.security.RandomSecrets;
import io.tessera.store.AnnotationRepository;
import io.tessera.store.Database;
import io.tessera.testing.MutableClock;
import io.tessera.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Annotations and share tokens on real H2 and real PostgreSQL (both dialects' SQL). */
class AnnotationServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;

  static Stream<String> databases() throws Exception {
    return TestDatabases.fresh(dir.resolve("db-" + System.nanoTime())).stream();
  }

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json);
  }

  private static String polygon(long project, double size) {
    return "{\"entity_type\": \"Project\", \"entity_id\": " + project + ", \"tags\": [\"pile\"],"
        + " \"properties\": {\"name\": \"Pile\", \"color\": \"#FF000080\", \"custom\": 1},"
        + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 0, 1], [" + size
        + ", 0, 1], [" + size + ", " + size + ", 2], [0, 0, 1]]]}}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void annotationsAndShareTokens(String url) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-17T10:00:00Z"));
    Database db = Database.open(url, clock);
    try {
      db.migrate(dir.resolve("backups"));
      String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Test");
      ProjectService projects = new ProjectService(db.jdbi(), clock, new CoordinateSystems(),
          new DriveService(db.jdbi(), clock));
      AnnotationService annotations = new AnnotationService(db.jdbi(), clock, projects);
      PermissionTokenService tokens = new PermissionTokenService(db.jdbi(), clock, projects);
      Principal desktop = new Principal(Principal.Kind.DESKTOP, "desktop", org, null,
          Role.ADMIN, Set.of(), false, null);
      Project p = projects.create(desktop, new ProjectService.NewProject("Quarry", null, null,
          "EPSG:32611", null, null, null));
      Project other = projects.create(desktop, new ProjectService.NewProject("Other", null,
          null, null, null, null, null));

      // a batch: two valid items, one with an open ring
      List<AnnotationService.Outcome> made = annotations.create(desktop, tree("["
          + polygon(p.id(), 10) + ", " + polygon(p.id(), 20).replace("[0, 0, 1]]]", "[0, 1, 1]]]")
          + ", " + polygon(p.id(), 30) + "]"));
      assertThat(made).extracting(AnnotationService.Outcome::success)
          .containsExactly(true, false, true);
      assertThat(made.get(1).errors()).containsKey("geometry");
      String first = made.get(0).annotationId();
      String third = made.get(2).annotationId();
      assertThat(Annotation.projectOf(first)).isEqualTo(p.id());

      AnnotationService.Page page = annotations.search(desktop, "Project",
          Long.toString(p.id()), null, 1);
      assertThat(page.results()).extracting(Annotation::id).containsExactly(first);
      assertThat(page.nextKey()).isEqualTo(first);
      AnnotationService.Page rest = annotations.search(desktop, "Project",
          Long.toString(p.id()), page.nextKey(), 1);
      assertThat(rest.results()).extracting(Annotation::id).containsExactly(third);
      assertThat(rest.nextKey()).isNull();
      Annotation stored = rest.results().get(0);
      assertThat(stored.geometryType()).isEqualTo("Polygon");
      assertThat(new double[] {stored.minX(), stored.minY(), stored.maxX(), stored.maxY()})
          .containsExactly(0, 0, 30, 30);
      assertThat(tree(stored.properties()).path("custom").asInt()).isEqualTo(1);
      assertThat(tree(stored.tags()).get(0).asText()).isEqualTo("pile");
      assertThat(stored.createdAt()).isEqualTo(clock.instant());
      assertThat(stored.version()).isEqualTo(1);

      // the bounding box serves spatial filters
      List<Annotation> near = db.jdbi().withHandle(h -> new AnnotationRepository().within(h,
          org, p.id(), 15, 15, 40, 40));
      assertThat(near).extracting(Annotation::id).containsExactly(third);

      clock.advance(Duration.ofMinutes(5));
      Annotation overwritten = annotations.overwrite(desktop, first, tree(polygon(p.id(), 5)
          .replace("#FF000080", "#00FF00FF")), 1L);
      assertThat(overwritten.version()).isEqualTo(2);
      assertThat(overwritten.maxX()).isEqualTo(5);
      assertThat(overwritten.updatedAt()).isAfter(overwritten.createdAt());
      assertThat(tree(overwritten.properties()).path("color").asText()).isEqualTo("#00FF00FF");
      assertThatThrownBy(() -> annotations.overwrite(desktop, first, tree(polygon(p.id(), 6)),
          1L)).isInstanceOf(DomainException.StaleVersion.class);
      assertThatThrownBy(() -> annotations.overwrite(desktop, first, tree(polygon(other.id(),
          6)), null)).isInstanceOf(DomainException.BadRequest.class)
          .hasMessageContaining("entity_id");

      // share tokens: stored by hash only; the principal reaches its project only
      PermissionTokenService.Created ro = tokens.create(desktop, new PermissionTokenService
          .NewToken("Project", p.id(), false, null, null));
      assertThat(ro.token().tokenHash()).isEqualTo(RandomSecrets.sha256Hex(ro.secret()));
      List<Map<String, Object>> rows = db.jdbi().withHandle(h -> h.createQuery(
          "SELECT * FROM permission_token").mapToMap().list());
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).values()).noneMatch(v -> String.valueOf(v).contains(ro.secret()));
      Principal reader = tokens.principalFor(ro.secret(), p.id(), false);
      assertThat(reader.kind()).isEqualTo(Principal.Kind.SHARE_TOKEN);
      assertThat(annotations.search(reader, "Project", Long.toString(p.id()), null, null)
          .results()).hasSize(2);
      assertThatThrownBy(() -> tokens.principalFor(ro.secret(), p.id(), true))
          .isInstanceOf(DomainException.Forbidden.class);
      assertThatThrownBy(() -> tokens.principalFor(ro.secret(), other.id(), false))
          .isInstanceOf(DomainException.Forbidden.class);
      assertThatThrownBy(() -> annotations.search(reader, "Project",
          Long.toString(other.id()), null, null)).isInstanceOf(DomainException.Forbidden.class);
      assertThatThrownBy(() -> annotations.delete(reader, first))
          .isInstanceOf(DomainException.Forbidden.class);
      assertThatThrownBy(() -> projects.list(reader, 1, 10))
          .isInstanceOf(DomainException.Forbidden.class);
      assertThatThrownBy(() -> tokens.list(reader, null, null, null, null, 1, 10))
          .isInstanceOf(DomainException.Forbidden.class);

      PermissionTokenService.Created rw = tokens.create(desktop, new PermissionTokenService
          .NewToken("Project", p.id(), null, null, null));
      assertThat(rw.token().canWrite()).isTrue();
      Principal writer = tokens.principalFor(rw.secret(), true);
      List<AnnotationService.Outcome> mixed = annotations.create(writer, tree("["
          + polygon(p.id(), 1) + ", " + polygon(other.id(), 1) + "]"));
      assertThat(mixed).extracting(AnnotationService.Outcome::success)
          .containsExactly(true, false);
      assertThatThrownBy(() -> projects.create(writer, new ProjectService.NewProject("X", null,
          null, null, null, null, null))).isInstanceOf(DomainException.Forbidden.class);

      assertThat(tokens.list(desktop, "Project", p.id(), true, null, 1, 10).count())
          .isEqualTo(2);
      assertThat(tokens.setEnabled(desktop, "Project", p.id(), false))
          .extracting(PermissionToken::enabled).containsOnly(false);
      assertThatThrownBy(() -> tokens.principalFor(rw.secret(), p.id(), false))
          .isInstanceOf(DomainException.Unauthenticated.class);
      PermissionToken back = tokens.update(desktop, ro.token().id(), true, true);
      assertThat(back.enabled()).isTrue();
      assertThat(back.canWrite()).isTrue();
      assertThat(back.version()).isEqualTo(3);
      assertThat(tokens.principalFor(ro.secret(), p.id(), true).scopes()).contains("write");
      tokens.delete(desktop, ro.token().id());
      assertThatThrownBy(() -> tokens.principalFor(ro.secret(), p.id(), false))
          .isInstanceOf(DomainException.Unauthenticated.class);

      // deletes: one, a batch, all of the entity; a trashed project lists nothing
      annotations.delete(desktop, first);
      assertThatThrownBy(() -> annotations.delete(desktop, first))
          .isInstanceOf(DomainException.NotFound.class);
      assertThat(annotations.delete(desktop, tree("[\"" + third + "\", \"" + first + "\"]")))
          .extracting(AnnotationService.Outcome::success).containsExactly(true, false);
      assertThat(annotations.search(desktop, "Project", Long.toString(p.id()), null, null)
          .results()).hasSize(1);
      annotations.create(desktop, tree("[" + polygon(other.id(), 2) + "]"));
      projects.delete(desktop, other.id());
      assertThatThrownBy(() -> annotations.search(desktop, "Project",
          Long.toString(other.id()), null, null)).isInstanceOf(DomainException.NotFound.class);
      long trashed = db.jdbi().withHandle(h -> new AnnotationRepository().count(h, org,
          other.id()));
      assertThat(trashed).isZero();
      assertThat(annotations.deleteAll(desktop, "Project", Long.toString(p.id()))).isEqualTo(1);
      assertThat(annotations.search(desktop, "Project", Long.toString(p.id()), null, null)
          .results()).isEmpty();
    } finally {
      db.close();
    }
  }
}

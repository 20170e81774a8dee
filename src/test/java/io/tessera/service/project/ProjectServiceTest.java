package io.tessera.service.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.dzi.DziOptions;
import io.tessera.core.dzi.TestImages;
import io.tessera.core.project.Project;
import io.tessera.core.project.ProjectPhoto;
import io.tessera.service.DomainException;
import io.tessera.service.OrganizationService;
import io.tessera.service.auth.Principal;
import io.tessera.service.auth.Role;
import io.tessera.service.deepzoom.ContentService;
import io.tessera.service.deepzoom.TileStore;
import io.tessera.service.job.JobService;
import io.tessera.service.security.OutboundPolicy;
import io.tessera.service.security.PinnedDns;
import io.tessera.store.BlobStore;
import io.tessera.store.Database;
import io.tessera.testing.MutableClock;
import io.tessera.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Projects, photos, tie points and marks on real H2 and real PostgreSQL (both dialects' SQL). */
class ProjectServiceTest {
  @TempDir static Path dir;

  static Stream<String> databases() throws Exception {
    return TestDatabases.fresh(dir.resolve("db-" + System.nanoTime())).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aProjectWithPhotosTiePointsAndMarks(String url) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-17T10:00:00Z"));
    Database db = Database.open(url, clock);
    JobService jobs = null;
    try {
      db.migrate(dir.resolve("backups"));
      String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Test");
      Path root = dir.resolve("data-" + System.nanoTime());
      BlobStore blobs = new BlobStore(root.resolve("blobs"));
      PinnedDns dns = new PinnedDns();
      jobs = new JobService(db.jdbi(), clock, org, 1);
      ContentService content = new ContentService(db.jdbi(), clock, org, blobs,
          new TileStore(root.resolve("tiles")), new OutboundPolicy(true, Set.of(), List.of(dir),
              dns), dns, jobs, DziOptions.defaults(), "test");
      jobs.register(content);
      ProjectService projects = new ProjectService(db.jdbi(), clock, new CoordinateSystems(),
          new DriveService(db.jdbi(), clock));
      PhotoService photos = new PhotoService(db.jdbi(), clock, blobs, projects, content);
      TiePointService points =
          new TiePointService(db.jdbi(), clock, projects, new CoordinateSystems());
      Principal desktop = new Principal(Principal.Kind.DESKTOP, "desktop", org, null,
          Role.ADMIN, Set.of(), false, null);

      Project p = projects.create(desktop, new ProjectService.NewProject("Coal Oil Point",
          null, null, "EPSG:32611", null, null, null));
      Project second = projects.create(desktop, new ProjectService.NewProject("Second", null,
          null, null, null, null, null));
      assertThat(second.id()).isGreaterThan(p.id());
      assertThat(projects.list(desktop, 1, 1).count()).isEqualTo(2);
      assertThat(projects.list(desktop, 1, 1).results()).extracting(Project::id)
          .containsExactly(second.id());

      byte[] jpeg = TestImages.jpeg(TestImages.textured(400, 300, false), 0.85f, false);
      ProjectPhoto put = photos.put(desktop, p.id(), "a/b/IMG_1.JPG", "IMG_1.JPG",
          new ByteArrayInputStream(jpeg), false);
      assertThat(photos.list(desktop, p.id())).isEmpty();
      assertThat(photos.register(desktop, p.id(), List.of("a/b/IMG_1.JPG"))).isEqualTo(1);
      assertThat(photos.list(desktop, p.id())).extracting(ProjectPhoto::width)
          .containsExactly(400);
      assertThat(put.contentId()).isNotNull();

      points.registerGcps(desktop, p.id(), List.of(new TiePointService.GcpInput("gcp00",
          "GCP", 238850.52, 3811462.51, 2.1, 0.02, 0.05)));
      points.registerMtps(desktop, p.id(), List.of("mtp1"), List.of(true));
      var mark = points.registerMarks(desktop, p.id(), List.of(
          new TiePointService.MarkInput("gcp00", "a/b/IMG_1.JPG", 120.5, 80.25),
          new TiePointService.MarkInput("mtp1", "a/b/IMG_1.JPG", 10.0, 10.0))).get(0);
      assertThat(mark.pointName()).isEqualTo("gcp00");
      assertThat(mark.photoKey()).isEqualTo("a/b/IMG_1.JPG");
      assertThat(points.marks(desktop, p.id())).hasSize(2);
      assertThat(points.undermarked(desktop, p.id())).containsEntry("gcp00", 1)
          .containsEntry("mtp1", 1);
      assertThatThrownBy(() -> points.registerMarks(desktop, p.id(), List.of(
          new TiePointService.MarkInput("gcp00", "a/b/IMG_1.JPG", 1.0, 1.0))))
          .isInstanceOf(DomainException.BadRequest.class)
          .hasMessageStartingWith("Attempt to create existing mark(s)");
      points.delete(desktop, p.id(), "GCP", "gcp00");
      assertThat(points.marks(desktop, p.id())).hasSize(1);

      Project renamed = projects.update(desktop, p.id(),
          new ProjectService.Changes("Renamed", null, null, null), p.version());
      assertThat(renamed.displayName()).isEqualTo("Renamed");
      assertThatThrownBy(() -> projects.update(desktop, p.id(),
          new ProjectService.Changes("Again", null, null, null), p.version()))
          .isInstanceOf(DomainException.StaleVersion.class);
      projects.delete(desktop, second.id());
      assertThat(projects.list(desktop, 1, 10).count()).isEqualTo(1);
    } finally {
      if (jobs != null) {
        jobs.close();
      }
      db.close();
    }
  }
}

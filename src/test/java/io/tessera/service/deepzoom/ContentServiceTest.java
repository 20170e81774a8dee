package io.tessera.service.deepzoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.dzi.DziOptions;
import io.tessera.core.dzi.TestImages;
import io.tessera.core.dzi.TileFormat;
import io.tessera.core.model.Records.Content;
import io.tessera.core.model.Records.Job;
import io.tessera.service.DomainException;
import io.tessera.service.OrganizationService;
import io.tessera.service.auth.Principal;
import io.tessera.service.auth.Role;
import io.tessera.service.job.JobService;
import io.tessera.service.security.OutboundPolicy;
import io.tessera.service.security.PinnedDns;
import io.tessera.store.BlobStore;
import io.tessera.store.ContentRepository;
import io.tessera.store.Database;
import io.tessera.store.JobRepository;
import io.tessera.testing.MutableClock;
import io.tessera.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deep-zoom content on real H2 and real PostgreSQL: tiling by job, existing-source lookups,
 * sharing and who may see what, and a tiling that a stop interrupted being resumed.
 */
class ContentServiceTest {
  @TempDir static Path dir;

  static Stream<String> databases() throws Exception {
    return TestDatabases.fresh(dir.resolve("db-" + System.nanoTime())).stream();
  }

  private record Fixture(Database db, JobService jobs, ContentService content, Principal desktop,
      Path tiles) implements AutoCloseable {
    @Override
    public void close() {
      jobs.close();
      db.close();
    }

    Content settled(String id) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      Content c = content.find(desktop, id).content();
      while (!c.ready() && !c.failed() && System.nanoTime() < deadline) {
        Thread.sleep(10);
        c = content.find(desktop, id).content();
      }
      return c;
    }
  }

  private static Fixture fixture(String url) throws Exception {
    return fixture(url, dir.resolve("data-" + System.nanoTime()));
  }

  /** A service over the database at {@code url} and the data dir {@code root}. */
  private static Fixture fixture(String url, Path root) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-17T10:00:00Z"));
    Database db = Database.open(url, clock);
    db.migrate(dir.resolve("backups"));
    String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Test");
    BlobStore blobs = new BlobStore(root.resolve("blobs"));
    PinnedDns dns = new PinnedDns();
    OutboundPolicy policy = new OutboundPolicy(true, Set.of(), List.of(dir), dns);
    JobService jobs = new JobService(db.jdbi(), clock, org, 1);
    ContentService content = new ContentService(db.jdbi(), clock, org, blobs,
        new TileStore(root.resolve("tiles")), policy, dns, jobs, DziOptions.defaults(), "test");
    jobs.register(content);
    jobs.recover();
    Principal desktop = new Principal(Principal.Kind.DESKTOP, "desktop", org, null, Role.ADMIN,
        Set.of(), false, null);
    return new Fixture(db, jobs, content, desktop, root.resolve("tiles"));
  }

  private static Path jpeg(String name, int width, int height) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, TestImages.jpeg(TestImages.textured(width, height, false), 0.9f, false));
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void contentIsTiledSharedAndSeenOnlyByThoseWhoMay(String url) throws Exception {
    Path file = jpeg("content-" + System.nanoTime() + ".jpg", 700, 500);
    try (Fixture f = fixture(url)) {
      Content made = f.content().byUrl(f.desktop(), file.toUri().toString());
      assertThat(made.displayUrl()).isEqualTo(file.getFileName().toString());
      Content c = f.settled(made.id());
      assertThat(c.ready()).isTrue();
      assertThat(List.of(c.width(), c.height())).containsExactly(700, 500);
      assertThat(c.tileFormat()).isEqualTo("jpg");
      var found = f.content().find(f.desktop(), c.id());
      assertThat(f.content().tile(found, 10, 2, 1, TileFormat.JPG)).exists();
      assertThat(f.content().tile(found, 10, 3, 0, TileFormat.JPG)).isNull();
      assertThat(f.content().byUrl(f.desktop(), file.toUri().toString()).id())
          .isEqualTo(c.id());

      Principal stranger = new Principal(Principal.Kind.USER, "u", "another-org", "x@y", Role.ADMIN,
          Set.of(), false, null);
      assertThatThrownBy(() -> f.content().find(stranger, c.id()))
          .isInstanceOf(DomainException.NotFound.class);
      assertThatThrownBy(() -> f.content().find(null, c.id()))
          .isInstanceOf(DomainException.Unauthenticated.class);

      var shared = f.content().share(f.desktop(), c.id());
      assertThat(shared.shared()).isTrue();
      assertThat(shared.publicId()).hasSize(ContentService.SHARE_ID_LENGTH);
      assertThat(f.content().find(null, shared.publicId()).content().id()).isEqualTo(c.id());
      assertThat(f.content().find(stranger, shared.publicId()).shared()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aTilingThatAStopInterruptedIsResumedAtTheNextStart(String url) throws Exception {
    Path file = jpeg("resume-" + System.nanoTime() + ".jpg", 400, 300);
    String id;
    Path root = dir.resolve("data-" + System.nanoTime());
    try (Fixture before = fixture(url, root)) {
      // what a stop mid-run leaves: the job row 'running', some tiles on disk
      Database db = before.db();
      String org = before.desktop().organizationId();
      Instant now = Instant.parse("2026-06-17T10:00:00Z");
      Job job = new Job("job-resume-" + System.nanoTime(), org, ContentService.JOB_KIND,
          "running", 0.4, null, null, null, false, now, now, null, 1);
      id = "resume" + (System.nanoTime() % 100000);
      Content row = new Content(id, org, null, "file:" + file + "#0-0", "resume.jpg",
          "resume.jpg", null, job.id(), null, null, 254, 1, "jpg", "desktop", now, 1, null, 0,
          null);
      db.jdbi().useTransaction(h -> {
        new JobRepository().insert(h, job);
        new ContentRepository().insert(h, row);
      });
      Files.createDirectories(before.tiles().resolve(id).resolve("9"));
      Files.writeString(before.tiles().resolve(id).resolve("9").resolve("0_0.jpg.part"), "half");
    }
    try (Fixture after = fixture(url, root)) {
      Content c = after.settled(id);
      assertThat(c.ready()).isTrue();
      assertThat(c.width()).isEqualTo(400);
      try (var files = Files.walk(after.tiles().resolve(id))) {
        assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
      }
    }
  }
}

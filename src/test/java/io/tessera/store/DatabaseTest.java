package io.tessera.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.model.Records.Job;
import io.tessera.core.model.Records.User;
import io.tessera.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Migrations and repositories on real H2 and real PostgreSQL, from a freshly migrated database. */
class DatabaseTest {
  @TempDir static Path dir;
  private static final Clock CLOCK = Clock.systemUTC();

  static Stream<String> databases() throws Exception {
    return TestDatabases.fresh(Files.createTempDirectory(dir, "db")).stream();
  }

  private static Database migrated(String url) {
    Database db = Database.open(url, CLOCK);
    db.migrate(dir.resolve("backups"));
    return db;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void migratesOnceAndRoundTripsUsersWithTheirInstants(String url) {
    try (Database db = migrated(url)) {
      assertThat(db.migrate(dir.resolve("backups"))).isZero();
      Database repos = db;
      Instant t = Instant.parse("2026-03-17T10:00:00.123456Z");
      User u = new User("u1", "o1", "a@example.com", "hash", "admin", t, t, null, 1);
      repos.jdbi().useTransaction(h -> {
        new OrganizationRepository().insert(h, "o1", "Org", t);
        new UserRepository().insert(h, u);
      });
      User back = repos.jdbi().withHandle(h -> new UserRepository().byEmail(h, "a@example.com"))
          .orElseThrow();
      assertThat(back).isEqualTo(u);
      assertThat(db.ping()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void jobsListNewestFirstAndFilterByState(String url) {
    try (Database db = migrated(url)) {
      Database repos = db;
      JobRepository jobs = new JobRepository();
      Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      repos.jdbi().useTransaction(h -> {
        new OrganizationRepository().insert(h, "o1", "Org", t);
        jobs.insert(h, new Job("j1", "o1", "purge", "queued", 0, null, null, "{\"a\":1}", false,
            t, null, null, 1));
        jobs.insert(h, new Job("j2", "o1", "purge", "queued", 0, null, null, null, false,
            t.plusSeconds(1), null, null, 1));
        jobs.markRunning(h, "j2", t);
        jobs.progress(h, "j2", 0.5, "half");
      });
      List<Job> all = repos.jdbi().withHandle(h -> jobs.list(h, null, 10));
      assertThat(all).extracting(Job::id).containsExactly("j2", "j1");
      assertThat(all.get(0).progress()).isEqualTo(0.5);
      assertThat(all.get(0).message()).isEqualTo("half");
      assertThat(all.get(1).params()).isEqualTo("{\"a\":1}");
      List<Job> running = repos.jdbi().withHandle(h -> jobs.list(h, "running", 10));
      assertThat(running).extracting(Job::id).containsExactly("j2");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void blobReferencesCountUpAndDown(String url) {
    try (Database db = migrated(url)) {
      Database repos = db;
      BlobRepository blobs = new BlobRepository();
      String sha = "ab".repeat(32);
      Instant t = Instant.now();
      repos.jdbi().useTransaction(h -> {
        blobs.addRef(h, sha, 10, t);
        blobs.addRef(h, sha, 10, t);
        blobs.release(h, sha, t);
      });
      boolean deletedWhileReferenced =
          repos.jdbi().withHandle(h -> blobs.deleteIfUnreferenced(h, sha));
      assertThat(deletedWhileReferenced).isFalse();
      repos.jdbi().useTransaction(h -> blobs.release(h, sha, t));
      List<io.tessera.core.model.Records.Blob> released =
          repos.jdbi().withHandle(h -> blobs.releasedBefore(h, t.plusSeconds(1)));
      assertThat(released).hasSize(1);
      boolean deleted = repos.jdbi().withHandle(h -> blobs.deleteIfUnreferenced(h, sha));
      assertThat(deleted).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aSchemaWrittenByANewerTesseraIsRefused(String url) {
    try (Database db = migrated(url)) {
      // a newer build applied V1000; this build knows only what is in db/migration
      db.migrate(null, List.of("classpath:db/migration", "classpath:db/testmigration"));
      assertThatThrownBy(() -> db.migrate(dir.resolve("backups")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("newer version of Tessera")
          .hasMessageContaining("1000");
    }
  }

  @Test
  void h2IsBackedUpBeforeAPendingMigrationAndKeepsItsData(@TempDir Path tmp) throws Exception {
    String url = "jdbc:h2:file:" + tmp.resolve("db/tessera") + ";WRITE_DELAY=0";
    Path backups = tmp.resolve("backups");
    try (Database db = migrated(url)) {
      db.jdbi().useHandle(h -> new OrganizationRepository().insert(h, "o1", "Kept", Instant.now()));
      int applied =
          db.migrate(backups, List.of("classpath:db/migration", "classpath:db/testmigration"));
      assertThat(applied).isEqualTo(1);
      var org = db.jdbi().withHandle(h -> new OrganizationRepository().first(h));
      assertThat(org.orElseThrow().name()).isEqualTo("Kept");
    }
    try (Stream<Path> files = Files.list(backups)) {
      List<Path> zips = files.toList();
      assertThat(zips).hasSize(1);
      assertThat(zips.get(0).getFileName().toString()).startsWith("before-v1000-").endsWith(".zip");
      try (var zip = new java.util.zip.ZipFile(zips.get(0).toFile())) {
        assertThat(zip.stream().map(e -> e.getName())).anyMatch(n -> n.endsWith(".mv.db"));
      }
    }
  }

  @Test
  void schemaVersionNamesTheNewestMigrationFile() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      int newest = files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .max().orElseThrow();
      assertThat(Database.SCHEMA_VERSION).isEqualTo(newest);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theStartUpFastPathMigratesAnEmptyDatabaseAndRefusesANewerOne(String url)
      throws Exception {
    long files;
    try (Stream<Path> all = Files.list(Path.of("src/main/resources/db/migration"))) {
      files = all.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
    try (Database db = Database.open(url, CLOCK)) {
      // every migration file runs once (versions may have gaps while a reserved one is pending)
      assertThat(db.migrateIfBehind(null)).isEqualTo((int) files);
      assertThat(db.appliedVersion()).isEqualTo(Database.SCHEMA_VERSION);
      assertThat(db.migrateIfBehind(null)).isZero();
      db.migrate(null, List.of("classpath:db/migration", "classpath:db/testmigration"));
      assertThatThrownBy(() -> db.migrateIfBehind(null))
          .hasMessageContaining("newer version of Tessera");
    }
  }

  @Test
  void unsupportedUrlsAreRefusedWithoutTheirPassword() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://h/db?password=hunter2", CLOCK))
        .hasMessageContaining("unsupported database URL")
        .hasMessageNotContaining("hunter2");
  }
}

package io.tessera.store;

import io.tessera.core.mission.Submission;
import io.tessera.core.mission.SubmissionImage;
import io.tessera.core.model.Records.ApiKey;
import io.tessera.core.model.Records.Blob;
import io.tessera.core.model.Records.ClientCredential;
import io.tessera.core.model.Records.Job;
import io.tessera.core.model.Records.Organization;
import io.tessera.core.model.Records.Session;
import io.tessera.core.model.Records.User;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.internal.JfrSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store: a connection pool over H2 (embedded, a file in the data dir) or
 * PostgreSQL, Flyway migrations with a backup first, and refusal of a schema newer than this
 * build knows.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Dialect dialect;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Clock clock;

  private Database(String url, HikariDataSource dataSource, Jdbi jdbi, Clock clock) {
    this.dialect = Dialect.of(url);
    this.dataSource = dataSource;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Jdbi over {@code dataSource}, with the row mappers; opens no connection. */
  private static Jdbi jdbi(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    for (Class<?> record :
        new Class<?>[] {
          Organization.class, User.class, Session.class, ApiKey.class, ClientCredential.class,
          Job.class, Blob.class, Submission.class, SubmissionImage.class
        }) {
      jdbi.registerRowMapper(ConstructorMapper.factory(record));
    }
    // Jdbi registers its statement event with the JDK's flight recorder before its first
    // statement runs, which loads ~100 JFR classes: done here too, off the opening thread.
    JfrSupport.isFlightRecorderAvailable();
    return jdbi;
  }

  /**
   * The H2 URL for a data dir. {@code WRITE_DELAY=0} makes every commit reach the file before it
   * is acknowledged, so an acknowledged write survives {@code kill -9}.
   */
  public static String h2Url(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("db").resolve("tessera");
    return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  /**
   * Opens (but does not migrate) the database at {@code url}: the pool and its first connection,
   * so that a database that cannot be opened fails here. Jdbi is set up on another thread
   * meanwhile (it needs no connection): on two cores the two overlap at every start.
   */
  public static Database open(String url, Clock clock) {
    Dialect dialect = Dialect.of(url);
    // configured in place and started by the first getConnection() below, so that Jdbi can be
    // built over it before the pool exists
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setPoolName("tessera-db");
    pool.setMaximumPoolSize(dialect == Dialect.H2 ? 8 : 16);
    pool.setMinimumIdle(1);
    pool.setConnectionTimeout(5_000);
    pool.setInitializationFailTimeout(5_000);
    CompletableFuture<Jdbi> jdbi = CompletableFuture.supplyAsync(() -> jdbi(pool));
    try {
      if (dialect == Dialect.H2) {
        String path = url.substring("jdbc:h2:file:".length()).split(";")[0];
        Files.createDirectories(Path.of(path).getParent());
      }
      pool.getConnection().close();
      return new Database(url, pool, jdbi.join(), clock);
    } catch (RuntimeException | SQLException | java.io.IOException e) {
      pool.close();
      throw new StoreException(openFailure(url, e), e);
    }
  }

  private static String openFailure(String url, Exception e) {
    String msg = rootMessage(e);
    if (msg.contains("Database may be already in use") || msg.contains("file is locked")) {
      return "this data folder is in use by another Tessera process (the desktop or `tessera"
          + " serve`); close it, or use another --data-dir";
    }
    return "cannot open the database " + Dialect.redact(url) + ": " + msg;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /**
   * Applies pending migrations. A database written by a newer Tessera is refused; an H2 database
   * with data is first backed up to {@code backupDir} as a zip.
   *
   * @return the number of migrations applied
   */
  public int migrate(Path backupDir) {
    return migrate(backupDir, List.of("classpath:db/migration"));
  }

  /**
   * The newest schema version this build's migrations create. {@code DatabaseTest} checks it
   * against the migration files.
   */
  public static final int SCHEMA_VERSION = 9;

  /**
   * Like {@link #migrate(Path)}, but when the schema is already at {@link #SCHEMA_VERSION} it
   * returns at once without starting Flyway (which takes a third of a second at every start).
   * {@code tessera migrate} always runs Flyway in full, validation included.
   */
  public int migrateIfBehind(Path backupDir) {
    if (appliedVersion() == SCHEMA_VERSION) {
      return 0;
    }
    return migrate(backupDir);
  }

  /** The highest successfully applied schema version, or -1 on an empty database. */
  int appliedVersion() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      try (var rs =
          s.executeQuery(
              "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                  + " AND \"version\" IS NOT NULL")) {
        int max = -1;
        while (rs.next()) {
          max = Math.max(max, Integer.parseInt(rs.getString(1)));
        }
        return max;
      }
    } catch (SQLException | NumberFormatException e) {
      return -1; // no history table yet, or versions that are not whole numbers
    }
  }

  /** {@link #migrate(Path)} from the given Flyway locations (tests add their own). */
  int migrate(Path backupDir, List<String> locations) {
    Flyway flyway = flyway(locations);
    MigrationInfoService info = flyway.info();
    Optional<MigrationInfo> future =
        Arrays.stream(info.applied())
            .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED)
            .findFirst();
    if (future.isPresent()) {
      MigrationInfo current = info.current();
      throw new StoreException(
          "this database was written by a newer version of Tessera (schema version "
              + current.getVersion()
              + "); this version knows schema versions up to "
              + latestKnown(info)
              + ". Upgrade Tessera, or use another data dir.");
    }
    int pending = info.pending().length;
    if (pending == 0) {
      return 0;
    }
    if (info.applied().length > 0 && dialect == Dialect.H2 && backupDir != null) {
      backup(backupDir.resolve("before-v" + info.pending()[0].getVersion() + "-"
          + STAMP.format(clock.instant()) + ".zip"));
    }
    return flyway.migrate().migrationsExecuted;
  }

  private static String latestKnown(MigrationInfoService info) {
    return Arrays.stream(info.all())
        .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
            && m.getState() != MigrationState.FUTURE_FAILED)
        .map(m -> m.getVersion().getVersion())
        .reduce((a, b) -> b)
        .orElse("none");
  }

  /** Writes a consistent online copy of the H2 database to {@code target} (a zip). */
  public void backup(Path target) {
    if (dialect != Dialect.H2) {
      throw new StoreException("online backup is built in only for H2; use pg_dump for PostgreSQL");
    }
    try {
      Files.createDirectories(target.getParent());
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("BACKUP TO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      LOG.info("database backed up to {}", target);
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("backup before migration failed: " + e.getMessage(), e);
    }
  }

  private Flyway flyway(List<String> locations) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .placeholders(dialect.placeholders())
        .placeholderReplacement(true)
        .loggers("slf4j")
        .load();
  }

  /** True when a trivial query answers within a second. */
  public boolean ping() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(1);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}

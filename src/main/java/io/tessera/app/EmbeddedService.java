package io.tessera.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.ApiServer;
import io.tessera.client.TesseraClient;
import io.tessera.service.OrganizationService;
import io.tessera.service.auth.AccountService;
import io.tessera.service.auth.AuthService;
import io.tessera.service.auth.PasswordHasher;
import io.tessera.service.auth.TokenService;
import io.tessera.core.dzi.DziOptions;
import io.tessera.service.deepzoom.ContentService;
import io.tessera.service.deepzoom.TileStore;
import io.tessera.service.job.JobService;
import io.tessera.service.project.AnnotationService;
import io.tessera.service.project.CoordinateSystems;
import io.tessera.service.project.DriveService;
import io.tessera.service.project.GcpFiles;
import io.tessera.service.project.CogExports;
import io.tessera.service.project.OutputService;
import io.tessera.service.project.PermissionTokenService;
import io.tessera.service.project.GcpPredictions;
import io.tessera.service.project.PhotoService;
import io.tessera.service.project.RasterImports;
import io.tessera.service.project.VolumeService;
import io.tessera.service.project.ProjectService;
import io.tessera.service.project.TiePointService;
import io.tessera.service.job.PurgeJob;
import io.tessera.service.security.MasterKey;
import io.tessera.service.security.RandomSecrets;
import io.tessera.service.security.Secrets;
import io.tessera.service.security.TlsMaterial;
import io.tessera.service.security.PinnedDns;
import io.tessera.service.webhook.WebhookDispatcher;
import io.tessera.service.webhook.WebhookService;
import io.tessera.store.BlobStore;
import io.tessera.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import io.tessera.service.mission.Exports;
import io.tessera.service.mission.MissionGeneration;
import io.tessera.service.mission.MissionService;
import io.tessera.service.mission.SubmissionService;
import io.tessera.service.ratelimit.RateLimiter;
import io.tessera.service.security.OutboundPolicy;
import io.tessera.service.webhook.Outbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service as one process runs it — for the desktop, for {@code tessera serve} and for tests:
 * store, services and HTTP server, plus a client holding the desktop's in-process credential
 * (full rights, no rate limit, never written anywhere). While it runs, {@code instance.json}
 * (0600) in the data dir tells the CLI where it listens and holds a local admin token.
 */
public final class EmbeddedService implements AutoCloseable {
  static final String INSTANCE_FILE = "instance.json";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedService.class);

  /**
   * @param port 0 for any free port
   * @param dbUrl a JDBC URL, or null for the H2 file database in the data dir
   * @param tls certificate and key to serve HTTPS, or null for plain HTTP
   */
  /**
   * @param importRoots folders whose files requests may import by path
   */
  public record Options(
      Path dataDir, String host, int port, String dbUrl, TlsMaterial tls, List<Path> importRoots) {
    public Options {
      importRoots = List.copyOf(importRoots);
    }

    /** The desktop's: H2 in the data dir, imports from anywhere in the user's home. */
    public Options(Path dataDir, String host, int port) {
      this(dataDir, host, port, null, null, List.of(Path.of(System.getProperty("user.home"))));
    }

    /** Loopback, any free port; imports from the temp folder, where tests write their files. */
    public static Options forTest(Path dataDir) {
      return new Options(dataDir, "127.0.0.1", 0, null, null,
          List.of(Path.of(System.getProperty("java.io.tmpdir"))));
    }
  }

  private final Database db;
  private final JobService jobs;
  private final Outbox outbox;
  private final WebhookDispatcher webhookDispatcher;
  private final ApiServer server;
  private final String url;
  private final String desktopToken;
  private volatile TesseraClient desktopClient;
  private final Path instanceFile;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedService(
      Options options, Database db, JobService jobs, Outbox outbox,
      WebhookDispatcher webhookDispatcher, ApiServer server, String desktopToken,
      String adminToken) {
    this.db = db;
    this.jobs = jobs;
    this.outbox = outbox;
    this.webhookDispatcher = webhookDispatcher;
    this.server = server;
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    this.url = (server.secure() ? "https://" : "http://") + host + ":" + server.port();
    this.desktopToken = desktopToken;
    this.instanceFile = options.dataDir().resolve(INSTANCE_FILE);
    writeInstanceFile(adminToken);
  }

  public static EmbeddedService start(Options options) {
    return start(options, Clock.systemUTC());
  }

  /** Starts everything; on failure nothing is left running. */
  public static EmbeddedService start(Options options, Clock clock) {
    return start(options, clock, RandomSecrets.token("tsd_", 32));
  }

  /**
   * Starts everything with a desktop credential chosen by the caller, who can then build its
   * client before the service is up.
   */
  public static EmbeddedService start(Options options, Clock clock, String desktopToken) {
    Path dataDir = options.dataDir();
    Database db = null;
    JobService jobs = null;
    long t0 = System.nanoTime();
    // Two cores: the HTTP stack's classes load on one while the database opens on the other.
    CompletableFuture<Void> http = CompletableFuture.runAsync(ApiServer::preload);
    try {
      Files.createDirectories(dataDir);
      MasterKey key = MasterKey.loadOrCreate(dataDir.resolve("secret.key"));
      db = openMigrated(dataDir, options.dbUrl(), clock);
      long tDb = System.nanoTime();
      OrganizationService organizations = new OrganizationService(db.jdbi(), clock);
      String org = organizations.ensureDefault("Local");
      Secrets secrets = new Secrets(db.jdbi(), key, clock);
      TokenService tokens = new TokenService(secrets.getOrCreate("jwt-signing-key", 64), clock);
      PasswordHasher hasher = new PasswordHasher();
      String adminToken = RandomSecrets.token("tsa_", 32);
      AuthService auth =
          new AuthService(db.jdbi(), clock, tokens, hasher, org, desktopToken, adminToken);
      AccountService accounts = new AccountService(db.jdbi(), clock, hasher, org);
      BlobStore blobs = new BlobStore(dataDir.resolve("blobs"));
      jobs = new JobService(db.jdbi(), clock, org, 2);
      PinnedDns dns = new PinnedDns();
      OutboundPolicy policy =
          new OutboundPolicy(isLoopback(options.host()), Set.of(), options.importRoots(), dns);
      ContentService content =
          new ContentService(db.jdbi(), clock, org, blobs, new TileStore(dataDir.resolve("tiles")),
              policy, dns, jobs, DziOptions.defaults(), Version.current());
      jobs.register(new PurgeJob(db.jdbi(), blobs, clock));
      jobs.register(content);
      Outbox outbox = new Outbox(clock);
      MissionGeneration generation = new MissionGeneration();
      MissionService missions = new MissionService(db.jdbi(), clock, outbox, generation);
      SubmissionService submissions =
          new SubmissionService(db.jdbi(), clock, blobs, outbox, policy, generation);
      WebhookService webhooks = new WebhookService(db.jdbi(), clock, key, policy);
      WebhookDispatcher webhookDispatcher =
          new WebhookDispatcher(db.jdbi(), key, policy, dns, clock, Version.current());
      outbox.onCommit(webhookDispatcher::wake);
      DriveService drive = new DriveService(db.jdbi(), clock);
      CoordinateSystems systems = new CoordinateSystems();
      ProjectService projects = new ProjectService(db.jdbi(), clock, systems, drive);
      TiePointService tiePoints = new TiePointService(db.jdbi(), clock, projects, systems);
      PhotoService photos = new PhotoService(db.jdbi(), clock, blobs, projects, content);
      OutputService outputs = new OutputService(db.jdbi(), clock, blobs, projects, jobs, policy,
          dataDir, new RasterImports());
      jobs.register(outputs);
      CogExports cogExports = new CogExports(outputs, jobs, dataDir);
      jobs.register(cogExports);
      jobs.recover(); // every handler registered: unfinished jobs of each kind resume
      Database dbRef = db;
      ApiContext ctx =
          new ApiContext(
              auth, accounts, organizations, jobs, dbRef::ping, clock, Version.current(),
              new RateLimiter(db.jdbi(), clock), missions, submissions,
              new Exports(missions, submissions), webhooks, content, projects,
              photos, tiePoints, drive, systems, new GcpFiles(projects, tiePoints, photos),
              outputs, new VolumeService(projects, outputs),
              new AnnotationService(db.jdbi(), clock, projects),
              new PermissionTokenService(db.jdbi(), clock, projects),
              new GcpPredictions(projects, tiePoints, photos), cogExports);
      http.join();
      long tServices = System.nanoTime();
      ApiServer server =
          new ApiServer(ctx, options.tls()).start(options.host(), options.port());
      webhookDispatcher.start();
      long tHttp = System.nanoTime();
      LOG.info(
          "service ready in {} ms (database {} ms, services {} ms, HTTP {} ms)",
          (tHttp - t0) / 1_000_000, (tDb - t0) / 1_000_000, (tServices - tDb) / 1_000_000,
          (tHttp - tServices) / 1_000_000);
      return new EmbeddedService(
          options, db, jobs, outbox, webhookDispatcher, server, desktopToken, adminToken);
    } catch (IOException e) {
      closeQuietly(jobs, db);
      throw new UncheckedIOException("cannot use the data dir " + dataDir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(jobs, db);
      throw e;
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** Opens the database and applies migrations (backing up first); used by serve and migrate. */
  static Database openMigrated(Path dataDir, String dbUrl, Clock clock) {
    Database db = Database.open(dbUrl != null ? dbUrl : Database.h2Url(dataDir), clock);
    try {
      db.migrateIfBehind(dataDir.resolve("backups"));
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static void closeQuietly(JobService jobs, Database db) {
    if (jobs != null) {
      jobs.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private void writeInstanceFile(String adminToken) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", url);
    body.put("token", adminToken);
    body.put("pid", ProcessHandle.current().pid());
    Path tmp = instanceFile.resolveSibling(INSTANCE_FILE + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      MasterKey.SecureFiles.createOwnerOnly(tmp);
      Files.write(tmp, new ObjectMapper().writeValueAsBytes(body));
      Files.move(tmp, instanceFile, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("cannot write {}: the CLI will not find this instance", instanceFile, e);
    }
  }

  /** e.g. {@code http://127.0.0.1:8000}, no trailing slash. */
  public String url() {
    return url;
  }

  public int port() {
    return server.port();
  }

  /** A client authenticated with the desktop's in-process credential. */
  public TesseraClient desktopClient() {
    // made on first use: a headless serve never needs it, and OkHttp's TLS set-up costs start time
    if (desktopClient == null) {
      desktopClient = TesseraClient.withBearer(url, desktopToken);
    }
    return desktopClient;
  }

  /** The database, for tests that take it away from under the service. */
  Database database() {
    return db;
  }

  /** The outbox services record missions events in, for tests that record their own. */
  Outbox outbox() {
    return outbox;
  }

  /** The webhook dispatcher, for tests that run due deliveries after moving the clock. */
  WebhookDispatcher webhookDispatcher() {
    return webhookDispatcher;
  }

  /** The job service, where features (and tests) register their job kinds. */
  public JobService jobs() {
    return jobs;
  }

  /** The HTTP server, for tests that inspect the route table. */
  public ApiServer server() {
    return server;
  }

  /** Stops everything; safe to call more than once (a shutdown hook may race a normal exit). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Files.deleteIfExists(instanceFile);
    } catch (IOException e) {
      LOG.warn("cannot remove {}", instanceFile, e);
    }
    server.close();
    webhookDispatcher.close();
    closeQuietly(jobs, db);
  }
}

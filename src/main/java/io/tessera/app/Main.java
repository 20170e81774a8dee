package io.tessera.app;

import io.tessera.api.dto.AdminDtos.ApiKeyDto;
import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.api.dto.AdminDtos.CreateClientRequest;
import io.tessera.api.dto.AdminDtos.UserDto;
import io.tessera.cli.Environment;
import io.tessera.cli.TesseraCommand;
import io.tessera.service.OrganizationService;
import io.tessera.service.auth.AccountService;
import io.tessera.service.auth.AccountService.RateLimit;
import io.tessera.service.auth.PasswordHasher;
import io.tessera.client.TesseraClient;
import io.tessera.service.security.RandomSecrets;
import io.tessera.service.security.TlsMaterial;
import io.tessera.store.Database;
import io.tessera.ui.DesktopApp;
import io.tessera.ui.DesktopContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.crypto.Cipher;
import org.slf4j.LoggerFactory;

/** The composition root: the command line, and what each command starts. */
final class Main implements Environment {
  static final int DESKTOP_PORT = 8000;

  private Main() {}

  static int run(String[] args) {
    if (args.length > 0 && args[0].equals("serve")) {
      CompletableFuture.runAsync(Main::warmUp); // on the other core while picocli reads the args
    }
    return TesseraCommand.commandLine(new Main(), Version.current(), args).execute(args);
  }

  /**
   * What the service's start needs first and the command line does not: logging (the service's
   * first class opens a logger) and the JDK's crypto providers (tokens, the master key). Only
   * class loading and set-up that would otherwise wait for the command line to be parsed.
   */
  private static void warmUp() {
    LoggerFactory.getILoggerFactory();
    try {
      new SecureRandom().nextInt();
      MessageDigest.getInstance("SHA-256");
      Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException | RuntimeException e) {
      // the service meets and reports it when it needs them
    }
  }

  @Override
  public Path dataDir(Path explicit) {
    return DataDirs.resolve(explicit, System.getenv());
  }

  @Override
  public int desktop(Path dataDir) {
    logToFile(dataDir);
    // The window does not wait for the service: the port and the desktop credential are chosen
    // here, the service starts once the window is drawn, and the status bar shows "connecting…"
    // until it answers.
    int port = LoopbackPorts.preferredOrFree(DESKTOP_PORT);
    String token = RandomSecrets.token("tsd_", 32);
    String url = "http://127.0.0.1:" + port;
    // On two cores the service and the toolkit slow each other down: the window comes first.
    CompletableFuture<EmbeddedService> service =
        DesktopApp.firstFrame()
            .thenApplyAsync(
                ignored ->
                    EmbeddedService.start(
                        new EmbeddedService.Options(dataDir, "127.0.0.1", port),
                        Clock.systemUTC(),
                        token));
    service.exceptionally(
        e -> {
          Throwable cause = e instanceof CompletionException && e.getCause() != null
              ? e.getCause() : e;
          // looked up here, not in a static field: the log file is chosen before the first logger
          LoggerFactory.getLogger(Main.class).error("the local service did not start", cause);
          DesktopApp.showFatalError(
              "Tessera could not start its local service.", String.valueOf(cause.getMessage()));
          return null;
        });
    Runnable stopService =
        () -> service.thenAccept(s -> s.close()).exceptionally(e -> null);
    // SIGTERM or logout ends the JVM without returning from launch: close the service then too
    Runtime.getRuntime().addShutdownHook(new Thread(stopService, "tessera-shutdown"));
    String notice =
        port != DESKTOP_PORT
            ? "Port " + DESKTOP_PORT + " was taken, so the local service listens on " + url + "."
            : null;
    DesktopContext context =
        new DesktopContext(
            TesseraClient.withBearer(url, token), url, dataDir, Version.current(), notice);
    try {
      DesktopApp.launch(context);
    } finally {
      stopService.run();
    }
    return 0;
  }

  /** The desktop has no terminal to speak of: its log goes to the data dir. */
  private static void logToFile(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      System.setProperty(
          "org.slf4j.simpleLogger.logFile", dataDir.resolve("tessera.log").toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data dir " + dataDir, e);
    }
  }

  @Override
  public Running serve(ServeOptions o) {
    TlsMaterial tls = o.tlsCert() == null ? null : TlsMaterial.fromPem(o.tlsCert(), o.tlsKey());
    EmbeddedService s =
        EmbeddedService.start(
            new EmbeddedService.Options(
                o.dataDir(), o.host(), o.port(), o.dbUrl(), tls, o.importRoots()));
    return new Running() {
      @Override
      public String url() {
        return s.url();
      }

      @Override
      public void close() {
        s.close();
      }
    };
  }

  @Override
  public int migrate(Path dataDir, String dbUrl) {
    Database db = Database.open(dbUrl != null ? dbUrl : Database.h2Url(dataDir), Clock.systemUTC());
    try (db) {
      return db.migrate(dataDir.resolve("backups"));
    }
  }

  @Override
  public Admin localAdmin(Path dataDir, String dbUrl) {
    Clock clock = Clock.systemUTC();
    Database db = EmbeddedService.openMigrated(dataDir, dbUrl, clock);
    String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Local");
    AccountService accounts = new AccountService(db.jdbi(), clock, new PasswordHasher(), org);
    return new Admin() {
      @Override
      public UserDto createUser(String email, String password, String role) {
        return UserDto.of(accounts.createUser(email, password, role));
      }

      @Override
      public ApiKeyDto createApiKey(String name) {
        AccountService.CreatedApiKey k = accounts.createApiKey(name);
        return ApiKeyDto.of(k.row(), k.key());
      }

      @Override
      public ClientDto createClient(CreateClientRequest r) {
        RateLimit limit = RateLimit.of(r.rateLimit(), r.noRateLimit());
        AccountService.CreatedClient c = accounts.createClient(r.name(), r.scopes(), limit);
        return ClientDto.of(c.row(), c.clientSecret());
      }

      @Override
      public void close() {
        db.close();
      }
    };
  }
}

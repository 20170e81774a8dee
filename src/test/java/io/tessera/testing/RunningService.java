package io.tessera.testing;

import io.tessera.app.EmbeddedService;
import io.tessera.client.TesseraClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A real service on a free loopback port over a temp data dir, with a test-controlled clock. */
public final class RunningService implements AutoCloseable {
  public final Path dataDir;
  public final MutableClock clock;
  public final EmbeddedService service;

  private RunningService(Path dataDir, MutableClock clock, EmbeddedService service) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.service = service;
  }

  public static RunningService start() throws Exception {
    return start(Files.createTempDirectory("tessera-test-"));
  }

  public static RunningService start(Path dataDir) {
    MutableClock clock = new MutableClock(Instant.now());
    return new RunningService(
        dataDir, clock, EmbeddedService.start(EmbeddedService.Options.forTest(dataDir), clock));
  }

  public String url() {
    return service.url();
  }

  /** The desktop's client: full rights. */
  public TesseraClient desktop() {
    return service.desktopClient();
  }

  public TesseraClient anonymous() {
    return TesseraClient.anonymous(url());
  }

  public TesseraClient bearer(String token) {
    return TesseraClient.withBearer(url(), token);
  }

  @Override
  public void close() {
    service.close();
  }
}

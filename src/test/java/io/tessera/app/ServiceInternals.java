package io.tessera.app;

import io.tessera.service.auth.TokenService;
import io.tessera.service.security.MasterKey;
import io.tessera.service.security.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What tests of other packages need from inside a running service: recording a missions event as
 * a service would (until the missions routes that record them exist), running due webhook
 * deliveries after moving the clock, and a client-credentials token (until
 * {@code POST /api/qz/v1/auth/token} exists).
 */
public final class ServiceInternals {
  private ServiceInternals() {}

  /** Records {@code event} in the outbox in a transaction of its own; returns the event id. */
  public static String recordEvent(
      EmbeddedService service, String organizationId, String event, Map<String, Object> data) {
    return service.database().jdbi()
        .inTransaction(h -> service.outbox().record(h, organizationId, event, data));
  }

  /** Records {@code event} in a transaction that then fails, as a change that cannot commit. */
  public static void recordEventThenFail(
      EmbeddedService service, String organizationId, String event, Map<String, Object> data) {
    service.database().jdbi().useTransaction(
        h -> {
          service.outbox().record(h, organizationId, event, data);
          throw new IllegalStateException("the change failed after recording its event");
        });
  }

  /** Attempts the webhook deliveries due at the service's clock now; returns how many. */
  public static int runDueDeliveries(EmbeddedService service) {
    return service.webhookDispatcher().runDue();
  }

  /** A client-credentials access token for a client row, as the token endpoint would sign it. */
  public static String clientToken(
      EmbeddedService service, Path dataDir, Clock clock, String clientRowId,
      String organizationId, String scopes) throws IOException {
    MasterKey key = MasterKey.loadOrCreate(dataDir.resolve("secret.key"));
    byte[] signingKey =
        new Secrets(service.database().jdbi(), key, clock).getOrCreate("jwt-signing-key", 64);
    return new TokenService(signingKey, clock)
        .client(clientRowId, organizationId, scopes, Duration.ofDays(1));
  }
}

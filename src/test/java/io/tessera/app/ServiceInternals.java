package io.tessera.app;

import java.util.Map;

/**
 * What tests of other packages need from inside a running service: recording a missions event
 * with exactly the data a test chooses, as a service would in its transaction, and running due
 * webhook deliveries after moving the clock.
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
}

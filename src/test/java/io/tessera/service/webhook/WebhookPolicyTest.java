package io.tessera.service.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.service.DomainException;
import io.tessera.service.OrganizationService;
import io.tessera.service.security.MasterKey;
import io.tessera.service.security.OutboundPolicy;
import io.tessera.service.security.PinnedDns;
import io.tessera.store.Database;
import io.tessera.testing.MutableClock;
import io.tessera.testing.WebhookReceiver;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks under the outbound policy of a team server (not on loopback), with name resolution
 * answered by the test: private addresses are refused at registration and again at delivery.
 */
class WebhookPolicyTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-17T10:32:00Z"));
  private final Map<String, String> dnsAnswers = new ConcurrentHashMap<>();
  private final PinnedDns dns =
      new PinnedDns(
          host -> new InetAddress[] {InetAddress.getByName(dnsAnswers.getOrDefault(host, host))});
  private Database db;
  private MasterKey key;
  private String org;

  @BeforeEach
  void open() throws Exception {
    db = Database.open("jdbc:h2:file:" + dir.resolve("db").resolve("tessera") + ";WRITE_DELAY=0",
        clock);
    db.migrate(null);
    org = new OrganizationService(db.jdbi(), clock).ensureDefault("Test");
    key = MasterKey.loadOrCreate(dir.resolve("secret.key"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private OutboundPolicy teamServer(Set<String> allowedHosts) {
    return new OutboundPolicy(false, allowedHosts, List.of(), dns);
  }

  private void recordEvent() {
    Outbox outbox = new Outbox(clock);
    db.jdbi().useTransaction(
        h -> outbox.record(h, org, "mission.created", Map.of("mission_id", "mission_01jxk7t2q")));
  }

  private static int port(WebhookReceiver receiver) {
    return URI.create(receiver.url("/")).getPort();
  }

  @Test
  void aTeamServerRefusesToRegisterPrivateAddressesSayingWhy() {
    WebhookService webhooks = new WebhookService(db.jdbi(), clock, key, teamServer(Set.of()));
    dnsAnswers.put("hooks.corp.example", "10.1.2.3");
    assertThatThrownBy(() -> webhooks.create(org, "https://hooks.corp.example/qz", null, null))
        .isInstanceOf(DomainException.Invalid.class)
        .hasMessageContaining("hooks.corp.example")
        .hasMessageContaining("private");
    assertThatThrownBy(() -> webhooks.create(org, "http://127.0.0.1:8080/qz", null, null))
        .isInstanceOf(DomainException.Invalid.class)
        .hasMessageContaining("loopback");
    assertThatThrownBy(
            () -> webhooks.create(org, "http://169.254.169.254/latest/meta-data", null, null))
        .isInstanceOf(DomainException.Invalid.class);
    assertThat(webhooks.list(org, 1, 20).total()).isZero();

    dnsAnswers.put("hooks.example.com", "93.184.216.34");
    assertThat(webhooks.create(org, "https://hooks.example.com/qz", null, null).webhook().url())
        .isEqualTo("https://hooks.example.com/qz");
  }

  @Test
  void aNameThatTurnsPrivateAfterRegistrationIsNotSentTo() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      OutboundPolicy policy = teamServer(Set.of());
      WebhookService webhooks = new WebhookService(db.jdbi(), clock, key, policy);
      dnsAnswers.put("hooks.example.com", "93.184.216.34");
      String id = webhooks.create(
          org, "http://hooks.example.com:" + port(receiver) + "/qz", null, null).webhook().id();
      dnsAnswers.put("hooks.example.com", "127.0.0.1"); // where the receiver listens
      recordEvent();
      try (WebhookDispatcher dispatcher =
          new WebhookDispatcher(db.jdbi(), key, policy, dns, clock, "test")) {
        assertThat(dispatcher.runDue()).isEqualTo(1);
      }

      assertThat(receiver.all()).isEmpty();
      WebhookService.Delivery d = webhooks.deliveries(org, id, 1, 20).items().get(0);
      assertThat(d.state()).isEqualTo("pending");
      assertThat(d.lastError()).startsWith("refused:").contains("private");
      assertThat(d.attemptLog()).singleElement()
          .satisfies(a -> assertThat(a.statusCode()).isNull());
    }
  }

  @Test
  void anAllowedHostIsSentToWhereverItResolves() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      OutboundPolicy policy = teamServer(Set.of("hooks.internal"));
      WebhookService webhooks = new WebhookService(db.jdbi(), clock, key, policy);
      dnsAnswers.put("hooks.internal", "127.0.0.1");
      WebhookService.Created hook = webhooks.create(
          org, "http://hooks.internal:" + port(receiver) + "/qz", null, null);
      recordEvent();
      try (WebhookDispatcher dispatcher =
          new WebhookDispatcher(db.jdbi(), key, policy, dns, clock, "test")) {
        assertThat(dispatcher.runDue()).isEqualTo(1);
      }

      assertThat(receiver.all()).singleElement().satisfies(r -> {
        assertThat(r.header("Host")).isEqualTo("hooks.internal:" + port(receiver));
        assertThat(WebhookReceiver.verifySignature(
            r.body(), hook.secret(), r.header("X-QZ-Signature"))).isTrue();
      });
      assertThat(webhooks.deliveries(org, hook.webhook().id(), 1, 20).items().get(0).state())
          .isEqualTo("delivered");
    }
  }

  @Test
  void deletingAWebhookEndsItsPendingDeliveriesAsFailed() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start().otherwiseAnswer(503)) {
      OutboundPolicy loopbackServer = new OutboundPolicy(true, Set.of(), List.of(), dns);
      WebhookService webhooks = new WebhookService(db.jdbi(), clock, key, loopbackServer);
      String id = webhooks.create(org, receiver.url("/qz"), null, null).webhook().id();
      recordEvent();
      try (WebhookDispatcher dispatcher =
          new WebhookDispatcher(db.jdbi(), key, loopbackServer, dns, clock, "test")) {
        assertThat(dispatcher.runDue()).isEqualTo(1);
        webhooks.delete(org, id);
        clock.advance(Duration.ofHours(2));
        assertThat(dispatcher.runDue()).isZero();
      }

      assertThat(receiver.all()).hasSize(1);
      Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT state, last_error FROM webhook_delivery WHERE webhook_id = :id")
          .bind("id", id).mapToMap().one());
      assertThat(row).containsEntry("state", "failed")
          .containsEntry("last_error", "the webhook was deleted");
      assertThatThrownBy(() -> webhooks.deliveries(org, id, 1, 20))
          .isInstanceOf(DomainException.NotFound.class);
    }
  }
}

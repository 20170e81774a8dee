package io.tessera.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.MissionDtos.Page;
import io.tessera.api.dto.OrganizationDto;
import io.tessera.api.dto.WebhookDtos.AttemptDto;
import io.tessera.api.dto.WebhookDtos.CreateWebhookRequest;
import io.tessera.api.dto.WebhookDtos.DeliveryDto;
import io.tessera.api.dto.WebhookDtos.WebhookDto;
import io.tessera.app.ServiceInternals;
import io.tessera.testing.RunningService;
import io.tessera.testing.WebhookReceiver;
import io.tessera.testing.WebhookReceiver.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries from the real server to a real receiver on loopback: signature, headers and
 * payload as the missions document has them, retries with the test's clock, giving up.
 */
class WebhookDeliveryTest {
  private static final Duration ARRIVAL = Duration.ofSeconds(30);
  private static final String SECRET = "whsec_receiver-side-0123456789";
  private RunningService svc;
  private WebhookReceiver receiver;
  private String org;

  @BeforeEach
  void start() throws Exception {
    svc = RunningService.start();
    receiver = WebhookReceiver.start();
    org = svc.desktop().get("/api/v1/organization", OrganizationDto.class).id();
  }

  @AfterEach
  void stop() {
    svc.close();
    receiver.close();
  }

  private WebhookDto register(String path, List<String> events) {
    return svc.desktop().post("/api/qz/v1/webhooks",
        new CreateWebhookRequest(receiver.url(path), events, SECRET), WebhookDto.class);
  }

  /** The document's example payload data for submission.received. */
  private static Map<String, Object> submissionReceived() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("submission_id", "sub_03xpq9r");
    data.put("mission_id", "mission_01jxk7t2q");
    data.put("zoomer_id", "usr_7m2n4p");
    data.put("image_count", 6);
    data.put("location", Map.of("lat", 59.3293, "lng", 18.0686));
    return data;
  }

  private String record() {
    return ServiceInternals.recordEvent(
        svc.service, org, "submission.received", submissionReceived());
  }

  private List<DeliveryDto> deliveries(String webhookId) {
    return svc.desktop().get("/api/qz/v1/webhooks/" + webhookId + "/deliveries",
        new TypeReference<Page<DeliveryDto>>() {}).data();
  }

  /** The webhook's only delivery once it matches (the dispatcher records after the answer). */
  private DeliveryDto awaitDelivery(String webhookId, Predicate<DeliveryDto> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + ARRIVAL.toNanos();
    while (true) {
      List<DeliveryDto> all = deliveries(webhookId);
      assertThat(all).hasSize(1);
      if (done.test(all.get(0))) {
        return all.get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the delivery did not get there: " + all.get(0));
      }
      Thread.sleep(20);
    }
  }

  private void moveClockAndRunDue(Duration d) {
    svc.clock.advance(d);
    ServiceInternals.runDueDeliveries(svc.service);
  }

  @Test
  void anEventArrivesSignedWithTheDocumentsHeadersAndPayload() throws Exception {
    WebhookDto hook = register("/hooks/qz", List.of("submission.received"));
    WebhookDto missionsOnly = register("/hooks/missions", List.of("mission.created"));
    String eventId = record();

    Received got = receiver.next(ARRIVAL);
    assertThat(got.method()).isEqualTo("POST");
    assertThat(got.path()).isEqualTo("/hooks/qz");
    assertThat(WebhookReceiver.verifySignature(got.body(), SECRET, got.header("X-QZ-Signature")))
        .isTrue();
    assertThat(WebhookReceiver.verifySignature(
        got.body(), "whsec_someone-else-0123456789", got.header("X-QZ-Signature"))).isFalse();
    assertThat(got.header("X-QZ-Signature")).matches("[0-9a-f]{64}");
    assertThat(got.header("Content-Type")).isEqualTo("application/json");
    assertThat(got.header("X-QZ-Event")).isEqualTo("submission.received");
    assertThat(got.header("X-QZ-Event-Id")).isEqualTo(eventId).startsWith("evt_");
    assertThat(got.header("X-QZ-Delivery")).startsWith("dlv_");
    assertThat(got.header("User-Agent")).startsWith("Tessera-Webhooks/");

    JsonNode payload = svc.desktop().json().readTree(got.body());
    assertThat(payload.fieldNames()).toIterable().containsExactly("event", "timestamp", "data");
    assertThat(payload.path("event").asText()).isEqualTo("submission.received");
    assertThat(payload.path("timestamp").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    assertThat(payload.path("data"))
        .isEqualTo(svc.desktop().json().valueToTree(submissionReceived()));

    DeliveryDto d = awaitDelivery(hook.id(), x -> x.state().equals("delivered"));
    assertThat(d.id()).isEqualTo(got.header("X-QZ-Delivery"));
    assertThat(d.eventId()).isEqualTo(eventId);
    assertThat(d.event()).isEqualTo("submission.received");
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastStatus()).isEqualTo(200);
    assertThat(d.deliveredAt()).endsWith("Z");
    assertThat(d.nextAttemptAt()).isNull();
    assertThat(d.attemptLog()).extracting(AttemptDto::statusCode).containsExactly(200);
    assertThat(deliveries(missionsOnly.id())).isEmpty();
    assertThat(receiver.all()).hasSize(1);
  }

  @Test
  void anEventRolledBackWithItsChangeIsNeverSent() throws Exception {
    WebhookDto hook = register("/hooks/qz", null);
    try {
      ServiceInternals.recordEventThenFail(svc.service, org, "mission.created", Map.of());
    } catch (IllegalStateException expected) {
      // the change failed after recording its event
    }
    String eventId = ServiceInternals.recordEvent(svc.service, org, "mission.completed", Map.of());
    assertThat(receiver.next(ARRIVAL).header("X-QZ-Event-Id")).isEqualTo(eventId);
    assertThat(deliveries(hook.id())).extracting(DeliveryDto::event)
        .containsExactly("mission.completed");
  }

  @Test
  void serverErrorsAreRetriedWithTheSameEventIdUntilDelivered() throws Exception {
    receiver.thenAnswer(500, 500).otherwiseAnswer(200);
    WebhookDto hook = register("/hooks/flaky", null);
    String eventId = record();

    receiver.next(ARRIVAL);
    DeliveryDto first = awaitDelivery(hook.id(), x -> x.attempts() == 1);
    assertThat(first.state()).isEqualTo("pending");
    assertThat(first.lastStatus()).isEqualTo(500);
    Instant attempted = Instant.parse(first.attemptLog().get(0).attemptedAt());
    Instant next = Instant.parse(first.nextAttemptAt());
    assertThat(Duration.between(attempted, next)).isBetween(Duration.ZERO, Duration.ofSeconds(10));

    moveClockAndRunDue(Duration.ofHours(1));
    receiver.next(ARRIVAL);
    DeliveryDto second = awaitDelivery(hook.id(), x -> x.attempts() == 2);
    assertThat(second.state()).isEqualTo("pending");
    Duration wait = Duration.between(
        Instant.parse(second.attemptLog().get(1).attemptedAt()),
        Instant.parse(second.nextAttemptAt()));
    assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(20));

    moveClockAndRunDue(Duration.ofHours(1));
    receiver.next(ARRIVAL);
    DeliveryDto done = awaitDelivery(hook.id(), x -> x.state().equals("delivered"));
    assertThat(done.attempts()).isEqualTo(3);
    assertThat(done.attemptLog()).extracting(AttemptDto::statusCode).containsExactly(500, 500, 200);
    List<Received> all = receiver.all();
    assertThat(all).hasSize(3);
    assertThat(all).extracting(r -> r.header("X-QZ-Event-Id")).containsOnly(eventId);
    assertThat(all).extracting(r -> r.header("X-QZ-Delivery")).containsOnly(done.id());
    assertThat(all).extracting(Received::text).containsOnly(all.get(0).text());
    assertThat(all).allMatch(
        r -> WebhookReceiver.verifySignature(r.body(), SECRET, r.header("X-QZ-Signature")));
  }

  @Test
  void aClientErrorFailsAtOnceWithoutRetry() throws Exception {
    receiver.otherwiseAnswer(410);
    WebhookDto hook = register("/hooks/gone", null);
    record();

    receiver.next(ARRIVAL);
    DeliveryDto d = awaitDelivery(hook.id(), x -> !x.state().equals("pending"));
    assertThat(d.state()).isEqualTo("failed");
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastStatus()).isEqualTo(410);
    assertThat(d.nextAttemptAt()).isNull();
    svc.clock.advance(Duration.ofHours(2));
    assertThat(ServiceInternals.runDueDeliveries(svc.service)).isZero();
    assertThat(receiver.all()).hasSize(1);
  }

  @Test
  void aRedirectIsNotFollowedAndFails() throws Exception {
    receiver.thenAnswer(302, Map.of("Location", receiver.url("/elsewhere")));
    WebhookDto hook = register("/hooks/moved", null);
    record();

    receiver.next(ARRIVAL);
    DeliveryDto d = awaitDelivery(hook.id(), x -> !x.state().equals("pending"));
    assertThat(d.state()).isEqualTo("failed");
    assertThat(d.lastStatus()).isEqualTo(302);
    assertThat(d.lastError()).contains("redirect").contains("not followed");
    assertThat(receiver.all()).extracting(Received::path).containsExactly("/hooks/moved");
  }

  @Test
  void retriesStopAfterTwentyFourHours() throws Exception {
    receiver.otherwiseAnswer(503);
    WebhookDto hook = register("/hooks/down", null);
    record();

    receiver.next(ARRIVAL);
    awaitDelivery(hook.id(), x -> x.attempts() == 1);
    moveClockAndRunDue(Duration.ofHours(25));
    receiver.next(ARRIVAL);
    DeliveryDto d = awaitDelivery(hook.id(), x -> !x.state().equals("pending"));
    assertThat(d.state()).isEqualTo("failed");
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.lastStatus()).isEqualTo(503);
    assertThat(d.lastError()).contains("gave up after 2 attempts");
    svc.clock.advance(Duration.ofHours(2));
    assertThat(ServiceInternals.runDueDeliveries(svc.service)).isZero();
  }
}

package io.tessera.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.api.dto.MissionDtos.Page;
import io.tessera.api.dto.MissionDtos.PolygonDto;
import io.tessera.api.dto.WebhookDtos.CreateWebhookRequest;
import io.tessera.api.dto.WebhookDtos.DeliveryDto;
import io.tessera.api.dto.WebhookDtos.WebhookDto;
import io.tessera.client.MissionsClient;
import io.tessera.client.TesseraClient;
import io.tessera.testing.TesseraProcess;
import io.tessera.testing.WebhookReceiver;
import io.tessera.testing.WebhookReceiver.Received;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox across a crash: {@code serve} commits an event (a mission created through the API)
 * while the webhook's receiver is down and is killed with {@code kill -9}; the next
 * {@code serve} on the same data dir delivers it, with the same event and delivery ids.
 */
class WebhookRestartTest {
  private static final String SECRET = "whsec_restart-test-0123456789";
  private static final Duration ARRIVAL = Duration.ofSeconds(120);
  @TempDir Path dataDir;

  private TesseraClient admin() throws Exception {
    JsonNode n = new ObjectMapper().readTree(dataDir.resolve("instance.json").toFile());
    return TesseraClient.withBearer(n.path("url").asText(), n.path("token").asText());
  }

  private DeliveryDto awaitDelivery(String webhookId, Predicate<DeliveryDto> done)
      throws Exception {
    TesseraClient admin = admin();
    long deadline = System.nanoTime() + ARRIVAL.toNanos();
    while (true) {
      List<DeliveryDto> all = admin.get("/api/qz/v1/webhooks/" + webhookId + "/deliveries",
          new TypeReference<Page<DeliveryDto>>() {}).data();
      assertThat(all).hasSize(1);
      if (done.test(all.get(0))) {
        return all.get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the delivery did not get there: " + all.get(0));
      }
      Thread.sleep(50);
    }
  }

  @Test
  void anEventCommittedBeforeKillDashNineIsDeliveredAfterTheRestart() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start().otherwiseAnswer(503)) {
      String webhookId;
      Received refused;
      try (TesseraProcess serve =
          TesseraProcess.start("serve", "--port", "0", "--data-dir", dataDir.toString())) {
        serve.awaitLine("listening on ", 60);
        TesseraClient admin = admin();
        webhookId = admin.post("/api/qz/v1/webhooks",
            new CreateWebhookRequest(receiver.url("/qz"), List.of("mission.created"), SECRET),
            WebhookDto.class).id();
        new MissionsClient(admin).createMission("Harbour survey", "", PolygonDto.of(List.of(
            List.of(new double[] {11.97, 57.70}, new double[] {12.00, 57.70},
                new double[] {12.00, 57.72}, new double[] {11.97, 57.70}))), 4);
        refused = receiver.next(ARRIVAL);
        awaitDelivery(webhookId, d -> d.attempts() >= 1);
        serve.kill9();
      }
      String eventId = refused.header("X-QZ-Event-Id");
      assertThat(refused.header("X-QZ-Event")).isEqualTo("mission.created");
      int beforeRestart = receiver.all().size();
      receiver.otherwiseAnswer(200); // the receiver is back; only the next process can reach it

      try (TesseraProcess serve =
          TesseraProcess.start("serve", "--port", "0", "--data-dir", dataDir.toString())) {
        serve.awaitLine("listening on ", 60);
        DeliveryDto d = awaitDelivery(webhookId, x -> x.state().equals("delivered"));
        assertThat(d.eventId()).isEqualTo(eventId);
        assertThat(d.lastStatus()).isEqualTo(200);
        assertThat(d.attempts()).isGreaterThanOrEqualTo(2);
        List<Received> all = receiver.all();
        assertThat(all).hasSizeGreaterThan(beforeRestart);
        assertThat(all).extracting(r -> r.header("X-QZ-Event-Id")).containsOnly(eventId);
        assertThat(all).extracting(r -> r.header("X-QZ-Delivery"))
            .containsOnly(refused.header("X-QZ-Delivery"));
        assertThat(all).extracting(Received::text).containsOnly(refused.text());
        assertThat(all).allMatch(r ->
            WebhookReceiver.verifySignature(r.body(), SECRET, r.header("X-QZ-Signature")));
      }
    }
  }
}

package io.tessera.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.api.dto.MissionDtos.Page;
import io.tessera.api.dto.WebhookDtos.DeliveryDto;
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
 * The outbox across a crash: an event committed by a process that is then killed with
 * {@code kill -9} before its webhook took it is delivered by the next {@code serve} on the same
 * data dir, with the same event id.
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
      String eventId;
      Received refused;
      try (TesseraProcess child = TesseraProcess.startMain(
          WebhookEventChild.class.getName(), dataDir.toString(), receiver.url("/qz"), SECRET)) {
        String[] recorded = child.awaitLine("recorded ", 60).split(" ");
        webhookId = recorded[1];
        eventId = recorded[2];
        refused = receiver.next(ARRIVAL);
        awaitDelivery(webhookId, d -> d.attempts() >= 1);
        child.kill9();
      }
      assertThat(refused.header("X-QZ-Event-Id")).isEqualTo(eventId);
      int beforeRestart = receiver.all().size();
      receiver.otherwiseAnswer(200); // the receiver is back; only the next process can reach it

      try (TesseraProcess serve =
          TesseraProcess.start("serve", "--port", "0", "--data-dir", dataDir.toString())) {
        serve.awaitLine("listening on ", 60);
        DeliveryDto d = awaitDelivery(webhookId, x -> x.state().equals("delivered"));
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

package io.tessera.app;

import io.tessera.api.dto.OrganizationDto;
import io.tessera.api.dto.WebhookDtos.CreateWebhookRequest;
import io.tessera.api.dto.WebhookDtos.WebhookDto;
import io.tessera.client.TesseraClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child program of {@link WebhookRestartTest}: the service as {@code serve} runs it, which
 * registers a webhook, commits one event and then waits to be killed. It prints
 * {@code recorded WEBHOOK_ID EVENT_ID} once the event is committed.
 */
public final class WebhookEventChild {
  private WebhookEventChild() {}

  /** Arguments: data dir, webhook URL, webhook secret. */
  public static void main(String[] args) throws Exception {
    EmbeddedService service =
        EmbeddedService.start(new EmbeddedService.Options(Path.of(args[0]), "127.0.0.1", 0));
    TesseraClient desktop = service.desktopClient();
    WebhookDto hook = desktop.post("/api/qz/v1/webhooks",
        new CreateWebhookRequest(args[1], null, args[2]), WebhookDto.class);
    String org = desktop.get("/api/v1/organization", OrganizationDto.class).id();
    String eventId = ServiceInternals.recordEvent(
        service, org, "submission.received", Map.of("submission_id", "sub_03xpq9r"));
    System.out.println("recorded " + hook.id() + " " + eventId);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

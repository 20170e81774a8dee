package io.tessera.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Webhooks of the missions API ({@code /api/qz/v1/webhooks}): snake_case, UTC times with Z. The
 * signing secret appears only in the answer to a webhook's creation.
 */
public final class WebhookDtos {
  private WebhookDtos() {}

  /**
   * {@code POST /webhooks}.
   *
   * @param events event names; null for all five
   * @param secret the signing secret (16 to 256 characters); null to have one generated
   */
  public record CreateWebhookRequest(String url, List<String> events, String secret) {}

  /** A webhook; {@code secret} is present only in the answer to its creation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WebhookDto(
      String id,
      String url,
      List<String> events,
      String secret,
      @JsonProperty("created_at") String createdAt) {}

  /** One HTTP attempt of a delivery; {@code status_code} is null when no answer came. */
  public record AttemptDto(
      @JsonProperty("attempted_at") String attemptedAt,
      @JsonProperty("status_code") Integer statusCode,
      String error,
      @JsonProperty("duration_ms") int durationMs) {}

  /**
   * One event's delivery to one webhook.
   *
   * @param state pending, delivered or failed
   * @param attempts how many attempts were made
   * @param nextAttemptAt when a pending delivery is tried next; null once it has ended
   * @param attemptLog every attempt, oldest first
   */
  public record DeliveryDto(
      String id,
      String event,
      @JsonProperty("event_id") String eventId,
      String state,
      int attempts,
      @JsonProperty("last_status") Integer lastStatus,
      @JsonProperty("last_error") String lastError,
      @JsonProperty("next_attempt_at") String nextAttemptAt,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("delivered_at") String deliveredAt,
      @JsonProperty("attempt_log") List<AttemptDto> attemptLog) {}
}

package io.tessera.service.webhook;

import io.tessera.core.model.Ids;
import io.tessera.service.DomainException;
import io.tessera.service.security.MasterKey;
import io.tessera.service.security.OutboundPolicy;
import io.tessera.service.security.RandomSecrets;
import io.tessera.store.WebhookRepository;
import io.tessera.store.WebhookRepository.AttemptRow;
import io.tessera.store.WebhookRepository.DeliveryRow;
import io.tessera.store.WebhookRepository.WebhookRow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Webhook endpoints of the missions API: registration, listing, deletion and the delivery log.
 * The signing secret must be used in clear at every delivery, so it cannot be hashed like API
 * keys: it is stored AES-GCM encrypted with the data dir's {@link MasterKey} (bound to the
 * webhook's id) and shown to the caller only in the answer to its creation. A URL is checked
 * against the {@link OutboundPolicy} here, so that a refused one is told at once, and again by
 * the dispatcher before each attempt, because what a name resolves to can change.
 */
public final class WebhookService {
  /** Generated secrets: this prefix and 32 random bytes (base64url). */
  public static final String SECRET_PREFIX = "whsec_";
  static final int MIN_SECRET_LENGTH = 16;
  static final int MAX_SECRET_LENGTH = 256;
  static final int MAX_URL_LENGTH = 2000;
  static final int MAX_PER_PAGE = 100;

  private final Jdbi jdbi;
  private final Clock clock;
  private final MasterKey key;
  private final OutboundPolicy policy;
  private final WebhookRepository repo = new WebhookRepository();

  /** A registered endpoint. */
  public record Webhook(String id, String url, List<String> events, Instant createdAt) {}

  /** A new endpoint; {@code secret} is the only time the secret is seen. */
  public record Created(Webhook webhook, String secret) {}

  /** One HTTP attempt; {@code statusCode} null when no answer came. */
  public record Attempt(Instant attemptedAt, Integer statusCode, String error, int durationMs) {}

  /**
   * One event's delivery to one endpoint with its attempts, oldest first.
   *
   * @param state pending, delivered or failed
   * @param nextAttemptAt when a pending delivery is tried next; null once it has ended
   */
  public record Delivery(
      String id,
      String eventId,
      String event,
      String state,
      int attempts,
      Instant nextAttemptAt,
      Integer lastStatus,
      String lastError,
      Instant createdAt,
      Instant deliveredAt,
      List<Attempt> attemptLog) {}

  /** One page of a list, with the total over all pages. */
  public record Page<T>(List<T> items, long total, int page, int perPage) {}

  public WebhookService(Jdbi jdbi, Clock clock, MasterKey key, OutboundPolicy policy) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.key = key;
    this.policy = policy;
  }

  /**
   * Registers an endpoint of the organization.
   *
   * @param events event names from {@link Outbox#EVENTS}; null for all of them
   * @param secret the signing secret; null to have a strong one generated
   * @throws DomainException.Invalid naming what is wrong: the URL (including a policy refusal),
   *     an unknown event, or a secret that is too short or too long
   */
  public Created create(String organizationId, String url, List<String> events, String secret) {
    String checkedUrl = checkUrl(url);
    List<String> subscribed = parseEvents(events);
    String clear = secret == null ? RandomSecrets.token(SECRET_PREFIX, 32) : checkSecret(secret);
    Instant now = clock.instant();
    String id = Ids.next("wh_", now);
    WebhookRow row =
        new WebhookRow(
            id, organizationId, checkedUrl, String.join(" ", subscribed),
            key.encrypt(secretName(id), clear.getBytes(StandardCharsets.UTF_8)), now, null);
    jdbi.useTransaction(h -> repo.insert(h, row));
    return new Created(webhook(row), clear);
  }

  /** The organization's endpoints, oldest first. */
  public Page<Webhook> list(String organizationId, int page, int perPage) {
    checkPage(page, perPage);
    return jdbi.inTransaction(
        h ->
            new Page<>(
                repo.list(h, organizationId, perPage, offset(page, perPage)).stream()
                    .map(WebhookService::webhook)
                    .toList(),
                repo.count(h, organizationId),
                page,
                perPage));
  }

  /**
   * Deletes an endpoint: nothing more is sent to it, and its pending deliveries end as failed.
   *
   * @throws DomainException.NotFound when the organization has no such endpoint
   */
  public void delete(String organizationId, String id) {
    jdbi.useTransaction(
        h -> {
          if (!repo.delete(h, organizationId, id, clock.instant())) {
            throw new DomainException.NotFound("webhook", id);
          }
          repo.failPending(h, id, "the webhook was deleted");
        });
  }

  /**
   * An endpoint's deliveries, newest first, each with its attempts.
   *
   * @throws DomainException.NotFound when the organization has no such endpoint
   */
  public Page<Delivery> deliveries(String organizationId, String webhookId, int page, int perPage) {
    checkPage(page, perPage);
    return jdbi.inTransaction(
        h -> {
          if (repo.byId(h, organizationId, webhookId).isEmpty()) {
            throw new DomainException.NotFound("webhook", webhookId);
          }
          List<DeliveryRow> rows =
              repo.deliveries(h, webhookId, perPage, offset(page, perPage));
          Map<String, List<Attempt>> attempts =
              repo.attempts(h, rows.stream().map(DeliveryRow::id).toList()).stream()
                  .collect(
                      Collectors.groupingBy(
                          AttemptRow::deliveryId,
                          Collectors.mapping(
                              a ->
                                  new Attempt(
                                      a.attemptedAt(), a.statusCode(), a.error(), a.durationMs()),
                              Collectors.toList())));
          List<Delivery> items =
              rows.stream()
                  .map(
                      d ->
                          new Delivery(
                              d.id(), d.eventId(), d.event(), d.state(), d.attempts(),
                              "pending".equals(d.state()) ? d.nextAttemptAt() : null,
                              d.lastStatus(), d.lastError(), d.createdAt(), d.deliveredAt(),
                              attempts.getOrDefault(d.id(), List.of())))
                  .toList();
          return new Page<>(items, repo.countDeliveries(h, webhookId), page, perPage);
        });
  }

  /** The clear signing secret of a webhook, from its stored ciphertext. */
  static String secret(MasterKey key, String webhookId, byte[] ciphertext) {
    return new String(key.decrypt(secretName(webhookId), ciphertext), StandardCharsets.UTF_8);
  }

  /** The name the ciphertext is bound to, so that one webhook's cannot pass for another's. */
  private static String secretName(String webhookId) {
    return "webhook:" + webhookId;
  }

  private String checkUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new DomainException.Invalid("url is required");
    }
    String u = url.trim();
    if (u.length() > MAX_URL_LENGTH) {
      throw new DomainException.Invalid(
          "url is longer than " + MAX_URL_LENGTH + " characters");
    }
    policy.checkUrl(u);
    return u;
  }

  /** The events to subscribe to, in the order given, each once. */
  private static List<String> parseEvents(List<String> events) {
    if (events == null) {
      return Outbox.EVENTS;
    }
    if (events.isEmpty()) {
      throw new DomainException.Invalid(
          "events must name at least one event; leave it out to receive all of them");
    }
    Set<String> out = new LinkedHashSet<>();
    for (String e : events) {
      if (e == null || !Outbox.EVENTS.contains(e)) {
        throw new DomainException.Invalid(
            "unknown event '" + e + "'; known events: " + String.join(", ", Outbox.EVENTS),
            Map.of("known_events", Outbox.EVENTS));
      }
      out.add(e);
    }
    return List.copyOf(out);
  }

  private static String checkSecret(String secret) {
    if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
      throw new DomainException.Invalid(
          "secret must have " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
              + " characters; leave it out to have one generated");
    }
    return secret;
  }

  private static void checkPage(int page, int perPage) {
    if (page < 1) {
      throw new DomainException.Invalid("page must be 1 or more");
    }
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new DomainException.Invalid("per_page must be within 1.." + MAX_PER_PAGE);
    }
  }

  private static long offset(int page, int perPage) {
    return (long) (page - 1) * perPage;
  }

  private static Webhook webhook(WebhookRow r) {
    return new Webhook(r.id(), r.url(), List.of(r.events().trim().split("\\s+")), r.createdAt());
  }
}

package io.tessera.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Webhook endpoints, their deliveries and every delivery attempt. Events and the first pending
 * deliveries are written by the outbox in the caller's transaction; this class runs the rest of
 * a delivery's life: claim, attempt, retry, give up. Deleted webhooks stay as rows
 * ({@code deleted_at}) so that their deliveries keep a parent.
 */
public final class WebhookRepository {
  /** A webhook as stored; the signing secret only as ciphertext. */
  public record WebhookRow(
      String id,
      String organizationId,
      String url,
      String events,
      byte[] secretCiphertext,
      Instant createdAt,
      Instant deletedAt) {}

  /** One delivery of one event to one webhook, with the event's name. */
  public record DeliveryRow(
      String id,
      String eventId,
      String event,
      String webhookId,
      String state,
      int attempts,
      Instant nextAttemptAt,
      Integer lastStatus,
      String lastError,
      Instant createdAt,
      Instant deliveredAt) {}

  /** One HTTP attempt; {@code statusCode} null when no answer came (timeout, refused, …). */
  public record AttemptRow(
      String id,
      String deliveryId,
      Instant attemptedAt,
      Integer statusCode,
      String error,
      int durationMs) {}

  /** What the dispatcher needs to make one attempt: the event as stored and where it goes. */
  public record DueDelivery(
      String id,
      String eventId,
      String event,
      String body,
      String webhookId,
      String url,
      byte[] secretCiphertext,
      int attempts,
      Instant nextAttemptAt,
      Instant createdAt) {}

  private static final RowMapper<WebhookRow> WEBHOOK = ConstructorMapper.of(WebhookRow.class);
  private static final RowMapper<DeliveryRow> DELIVERY = ConstructorMapper.of(DeliveryRow.class);
  private static final RowMapper<AttemptRow> ATTEMPT = ConstructorMapper.of(AttemptRow.class);
  private static final RowMapper<DueDelivery> DUE = ConstructorMapper.of(DueDelivery.class);
  private static final String DELIVERY_COLUMNS =
      "d.id, d.event_id, e.event, d.webhook_id, d.state, d.attempts, d.next_attempt_at,"
          + " d.last_status, d.last_error, d.created_at, d.delivered_at";

  public void insert(Handle h, WebhookRow w) {
    h.createUpdate(
            "INSERT INTO webhook (id, organization_id, url, events, secret_ciphertext, created_at)"
                + " VALUES (:id, :organizationId, :url, :events, :secretCiphertext, :createdAt)")
        .bindMethods(w)
        .execute();
  }

  /** A webhook of the organization that has not been deleted. */
  public Optional<WebhookRow> byId(Handle h, String organizationId, String id) {
    return h.createQuery(
            "SELECT * FROM webhook WHERE id = :id AND organization_id = :org"
                + " AND deleted_at IS NULL")
        .bind("id", id)
        .bind("org", organizationId)
        .map(WEBHOOK)
        .findOne();
  }

  /** Oldest first. */
  public List<WebhookRow> list(Handle h, String organizationId, int limit, long offset) {
    return h.createQuery(
            "SELECT * FROM webhook WHERE organization_id = :org AND deleted_at IS NULL"
                + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
        .bind("org", organizationId)
        .bind("limit", limit)
        .bind("offset", offset)
        .map(WEBHOOK)
        .list();
  }

  public long count(Handle h, String organizationId) {
    return h.createQuery(
            "SELECT COUNT(*) FROM webhook WHERE organization_id = :org AND deleted_at IS NULL")
        .bind("org", organizationId)
        .mapTo(Long.class)
        .one();
  }

  /** Marks the webhook deleted; false when there is no such (undeleted) webhook. */
  public boolean delete(Handle h, String organizationId, String id, Instant now) {
    return h.createUpdate(
            "UPDATE webhook SET deleted_at = :now WHERE id = :id AND organization_id = :org"
                + " AND deleted_at IS NULL")
        .bind("id", id)
        .bind("org", organizationId)
        .bind("now", now)
        .execute() == 1;
  }

  /** Ends every pending delivery of a webhook as failed, with {@code reason}. */
  public int failPending(Handle h, String webhookId, String reason) {
    return h.createUpdate(
            "UPDATE webhook_delivery SET state = 'failed', last_error = :reason"
                + " WHERE webhook_id = :hook AND state = 'pending'")
        .bind("hook", webhookId)
        .bind("reason", reason)
        .execute();
  }

  /** A webhook's deliveries, newest first. */
  public List<DeliveryRow> deliveries(Handle h, String webhookId, int limit, long offset) {
    return h.createQuery(
            "SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery d"
                + " JOIN webhook_event e ON e.id = d.event_id WHERE d.webhook_id = :hook"
                + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit OFFSET :offset")
        .bind("hook", webhookId)
        .bind("limit", limit)
        .bind("offset", offset)
        .map(DELIVERY)
        .list();
  }

  public long countDeliveries(Handle h, String webhookId) {
    return h.createQuery("SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id = :hook")
        .bind("hook", webhookId)
        .mapTo(Long.class)
        .one();
  }

  /** The attempts of the given deliveries, oldest first. */
  public List<AttemptRow> attempts(Handle h, Collection<String> deliveryIds) {
    if (deliveryIds.isEmpty()) {
      return List.of();
    }
    return h.createQuery(
            "SELECT * FROM webhook_attempt WHERE delivery_id IN (<ids>)"
                + " ORDER BY attempted_at, id")
        .bindList("ids", List.copyOf(deliveryIds))
        .map(ATTEMPT)
        .list();
  }

  /** Pending deliveries due at {@code now} to webhooks that still exist, the longest-due first. */
  public List<DueDelivery> due(Handle h, Instant now, int limit) {
    return h.createQuery(
            "SELECT d.id, d.event_id, e.event, e.body, d.webhook_id, w.url, w.secret_ciphertext,"
                + " d.attempts, d.next_attempt_at, d.created_at FROM webhook_delivery d"
                + " JOIN webhook_event e ON e.id = d.event_id"
                + " JOIN webhook w ON w.id = d.webhook_id"
                + " WHERE d.state = 'pending' AND d.next_attempt_at <= :now"
                + " AND w.deleted_at IS NULL ORDER BY d.next_attempt_at, d.id LIMIT :limit")
        .bind("now", now)
        .bind("limit", limit)
        .map(DUE)
        .list();
  }

  /**
   * Takes a delivery that is due at {@code now} for one attempt, by moving its next attempt to
   * {@code leaseUntil}: should the attempt never report back (the process dies), the delivery is
   * due again then. False when another worker took it first.
   */
  public boolean claim(Handle h, String id, Instant now, Instant leaseUntil) {
    return h.createUpdate(
            "UPDATE webhook_delivery SET next_attempt_at = :lease WHERE id = :id"
                + " AND state = 'pending' AND next_attempt_at <= :now")
        .bind("id", id)
        .bind("now", now)
        .bind("lease", leaseUntil)
        .execute() == 1;
  }

  public void insertAttempt(Handle h, AttemptRow a) {
    h.createUpdate(
            "INSERT INTO webhook_attempt (id, delivery_id, attempted_at, status_code, error,"
                + " duration_ms) VALUES (:id, :deliveryId, :attemptedAt, :statusCode, :error,"
                + " :durationMs)")
        .bindMethods(a)
        .execute();
  }

  /**
   * Counts an attempt on a pending delivery and sets its outcome: {@code state} pending (due
   * again at {@code nextAttemptAt}), delivered or failed. A delivery ended meanwhile (its webhook
   * was deleted) is left as it is.
   */
  public void afterAttempt(
      Handle h, String id, String state, Instant nextAttemptAt, Integer status, String error,
      Instant deliveredAt) {
    h.createUpdate(
            "UPDATE webhook_delivery SET attempts = attempts + 1, state = :state,"
                + " next_attempt_at = :next, last_status = :status,"
                + " last_error = :error, delivered_at = :deliveredAt"
                + " WHERE id = :id AND state = 'pending'")
        .bind("id", id)
        .bind("state", state)
        .bind("next", nextAttemptAt)
        .bind("status", status)
        .bind("error", error)
        .bind("deliveredAt", deliveredAt)
        .execute();
  }
}

package io.tessera.service.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.core.model.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The transactional outbox: a service records an event with the same handle (and so in the same
 * transaction) as the change that caused it, together with one pending delivery for each webhook
 * that subscribes to it. If the transaction rolls back, no event exists; once it commits, the
 * dispatcher delivers it at least once, across restarts.
 */
public final class Outbox {
  /** The events the missions API defines. */
  public static final java.util.List<String> EVENTS =
      java.util.List.of(
          "mission.created",
          "submission.received",
          "submission.approved",
          "submission.rejected",
          "mission.completed");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock;
  private volatile Runnable onCommit = () -> {};

  public Outbox(Clock clock) {
    this.clock = clock;
  }

  /** Called after each commit that recorded an event (the dispatcher wakes up). */
  public void onCommit(Runnable r) {
    this.onCommit = r;
  }

  /**
   * Records {@code event} with its {@code data} in {@code h}'s transaction: the body is the
   * document's payload shape {@code {"event", "timestamp", "data"}}, fixed now so that every
   * retry sends the same bytes.
   *
   * @return the event id, sent as {@code X-QZ-Event-Id}
   */
  public String record(Handle h, String organizationId, String event, Map<String, Object> data) {
    if (!EVENTS.contains(event)) {
      throw new IllegalArgumentException("unknown event " + event);
    }
    Instant now = clock.instant();
    String id = Ids.next("evt_", now);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", event);
    body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
    body.put("data", data);
    String text;
    try {
      text = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event data is not serialisable", e);
    }
    h.createUpdate(
            "INSERT INTO webhook_event (id, organization_id, event, body, created_at)"
                + " VALUES (:id, :org, :event, :body, :now)")
        .bind("id", id)
        .bind("org", organizationId)
        .bind("event", event)
        .bind("body", text)
        .bind("now", now)
        .execute();
    var hooks =
        h.createQuery(
                "SELECT id, events FROM webhook WHERE organization_id = :org AND deleted_at IS NULL")
            .bind("org", organizationId)
            .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    for (String[] hook : hooks) {
      if (subscribes(hook[1], event)) {
        h.createUpdate(
                "INSERT INTO webhook_delivery (id, event_id, webhook_id, state, attempts,"
                    + " next_attempt_at, created_at) VALUES (:id, :event, :hook, 'pending', 0,"
                    + " :now, :now)")
            .bind("id", Ids.next("dlv_", now))
            .bind("event", id)
            .bind("hook", hook[0])
            .bind("now", now)
            .execute();
      }
    }
    Runnable wake = onCommit;
    h.afterCommit(wake::run);
    return id;
  }

  /** A webhook's stored event list: space-separated names, or {@code *} for all. */
  static boolean subscribes(String events, String event) {
    for (String e : events.trim().split("\\s+")) {
      if (e.equals("*") || e.equals(event)) {
        return true;
      }
    }
    return false;
  }
}

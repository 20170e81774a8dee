package io.tessera.api.http.missions;

import io.javalin.http.Context;
import io.tessera.api.dto.MissionDtos.Meta;
import io.tessera.api.dto.MissionDtos.Page;
import io.tessera.api.dto.WebhookDtos.AttemptDto;
import io.tessera.api.dto.WebhookDtos.CreateWebhookRequest;
import io.tessera.api.dto.WebhookDtos.DeliveryDto;
import io.tessera.api.dto.WebhookDtos.WebhookDto;
import io.tessera.api.dto.Wire;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.webhook.Outbox;
import io.tessera.service.webhook.WebhookService;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The missions document's webhooks ({@code POST /webhooks} "Register webhook endpoint"), with
 * the list, delete and delivery log it leaves to the dashboard. Every route needs the scope
 * {@code webhooks:manage}, which users hold through the role admin or manager.
 */
public final class WebhookRoutes {
  static final String PREFIX = "/api/qz/v1/webhooks";
  static final String SCOPE = "webhooks:manage";
  private static final int DEFAULT_PER_PAGE = 20;
  private final ApiContext ctx;
  private final Bodies bodies;

  public WebhookRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    WebhookService webhooks = ctx.webhooks();
    return List.of(
        Route.post(PREFIX)
            .tag("webhooks")
            .summary("Register a webhook endpoint (scope webhooks:manage). events defaults to all"
                + " of " + String.join(", ", Outbox.EVENTS) + "; without a secret one is"
                + " generated. The secret is shown only in this answer. Each event is POSTed with"
                + " X-QZ-Signature (HMAC-SHA256 hex of the raw body), X-QZ-Event, X-QZ-Event-Id"
                + " (the same on every retry) and X-QZ-Delivery")
            .body(new CreateWebhookRequest(
                "https://example.com/hooks/quixzoom", List.of("submission.received"), null))
            .responses(Map.of(201, "Created", 400, "Malformed body", 403,
                "Missing scope webhooks:manage", 422,
                "Invalid or refused URL, unknown event, or a secret of the wrong length"))
            .handle(
                c -> {
                  Principal p = manager(c);
                  CreateWebhookRequest r = bodies.read(c, CreateWebhookRequest.class);
                  WebhookService.Created created =
                      webhooks.create(p.organizationId(), r.url(), r.events(), r.secret());
                  c.status(201).json(dto(created.webhook(), created.secret()));
                }),
        Route.get(PREFIX)
            .tag("webhooks")
            .summary("List webhook endpoints, without their secrets (?page=, ?per_page= up to"
                + " 100; scope webhooks:manage)")
            .responses(Map.of(200, "One page of webhooks", 403, "Missing scope webhooks:manage",
                422, "Bad page or per_page"))
            .handle(
                c -> {
                  Principal p = manager(c);
                  c.json(page(webhooks.list(p.organizationId(), intParam(c, "page", 1),
                      intParam(c, "per_page", DEFAULT_PER_PAGE)), w -> dto(w, null)));
                }),
        Route.delete(PREFIX + "/{id}")
            .tag("webhooks")
            .summary("Delete a webhook endpoint; its pending deliveries end as failed (scope"
                + " webhooks:manage)")
            .responses(Map.of(204, "Deleted", 403, "Missing scope webhooks:manage", 404,
                "No such webhook"))
            .handle(
                c -> {
                  Principal p = manager(c);
                  webhooks.delete(p.organizationId(), c.pathParam("id"));
                  c.status(204);
                }),
        Route.get(PREFIX + "/{id}/deliveries")
            .tag("webhooks")
            .summary("A webhook's deliveries, newest first, each with its attempts: state"
                + " pending, delivered or failed (?page=, ?per_page= up to 100; scope"
                + " webhooks:manage)")
            .responses(Map.of(200, "One page of deliveries", 403, "Missing scope webhooks:manage",
                404, "No such webhook", 422, "Bad page or per_page"))
            .handle(
                c -> {
                  Principal p = manager(c);
                  c.json(page(webhooks.deliveries(p.organizationId(), c.pathParam("id"),
                      intParam(c, "page", 1), intParam(c, "per_page", DEFAULT_PER_PAGE)),
                      WebhookRoutes::dto));
                }));
  }

  /** Clients and API keys need the scope; users need a role that implies it (admin, manager). */
  private static Principal manager(Context c) {
    Principal p = Bodies.principal(c);
    p.requireScope(SCOPE);
    return p;
  }

  private static int intParam(Context c, String name, int fallback) {
    String s = c.queryParam(name);
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new DomainException.Invalid(name + " must be a whole number");
    }
  }

  private static <T, D> Page<D> page(WebhookService.Page<T> p, Function<T, D> dto) {
    return new Page<>(p.items().stream().map(dto).toList(),
        new Meta(p.total(), p.page(), p.perPage()));
  }

  private static WebhookDto dto(WebhookService.Webhook w, String secret) {
    return new WebhookDto(w.id(), w.url(), w.events(), secret, Wire.instant(w.createdAt()));
  }

  private static DeliveryDto dto(WebhookService.Delivery d) {
    return new DeliveryDto(
        d.id(), d.event(), d.eventId(), d.state(), d.attempts(), d.lastStatus(), d.lastError(),
        Wire.instant(d.nextAttemptAt()), Wire.instant(d.createdAt()),
        Wire.instant(d.deliveredAt()),
        d.attemptLog().stream()
            .map(a -> new AttemptDto(Wire.instant(a.attemptedAt()), a.statusCode(), a.error(),
                a.durationMs()))
            .toList());
  }
}

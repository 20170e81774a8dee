package io.tessera.api.http.fieldforms;

import io.tessera.api.dto.HealthDto;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Route;
import io.tessera.api.dto.Wire;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/health}, exactly as the field-collection document shows it. */
public final class HealthRoutes {
  private final ApiContext ctx;

  public HealthRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/api/v1/health")
            .tag("system")
            .summary("Service and database health")
            .access(Access.PUBLIC)
            .responses(Map.of(200, "Healthy", 503, "The database does not answer"))
            .handle(
                c -> {
                  boolean up = ctx.databaseUp().getAsBoolean();
                  String now = Wire.instant(ctx.clock().instant());
                  c.status(up ? 200 : 503)
                      .json(new HealthDto(up ? "ok" : "error", up ? "connected" : "disconnected",
                          now));
                }));
  }
}

package io.tessera.api.http.system;

import io.tessera.api.dto.OrganizationDto;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.api.http.Versions;
import io.tessera.core.model.Records.Organization;
import java.util.List;
import java.util.Map;

/** The caller's organization, with {@code ETag} / {@code If-Match} on its one editable field. */
public final class OrganizationRoutes {
  private final ApiContext ctx;
  private final Bodies bodies;

  public OrganizationRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/api/v1/organization")
            .tag("organization")
            .summary("The caller's organization; the ETag header carries its version")
            .handle(
                c -> {
                  Organization o =
                      ctx.organizations().get(Bodies.principal(c).organizationId());
                  Versions.etag(c, o.version());
                  c.json(OrganizationDto.of(o));
                }),
        Route.put("/api/v1/organization")
            .tag("organization")
            .summary("Rename the organization; send If-Match with the ETag you read")
            .access(Access.ADMIN)
            .body(new OrganizationDto.Update("Survey Team North"))
            .responses(
                Map.of(200, "Renamed", 412, "Changed by someone else since your ETag",
                    422, "Invalid name"))
            .handle(
                c -> {
                  OrganizationDto.Update u = bodies.read(c, OrganizationDto.Update.class);
                  Organization o =
                      ctx.organizations()
                          .rename(Bodies.principal(c).organizationId(), u.name(),
                              Versions.ifMatch(c));
                  Versions.etag(c, o.version());
                  c.json(OrganizationDto.of(o));
                }));
  }
}

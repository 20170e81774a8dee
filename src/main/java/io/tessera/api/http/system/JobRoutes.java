package io.tessera.api.http.system;

import io.tessera.api.dto.JobDto;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Route;
import io.tessera.service.DomainException;
import java.util.List;
import java.util.Map;

/** Background jobs: list, look at, cancel; and the purge that empties the trash. */
public final class JobRoutes {
  private final ApiContext ctx;

  public JobRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/api/v1/jobs")
            .tag("jobs")
            .summary("Jobs, newest first (?state=queued|running|succeeded|failed|cancelled,"
                + " ?limit=)")
            .responses(Map.of(200, "Jobs", 422, "Unknown state"))
            .handle(
                c -> {
                  int limit = parseLimit(c.queryParam("limit"));
                  c.json(ctx.jobs().list(c.queryParam("state"), limit).stream()
                      .map(JobDto::of).toList());
                }),
        Route.get("/api/v1/jobs/{id}")
            .tag("jobs")
            .summary("One job with its state and progress")
            .responses(Map.of(200, "The job", 404, "No such job"))
            .handle(c -> c.json(JobDto.of(ctx.jobs().get(c.pathParam("id"))))),
        Route.post("/api/v1/jobs/{id}/cancel")
            .tag("jobs")
            .summary("Cancel a queued or running job")
            .responses(Map.of(200, "The job after the request", 404, "No such job"))
            .handle(c -> c.json(JobDto.of(ctx.jobs().cancel(c.pathParam("id"))))),
        Route.post("/api/v1/admin/purge")
            .tag("admin")
            .summary("Start a job that empties the trash and removes unreferenced files")
            .access(Access.ADMIN)
            .responses(Map.of(202, "The purge job"))
            .handle(c -> c.status(202).json(JobDto.of(ctx.jobs().submit("purge", null)))));
  }

  private static int parseLimit(String s) {
    if (s == null) {
      return 100;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new DomainException.Invalid("limit must be a whole number");
    }
  }

}

package io.tessera.api.http.photogrammetry;

import io.javalin.http.Context;
import io.tessera.api.dto.PhotogrammetryDtos.Page;
import io.tessera.api.dto.PhotogrammetryDtos.TokenRequest;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.api.http.Urls;
import io.tessera.api.http.Versions;
import io.tessera.core.project.PermissionToken;
import io.tessera.service.DomainException;
import io.tessera.service.project.PermissionTokenService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Share tokens (photogrammetry-api-pix4d.txt, "permission_tokens" and "How to embed"):
 * {@code /common/api/v3/permission-token/}. The secret ({@code token}) appears once, in the
 * answer to create; afterwards a token is named by its {@code id}. {@code PATCH} on the
 * collection with {@code {"enabled": false, "type", "type_id"}} is the document's revocation of a
 * project's share link.
 */
public final class PermissionTokenRoutes {
  static final String PATH = "/common/api/v3/permission-token/";
  private static final String TAG = "photogrammetry";

  private final ApiContext ctx;
  private final Bodies bodies;

  public PermissionTokenRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    return List.of(
        Route.get(PATH).tag(TAG)
            .summary("List the organization's share tokens (?type=, ?type_id=, ?enabled=,"
                + " ?write=, ?page=, ?page_size=); secrets are not shown")
            .responses(Map.of(200, "{count, next, previous, results}", 400, "Invalid filter"))
            .handle(this::list),
        Route.post(PATH).tag(TAG)
            .summary("Create a share token for a project: read-only (write false) or"
                + " read-write (the default); the token is shown once")
            .body(new TokenRequest(null, true, false, "Project", 1234L))
            .responses(Map.of(201, "{token, enabled, write, type, type_id, creation_date, id}",
                400, "Invalid fields, each named", 404, "No such project"))
            .handle(c -> {
              TokenRequest r = bodies.read(c, TokenRequest.class);
              PermissionTokenService.Created t = ctx.permissionTokens().create(
                  Bodies.principal(c), new PermissionTokenService.NewToken(r.type(), r.typeId(),
                      r.write(), r.enabled(), r.token()));
              Versions.etag(c, t.token().version());
              c.status(201).json(dto(t.token(), t.secret()));
            }),
        Route.patch(PATH).tag(TAG)
            .summary("Enable or disable every share token of a project ({enabled, type,"
                + " type_id}: the document's revocation of a share link)")
            .body(new TokenRequest(null, false, null, "Project", 1234L))
            .responses(Map.of(200, "{count, next, previous, results}: the project's tokens",
                400, "Invalid fields", 404, "No such project"))
            .handle(c -> {
              TokenRequest r = bodies.read(c, TokenRequest.class);
              if (r.enabled() == null) {
                throw new DomainException.BadRequest("enabled: This field is required.",
                    Map.of("enabled", List.of("This field is required.")));
              }
              List<PermissionToken> tokens = ctx.permissionTokens().setEnabled(
                  Bodies.principal(c), r.type(), r.typeId(), r.enabled());
              c.json(new Page<>(tokens.size(), null, null,
                  tokens.stream().map(t -> dto(t, null)).toList()));
            }),
        Route.get(PATH + "{id}/").tag(TAG)
            .summary("Get a share token (without its secret)")
            .responses(Map.of(200, "The token", 404, "No such token"))
            .handle(c -> {
              PermissionToken t = ctx.permissionTokens().get(Bodies.principal(c),
                  c.pathParam("id"));
              Versions.etag(c, t.version());
              c.json(dto(t, null));
            }),
        Route.patch(PATH + "{id}/").tag(TAG)
            .summary("Update a share token's enabled and write fields")
            .body(new TokenRequest(null, true, false, null, null))
            .responses(Map.of(200, "The token", 404, "No such token"))
            .handle(c -> {
              TokenRequest r = bodies.read(c, TokenRequest.class);
              PermissionToken t = ctx.permissionTokens().update(Bodies.principal(c),
                  c.pathParam("id"), r.enabled(), r.write());
              Versions.etag(c, t.version());
              c.json(dto(t, null));
            }),
        Route.delete(PATH + "{id}/").tag(TAG)
            .summary("Delete a share token")
            .responses(Map.of(204, "Deleted", 404, "No such token"))
            .handle(c -> {
              ctx.permissionTokens().delete(Bodies.principal(c), c.pathParam("id"));
              c.status(204);
            }));
  }

  private void list(Context c) {
    int page = ProjectRoutes.intParam(c, "page", 1);
    int size = ProjectRoutes.intParam(c, "page_size", 100);
    String typeId = c.queryParam("type_id");
    Long rid = null;
    if (typeId != null) {
      try {
        rid = Long.parseLong(typeId);
      } catch (NumberFormatException e) {
        throw new DomainException.BadRequest("type_id must be an integer",
            Map.of("type_id", List.of("A valid integer is required.")));
      }
    }
    PermissionTokenService.Page p = ctx.permissionTokens().list(Bodies.principal(c),
        c.queryParam("type"), rid, bool(c, "enabled"), bool(c, "write"), page, size);
    String base = Urls.absolute(c, PATH) + "?page_size=" + size + "&page=";
    String next = (long) page * size < p.count() ? base + (page + 1) : null;
    String previous = page > 1 ? base + (page - 1) : null;
    c.json(new Page<>(p.count(), next, previous,
        p.results().stream().map(t -> dto(t, null)).toList()));
  }

  private static Boolean bool(Context c, String name) {
    String v = c.queryParam(name);
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "true", "True", "1" -> true;
      case "false", "False", "0" -> false;
      default -> throw new DomainException.BadRequest(name + " must be true or false",
          Map.of(name, List.of("Must be a valid boolean.")));
    };
  }

  /** A token in the document's shape; {@code secret} only in the answer to create. */
  private static Map<String, Object> dto(PermissionToken t, String secret) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (secret != null) {
      m.put("token", secret);
    }
    m.put("id", t.id());
    m.put("enabled", t.enabled());
    m.put("write", t.canWrite());
    m.put("type", t.resourceType());
    m.put("type_id", t.resourceId());
    m.put("creation_date", AnnotationRoutes.time(t.createdAt()));
    m.put("created_by", t.createdBy());
    return m;
  }
}

package io.tessera.api.http.photogrammetry;

import io.javalin.http.Context;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.service.auth.Principal;
import io.tessera.service.project.PermissionTokenService;

/**
 * The caller of a route that share tokens may use (a project's annotations and outputs): the
 * credentials when the request has them, else the share token of its {@code ?shareToken=} query
 * parameter (photogrammetry-api-pix4d.txt: the ShareTokenOAuth2 routes take {@code shareToken}).
 *
 * <p>Use: register the route with {@link Access#OPTIONAL} (credentials, when given, are then
 * checked and rate-limited as usual; without them the handler decides), and take the principal
 * from here instead of {@link Bodies#principal}:
 *
 * <pre>{@code
 * Route.get(P + "/outputs/").tag(TAG).access(Access.OPTIONAL)
 *     .handle(c -> {
 *       long id = ...;
 *       Principal p = ShareAccess.forProject(c, ctx, id, false); // true for writes
 *       c.json(ctx.outputs().list(p, id));
 *     })
 * }</pre>
 *
 * <p>A share-token principal reads (and, for a read-write token, writes) only its project:
 * {@link io.tessera.service.project.ProjectService#get} refuses it any other (403), and every
 * project-wide or organization-wide action refuses it outright. Unknown or disabled tokens are 401
 * (checked against the database on every request: disabling takes effect at once), a read-only
 * token asked to write is 403, a token for another project 403.
 */
public final class ShareAccess {
  /** The query parameter that carries a share token, as the document names it. */
  public static final String PARAM = "shareToken";

  private ShareAccess() {}

  /**
   * The caller of a route about project {@code projectId}.
   *
   * @param write true when the route changes something
   */
  public static Principal forProject(Context c, ApiContext ctx, long projectId, boolean write) {
    Principal p = Bodies.optionalPrincipal(c);
    if (p != null) {
      return p;
    }
    return tokens(ctx).principalFor(c.queryParam(PARAM), projectId, write);
  }

  /**
   * The caller of a route whose projects are named in the body (batch routes): a share token
   * stands for its own project, and the services check each item's project.
   */
  public static Principal forBatch(Context c, ApiContext ctx, boolean write) {
    Principal p = Bodies.optionalPrincipal(c);
    if (p != null) {
      return p;
    }
    return tokens(ctx).principalFor(c.queryParam(PARAM), write);
  }

  private static PermissionTokenService tokens(ApiContext ctx) {
    return ctx.permissionTokens();
  }
}

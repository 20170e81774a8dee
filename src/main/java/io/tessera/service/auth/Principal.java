package io.tessera.service.auth;

import io.tessera.service.DomainException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, whatever credential they used. The desktop's in-process credential and the
 * local admin token act as an administrator with every scope and no rate limit.
 *
 * @param id the user id, API key id, or client credential row id
 * @param role null for API keys and client credentials
 * @param sessionId the login session of a user's access token, else null
 */
public record Principal(
    Kind kind,
    String id,
    String organizationId,
    String email,
    Role role,
    Set<String> scopes,
    boolean rateLimited,
    String sessionId) {

  /** The kind of credential behind a request. */
  public enum Kind {
    USER,
    API_KEY,
    CLIENT,
    DESKTOP,
    LOCAL_ADMIN
  }

  public Principal {
    scopes = Set.copyOf(scopes);
  }

  /** Full rights: the desktop and the local admin token. */
  public boolean isLocal() {
    return kind == Kind.DESKTOP || kind == Kind.LOCAL_ADMIN;
  }

  /** Refuses unless the caller is a user with one of {@code roles}, or local. */
  public void requireRole(Role... roles) {
    if (isLocal()) {
      return;
    }
    if (role == null || Arrays.stream(roles).noneMatch(r -> r == role)) {
      String names = String.join(" or ", Arrays.stream(roles).map(Role::wire).toList());
      throw new DomainException.Forbidden(
          "this action needs the role " + names, Map.of("required_role", names));
    }
  }

  /**
   * Refuses unless the caller holds {@code scope}: a client or API key by its granted scopes, a
   * user by what their role implies ({@link Role#implies}).
   */
  public void requireScope(String scope) {
    if (isLocal() || scopes.contains(scope)) {
      return;
    }
    if (kind == Kind.USER && role != null && role.implies(scope)) {
      return;
    }
    throw new DomainException.Forbidden(
        "this action needs the scope " + scope, Map.of("missing_scope", scope));
  }
}

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
    LOCAL_ADMIN,
    /** A share token: read (or read and write) one project's annotations and outputs. */
    SHARE_TOKEN
  }

  /** The scope prefix that names the one project a share token reaches. */
  private static final String PROJECT_SCOPE = "project:";

  /**
   * The caller behind a share token: scope {@code read} (and {@code write} for a read-write
   * token) plus {@code project:<id>}, which {@link #requireProject} checks.
   *
   * @param tokenId the token's public id
   */
  public static Principal shareToken(String tokenId, String organizationId, long projectId,
      boolean write) {
    Set<String> scopes = write ? Set.of("read", "write", PROJECT_SCOPE + projectId)
        : Set.of("read", PROJECT_SCOPE + projectId);
    return new Principal(Kind.SHARE_TOKEN, tokenId, organizationId, null, null, scopes, false,
        null);
  }

  /**
   * Refuses a share-token caller any project but its own; every other caller reaches all of its
   * organization's projects (the services scope their queries by organization).
   */
  public void requireProject(long projectId) {
    if (kind == Kind.SHARE_TOKEN && !scopes.contains(PROJECT_SCOPE + projectId)) {
      throw new DomainException.Forbidden("this share token gives access to another project"
          + " only", Map.of("share_token", "other project"));
    }
  }

  /** Refuses share-token callers: what is not about their one project is not theirs. */
  public void requireNotShared() {
    if (kind == Kind.SHARE_TOKEN) {
      throw new DomainException.Forbidden("a share token gives access to one project's"
          + " annotations and outputs only");
    }
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

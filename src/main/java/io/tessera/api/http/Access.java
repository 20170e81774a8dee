package io.tessera.api.http;

import io.tessera.service.auth.Principal;
import io.tessera.service.auth.Role;

/** Who may call a route. Checked before the handler runs; the handler may check more. */
public enum Access {
  /** No credentials: health, docs, the OpenAPI description. */
  PUBLIC,
  /**
   * Credentials when given (checked, rate-limited, as for {@link #AUTHENTICATED}), none
   * otherwise: the handler decides, e.g. shared deep-zoom content is public.
   */
  OPTIONAL,
  /** Any valid credential. */
  AUTHENTICATED,
  /** Users with the role admin or manager, or the desktop. */
  MANAGER,
  /** Users with the role admin, or the desktop. */
  ADMIN;

  void check(Principal p) {
    switch (this) {
      case MANAGER -> p.requireRole(Role.ADMIN, Role.MANAGER);
      case ADMIN -> p.requireRole(Role.ADMIN);
      default -> {}
    }
  }
}

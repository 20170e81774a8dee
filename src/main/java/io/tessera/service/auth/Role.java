package io.tessera.service.auth;

import java.util.Locale;

/** User roles of the field-collection model; the wire names are lower snake case. */
public enum Role {
  ADMIN,
  MANAGER,
  FIELD_WORKER;

  /**
   * Whether a user with this role may act where a client would need {@code scope}: admins and
   * managers may do everything; field workers read missions and submissions and send
   * submissions ({@code submissions:write}; the decision routes also require the role manager),
   * but do not create missions or manage webhooks.
   */
  public boolean implies(String scope) {
    return switch (this) {
      case ADMIN, MANAGER -> true;
      case FIELD_WORKER ->
          scope.equals("missions:read")
              || scope.equals("read")
              || scope.equals("submissions:read")
              || scope.equals("submissions:write");
    };
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String s) {
    for (Role r : values()) {
      if (r.wire().equals(s)) {
        return r;
      }
    }
    throw new io.tessera.service.DomainException.Invalid(
        "unknown role '" + s + "': use admin, manager or field_worker");
  }
}

package io.tessera.service.auth;

import java.util.Locale;

/** User roles of the field-collection model; the wire names are lower snake case. */
public enum Role {
  ADMIN,
  MANAGER,
  FIELD_WORKER;

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

package io.tessera.store;

import io.tessera.core.model.Records.Organization;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The organization row that scopes everything (one per desktop). */
public final class OrganizationRepository {

  public Optional<Organization> first(Handle h) {
    return h.createQuery("SELECT * FROM organization ORDER BY created_at LIMIT 1")
        .mapTo(Organization.class)
        .findOne();
  }

  public void insert(Handle h, String id, String name, Instant now) {
    h.createUpdate("INSERT INTO organization (id, name, created_at) VALUES (:id, :name, :now)")
        .bind("id", id)
        .bind("name", name)
        .bind("now", now)
        .execute();
  }

  public Optional<Organization> byId(Handle h, String id) {
    return h.createQuery("SELECT * FROM organization WHERE id = :id")
        .bind("id", id)
        .mapTo(Organization.class)
        .findOne();
  }

  /** Renames if the row is still at {@code version}; false when someone changed it meanwhile. */
  public boolean rename(Handle h, String id, String name, long version) {
    return h.createUpdate(
            "UPDATE organization SET name = :name, version = version + 1"
                + " WHERE id = :id AND version = :version")
        .bind("id", id)
        .bind("name", name)
        .bind("version", version)
        .execute() == 1;
  }
}

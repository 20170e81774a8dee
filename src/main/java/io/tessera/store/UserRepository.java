package io.tessera.store;

import io.tessera.core.model.Records.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Users. Deleted users stay in the trash ({@code deleted_at}) until the purge. */
public final class UserRepository {

  public Optional<User> byId(Handle h, String id) {
    return h.createQuery("SELECT * FROM app_user WHERE id = :id AND deleted_at IS NULL")
        .bind("id", id)
        .mapTo(User.class)
        .findOne();
  }

  public Optional<User> byEmail(Handle h, String email) {
    return h.createQuery("SELECT * FROM app_user WHERE email = :email AND deleted_at IS NULL")
        .bind("email", email)
        .mapTo(User.class)
        .findOne();
  }

  /** True when any row, trashed or not, holds the email (the unique index covers both). */
  public boolean emailTaken(Handle h, String email) {
    return h.createQuery("SELECT COUNT(*) FROM app_user WHERE email = :email")
        .bind("email", email)
        .mapTo(Integer.class)
        .one() > 0;
  }

  public List<User> list(Handle h, String organizationId) {
    return h.createQuery(
            "SELECT * FROM app_user WHERE organization_id = :org AND deleted_at IS NULL"
                + " ORDER BY email")
        .bind("org", organizationId)
        .mapTo(User.class)
        .list();
  }

  public void insert(Handle h, User u) {
    h.createUpdate(
            "INSERT INTO app_user (id, organization_id, email, password_hash, role, created_at,"
                + " updated_at, version) VALUES (:id, :organizationId, :email, :passwordHash,"
                + " :role, :createdAt, :updatedAt, 1)")
        .bindMethods(u)
        .execute();
  }

  /** Sets a new password hash if the row is still at {@code version}; false when it moved on. */
  public boolean updatePassword(Handle h, String id, String hash, long version, Instant now) {
    return h.createUpdate(
            "UPDATE app_user SET password_hash = :hash, updated_at = :now, version = version + 1"
                + " WHERE id = :id AND version = :version AND deleted_at IS NULL")
        .bind("id", id)
        .bind("hash", hash)
        .bind("version", version)
        .bind("now", now)
        .execute() == 1;
  }

  /** Moves a user to the trash; false when there was none (or it was already there). */
  public boolean trash(Handle h, String id, Instant now) {
    return h.createUpdate(
            "UPDATE app_user SET deleted_at = :now, version = version + 1"
                + " WHERE id = :id AND deleted_at IS NULL")
        .bind("id", id)
        .bind("now", now)
        .execute() == 1;
  }

  /** Deletes users trashed before {@code cutoff} together with their sessions. */
  public int purge(Handle h, Instant cutoff) {
    h.createUpdate(
            "DELETE FROM user_session WHERE user_id IN"
                + " (SELECT id FROM app_user WHERE deleted_at < :cutoff)")
        .bind("cutoff", cutoff)
        .execute();
    return h.createUpdate("DELETE FROM app_user WHERE deleted_at < :cutoff")
        .bind("cutoff", cutoff)
        .execute();
  }
}

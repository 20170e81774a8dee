package io.tessera.store;

import io.tessera.core.model.Records.Session;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Login sessions: what a logout revokes and a refresh rotates. */
public final class SessionRepository {

  public void insert(Handle h, Session s) {
    h.createUpdate(
            "INSERT INTO user_session (id, user_id, refresh_jti, created_at, expires_at)"
                + " VALUES (:id, :userId, :refreshJti, :createdAt, :expiresAt)")
        .bindMethods(s)
        .execute();
  }

  public Optional<Session> byId(Handle h, String id) {
    return h.createQuery("SELECT * FROM user_session WHERE id = :id")
        .bind("id", id)
        .mapTo(Session.class)
        .findOne();
  }

  /** Replaces the current refresh token id if it still is {@code expected}. */
  public boolean rotate(Handle h, String id, String expected, String next) {
    return h.createUpdate(
            "UPDATE user_session SET refresh_jti = :next"
                + " WHERE id = :id AND refresh_jti = :expected AND revoked_at IS NULL")
        .bind("id", id)
        .bind("expected", expected)
        .bind("next", next)
        .execute() == 1;
  }

  public void revoke(Handle h, String id, Instant now) {
    h.createUpdate("UPDATE user_session SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
        .bind("id", id)
        .bind("now", now)
        .execute();
  }

  /** Revokes every session of a user except {@code keep} (after a password change). */
  public void revokeOthers(Handle h, String userId, String keep, Instant now) {
    h.createUpdate(
            "UPDATE user_session SET revoked_at = :now"
                + " WHERE user_id = :userId AND id <> :keep AND revoked_at IS NULL")
        .bind("userId", userId)
        .bind("keep", keep)
        .bind("now", now)
        .execute();
  }
}

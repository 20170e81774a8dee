package io.tessera.store;

import io.tessera.core.project.PermissionToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Share tokens, stored by the SHA-256 of their secret. */
public final class PermissionTokenRepository {
  private static final RowMapper<PermissionToken> TOKEN =
      ConstructorMapper.of(PermissionToken.class);

  public void insert(Handle h, PermissionToken t) {
    h.createUpdate(
            "INSERT INTO permission_token (id, token_hash, organization_id, resource_type,"
                + " resource_id, can_write, enabled, created_by, created_at, updated_at) VALUES"
                + " (:id, :tokenHash, :organizationId, :resourceType, :resourceId, :canWrite,"
                + " :enabled, :createdBy, :createdAt, :updatedAt)")
        .bindMethods(t)
        .execute();
  }

  public Optional<PermissionToken> byId(Handle h, String organizationId, String id) {
    return h.createQuery(
            "SELECT * FROM permission_token WHERE id = :id AND organization_id = :org")
        .bind("id", id)
        .bind("org", organizationId)
        .map(TOKEN)
        .findOne();
  }

  /** The token whose secret hashes to {@code hash}, enabled or not. */
  public Optional<PermissionToken> byHash(Handle h, String hash) {
    return h.createQuery("SELECT * FROM permission_token WHERE token_hash = :hash")
        .bind("hash", hash)
        .map(TOKEN)
        .findOne();
  }

  /**
   * The organization's tokens, oldest first, filtered by what is not null.
   *
   * @param resourceId with {@code resourceType}, the tokens of one project
   */
  public List<PermissionToken> list(Handle h, String organizationId, String resourceType,
      Long resourceId, Boolean enabled, Boolean canWrite, int offset, int limit) {
    return filters(h.createQuery("SELECT * FROM permission_token" + where(resourceType,
            resourceId, enabled, canWrite) + " ORDER BY created_at, id LIMIT :limit OFFSET"
            + " :offset"), organizationId, resourceType, resourceId, enabled, canWrite)
        .bind("limit", limit)
        .bind("offset", offset)
        .map(TOKEN)
        .list();
  }

  public long count(Handle h, String organizationId, String resourceType, Long resourceId,
      Boolean enabled, Boolean canWrite) {
    return filters(h.createQuery("SELECT COUNT(*) FROM permission_token" + where(resourceType,
            resourceId, enabled, canWrite)), organizationId, resourceType, resourceId, enabled,
            canWrite)
        .mapTo(Long.class)
        .one();
  }

  /** Binds the filters {@link #where} used. */
  private static Query filters(Query q, String organizationId, String resourceType,
      Long resourceId, Boolean enabled, Boolean canWrite) {
    q.bind("org", organizationId);
    if (resourceType != null) {
      q.bind("type", resourceType);
    }
    if (resourceId != null) {
      q.bind("rid", resourceId);
    }
    if (enabled != null) {
      q.bind("enabled", enabled);
    }
    if (canWrite != null) {
      q.bind("write", canWrite);
    }
    return q;
  }

  private static String where(String resourceType, Long resourceId, Boolean enabled,
      Boolean canWrite) {
    return " WHERE organization_id = :org"
        + (resourceType == null ? "" : " AND resource_type = :type")
        + (resourceId == null ? "" : " AND resource_id = :rid")
        + (enabled == null ? "" : " AND enabled = :enabled")
        + (canWrite == null ? "" : " AND can_write = :write");
  }

  /** Sets what is not null; false when the token is gone. */
  public boolean update(Handle h, String organizationId, String id, Boolean enabled,
      Boolean canWrite, Instant now) {
    // the SET list is built from what is given: PostgreSQL cannot type a null parameter
    Update u = h.createUpdate("UPDATE permission_token SET "
            + (enabled == null ? "" : "enabled = :enabled, ")
            + (canWrite == null ? "" : "can_write = :write, ")
            + "updated_at = :now, version = version + 1 WHERE id = :id AND organization_id = :org")
        .bind("id", id)
        .bind("org", organizationId)
        .bind("now", now);
    if (enabled != null) {
      u.bind("enabled", enabled);
    }
    if (canWrite != null) {
      u.bind("write", canWrite);
    }
    return u.execute() == 1;
  }

  /** Sets {@code enabled} on every token of one resource; answers how many changed. */
  public int setEnabled(Handle h, String organizationId, String resourceType, long resourceId,
      boolean enabled, Instant now) {
    return h.createUpdate(
            "UPDATE permission_token SET enabled = :enabled, updated_at = :now,"
                + " version = version + 1 WHERE organization_id = :org AND resource_type = :type"
                + " AND resource_id = :rid AND enabled <> :enabled")
        .bind("org", organizationId)
        .bind("type", resourceType)
        .bind("rid", resourceId)
        .bind("enabled", enabled)
        .bind("now", now)
        .execute();
  }

  public boolean delete(Handle h, String organizationId, String id) {
    return h.createUpdate("DELETE FROM permission_token WHERE id = :id AND organization_id = :org")
        .bind("id", id)
        .bind("org", organizationId)
        .execute() == 1;
  }
}

package io.tessera.store;

import io.tessera.core.project.Annotation;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Annotation rows, scoped by organization and project. Every read joins the project and skips
 * trashed ones, so a project in the trash shows no annotations (and gets them back if restored).
 */
public final class AnnotationRepository {
  private static final RowMapper<Annotation> ANNOTATION = ConstructorMapper.of(Annotation.class);
  private static final String SELECT =
      "SELECT a.id, a.organization_id, a.project_id, a.geometry_type, a.geometry, a.min_x,"
          + " a.min_y, a.max_x, a.max_y, a.properties, a.tags, a.attachments, a.extension,"
          + " a.schema_version, a.created_at, a.updated_at, a.version FROM annotation a"
          + " JOIN project p ON p.id = a.project_id AND p.deleted_at IS NULL";

  public void insert(Handle h, Annotation a) {
    h.createUpdate(
            "INSERT INTO annotation (id, organization_id, project_id, geometry_type, geometry,"
                + " min_x, min_y, max_x, max_y, properties, tags, attachments, extension,"
                + " schema_version, created_at, updated_at) VALUES (:id, :organizationId,"
                + " :projectId, :geometryType, :geometry, :minX, :minY, :maxX, :maxY,"
                + " :properties, :tags, :attachments, :extension, :schemaVersion, :createdAt,"
                + " :updatedAt)")
        .bindMethods(a)
        .execute();
  }

  public Optional<Annotation> byId(Handle h, String organizationId, String id) {
    return h.createQuery(SELECT + " WHERE a.id = :id AND a.organization_id = :org")
        .bind("id", id)
        .bind("org", organizationId)
        .map(ANNOTATION)
        .findOne();
  }

  /**
   * A page of a project's annotations in the order they were made, after the one named
   * {@code afterId} (from the start when null).
   */
  public List<Annotation> page(Handle h, String organizationId, long projectId, String afterId,
      int limit) {
    String after = afterId == null ? ""
        : " AND a.seq > (SELECT s.seq FROM annotation s WHERE s.id = :after)";
    var q = h.createQuery(SELECT + " WHERE a.organization_id = :org AND a.project_id = :project"
            + after + " ORDER BY a.seq LIMIT :limit")
        .bind("org", organizationId)
        .bind("project", projectId)
        .bind("limit", limit);
    if (afterId != null) {
      q.bind("after", afterId);
    }
    return q.map(ANNOTATION).list();
  }

  /**
   * The project's annotations whose bounding box meets the rectangle (project coordinates), in
   * the order they were made.
   */
  public List<Annotation> within(Handle h, String organizationId, long projectId, double minX,
      double minY, double maxX, double maxY) {
    return h.createQuery(SELECT + " WHERE a.organization_id = :org AND a.project_id = :project"
            + " AND a.max_x >= :minX AND a.min_x <= :maxX AND a.max_y >= :minY"
            + " AND a.min_y <= :maxY ORDER BY a.seq")
        .bind("org", organizationId)
        .bind("project", projectId)
        .bind("minX", minX)
        .bind("minY", minY)
        .bind("maxX", maxX)
        .bind("maxY", maxY)
        .map(ANNOTATION)
        .list();
  }

  /**
   * Replaces the geometry and content of {@code a}'s row; false when it is gone or its version is
   * no longer {@code expectedVersion}.
   */
  public boolean overwrite(Handle h, Annotation a, long expectedVersion) {
    return h.createUpdate(
            "UPDATE annotation SET geometry_type = :geometryType, geometry = :geometry,"
                + " min_x = :minX, min_y = :minY, max_x = :maxX, max_y = :maxY,"
                + " properties = :properties, tags = :tags, attachments = :attachments,"
                + " extension = :extension, schema_version = :schemaVersion,"
                + " updated_at = :updatedAt, version = version + 1"
                + " WHERE id = :id AND organization_id = :organizationId"
                + " AND version = :expected")
        .bindMethods(a)
        .bind("expected", expectedVersion)
        .execute() == 1;
  }

  /** Deletes one annotation of a live project; false when there is none. */
  public boolean delete(Handle h, String organizationId, String id) {
    return h.createUpdate(
            "DELETE FROM annotation WHERE id = :id AND organization_id = :org AND project_id IN"
                + " (SELECT p.id FROM project p WHERE p.deleted_at IS NULL)")
        .bind("id", id)
        .bind("org", organizationId)
        .execute() == 1;
  }

  /** Deletes every annotation of a project; answers how many. */
  public int deleteAll(Handle h, String organizationId, long projectId) {
    return h.createUpdate(
            "DELETE FROM annotation WHERE organization_id = :org AND project_id = :project")
        .bind("org", organizationId)
        .bind("project", projectId)
        .execute();
  }

  public long count(Handle h, String organizationId, long projectId) {
    return h.createQuery("SELECT COUNT(*) FROM annotation a JOIN project p ON p.id ="
            + " a.project_id AND p.deleted_at IS NULL WHERE a.organization_id = :org"
            + " AND a.project_id = :project")
        .bind("org", organizationId)
        .bind("project", projectId)
        .mapTo(Long.class)
        .one();
  }
}

package io.tessera.store;

import io.tessera.core.project.Project;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Photogrammetry project rows; deleted ones stay (deleted_at) until the purge. */
public final class ProjectRepository {
  private static final RowMapper<Project> PROJECT = ConstructorMapper.of(Project.class);

  /** Inserts and returns the row with the id the database gave it. */
  public Project insert(Handle h, Project p) {
    long id =
        h.createUpdate(
                "INSERT INTO project (uuid, organization_id, name, display_name, project_type,"
                    + " acquisition_date, coordinate_system, coordinate_system_geoid_height,"
                    + " parent_type, parent_uuid, public_status, display_detailed_status,"
                    + " created_by, created_at, updated_at) VALUES (:uuid, :organizationId,"
                    + " :name, :displayName, :projectType, :acquisitionDate, :coordinateSystem,"
                    + " :coordinateSystemGeoidHeight, :parentType, :parentUuid, :publicStatus,"
                    + " :displayDetailedStatus, :createdBy, :createdAt, :updatedAt)")
            .bindMethods(p)
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    return byId(h, p.organizationId(), id).orElseThrow();
  }

  public Optional<Project> byId(Handle h, String organizationId, long id) {
    return h.createQuery(
            "SELECT * FROM project WHERE id = :id AND organization_id = :org"
                + " AND deleted_at IS NULL")
        .bind("id", id)
        .bind("org", organizationId)
        .map(PROJECT)
        .findOne();
  }

  /** Newest first. */
  public List<Project> list(Handle h, String organizationId, int offset, int limit) {
    return h.createQuery(
            "SELECT * FROM project WHERE organization_id = :org AND deleted_at IS NULL"
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
        .bind("org", organizationId)
        .bind("limit", limit)
        .bind("offset", offset)
        .map(PROJECT)
        .list();
  }

  public long count(Handle h, String organizationId) {
    return h.createQuery(
            "SELECT COUNT(*) FROM project WHERE organization_id = :org AND deleted_at IS NULL")
        .bind("org", organizationId)
        .mapTo(Long.class)
        .one();
  }

  /** Writes the updatable fields; false when the row changed since {@code expectedVersion}. */
  public boolean update(Handle h, Project p, long expectedVersion) {
    return h.createUpdate(
            "UPDATE project SET display_name = :displayName, acquisition_date = :acquisitionDate,"
                + " coordinate_system = :coordinateSystem,"
                + " coordinate_system_geoid_height = :coordinateSystemGeoidHeight,"
                + " public_status = :publicStatus,"
                + " display_detailed_status = :displayDetailedStatus,"
                + " processing_started_at = :processingStartedAt, updated_at = :updatedAt,"
                + " version = version + 1 WHERE id = :id AND version = :expected"
                + " AND deleted_at IS NULL")
        .bindMethods(p)
        .bind("expected", expectedVersion)
        .execute() == 1;
  }

  public boolean delete(Handle h, String organizationId, long id, Instant now) {
    return h.createUpdate(
            "UPDATE project SET deleted_at = :now, version = version + 1 WHERE id = :id"
                + " AND organization_id = :org AND deleted_at IS NULL")
        .bind("id", id)
        .bind("org", organizationId)
        .bind("now", now)
        .execute() == 1;
  }

  /** The stored processing options as JSON, or null for the defaults. */
  public String processingOptions(Handle h, long id) {
    return h.createQuery("SELECT processing_options FROM project WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .one();
  }

  public void setProcessingOptions(Handle h, long id, String json, Instant now) {
    h.createUpdate(
            "UPDATE project SET processing_options = :json, updated_at = :now,"
                + " version = version + 1 WHERE id = :id")
        .bind("id", id)
        .bind("json", json)
        .bind("now", now)
        .execute();
  }
}

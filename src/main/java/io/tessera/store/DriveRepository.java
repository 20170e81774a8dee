package io.tessera.store;

import io.tessera.core.project.DriveNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Folders and project groups, and the drive's view of projects beside them. */
public final class DriveRepository {
  private static final RowMapper<DriveNode> NODE = ConstructorMapper.of(DriveNode.class);
  private static final String NODES =
      "SELECT id AS legacy_id, uuid, kind AS type, name, project_group_type, parent_type,"
          + " parent_uuid, created_at FROM drive_node WHERE organization_id = :org"
          + " AND deleted_at IS NULL";
  private static final String PROJECTS =
      "SELECT id AS legacy_id, uuid, 'project' AS type, display_name AS name,"
          + " CAST(NULL AS VARCHAR(16)) AS project_group_type, parent_type, parent_uuid,"
          + " created_at FROM project WHERE organization_id = :org AND deleted_at IS NULL";

  public DriveNode insert(Handle h, String organizationId, String uuid, String kind, String name,
      String projectGroupType, String parentType, String parentUuid, Instant now) {
    h.createUpdate(
            "INSERT INTO drive_node (uuid, organization_id, kind, name, project_group_type,"
                + " parent_type, parent_uuid, created_at) VALUES (:uuid, :org, :kind, :name,"
                + " :pgt, :pt, :pu, :now)")
        .bind("uuid", uuid)
        .bind("org", organizationId)
        .bind("kind", kind)
        .bind("name", name)
        .bind("pgt", projectGroupType)
        .bind("pt", parentType)
        .bind("pu", parentUuid)
        .bind("now", now)
        .execute();
    return node(h, organizationId, uuid).orElseThrow();
  }

  /** A folder or project group by uuid. */
  public Optional<DriveNode> node(Handle h, String organizationId, String uuid) {
    return h.createQuery(NODES + " AND uuid = :uuid")
        .bind("org", organizationId)
        .bind("uuid", uuid)
        .map(NODE)
        .findOne();
  }

  /** A project group by its numeric id. */
  public Optional<DriveNode> group(Handle h, String organizationId, long id) {
    return h.createQuery(NODES + " AND kind = 'project_group' AND id = :id")
        .bind("org", organizationId)
        .bind("id", id)
        .map(NODE)
        .findOne();
  }

  public List<DriveNode> groups(Handle h, String organizationId) {
    return h.createQuery(NODES + " AND kind = 'project_group' ORDER BY id DESC")
        .bind("org", organizationId)
        .map(NODE)
        .list();
  }

  public Optional<DriveNode> project(Handle h, String organizationId, String uuid) {
    return h.createQuery(PROJECTS + " AND uuid = :uuid")
        .bind("org", organizationId)
        .bind("uuid", uuid)
        .map(NODE)
        .findOne();
  }

  /** Folders, project groups and projects directly under {@code parentUuid}. */
  public List<DriveNode> children(Handle h, String organizationId, String parentUuid) {
    return h.createQuery("SELECT * FROM (" + NODES + " AND parent_uuid = :parent UNION ALL "
            + PROJECTS + " AND parent_uuid = :parent) n ORDER BY created_at, legacy_id")
        .bind("org", organizationId)
        .bind("parent", parentUuid)
        .map(NODE)
        .list();
  }

  public void rename(Handle h, String organizationId, String uuid, String name) {
    h.createUpdate("UPDATE drive_node SET name = :name, version = version + 1"
            + " WHERE organization_id = :org AND uuid = :uuid")
        .bind("org", organizationId)
        .bind("uuid", uuid)
        .bind("name", name)
        .execute();
  }

  /** Moves a node of any type (folder, project_group, project) under a new parent. */
  public void move(Handle h, String organizationId, DriveNode node, String parentType,
      String parentUuid) {
    String table = node.type().equals("project") ? "project" : "drive_node";
    h.createUpdate("UPDATE " + table + " SET parent_type = :pt, parent_uuid = :pu,"
            + " version = version + 1 WHERE organization_id = :org AND uuid = :uuid")
        .bind("org", organizationId)
        .bind("uuid", node.uuid())
        .bind("pt", parentType)
        .bind("pu", parentUuid)
        .execute();
  }

  /** Moves a node of any type into the trash. */
  public void trash(Handle h, String organizationId, DriveNode node, Instant now) {
    String table = node.type().equals("project") ? "project" : "drive_node";
    h.createUpdate("UPDATE " + table + " SET deleted_at = :now, version = version + 1"
            + " WHERE organization_id = :org AND uuid = :uuid AND deleted_at IS NULL")
        .bind("org", organizationId)
        .bind("uuid", node.uuid())
        .bind("now", now)
        .execute();
  }
}

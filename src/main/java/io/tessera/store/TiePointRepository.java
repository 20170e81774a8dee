package io.tessera.store;

import io.tessera.core.project.Mark;
import io.tessera.core.project.ProjectPhoto;
import io.tessera.core.project.TiePoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** A project's photos, tie points (GCPs and MTPs) and marks. */
public final class TiePointRepository {
  private static final RowMapper<ProjectPhoto> PHOTO = ConstructorMapper.of(ProjectPhoto.class);
  private static final RowMapper<TiePoint> POINT = ConstructorMapper.of(TiePoint.class);
  private static final RowMapper<Mark> MARK = ConstructorMapper.of(Mark.class);
  private static final String MARK_SELECT =
      "SELECT m.id, m.project_id, m.tie_point_id, t.name AS point_name, m.photo_id,"
          + " p.s3_key AS photo_key, m.x, m.y, m.created_at, m.version FROM mark m"
          + " JOIN tie_point t ON t.id = m.tie_point_id JOIN project_photo p ON p.id = m.photo_id";

  // photos

  /** Inserts or, for a key already used, replaces the file under it; returns the row. */
  public ProjectPhoto putPhoto(Handle h, ProjectPhoto p) {
    int updated = h.createUpdate(
            "UPDATE project_photo SET file_name = :fileName, blob_sha256 = :blobSha256,"
                + " size_bytes = :sizeBytes, width = :width, height = :height,"
                + " content_id = :contentId, registered = registered OR :registered,"
                + " version = version + 1 WHERE project_id = :projectId AND s3_key = :s3Key")
        .bindMethods(p)
        .execute();
    if (updated == 0) {
      h.createUpdate(
              "INSERT INTO project_photo (project_id, s3_key, file_name, blob_sha256, size_bytes,"
                  + " width, height, content_id, registered, created_at) VALUES (:projectId,"
                  + " :s3Key, :fileName, :blobSha256, :sizeBytes, :width, :height, :contentId,"
                  + " :registered, :createdAt)")
          .bindMethods(p)
          .execute();
    }
    return photoByKey(h, p.projectId(), p.s3Key()).orElseThrow();
  }

  public Optional<ProjectPhoto> photoByKey(Handle h, long projectId, String key) {
    return h.createQuery("SELECT * FROM project_photo WHERE project_id = :p AND s3_key = :k")
        .bind("p", projectId)
        .bind("k", key)
        .map(PHOTO)
        .findOne();
  }

  public Optional<ProjectPhoto> photo(Handle h, long projectId, long photoId) {
    return h.createQuery("SELECT * FROM project_photo WHERE project_id = :p AND id = :id")
        .bind("p", projectId)
        .bind("id", photoId)
        .map(PHOTO)
        .findOne();
  }

  /** Registered photos, in key order. */
  public List<ProjectPhoto> photos(Handle h, long projectId) {
    return h.createQuery(
            "SELECT * FROM project_photo WHERE project_id = :p AND registered ORDER BY s3_key")
        .bind("p", projectId)
        .map(PHOTO)
        .list();
  }

  public int register(Handle h, long projectId, List<String> keys) {
    return h.createUpdate(
            "UPDATE project_photo SET registered = TRUE, version = version + 1"
                + " WHERE project_id = :p AND s3_key IN (<keys>) AND NOT registered")
        .bind("p", projectId)
        .bindList("keys", keys)
        .execute();
  }

  public long photoCount(Handle h, long projectId) {
    return h.createQuery(
            "SELECT COUNT(*) FROM project_photo WHERE project_id = :p AND registered")
        .bind("p", projectId)
        .mapTo(Long.class)
        .one();
  }

  // tie points

  public TiePoint insertPoint(Handle h, TiePoint t) {
    h.createUpdate(
            "INSERT INTO tie_point (project_id, kind, name, point_type, x, y, z, xy_accuracy,"
                + " z_accuracy, created_at) VALUES (:projectId, :kind, :name, :pointType, :x, :y,"
                + " :z, :xyAccuracy, :zAccuracy, :createdAt)")
        .bindMethods(t)
        .execute();
    return point(h, t.projectId(), t.name()).orElseThrow();
  }

  public Optional<TiePoint> point(Handle h, long projectId, String name) {
    return h.createQuery("SELECT * FROM tie_point WHERE project_id = :p AND name = :n")
        .bind("p", projectId)
        .bind("n", name)
        .map(POINT)
        .findOne();
  }

  /** Points of one kind (GCP or MTP), in name order. */
  public List<TiePoint> points(Handle h, long projectId, String kind) {
    return h.createQuery(
            "SELECT * FROM tie_point WHERE project_id = :p AND kind = :k ORDER BY name")
        .bind("p", projectId)
        .bind("k", kind)
        .map(POINT)
        .list();
  }

  public void updatePoint(Handle h, TiePoint t) {
    h.createUpdate(
            "UPDATE tie_point SET name = :name, point_type = :pointType, x = :x, y = :y, z = :z,"
                + " xy_accuracy = :xyAccuracy, z_accuracy = :zAccuracy, version = version + 1"
                + " WHERE id = :id")
        .bindMethods(t)
        .execute();
  }

  /** Deletes the point and its marks. */
  public void deletePoint(Handle h, long pointId) {
    h.createUpdate("DELETE FROM mark WHERE tie_point_id = :id").bind("id", pointId).execute();
    h.createUpdate("DELETE FROM tie_point WHERE id = :id").bind("id", pointId).execute();
  }

  // marks

  public Mark insertMark(Handle h, long projectId, long pointId, long photoId, double x, double y,
      Instant now) {
    long id = h.createUpdate(
            "INSERT INTO mark (project_id, tie_point_id, photo_id, x, y, created_at)"
                + " VALUES (:project, :point, :photo, :x, :y, :now)")
        .bind("project", projectId)
        .bind("point", pointId)
        .bind("photo", photoId)
        .bind("x", x)
        .bind("y", y)
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
    return mark(h, projectId, id).orElseThrow();
  }

  public Optional<Mark> mark(Handle h, long projectId, long markId) {
    return h.createQuery(MARK_SELECT + " WHERE m.project_id = :p AND m.id = :id")
        .bind("p", projectId)
        .bind("id", markId)
        .map(MARK)
        .findOne();
  }

  public boolean markExists(Handle h, long pointId, long photoId) {
    return h.createQuery(
            "SELECT COUNT(*) FROM mark WHERE tie_point_id = :t AND photo_id = :p")
        .bind("t", pointId)
        .bind("p", photoId)
        .mapTo(Long.class)
        .one() > 0;
  }

  /** All marks of the project, by point name then photo key. */
  public List<Mark> marks(Handle h, long projectId) {
    return h.createQuery(MARK_SELECT + " WHERE m.project_id = :p ORDER BY t.name, p.s3_key")
        .bind("p", projectId)
        .map(MARK)
        .list();
  }

  public void moveMark(Handle h, long markId, double x, double y) {
    h.createUpdate("UPDATE mark SET x = :x, y = :y, version = version + 1 WHERE id = :id")
        .bind("id", markId)
        .bind("x", x)
        .bind("y", y)
        .execute();
  }

  public void deleteMark(Handle h, long markId) {
    h.createUpdate("DELETE FROM mark WHERE id = :id").bind("id", markId).execute();
  }
}

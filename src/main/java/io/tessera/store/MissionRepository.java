package io.tessera.store;

import io.tessera.core.mission.Mission;
import io.tessera.core.mission.Submission;
import io.tessera.core.mission.SubmissionImage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Missions, their submissions and the submissions' images. */
public final class MissionRepository {
  /**
   * Missions are read on every list request: a mapper written out, rather than JDBI's reflective
   * constructor mapper, which re-inspects the result set's columns for each query.
   */
  static final RowMapper<Mission> MISSION =
      (rs, ctx) ->
          new Mission(
              rs.getString("id"),
              rs.getString("uuid"),
              rs.getString("organization_id"),
              rs.getString("title"),
              rs.getString("description"),
              rs.getString("bounds_geojson"),
              rs.getDouble("min_lon"),
              rs.getDouble("min_lat"),
              rs.getDouble("max_lon"),
              rs.getDouble("max_lat"),
              rs.getDouble("area_m2"),
              rs.getInt("required_images"),
              rs.getInt("approved_images"),
              rs.getString("status"),
              instant(rs, "created_at"),
              instant(rs, "updated_at"),
              instant(rs, "completed_at"),
              instant(rs, "deleted_at"),
              rs.getLong("version"),
              rs.getInt("submission_count"));

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public void insert(Handle h, Mission m) {
    h.createUpdate(
            "INSERT INTO mission (id, uuid, organization_id, title, description, bounds_geojson,"
                + " min_lon, min_lat, max_lon, max_lat, area_m2, required_images, approved_images,"
                + " status, created_at, updated_at) VALUES (:id, :uuid, :organizationId, :title,"
                + " :description, :boundsGeojson, :minLon, :minLat, :maxLon, :maxLat, :areaM2,"
                + " :requiredImages, :approvedImages, :status, :createdAt, :updatedAt)")
        .bindMethods(m)
        .execute();
  }

  public Optional<Mission> byId(Handle h, String organizationId, String id) {
    return h.createQuery(
            "SELECT m.* FROM mission m WHERE m.id = :id"
                + " AND m.organization_id = :org AND m.deleted_at IS NULL")
        .bind("id", id)
        .bind("org", organizationId)
        .map(MISSION)
        .findOne();
  }

  /** Locks the mission row for the rest of the transaction (decisions update its counts). */
  public Optional<Mission> byIdForUpdate(Handle h, String organizationId, String id) {
    h.createQuery("SELECT id FROM mission WHERE id = :id AND organization_id = :org FOR UPDATE")
        .bind("id", id)
        .bind("org", organizationId)
        .mapTo(String.class)
        .findOne();
    return byId(h, organizationId, id);
  }

  /** Newest first; {@code status} null for all. */
  public List<Mission> list(Handle h, String organizationId, String status, int offset, int limit) {
    return h.createQuery(
            "SELECT m.* FROM mission m WHERE m.organization_id = :org"
                + " AND m.deleted_at IS NULL AND (:status IS NULL OR m.status = :status)"
                + " ORDER BY m.created_at DESC, m.id DESC LIMIT :limit OFFSET :offset")
        .bind("org", organizationId)
        .bind("status", status)
        .bind("limit", limit)
        .bind("offset", offset)
        .map(MISSION)
        .list();
  }

  public long count(Handle h, String organizationId, String status) {
    return h.createQuery(
            "SELECT COUNT(*) FROM mission WHERE organization_id = :org AND deleted_at IS NULL"
                + " AND (:status IS NULL OR status = :status)")
        .bind("org", organizationId)
        .bind("status", status)
        .mapTo(Long.class)
        .one();
  }

  /** Adds {@code delta} approved images; completes the mission when they reach the target. */
  public void addApproved(Handle h, String missionId, int delta, Instant now) {
    h.createUpdate(
            "UPDATE mission SET approved_images = approved_images + :delta, updated_at = :now,"
                + " version = version + 1 WHERE id = :id")
        .bind("id", missionId)
        .bind("delta", delta)
        .bind("now", now)
        .execute();
  }

  /** Marks the mission completed once; true only for the call that did it. */
  public boolean complete(Handle h, String missionId, Instant now) {
    return h.createUpdate(
            "UPDATE mission SET status = 'completed', completed_at = :now, updated_at = :now,"
                + " version = version + 1 WHERE id = :id AND status = 'active'"
                + " AND approved_images >= required_images")
        .bind("id", missionId)
        .bind("now", now)
        .execute() == 1;
  }

  // ---- submissions ----

  /** Inserts a submission and counts it on its mission. */
  public void insertSubmission(Handle h, Submission s) {
    h.createUpdate(
            "UPDATE mission SET submission_count = submission_count + 1, version = version + 1"
                + " WHERE id = :mission")
        .bind("mission", s.missionId())
        .execute();
    h.createUpdate(
            "INSERT INTO submission (id, uuid, organization_id, mission_id, zoomer_id, status,"
                + " lon, lat, altitude_m, accuracy_m, captured_at, image_count, outside_count,"
                + " created_at) VALUES (:id, :uuid, :organizationId, :missionId, :zoomerId,"
                + " :status, :lon, :lat, :altitudeM, :accuracyM, :capturedAt, :imageCount,"
                + " :outsideCount, :createdAt)")
        .bindMethods(s)
        .execute();
  }

  public void insertImage(Handle h, SubmissionImage i) {
    h.createUpdate(
            "INSERT INTO submission_image (id, submission_id, ordinal, file_name, sha256,"
                + " size_bytes, width, height, lon, lat, altitude_m, accuracy_m, captured_at,"
                + " time_source, make, model, orientation, outside_bounds) VALUES (:id,"
                + " :submissionId, :ordinal, :fileName, :sha256, :sizeBytes, :width, :height, :lon,"
                + " :lat, :altitudeM, :accuracyM, :capturedAt, :timeSource, :make, :model,"
                + " :orientation, :outsideBounds)")
        .bindMethods(i)
        .execute();
  }

  public Optional<Submission> submission(Handle h, String organizationId, String id) {
    return h.createQuery(
            "SELECT * FROM submission WHERE id = :id AND organization_id = :org"
                + " AND deleted_at IS NULL")
        .bind("id", id)
        .bind("org", organizationId)
        .mapTo(Submission.class)
        .findOne();
  }

  /** Oldest first, so that a reviewer works through them in arrival order. */
  public List<Submission> submissions(Handle h, String missionId, int offset, int limit) {
    return h.createQuery(
            "SELECT * FROM submission WHERE mission_id = :mission AND deleted_at IS NULL"
                + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
        .bind("mission", missionId)
        .bind("limit", limit)
        .bind("offset", offset)
        .mapTo(Submission.class)
        .list();
  }

  public long countSubmissions(Handle h, String missionId) {
    return h.createQuery(
            "SELECT COUNT(*) FROM submission WHERE mission_id = :mission AND deleted_at IS NULL")
        .bind("mission", missionId)
        .mapTo(Long.class)
        .one();
  }

  /**
   * Records a decision ({@code decidedAt} null when it is taken back); false when the submission
   * changed meanwhile (version mismatch).
   */
  public boolean decide(
      Handle h, String id, long version, String status, String reason, Instant decidedAt) {
    return h.createUpdate(
            "UPDATE submission SET status = :status, reason = :reason, decided_at = :decidedAt,"
                + " version = version + 1 WHERE id = :id AND version = :version")
        .bind("id", id)
        .bind("version", version)
        .bind("status", status)
        .bind("reason", reason)
        .bind("decidedAt", decidedAt)
        .execute() == 1;
  }

  public List<SubmissionImage> images(Handle h, String submissionId) {
    return h.createQuery(
            "SELECT * FROM submission_image WHERE submission_id = :id ORDER BY ordinal")
        .bind("id", submissionId)
        .mapTo(SubmissionImage.class)
        .list();
  }

  /** Every image of a mission's submissions, in submission then image order (for exports). */
  public List<SubmissionImage> missionImages(Handle h, String missionId) {
    return h.createQuery(
            "SELECT i.* FROM submission_image i JOIN submission s ON s.id = i.submission_id"
                + " WHERE s.mission_id = :mission AND s.deleted_at IS NULL"
                + " ORDER BY s.created_at, s.id, i.ordinal")
        .bind("mission", missionId)
        .mapTo(SubmissionImage.class)
        .list();
  }
}

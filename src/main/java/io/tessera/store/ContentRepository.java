package io.tessera.store;

import io.tessera.core.model.Records.Content;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Deep-zoom content rows, read with their tiling job's state, progress and error. */
public final class ContentRepository {
  private static final RowMapper<Content> CONTENT = ConstructorMapper.of(Content.class);
  private static final String SELECT =
      "SELECT c.id, c.organization_id, c.share_id, c.source_key, c.display_url, c.title,"
          + " c.blob_sha256, c.job_id, c.width, c.height, c.tile_size, c.tile_overlap,"
          + " c.tile_format, c.created_by, c.created_at, c.version, j.state AS job_state,"
          + " j.progress AS job_progress, j.error AS job_error"
          + " FROM content c JOIN job j ON j.id = c.job_id";

  public void insert(Handle h, Content c) {
    h.createUpdate(
            "INSERT INTO content (id, organization_id, source_key, display_url, title,"
                + " blob_sha256, job_id, tile_size, tile_overlap, tile_format, created_by,"
                + " created_at) VALUES (:id, :organizationId, :sourceKey, :displayUrl, :title,"
                + " :blobSha256, :jobId, :tileSize, :tileOverlap, :tileFormat, :createdBy,"
                + " :createdAt)")
        .bindMethods(c)
        .execute();
  }

  public Optional<Content> byId(Handle h, String id) {
    return h.createQuery(SELECT + " WHERE c.id = :id").bind("id", id).map(CONTENT).findOne();
  }

  public Optional<Content> byShareId(Handle h, String shareId) {
    return h.createQuery(SELECT + " WHERE c.share_id = :id")
        .bind("id", shareId)
        .map(CONTENT)
        .findOne();
  }

  public Optional<Content> byJob(Handle h, String jobId) {
    return h.createQuery(SELECT + " WHERE c.job_id = :id").bind("id", jobId).map(CONTENT).findOne();
  }

  /** The newest content of the organization for this source that has not failed. */
  public Optional<Content> bySource(Handle h, String organizationId, String sourceKey) {
    return h.createQuery(
            SELECT
                + " WHERE c.organization_id = :org AND c.source_key = :key"
                + " AND j.state NOT IN ('failed', 'cancelled') ORDER BY c.created_at DESC"
                + " LIMIT 1")
        .bind("org", organizationId)
        .bind("key", sourceKey)
        .map(CONTENT)
        .findOne();
  }

  /** Records the image's size and the tiles' format once the tiler has read the image. */
  public void started(Handle h, String id, int width, int height, String tileFormat) {
    h.createUpdate(
            "UPDATE content SET width = :w, height = :h, tile_format = :f, version = version + 1"
                + " WHERE id = :id")
        .bind("id", id)
        .bind("w", width)
        .bind("h", height)
        .bind("f", tileFormat)
        .execute();
  }

  /** Records the blob that a fetch of the content's URL stored. */
  public void fetched(Handle h, String id, String blobSha256) {
    h.createUpdate(
            "UPDATE content SET blob_sha256 = :sha, version = version + 1 WHERE id = :id")
        .bind("id", id)
        .bind("sha", blobSha256)
        .execute();
  }

  /** Gives the content its share id, unless it has one already. */
  public void share(Handle h, String id, String shareId) {
    h.createUpdate(
            "UPDATE content SET share_id = :share, version = version + 1"
                + " WHERE id = :id AND share_id IS NULL")
        .bind("id", id)
        .bind("share", shareId)
        .execute();
  }
}

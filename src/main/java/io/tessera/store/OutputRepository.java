package io.tessera.store;

import io.tessera.core.project.ProjectOutput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** A project's outputs, and the files put under keys for them. */
public final class OutputRepository {
  private static final RowMapper<ProjectOutput> OUTPUT =
      ConstructorMapper.of(ProjectOutput.class);

  /** A file put under a key, waiting to be registered. */
  public record KeyedFile(
      long projectId, String outputKey, String fileName, String blobSha256, long sizeBytes,
      Instant createdAt) {}

  /**
   * Inserts {@code o}, first removing the project's output of the same type (the document: "the
   * new output replaces the old one"); returns the new row and the one it replaced.
   */
  public Replaced insertReplacing(Handle h, ProjectOutput o) {
    Optional<ProjectOutput> old = h.createQuery(
            "SELECT * FROM project_output WHERE project_id = :p AND output_type = :t")
        .bind("p", o.projectId())
        .bind("t", o.outputType())
        .map(OUTPUT)
        .findOne();
    old.ifPresent(r -> delete(h, r.id()));
    h.createUpdate(
            "INSERT INTO project_output (uuid, project_id, result_type, output_type, output_key,"
                + " file_name, blob_sha256, source_path, size_bytes, availability, error, job_id,"
                + " raster_file, raster_info, created_at, updated_at) VALUES (:uuid, :projectId,"
                + " :resultType, :outputType, :outputKey, :fileName, :blobSha256, :sourcePath,"
                + " :sizeBytes, :availability, :error, :jobId, :rasterFile, :rasterInfo,"
                + " :createdAt, :updatedAt)")
        .bindMethods(o)
        .execute();
    return new Replaced(byUuid(h, o.uuid()).orElseThrow(), old);
  }

  /** The row written and the row it replaced, if any. */
  public record Replaced(ProjectOutput output, Optional<ProjectOutput> replaced) {}

  public Optional<ProjectOutput> byUuid(Handle h, String uuid) {
    return h.createQuery("SELECT * FROM project_output WHERE uuid = :u")
        .bind("u", uuid)
        .map(OUTPUT)
        .findOne();
  }

  public Optional<ProjectOutput> byId(Handle h, long projectId, long id) {
    return h.createQuery("SELECT * FROM project_output WHERE project_id = :p AND id = :id")
        .bind("p", projectId)
        .bind("id", id)
        .map(OUTPUT)
        .findOne();
  }

  public Optional<ProjectOutput> byJob(Handle h, String jobId) {
    return h.createQuery("SELECT * FROM project_output WHERE job_id = :j")
        .bind("j", jobId)
        .map(OUTPUT)
        .findOne();
  }

  /** The project's outputs, oldest first. */
  public List<ProjectOutput> list(Handle h, long projectId) {
    return h.createQuery("SELECT * FROM project_output WHERE project_id = :p ORDER BY id")
        .bind("p", projectId)
        .map(OUTPUT)
        .list();
  }

  /** Every raster file an output refers to (for cleaning up files no row names). */
  public List<String> rasterFiles(Handle h) {
    return h.createQuery(
            "SELECT raster_file FROM project_output WHERE raster_file IS NOT NULL")
        .mapTo(String.class)
        .list();
  }

  /** The import finished: the tiled raster and what it holds. */
  public void imported(Handle h, long id, String rasterFile, String rasterInfo, Instant now) {
    h.createUpdate(
            "UPDATE project_output SET availability = 'done', error = NULL,"
                + " raster_file = :f, raster_info = :i, updated_at = :now, version = version + 1"
                + " WHERE id = :id")
        .bind("f", rasterFile)
        .bind("i", rasterInfo)
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  /** The import failed, for {@code reason}. */
  public void failed(Handle h, long id, String reason, Instant now) {
    h.createUpdate(
            "UPDATE project_output SET availability = 'failed', error = :e, updated_at = :now,"
                + " version = version + 1 WHERE id = :id")
        .bind("e", reason.length() > 2000 ? reason.substring(0, 2000) : reason)
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  public boolean delete(Handle h, long id) {
    return h.createUpdate("DELETE FROM project_output WHERE id = :id").bind("id", id).execute()
        == 1;
  }

  /** Puts a file under a key, replacing one put before; returns the replaced file. */
  public Optional<KeyedFile> putFile(Handle h, KeyedFile f) {
    Optional<KeyedFile> old = file(h, f.projectId(), f.outputKey());
    old.ifPresent(o -> h.createUpdate(
            "DELETE FROM project_output_file WHERE project_id = :p AND output_key = :k")
        .bind("p", f.projectId())
        .bind("k", f.outputKey())
        .execute());
    h.createUpdate(
            "INSERT INTO project_output_file (project_id, output_key, file_name, blob_sha256,"
                + " size_bytes, created_at) VALUES (:projectId, :outputKey, :fileName,"
                + " :blobSha256, :sizeBytes, :createdAt)")
        .bindMethods(f)
        .execute();
    return old;
  }

  public Optional<KeyedFile> file(Handle h, long projectId, String key) {
    return h.createQuery(
            "SELECT * FROM project_output_file WHERE project_id = :p AND output_key = :k")
        .bind("p", projectId)
        .bind("k", key)
        .map(ConstructorMapper.of(KeyedFile.class))
        .findOne();
  }
}

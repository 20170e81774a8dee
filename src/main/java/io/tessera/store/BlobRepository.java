package io.tessera.store;

import io.tessera.core.model.Records.Blob;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reference counts of the blobs in the {@link BlobStore}. A blob whose count falls to zero is
 * only marked released; the purge deletes it after a grace period, and never while referenced.
 */
public final class BlobRepository {

  /** Records one more reference to a blob, creating its row on first use. */
  public void addRef(Handle h, String sha256, long sizeBytes, Instant now) {
    int updated =
        h.createUpdate(
                "UPDATE blob SET ref_count = ref_count + 1, released_at = NULL"
                    + " WHERE sha256 = :sha")
            .bind("sha", sha256)
            .execute();
    if (updated == 0) {
      h.createUpdate(
              "INSERT INTO blob (sha256, size_bytes, ref_count, created_at)"
                  + " VALUES (:sha, :size, 1, :now)")
          .bind("sha", sha256)
          .bind("size", sizeBytes)
          .bind("now", now)
          .execute();
    }
  }

  public void release(Handle h, String sha256, Instant now) {
    h.createUpdate(
            "UPDATE blob SET ref_count = ref_count - 1,"
                + " released_at = CASE WHEN ref_count = 1 THEN :now ELSE released_at END"
                + " WHERE sha256 = :sha AND ref_count > 0")
        .bind("sha", sha256)
        .bind("now", now)
        .execute();
  }

  public Optional<Blob> byHash(Handle h, String sha256) {
    return h.createQuery("SELECT * FROM blob WHERE sha256 = :sha")
        .bind("sha", sha256)
        .mapTo(Blob.class)
        .findOne();
  }

  /** Blobs without references since before {@code cutoff}. */
  public List<Blob> releasedBefore(Handle h, Instant cutoff) {
    return h.createQuery(
            "SELECT * FROM blob WHERE ref_count = 0 AND released_at < :cutoff ORDER BY sha256")
        .bind("cutoff", cutoff)
        .mapTo(Blob.class)
        .list();
  }

  /** Deletes the row if it is still unreferenced; true when the file may go too. */
  public boolean deleteIfUnreferenced(Handle h, String sha256) {
    return h.createUpdate("DELETE FROM blob WHERE sha256 = :sha AND ref_count = 0")
        .bind("sha", sha256)
        .execute() == 1;
  }
}

package io.tessera.service.job;

import io.tessera.store.BlobRepository;
import io.tessera.store.BlobStore;
import io.tessera.core.model.Records.Blob;
import io.tessera.store.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Empties the trash: records deleted more than {@link #TRASH_RETENTION} ago, then blobs that no
 * record has referenced for {@link #BLOB_GRACE}. Safe to repeat, so it resumes after a restart.
 */
public final class PurgeJob implements JobHandler {
  public static final Duration TRASH_RETENTION = Duration.ofDays(30);
  public static final Duration BLOB_GRACE = Duration.ofHours(1);
  private final Jdbi jdbi;
  private final BlobStore blobs;
  private final Clock clock;
  private final UserRepository users = new UserRepository();
  private final BlobRepository blobRows = new BlobRepository();

  public PurgeJob(Jdbi jdbi, BlobStore blobs, Clock clock) {
    this.jdbi = jdbi;
    this.blobs = blobs;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "purge";
  }

  @Override
  public boolean resumable() {
    return true;
  }

  @Override
  public void run(JobContext ctx) throws Exception {
    Instant now = clock.instant();
    int purged = jdbi.inTransaction(h -> users.purge(h, now.minus(TRASH_RETENTION)));
    ctx.progress(0.2, "removed " + purged + " trashed records");
    List<Blob> released = jdbi.withHandle(h -> blobRows.releasedBefore(h, now.minus(BLOB_GRACE)));
    int done = 0;
    for (Blob b : released) {
      ctx.checkCancelled();
      // Delete the row first, under the same condition: a blob referenced again meanwhile stays.
      if (jdbi.inTransaction(h -> blobRows.deleteIfUnreferenced(h, b.sha256()))) {
        blobs.delete(b.sha256());
      }
      done++;
      ctx.progress(0.2 + 0.8 * done / released.size(), "removed " + done + " unused files");
    }
  }
}

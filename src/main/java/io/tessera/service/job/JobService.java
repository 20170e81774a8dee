package io.tessera.service.job;

import io.tessera.service.DomainException;
import io.tessera.store.JobRepository;
import io.tessera.core.model.Records.Job;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistent jobs: each is a row (kind, state, progress, message, error) run by a small pool.
 * After a restart, unfinished jobs are resumed when their kind allows it and otherwise marked
 * failed with the reason.
 */
public final class JobService implements AutoCloseable {
  public static final String INTERRUPTED =
      "interrupted: Tessera stopped while this job was running";
  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final String organizationId;
  private final JobRepository repo = new JobRepository();
  private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
  private final ExecutorService pool;

  public JobService(Jdbi jdbi, Clock clock, String organizationId, int threads) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.organizationId = organizationId;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "tessera-job-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  public void register(JobHandler handler) {
    handlers.put(handler.kind(), handler);
  }

  /** Resumes or fails what a previous run left unfinished. Call once, after registering. */
  public void recover() {
    for (Job j : jdbi.withHandle(repo::unfinished)) {
      JobHandler h = handlers.get(j.kind());
      if (h != null && h.resumable()) {
        jdbi.useHandle(handle -> repo.requeue(handle, j.id()));
        LOG.info("resuming job {} ({})", j.id(), j.kind());
        schedule(j.id(), h);
      } else {
        jdbi.useHandle(
            handle -> repo.finish(handle, j.id(), "failed", null, INTERRUPTED, clock.instant()));
        LOG.info("job {} ({}) was interrupted by a stop; marked failed", j.id(), j.kind());
      }
    }
  }

  /** Queues a job of a registered kind. */
  public Job submit(String kind, String params) {
    return submit(kind, params, (h, job) -> {});
  }

  /**
   * Queues a job of a registered kind, writing {@code alsoWrite}'s rows (say, the record the job
   * works on, which may refer to the job row) in the job row's transaction, so that the job never
   * starts without them.
   */
  public Job submit(String kind, String params, BiConsumer<Handle, Job> alsoWrite) {
    JobHandler h = handlers.get(kind);
    if (h == null) {
      throw new DomainException.Invalid(
          "unknown job kind '" + kind + "'; known: " + String.join(", ", handlers.keySet()));
    }
    Job row =
        new Job(
            UUID.randomUUID().toString(), organizationId, kind, "queued", 0, null, null, params,
            false, clock.instant(), null, null, 1);
    jdbi.useTransaction(
        handle -> {
          repo.insert(handle, row);
          alsoWrite.accept(handle, row);
        });
    schedule(row.id(), h);
    return row;
  }

  public Job get(String id) {
    return jdbi.withHandle(h -> repo.byId(h, id))
        .orElseThrow(() -> new DomainException.NotFound("job", id));
  }

  public List<Job> list(String state, int limit) {
    if (state != null && !List.of("queued", "running", "succeeded", "failed", "cancelled")
        .contains(state)) {
      throw new DomainException.Invalid(
          "state must be one of queued, running, succeeded, failed, cancelled");
    }
    return jdbi.withHandle(h -> repo.list(h, state, Math.max(1, Math.min(limit, 500))));
  }

  /** Asks a job to stop; a queued job is cancelled at once, a running one at its next check. */
  public Job cancel(String id) {
    Job j = get(id);
    jdbi.useTransaction(
        h -> {
          if (repo.requestCancel(h, id) && "queued".equals(j.state())) {
            repo.finish(h, id, "cancelled", null, null, clock.instant());
          }
        });
    return get(id);
  }

  private void schedule(String id, JobHandler handler) {
    pool.execute(() -> runOne(id, handler));
  }

  private void runOne(String id, JobHandler handler) {
    if (!jdbi.withHandle(h -> repo.markRunning(h, id, clock.instant()))) {
      return; // cancelled while queued
    }
    Job row = get(id);
    JobContext ctx =
        new JobContext() {
          @Override
          public String jobId() {
            return id;
          }

          @Override
          public String params() {
            return row.params();
          }

          @Override
          public void progress(double fraction, String message) {
            double p = Math.max(0, Math.min(1, fraction));
            jdbi.useHandle(h -> repo.progress(h, id, p, message));
          }

          @Override
          public boolean cancelled() {
            return jdbi.withHandle(h -> repo.cancelRequested(h, id));
          }
        };
    try {
      handler.run(ctx);
      if (ctx.cancelled()) {
        end(id, "cancelled", null, null);
      } else {
        end(id, "succeeded", 1.0, null);
      }
    } catch (CancellationException e) {
      end(id, "cancelled", null, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      end(id, "failed", null, INTERRUPTED);
    } catch (Exception | Error e) {
      LOG.warn("job {} ({}) failed", id, handler.kind(), e);
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      end(id, "failed", null, msg);
    }
  }

  private void end(String id, String state, Double progress, String error) {
    jdbi.useHandle(h -> repo.finish(h, id, state, progress, error, clock.instant()));
  }

  /** Stops the pool; jobs still running stay 'running' and are recovered at the next start. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

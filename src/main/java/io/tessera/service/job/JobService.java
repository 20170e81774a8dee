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
  /** Set by {@link #close}: running jobs see it as a cancel and stop at their next check. */
  private volatile boolean closing;
  /** How long {@link #close} waits for running jobs to stop on their own. */
  static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(10);

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
            return closing || jdbi.withHandle(h -> repo.cancelRequested(h, id));
          }
        };
    try {
      handler.run(ctx);
      if (closing) {
        return; // stopped by close(): left 'running', recovered at the next start
      }
      if (ctx.cancelled()) {
        end(id, "cancelled", null, null);
      } else {
        end(id, "succeeded", 1.0, null);
      }
    } catch (CancellationException e) {
      if (!closing) {
        end(id, "cancelled", null, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      end(id, "failed", null, INTERRUPTED);
    } catch (Exception | Error e) {
      if (closing) {
        LOG.info("job {} ({}) stopped by the shutdown: {}", id, handler.kind(), e.toString());
        return;
      }
      LOG.warn("job {} ({}) failed", id, handler.kind(), e);
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      end(id, "failed", null, msg);
    }
  }

  private void end(String id, String state, Double progress, String error) {
    jdbi.useHandle(h -> repo.finish(h, id, state, progress, error, clock.instant()));
  }

  /**
   * Stops the pool; jobs still running stay 'running' and are recovered at the next start.
   *
   * <p>Running jobs are asked to stop through {@link JobContext#cancelled()} rather than
   * interrupted: an interrupt that reaches a thread in the middle of a database write makes the
   * JDK close H2's file channel ({@code ClosedByInterruptException}) under every other
   * connection. Only a job that ignores the request for {@link #STOP_GRACE} is interrupted.
   */
  @Override
  public void close() {
    closing = true;
    pool.shutdown();
    try {
      if (!pool.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

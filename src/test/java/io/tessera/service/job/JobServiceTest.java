package io.tessera.service.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.core.model.Records.Job;
import io.tessera.service.DomainException;
import io.tessera.service.OrganizationService;
import io.tessera.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistent jobs on a real H2 file database: run, progress, cancel, and recovery on restart. */
class JobServiceTest {
  @TempDir Path dir;
  private final Clock clock = Clock.systemUTC();

  private Database db() {
    Database db = Database.open(Database.h2Url(dir), clock);
    db.migrate(null);
    return db;
  }

  /** A job that waits for a latch, reporting progress, and honours cancellation. */
  static final class GatedJob implements JobHandler {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final boolean resumable;
    final AtomicInteger runs = new AtomicInteger();

    GatedJob(boolean resumable) {
      this.resumable = resumable;
    }

    @Override
    public String kind() {
      return resumable ? "gated-resumable" : "gated";
    }

    @Override
    public boolean resumable() {
      return resumable;
    }

    @Override
    public void run(JobContext ctx) throws Exception {
      runs.incrementAndGet();
      ctx.progress(0.25, "a quarter");
      started.countDown();
      while (!release.await(20, TimeUnit.MILLISECONDS)) {
        ctx.checkCancelled();
      }
    }
  }

  private static Job await(JobService jobs, String id, String state) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      Job j = jobs.get(id);
      if (j.state().equals(state)) {
        return j;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("job " + id + " never reached " + state + ": " + jobs.get(id));
  }

  @Test
  void runsToSuccessWithProgress() throws Exception {
    try (Database db = db()) {
      String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Org");
      GatedJob gated = new GatedJob(false);
      try (JobService jobs = new JobService(db.jdbi(), clock, org, 1)) {
        jobs.register(gated);
        Job j = jobs.submit("gated", "{\"x\":1}");
        assertThat(gated.started.await(5, TimeUnit.SECONDS)).isTrue();
        Job running = await(jobs, j.id(), "running");
        assertThat(running.progress()).isEqualTo(0.25);
        assertThat(running.message()).isEqualTo("a quarter");
        gated.release.countDown();
        Job done = await(jobs, j.id(), "succeeded");
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.finishedAt()).isNotNull();
      }
    }
  }

  @Test
  void cancelStopsARunningJob() throws Exception {
    try (Database db = db()) {
      String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Org");
      GatedJob gated = new GatedJob(false);
      try (JobService jobs = new JobService(db.jdbi(), clock, org, 1)) {
        jobs.register(gated);
        Job j = jobs.submit("gated", null);
        assertThat(gated.started.await(5, TimeUnit.SECONDS)).isTrue();
        jobs.cancel(j.id());
        assertThat(await(jobs, j.id(), "cancelled").error()).isNull();
      }
    }
  }

  @Test
  void aFailingJobRecordsItsError() throws Exception {
    try (Database db = db()) {
      String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Org");
      try (JobService jobs = new JobService(db.jdbi(), clock, org, 1)) {
        jobs.register(new JobHandler() {
          @Override
          public String kind() {
            return "broken";
          }

          @Override
          public boolean resumable() {
            return false;
          }

          @Override
          public void run(JobContext ctx) {
            throw new IllegalStateException("the input file is damaged");
          }
        });
        Job j = jobs.submit("broken", null);
        assertThat(await(jobs, j.id(), "failed").error()).isEqualTo("the input file is damaged");
      }
    }
  }

  @Test
  void afterARestartResumableJobsRunAgainAndOthersAreMarkedFailed() throws Exception {
    String resumableId;
    String plainId;
    try (Database db = db()) {
      String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Org");
      GatedJob r = new GatedJob(true);
      GatedJob p = new GatedJob(false);
      JobService jobs = new JobService(db.jdbi(), clock, org, 2);
      jobs.register(r);
      jobs.register(p);
      resumableId = jobs.submit("gated-resumable", null).id();
      plainId = jobs.submit("gated", null).id();
      assertThat(r.started.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(p.started.await(5, TimeUnit.SECONDS)).isTrue();
      jobs.close(); // the process stops with both running
    }
    try (Database db = db()) {
      String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Org");
      GatedJob r = new GatedJob(true);
      r.release.countDown();
      try (JobService jobs = new JobService(db.jdbi(), clock, org, 1)) {
        jobs.register(r);
        jobs.register(new GatedJob(false));
        jobs.recover();
        assertThat(await(jobs, resumableId, "succeeded").state()).isEqualTo("succeeded");
        assertThat(r.runs.get()).isEqualTo(1);
        Job failed = jobs.get(plainId);
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo(JobService.INTERRUPTED);
      }
    }
  }

  @Test
  void unknownKindsAndStatesAreRefused() {
    try (Database db = db()) {
      String org = new OrganizationService(db.jdbi(), clock).ensureDefault("Org");
      try (JobService jobs = new JobService(db.jdbi(), clock, org, 1)) {
        assertThatThrownBy(() -> jobs.submit("nope", null))
            .isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> jobs.list("sleeping", 10))
            .isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> jobs.get("missing")).isInstanceOf(DomainException.NotFound.class);
      }
    }
  }
}

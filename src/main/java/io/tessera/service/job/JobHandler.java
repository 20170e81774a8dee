package io.tessera.service.job;

/** Runs one kind of job. Implementations check {@link JobContext#cancelled()} between steps. */
public interface JobHandler {
  /** The job kind this handler runs, e.g. {@code purge}. */
  String kind();

  /**
   * Whether an unfinished job of this kind is started again after a restart (its work must then be
   * safe to repeat); otherwise it is marked failed with the reason.
   */
  boolean resumable();

  void run(JobContext ctx) throws Exception;
}

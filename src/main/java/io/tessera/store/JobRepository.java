package io.tessera.store;

import io.tessera.core.model.Records.Job;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Job rows: what runs, how far it got, and how it ended. */
public final class JobRepository {

  public void insert(Handle h, Job j) {
    h.createUpdate(
            "INSERT INTO job (id, organization_id, kind, state, progress, message, params,"
                + " created_at) VALUES (:id, :organizationId, :kind, :state, :progress, :message,"
                + " :params, :createdAt)")
        .bindMethods(j)
        .execute();
  }

  public Optional<Job> byId(Handle h, String id) {
    return h.createQuery("SELECT * FROM job WHERE id = :id")
        .bind("id", id)
        .mapTo(Job.class)
        .findOne();
  }

  /** Newest first; {@code state} null for all. */
  public List<Job> list(Handle h, String state, int limit) {
    return h.createQuery(
            "SELECT * FROM job WHERE (:state IS NULL OR state = :state)"
                + " ORDER BY created_at DESC, id LIMIT :limit")
        .bind("state", state)
        .bind("limit", limit)
        .mapTo(Job.class)
        .list();
  }

  public List<Job> unfinished(Handle h) {
    return h.createQuery(
            "SELECT * FROM job WHERE state IN ('queued', 'running') ORDER BY created_at, id")
        .mapTo(Job.class)
        .list();
  }

  public boolean markRunning(Handle h, String id, Instant now) {
    return h.createUpdate(
            "UPDATE job SET state = 'running', started_at = :now, version = version + 1"
                + " WHERE id = :id AND state = 'queued'")
        .bind("id", id)
        .bind("now", now)
        .execute() == 1;
  }

  public void progress(Handle h, String id, double progress, String message) {
    h.createUpdate(
            "UPDATE job SET progress = :progress, message = COALESCE(:message, message),"
                + " version = version + 1 WHERE id = :id AND state = 'running'")
        .bind("id", id)
        .bind("progress", progress)
        .bind("message", message)
        .execute();
  }

  /** Ends a job that has not ended yet; false when it already had. */
  public boolean finish(
      Handle h, String id, String state, Double progress, String error, Instant now) {
    return h.createUpdate(
            "UPDATE job SET state = :state, error = :error, finished_at = :now,"
                + " progress = COALESCE(:progress, progress), version = version + 1"
                + " WHERE id = :id AND state IN ('queued', 'running')")
        .bind("id", id)
        .bind("state", state)
        .bind("progress", progress)
        .bind("error", error)
        .bind("now", now)
        .execute() == 1;
  }

  public void requeue(Handle h, String id) {
    h.createUpdate(
            "UPDATE job SET state = 'queued', started_at = NULL, version = version + 1"
                + " WHERE id = :id AND state = 'running'")
        .bind("id", id)
        .execute();
  }

  public boolean requestCancel(Handle h, String id) {
    return h.createUpdate(
            "UPDATE job SET cancel_requested = TRUE, version = version + 1"
                + " WHERE id = :id AND state IN ('queued', 'running')")
        .bind("id", id)
        .execute() == 1;
  }

  public boolean cancelRequested(Handle h, String id) {
    return h.createQuery("SELECT cancel_requested FROM job WHERE id = :id")
        .bind("id", id)
        .mapTo(Boolean.class)
        .findOne()
        .orElse(false);
  }
}

package io.tessera.api.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.core.model.Records;

/**
 * A background job as {@code GET /api/v1/jobs/{id}} shows it.
 *
 * @param state one of {@code queued, running, succeeded, failed, cancelled}
 * @param progress 0..1
 */
public record JobDto(
    String id,
    String kind,
    String state,
    double progress,
    String message,
    String error,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("finished_at") String finishedAt) {
  public static JobDto of(Records.Job j) {
    return new JobDto(
        j.id(), j.kind(), j.state(), j.progress(), j.message(), j.error(),
        Wire.instant(j.createdAt()), Wire.instant(j.finishedAt()));
  }
}

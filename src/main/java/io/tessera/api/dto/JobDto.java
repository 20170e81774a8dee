package io.tessera.api.dto;

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
    String createdAt,
    String finishedAt) {}

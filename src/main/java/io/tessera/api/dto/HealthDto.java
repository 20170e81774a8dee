package io.tessera.api.dto;

/** {@code GET /api/v1/health}, as the field-collection API document fixes it. */
public record HealthDto(String status, String database, String timestamp) {}

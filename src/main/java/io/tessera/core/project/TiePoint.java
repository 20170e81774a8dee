package io.tessera.core.project;

import java.time.Instant;

/**
 * A GCP (coordinates in the project's output CRS; {@code pointType} GCP or CHECKPOINT) or an MTP
 * (no coordinates; {@code pointType} CHECKPOINT when it is a check point).
 *
 * @param kind GCP or MTP
 */
public record TiePoint(
    long id,
    long projectId,
    String kind,
    String name,
    String pointType,
    Double x,
    Double y,
    Double z,
    Double xyAccuracy,
    Double zAccuracy,
    Instant createdAt,
    long version) {

  public boolean isCheckpoint() {
    return "CHECKPOINT".equals(pointType);
  }
}

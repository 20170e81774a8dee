package io.tessera.core.mission;

import java.time.Instant;

/**
 * A collection mission: an area (RFC 7946 polygon, kept as GeoJSON with its bounding box) and how
 * many approved images complete it. {@code submissionCount} is kept up to date on intake.
 */
public record Mission(
    String id,
    String uuid,
    String organizationId,
    String title,
    String description,
    String boundsGeojson,
    double minLon,
    double minLat,
    double maxLon,
    double maxLat,
    double areaM2,
    int requiredImages,
    int approvedImages,
    String status,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    Instant deletedAt,
    long version,
    int submissionCount) {

  public static final String ACTIVE = "active";
  public static final String COMPLETED = "completed";
}

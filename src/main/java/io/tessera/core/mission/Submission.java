package io.tessera.core.mission;

import java.time.Instant;

/**
 * Photos a zoomer sent for a mission, and the review decision on them. Position, altitude,
 * accuracy and capture time summarise the images: the mean position and altitude of the located
 * images, the worst (largest) accuracy, the earliest capture time.
 */
public record Submission(
    String id,
    String uuid,
    String organizationId,
    String missionId,
    String zoomerId,
    String status,
    String reason,
    Double lon,
    Double lat,
    Double altitudeM,
    Double accuracyM,
    Instant capturedAt,
    int imageCount,
    int outsideCount,
    Instant createdAt,
    Instant decidedAt,
    Instant deletedAt,
    long version) {

  public static final String RECEIVED = "received";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";
}

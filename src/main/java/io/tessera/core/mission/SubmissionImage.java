package io.tessera.core.mission;

import java.time.Instant;

/** One photo of a submission: its file (a blob, byte for byte) and its EXIF summary. */
public record SubmissionImage(
    String id,
    String submissionId,
    int ordinal,
    String fileName,
    String sha256,
    long sizeBytes,
    int width,
    int height,
    Double lon,
    Double lat,
    Double altitudeM,
    Double accuracyM,
    Instant capturedAt,
    String timeSource,
    String make,
    String model,
    Integer orientation,
    boolean outsideBounds) {}

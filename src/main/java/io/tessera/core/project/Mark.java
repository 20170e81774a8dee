package io.tessera.core.project;

import java.time.Instant;

/**
 * A tie point placed on a photo, in pixels: origin at the top-left corner of the top-left pixel,
 * x right, y down (ARCHITECTURE §11; the document: "positive pixel coordinates … with respect to
 * the top-left corner").
 *
 * @param pointName the tie point's name, and {@code photoKey} the photo's key, as the API shows
 */
public record Mark(
    long id,
    long projectId,
    long tiePointId,
    String pointName,
    long photoId,
    String photoKey,
    double x,
    double y,
    Instant createdAt,
    long version) {}

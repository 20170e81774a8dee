package io.tessera.core.photo;

import java.time.Instant;

/**
 * What a photo says about itself: the EXIF summary the missions API shows and the review panel
 * lists. Every field but the size may be absent (null).
 *
 * @param lon GPS longitude, degrees (WGS 84)
 * @param lat GPS latitude, degrees
 * @param altitudeM GPS altitude, metres above sea level (negative below)
 * @param accuracyM horizontal positioning error, metres (EXIF 2.31 GPSHPositioningError)
 * @param capturedAt capture time per {@link PhotoMetadataReader}'s rule
 * @param timeSource which EXIF field gave {@code capturedAt}
 * @param orientation EXIF orientation 1..8
 */
public record PhotoMetadata(
    int width,
    int height,
    Double lon,
    Double lat,
    Double altitudeM,
    Double accuracyM,
    Instant capturedAt,
    TimeSource timeSource,
    String make,
    String model,
    Integer orientation) {

  /** Where a capture time came from, best first (ARCHITECTURE §11). */
  public enum TimeSource {
    /** DateTimeOriginal with OffsetTimeOriginal. */
    OFFSET_TIME_ORIGINAL,
    /** GPSDateStamp + GPSTimeStamp (UTC). */
    GPS,
    /** DateTimeOriginal in the camera's local time, with the configured offset. */
    CAMERA_LOCAL
  }

  public boolean hasLocation() {
    return lon != null && lat != null;
  }
}

package io.tessera.core.project;

import java.time.Instant;

/**
 * An annotation on a project (photogrammetry-api-pix4d.txt, "Annotations"): a GeoJSON geometry in
 * the project's coordinates with its display properties. The JSON members are kept as the client
 * sent them (after validation), so that what is read back is what was written.
 *
 * @param id the document's id, {@code Project_<project id>_<uuid>}
 * @param geometryType Point, LineString, Polygon or Circle
 * @param geometry the GeoJSON geometry object as JSON text
 * @param minX the geometry's bounding box in the project's coordinates (a circle's includes its
 *     radius), for spatial filters
 * @param properties the properties object as JSON text ({@code name}, {@code color}, …)
 * @param tags a JSON array of strings
 * @param attachments a JSON array of objects
 * @param extension a JSON object, {@code {}} when none
 * @param schemaVersion the annotation schema's {@code MAJOR.MINOR} ("1.0")
 * @param version the record's version, for ETags and If-Match
 */
public record Annotation(
    String id,
    String organizationId,
    long projectId,
    String geometryType,
    String geometry,
    double minX,
    double minY,
    double maxX,
    double maxY,
    String properties,
    String tags,
    String attachments,
    String extension,
    String schemaVersion,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The id of a new annotation of project {@code projectId}. */
  public static String newId(long projectId, String uuid) {
    return "Project_" + projectId + "_" + uuid;
  }

  /**
   * The project an annotation id names ({@code Project_123_<uuid>} → 123), or -1 when the id
   * does not have that shape.
   */
  public static long projectOf(String id) {
    if (id == null || !id.startsWith("Project_")) {
      return -1;
    }
    int end = id.indexOf('_', 8);
    if (end < 0 || end == 8 || end - 8 > 18 || end == id.length() - 1) {
      return -1;
    }
    for (int i = 8; i < end; i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(id.substring(8, end));
  }
}

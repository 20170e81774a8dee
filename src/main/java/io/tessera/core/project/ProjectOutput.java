package io.tessera.core.project;

import java.time.Instant;

/**
 * A project's output file (the document's "output"): a DSM, an orthomosaic, a report, a point
 * cloud. DSMs and orthomosaics are imported into Tessera's tiled raster form, and
 * {@code availability} follows that import.
 *
 * @param id the per-instance numeric id (the document's {@code output_id})
 * @param uuid the id that survives export and import between instances
 * @param outputKey the document's {@code output} (its S3 key): the key the file was put under,
 *     or {@code project-<id>/outputs/<file name>} for an upload or an import by path
 * @param blobSha256 the file in the blob store, or null for a file imported by path
 * @param sourcePath the file a desktop import read in place, or null; never shown to callers
 * @param availability {@code pending} while importing, then {@code done} or {@code failed}
 * @param error why the import failed, in words, or null
 * @param rasterFile the tiled raster, relative to the data dir, once imported
 * @param rasterInfo the raster's size, bands, CRS and NoData as JSON, once imported
 */
public record ProjectOutput(
    long id,
    String uuid,
    long projectId,
    String resultType,
    String outputType,
    String outputKey,
    String fileName,
    String blobSha256,
    String sourcePath,
    long sizeBytes,
    String availability,
    String error,
    String jobId,
    String rasterFile,
    String rasterInfo,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String PENDING = "pending";
  public static final String DONE = "done";
  public static final String FAILED = "failed";
}

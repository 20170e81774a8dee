package io.tessera.core.project;

import java.time.Instant;

/**
 * A photo of a project, known by its key (the document's {@code s3_key}).
 *
 * @param registered whether it counts as an input (uploaded through {@code photos/}, or put
 *     under a key and then registered with {@code inputs/bulk_register/})
 * @param contentId its deep-zoom content, once tiling has been asked for
 */
public record ProjectPhoto(
    long id,
    long projectId,
    String s3Key,
    String fileName,
    String blobSha256,
    long sizeBytes,
    int width,
    int height,
    String contentId,
    boolean registered,
    Instant createdAt,
    long version) {}

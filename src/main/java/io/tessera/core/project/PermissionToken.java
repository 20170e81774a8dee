package io.tessera.core.project;

import java.time.Instant;

/**
 * A share token (photogrammetry-api-pix4d.txt, "permission_tokens"): read-only or read-write
 * access to one project's annotations and outputs for whoever holds the secret. Only the secret's
 * SHA-256 is stored; the secret itself is shown once, when the token is made.
 *
 * @param id the token's public id (a UUID), which names it in the API's paths
 * @param resourceType Project (the document's ProjectGroup is not offered)
 * @param resourceId the project's id
 * @param canWrite true for a read-write token
 * @param createdBy the id of the principal that made it
 */
public record PermissionToken(
    String id,
    String tokenHash,
    String organizationId,
    String resourceType,
    long resourceId,
    boolean canWrite,
    boolean enabled,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {}

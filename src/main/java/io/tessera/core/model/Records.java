package io.tessera.core.model;

import java.time.Instant;

/**
 * The stored records of the foundation: organization, accounts and credentials, jobs, blobs. Each
 * maps one table row; secrets appear only as hashes.
 */
public final class Records {
  private Records() {}

  public record Organization(String id, String name, Instant createdAt, long version) {}

  public record User(
      String id,
      String organizationId,
      String email,
      String passwordHash,
      String role,
      Instant createdAt,
      Instant updatedAt,
      Instant deletedAt,
      long version) {}

  public record Session(
      String id, String userId, String refreshJti, Instant createdAt, Instant expiresAt,
      Instant revokedAt) {}

  public record ApiKey(
      String id,
      String organizationId,
      String name,
      String keyHash,
      String scopes,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {}

  public record ClientCredential(
      String id,
      String organizationId,
      String name,
      String clientId,
      String secretHash,
      String scopes,
      boolean rateLimited,
      Integer ratePerMinute,
      Integer ratePerHour,
      Instant createdAt,
      Instant revokedAt) {}

  public record Job(
      String id,
      String organizationId,
      String kind,
      String state,
      double progress,
      String message,
      String error,
      String params,
      boolean cancelRequested,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      long version) {}

  public record Blob(
      String sha256, long sizeBytes, int refCount, Instant createdAt, Instant releasedAt) {}

  /**
   * A deep-zoom content item with its tiling job's state joined in: ready when the job succeeded,
   * failed when it failed or was cancelled. Width and height are known once tiling has started.
   *
   * @param sourceKey what identifies the source for "existing content" lookups (may hold a
   *     server path: never shown)
   * @param displayUrl what the Content object shows as its url
   */
  public record Content(
      String id,
      String organizationId,
      String shareId,
      String sourceKey,
      String displayUrl,
      String title,
      String blobSha256,
      String jobId,
      Integer width,
      Integer height,
      int tileSize,
      int tileOverlap,
      String tileFormat,
      String createdBy,
      Instant createdAt,
      long version,
      String jobState,
      double jobProgress,
      String jobError) {

    public boolean ready() {
      return "succeeded".equals(jobState);
    }

    public boolean failed() {
      return "failed".equals(jobState) || "cancelled".equals(jobState);
    }
  }
}

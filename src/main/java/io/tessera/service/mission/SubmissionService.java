package io.tessera.service.mission;

import io.tessera.core.io.FileNames;
import io.tessera.core.geo.Polygons;
import io.tessera.core.mission.Mission;
import io.tessera.core.mission.Submission;
import io.tessera.core.mission.SubmissionImage;
import io.tessera.core.model.Ids;
import io.tessera.core.photo.PhotoMetadata;
import io.tessera.core.photo.PhotoMetadataReader;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.auth.Role;
import io.tessera.service.security.OutboundPolicy;
import io.tessera.service.webhook.Outbox;
import io.tessera.store.BlobRepository;
import io.tessera.store.BlobStore;
import io.tessera.store.MissionRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Polygon;

/**
 * Submissions: intake of photos (uploaded or imported by path), reading them back, and the review
 * decisions that complete missions. Every change and its webhook event commit together.
 */
public final class SubmissionService {
  /** Per-file limit for submission photos (drone JPEGs are 5–30 MB). */
  public static final long MAX_IMAGE_BYTES = 100L * 1024 * 1024;
  /** Limit for one submission's whole multipart body. */
  public static final long MAX_SUBMISSION_BYTES = 2L * 1024 * 1024 * 1024;
  public static final int MAX_IMAGES = 200;

  private final Jdbi jdbi;
  private final Clock clock;
  private final BlobStore blobs;
  private final Outbox outbox;
  private final OutboundPolicy policy;
  private final MissionGeneration generation;
  private final MissionRepository missions = new MissionRepository();
  private final BlobRepository blobRows = new BlobRepository();

  /** A photo already streamed into the blob store, not yet referenced by any record. */
  public record Staged(String fileName, String sha256, long sizeBytes) {}

  /** A submission with its images. */
  public record Detail(Submission submission, List<SubmissionImage> images) {}

  public SubmissionService(
      Jdbi jdbi, Clock clock, BlobStore blobs, Outbox outbox, OutboundPolicy policy,
      MissionGeneration generation) {
    this.generation = generation;
    this.jdbi = jdbi;
    this.clock = clock;
    this.blobs = blobs;
    this.outbox = outbox;
    this.policy = policy;
  }

  /** Streams one uploaded file into the blob store, refusing it past {@code limitBytes}. */
  public Staged stage(String fileName, InputStream in, long limitBytes) throws IOException {
    try {
      BlobStore.BlobRef ref = blobs.put(in, limitBytes);
      return new Staged(FileNames.safe(fileName, "image.jpg"), ref.sha256(), ref.sizeBytes());
    } catch (BlobStore.TooLargeException e) {
      throw new DomainException.TooLarge(limitBytes);
    }
  }

  /**
   * Leaves staged files to the purge (after its grace period) when their submission is refused:
   * nothing refers to them, and a file that another record already uses is left alone.
   */
  public void discard(List<Staged> staged) {
    if (staged.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    jdbi.useTransaction(
        h -> {
          for (Staged s : staged) {
            blobRows.addRef(h, s.sha256(), s.sizeBytes(), now);
            blobRows.release(h, s.sha256(), now);
          }
        });
  }

  /**
   * Creates a submission from staged photos: reads each one's EXIF, refuses the whole submission
   * (422, nothing kept) if one is not a whole JPEG, flags photos outside the mission's bounds.
   */
  public Submission intake(Principal p, String missionId, String zoomerId, List<Staged> files) {
    try {
      p.requireScope("submissions:write");
      String zoomer = zoomerId == null ? "" : zoomerId.trim();
      if (zoomer.isEmpty()) {
        throw new DomainException.Invalid("zoomer_id is required");
      }
      if (zoomer.length() > 200) {
        throw new DomainException.Invalid("zoomer_id is longer than 200 characters");
      }
      if (files.isEmpty()) {
        throw new DomainException.Invalid("at least one JPEG is required in parts named 'images'");
      }
      if (files.size() > MAX_IMAGES) {
        throw new DomainException.Invalid("at most " + MAX_IMAGES + " images per submission");
      }
      Mission mission = mission(p, missionId);
      if (!Mission.ACTIVE.equals(mission.status())) {
        throw new DomainException.Conflict(
            "mission " + missionId + " is " + mission.status() + " and takes no more submissions");
      }
      Polygon bounds = Polygons.fromRings(MissionService.rings(mission));
      Instant now = clock.instant();
      String submissionId = Ids.next("sub_", now);
      List<SubmissionImage> images = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Staged f = files.get(i);
        PhotoMetadata md = read(f, i);
        boolean outside = md.hasLocation() && !Polygons.covers(bounds, md.lon(), md.lat());
        images.add(
            new SubmissionImage(
                Ids.next("img_", now), submissionId, i, f.fileName(), f.sha256(), f.sizeBytes(),
                md.width(), md.height(), md.lon(), md.lat(), md.altitudeM(), md.accuracyM(),
                md.capturedAt(), md.timeSource() == null ? null : md.timeSource().name().toLowerCase(
                    java.util.Locale.ROOT), md.make(), md.model(), md.orientation(), outside));
      }
      Submission s = summarise(submissionId, p.organizationId(), missionId, zoomer, images, now);
      jdbi.useTransaction(
          h -> {
            missions.insertSubmission(h, s);
            generation.changedIn(h);
            for (SubmissionImage img : images) {
              blobRows.addRef(h, img.sha256(), img.sizeBytes(), now);
              missions.insertImage(h, img);
            }
            outbox.record(h, p.organizationId(), "submission.received", Events.submission(s));
          });
      return s;
    } catch (RuntimeException e) {
      discard(files);
      throw e;
    }
  }

  /**
   * Creates a submission from files the server reads itself (the desktop's import of a local
   * folder): each path must lie in an allowed import root.
   */
  public Submission importPaths(
      Principal p, String missionId, String zoomerId, List<String> paths) {
    p.requireScope("submissions:write");
    if (paths == null || paths.isEmpty()) {
      throw new DomainException.Invalid("paths must name at least one JPEG");
    }
    if (paths.size() > MAX_IMAGES) {
      throw new DomainException.Invalid("at most " + MAX_IMAGES + " images per submission");
    }
    mission(p, missionId); // 404 before reading any file
    List<Path> checked = paths.stream().map(policy::checkPath).toList();
    List<Staged> staged = new ArrayList<>();
    try {
      for (Path file : checked) {
        if (!Files.isRegularFile(file)) {
          throw new DomainException.Invalid("not a file: " + file.getFileName());
        }
        try (InputStream in = Files.newInputStream(file)) {
          staged.add(stage(file.getFileName().toString(), in, MAX_IMAGE_BYTES));
        }
      }
    } catch (IOException e) {
      discard(staged);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      discard(staged);
      throw e;
    }
    return intake(p, missionId, zoomerId, staged);
  }

  public Detail get(Principal p, String submissionId) {
    p.requireScope("submissions:read");
    return jdbi.withHandle(
        h -> {
          Submission s = submission(h, p, submissionId);
          return new Detail(s, missions.images(h, s.id()));
        });
  }

  public MissionService.Page<Submission> list(
      Principal p, String missionId, Integer page, Integer perPage) {
    p.requireScope("submissions:read");
    mission(p, missionId);
    int pg = MissionService.page(page);
    int per = MissionService.perPage(perPage);
    return jdbi.withHandle(
        h ->
            new MissionService.Page<>(
                missions.submissions(h, missionId, (pg - 1) * per, per),
                missions.countSubmissions(h, missionId),
                pg,
                per));
  }

  /** Every submission of a mission, in arrival order, without images (for GeoJSON). */
  public List<Submission> every(Principal p, String missionId) {
    p.requireScope("submissions:read");
    mission(p, missionId);
    return jdbi.withHandle(h -> missions.submissions(h, missionId, 0, Integer.MAX_VALUE));
  }

  /** Every submission of a mission with its images (two queries), for exports. */
  public List<Detail> all(Principal p, String missionId) {
    p.requireScope("submissions:read");
    mission(p, missionId);
    return jdbi.withHandle(
        h -> {
          java.util.Map<String, List<SubmissionImage>> images =
              missions.missionImages(h, missionId).stream()
                  .collect(java.util.stream.Collectors.groupingBy(
                      SubmissionImage::submissionId, java.util.LinkedHashMap::new,
                      java.util.stream.Collectors.toList()));
          List<Detail> out = new ArrayList<>();
          for (Submission s : missions.submissions(h, missionId, 0, Integer.MAX_VALUE)) {
            out.add(new Detail(s, images.getOrDefault(s.id(), List.of())));
          }
          return out;
        });
  }

  public Submission approve(Principal p, String submissionId) {
    return decide(p, submissionId, Submission.APPROVED, null);
  }

  public Submission reject(Principal p, String submissionId, String reason) {
    String r = reason == null ? "" : reason.trim();
    if (r.isEmpty()) {
      throw new DomainException.Invalid("a rejection needs a reason");
    }
    if (r.length() > 2000) {
      throw new DomainException.Invalid("reason is longer than 2000 characters");
    }
    return decide(p, submissionId, Submission.REJECTED, r);
  }

  /**
   * Takes a decision back (the review's undo): the submission is {@code received} again and its
   * photos no longer count as approved. No webhook event exists for this; a completed mission
   * stays completed.
   */
  public Submission reopen(Principal p, String submissionId) {
    return decide(p, submissionId, Submission.RECEIVED, null);
  }

  /**
   * Approves or rejects, or changes an earlier decision (emitting the new decision's event). The
   * mission's approved-image count follows; the mission completes, once, when it reaches the
   * required number.
   */
  private Submission decide(Principal p, String submissionId, String status, String reason) {
    p.requireScope("submissions:write");
    if (p.kind() == Principal.Kind.USER) {
      p.requireRole(Role.ADMIN, Role.MANAGER);
    }
    return jdbi.inTransaction(
        h -> {
          Submission before = submission(h, p, submissionId);
          Mission mission =
              missions
                  .byIdForUpdate(h, p.organizationId(), before.missionId())
                  .orElseThrow(() -> new DomainException.NotFound("mission", before.missionId()));
          Submission current = submission(h, p, submissionId); // re-read under the mission lock
          if (current.status().equals(status) && Objects.equals(current.reason(), reason)) {
            return current;
          }
          Instant now = clock.instant();
          boolean reopening = status.equals(Submission.RECEIVED);
          generation.changedIn(h);
          if (!missions.decide(
              h, current.id(), current.version(), status, reason, reopening ? null : now)) {
            throw new DomainException.Conflict("the submission changed meanwhile; try again");
          }
          int delta =
              (status.equals(Submission.APPROVED) ? current.imageCount() : 0)
                  - (current.status().equals(Submission.APPROVED) ? current.imageCount() : 0);
          if (delta != 0) {
            missions.addApproved(h, mission.id(), delta, now);
          }
          Submission after = submission(h, p, submissionId);
          if (reopening) {
            return after;
          }
          outbox.record(h, p.organizationId(), "submission." + status, Events.submission(after));
          if (missions.complete(h, mission.id(), now)) {
            Mission done = missions.byId(h, p.organizationId(), mission.id()).orElseThrow();
            var data = new java.util.LinkedHashMap<String, Object>();
            data.put("mission_id", done.id());
            data.put("title", done.title());
            data.put("required_images", done.requiredImages());
            data.put("approved_images", done.approvedImages());
            data.put("completed_at", Events.time(now));
            outbox.record(h, p.organizationId(), "mission.completed", data);
          }
          return after;
        });
  }

  /** Opens an image's original file, byte for byte. */
  public InputStream openImage(Principal p, String submissionId, String imageId) throws IOException {
    SubmissionImage img =
        get(p, submissionId).images().stream()
            .filter(i -> i.id().equals(imageId))
            .findFirst()
            .orElseThrow(() -> new DomainException.NotFound("image", imageId));
    return open(img);
  }

  /** Opens a stored image file. */
  public InputStream open(SubmissionImage img) throws IOException {
    return blobs
        .open(img.sha256())
        .orElseThrow(() -> new IOException("the file of image " + img.id() + " is missing"));
  }

  /** Where a stored image file lives (for exports that compute checksums first). */
  public Path file(SubmissionImage img) {
    return blobs.path(img.sha256());
  }

  private Mission mission(Principal p, String missionId) {
    return jdbi.withHandle(h -> missions.byId(h, p.organizationId(), missionId))
        .orElseThrow(() -> new DomainException.NotFound("mission", missionId));
  }

  private Submission submission(Handle h, Principal p, String id) {
    return missions
        .submission(h, p.organizationId(), id)
        .orElseThrow(() -> new DomainException.NotFound("submission", id));
  }

  private PhotoMetadata read(Staged f, int index) {
    try {
      return PhotoMetadataReader.read(blobs.path(f.sha256()), ZoneOffset.UTC);
    } catch (PhotoMetadataReader.NotAJpegException e) {
      throw new DomainException.Invalid(
          "image " + (index + 1) + " (" + f.fileName() + ") is " + e.getMessage(),
          java.util.Map.of("file_name", f.fileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The submission's position and time, summarised from its images (see {@link Submission}). */
  static Submission summarise(
      String id, String org, String missionId, String zoomer, List<SubmissionImage> images,
      Instant now) {
    List<SubmissionImage> located = images.stream().filter(i -> i.lon() != null).toList();
    Double lon = located.isEmpty() ? null : located.stream().mapToDouble(SubmissionImage::lon).average().orElseThrow();
    Double lat = located.isEmpty() ? null : located.stream().mapToDouble(SubmissionImage::lat).average().orElseThrow();
    var alts = images.stream().map(SubmissionImage::altitudeM).filter(Objects::nonNull).toList();
    Double alt = alts.isEmpty() ? null : alts.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    Double acc =
        images.stream().map(SubmissionImage::accuracyM).filter(Objects::nonNull)
            .max(Comparator.naturalOrder()).orElse(null);
    Instant captured =
        images.stream().map(SubmissionImage::capturedAt).filter(Objects::nonNull)
            .min(Comparator.naturalOrder()).orElse(null);
    int outside = (int) images.stream().filter(SubmissionImage::outsideBounds).count();
    return new Submission(
        id, UUID.randomUUID().toString(), org, missionId, zoomer, Submission.RECEIVED, null, lon,
        lat, alt, acc, captured, images.size(), outside, now, null, null, 1);
  }

  /** The last path element of an uploaded name, without control characters; never empty. */

}

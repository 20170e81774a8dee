package io.tessera.service.project;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.xmp.XmpDirectory;
import io.tessera.core.io.FileNames;
import io.tessera.core.model.Records.Content;
import io.tessera.core.photo.PhotoMetadata;
import io.tessera.core.photo.PhotoMetadataReader;
import io.tessera.core.project.ProjectPhoto;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.deepzoom.ContentService;
import io.tessera.store.BlobRepository;
import io.tessera.store.BlobStore;
import io.tessera.store.TiePointRepository;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * A project's photos: uploaded (registered at once), or put under a key of the client's choosing
 * and registered later ({@code inputs/bulk_register/}, the document's S3 flow). Each photo is
 * streamed into the blob store, its size read from its header, and its deep-zoom tiling started.
 */
public final class PhotoService {
  /** Largest photo accepted. */
  public static final long MAX_PHOTO_BYTES = 200L * 1024 * 1024;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~/-]{1,1024}");

  private final Jdbi jdbi;
  private final Clock clock;
  private final BlobStore blobs;
  private final ProjectService projects;
  private final ContentService content;
  private final TiePointRepository repo = new TiePointRepository();
  private final BlobRepository blobRows = new BlobRepository();

  public PhotoService(Jdbi jdbi, Clock clock, BlobStore blobs, ProjectService projects,
      ContentService content) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.blobs = blobs;
    this.projects = projects;
    this.content = content;
  }

  /** The key an uploaded file gets: {@code project-<id>/images/<file name>}. */
  public static String uploadKey(long projectId, String fileName) {
    return "project-" + projectId + "/images/" + FileNames.safe(fileName, "photo.jpg");
  }

  /** Stores a photo under {@code key}; {@code register} counts it as an input at once. */
  public ProjectPhoto put(Principal p, long projectId, String key, String fileName,
      InputStream in, boolean register) throws IOException {
    projects.get(p, projectId);
    p.requireScope("write");
    if (key == null || !KEY.matcher(key).matches() || key.contains("..")
        || key.startsWith("/")) {
      throw new DomainException.BadRequest("a key is 1 to 1024 characters of letters, digits"
          + " and . _ ~ / -, without '..' or a leading slash");
    }
    BlobStore.BlobRef ref;
    try {
      ref = blobs.put(in, MAX_PHOTO_BYTES);
    } catch (BlobStore.TooLargeException e) {
      throw new DomainException.TooLarge(MAX_PHOTO_BYTES);
    }
    PhotoMetadata meta;
    try {
      meta = PhotoMetadataReader.read(blobs.path(ref.sha256()), ZoneOffset.UTC);
    } catch (PhotoMetadataReader.NotAJpegException e) {
      release(ref);
      throw new DomainException.BadRequest(FileNames.safe(fileName, "photo.jpg") + ": "
          + e.getMessage());
    }
    Content tiles = content.fromBlob(p, ref, fileName);
    ProjectPhoto row = new ProjectPhoto(0, projectId, key, FileNames.safe(fileName, "photo.jpg"),
        ref.sha256(), ref.sizeBytes(), meta.width(), meta.height(), tiles.id(), register,
        clock.instant(), 1);
    return jdbi.inTransaction(h -> {
      blobRows.addRef(h, ref.sha256(), ref.sizeBytes(), clock.instant());
      return repo.putPhoto(h, row);
    });
  }

  /** Registers files put under {@code keys}; every key must have a file. */
  public int register(Principal p, long projectId, List<String> keys) {
    projects.get(p, projectId);
    p.requireScope("write");
    if (keys == null || keys.isEmpty()) {
      throw new DomainException.BadRequest("input_file_keys must name at least one key",
          java.util.Map.of("input_file_keys", List.of("This list may not be empty.")));
    }
    return jdbi.inTransaction(h -> {
      List<String> missing = keys.stream()
          .filter(k -> repo.photoByKey(h, projectId, k).isEmpty()).toList();
      if (!missing.isEmpty()) {
        throw new DomainException.BadRequest("no file was put under " + missing,
            java.util.Map.of("input_file_keys", missing));
      }
      repo.register(h, projectId, keys);
      return keys.size();
    });
  }

  public List<ProjectPhoto> list(Principal p, long projectId) {
    projects.get(p, projectId);
    return jdbi.withHandle(h -> repo.photos(h, projectId));
  }

  /** How many photos the project has as inputs (the project's {@code image_count}). */
  public long count(Principal p, long projectId) {
    projects.get(p, projectId);
    return jdbi.withHandle(h -> repo.photoCount(h, projectId));
  }

  public ProjectPhoto get(Principal p, long projectId, long photoId) {
    projects.get(p, projectId);
    return jdbi.withHandle(h -> repo.photo(h, projectId, photoId))
        .orElseThrow(() -> new DomainException.NotFound("photo", Long.toString(photoId)));
  }

  /**
   * The photo's EXIF (and other metadata directories but XMP): directory → tag → value as the
   * camera wrote it, described in words where metadata-extractor knows the tag.
   */
  public Map<String, Map<String, String>> exif(ProjectPhoto photo) throws IOException {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Directory d : metadata(photo).getDirectories()) {
      if (d instanceof XmpDirectory) {
        continue;
      }
      Map<String, String> tags = new LinkedHashMap<>();
      for (Tag t : d.getTags()) {
        tags.put(t.getTagName(), t.getDescription());
      }
      out.put(d.getName(), tags);
    }
    return out;
  }

  /** The photo's XMP properties by their qualified names (DJI gimbal angles, senseFly, …). */
  public Map<String, String> xmp(ProjectPhoto photo) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (XmpDirectory d : metadata(photo).getDirectoriesOfType(XmpDirectory.class)) {
      out.putAll(d.getXmpProperties());
    }
    return out;
  }

  private Metadata metadata(ProjectPhoto photo) throws IOException {
    try (InputStream in = open(photo)) {
      return ImageMetadataReader.readMetadata(in);
    } catch (ImageProcessingException e) {
      throw new DomainException.Invalid("the photo's metadata cannot be read: "
          + e.getMessage());
    }
  }

  /** The photo's original bytes. */
  public InputStream open(ProjectPhoto photo) throws IOException {
    return blobs.open(photo.blobSha256())
        .orElseThrow(() -> new DomainException.NotFound("photo file", photo.s3Key()));
  }

  private void release(BlobStore.BlobRef ref) {
    jdbi.useTransaction(h -> {
      blobRows.addRef(h, ref.sha256(), ref.sizeBytes(), clock.instant());
      blobRows.release(h, ref.sha256(), clock.instant());
    });
  }
}

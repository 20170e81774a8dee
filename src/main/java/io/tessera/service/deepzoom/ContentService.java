package io.tessera.service.deepzoom;

import io.tessera.core.dzi.BadImageException;
import io.tessera.core.io.FileNames;
import io.tessera.core.dzi.DziOptions;
import io.tessera.core.dzi.DziPyramid;
import io.tessera.core.dzi.DziTiler;
import io.tessera.core.dzi.TileFormat;
import io.tessera.core.dzi.TileSink;
import io.tessera.core.dzi.TilingListener;
import io.tessera.core.model.Ids;
import io.tessera.core.model.Records.Content;
import io.tessera.core.model.Records.Job;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.job.JobContext;
import io.tessera.service.job.JobHandler;
import io.tessera.service.job.JobService;
import io.tessera.service.security.OutboundPolicy;
import io.tessera.service.security.PinnedDns;
import io.tessera.store.BlobRepository;
import io.tessera.store.BlobStore;
import io.tessera.store.ContentRepository;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Deep-zoom content: an image named by URL ({@code file:} within the allowed folders, {@code
 * http(s):} under the outbound policy) or uploaded, tiled by a job into the {@link TileStore}.
 *
 * <p>Content is private to its organization until it is shared: sharing gives it a second id of
 * 22 random alphanumerics (≈131 bits), under which it, its DZI and its tiles are public, as
 * ZoomHub's are. Asking again for a URL whose content has not failed gives that content back
 * (a local file counts as the same source while its size and modification time stay the same);
 * content that failed is tiled afresh.
 */
public final class ContentService implements JobHandler {
  public static final String JOB_KIND = "deepzoom";
  /** Largest image accepted by upload or fetched from a URL. */
  public static final long MAX_SOURCE_BYTES = 2L * 1024 * 1024 * 1024;
  /** ≈71 bits: private ids are only ever used with credentials. */
  static final int PRIVATE_ID_LENGTH = 12;
  /** ≈131 bits: whoever has a share id sees the content. */
  public static final int SHARE_ID_LENGTH = 22;
  private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

  private final Jdbi jdbi;
  private final Clock clock;
  private final String organizationId;
  private final BlobStore blobs;
  private final TileStore tiles;
  private final OutboundPolicy policy;
  private final SourceFetcher fetcher;
  private final JobService jobs;
  private final DziOptions options;
  private final ContentRepository repo = new ContentRepository();
  private final BlobRepository blobRows = new BlobRepository();

  /**
   * Content and how the caller reached it: by its share id (public) or by its own id.
   *
   * @param shared whether the caller named the share id; what is shown then uses it
   */
  public record Found(Content content, boolean shared) {
    /** The id the caller used, and that links given to them carry. */
    public String publicId() {
      return shared ? content.shareId() : content.id();
    }

    /** The pyramid, once tiling has read the image's size. */
    public Optional<DziPyramid> pyramid() {
      if (content.width() == null) {
        return Optional.empty();
      }
      return Optional.of(new DziPyramid(content.width(), content.height(), content.tileSize(),
          content.tileOverlap()));
    }

    public TileFormat format() {
      return TileFormat.valueOf(content.tileFormat().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * @param policy decides which URLs and paths may be read; it must resolve names through
   *     {@code dns}
   */
  public ContentService(
      Jdbi jdbi, Clock clock, String organizationId, BlobStore blobs, TileStore tiles,
      OutboundPolicy policy, PinnedDns dns, JobService jobs, DziOptions options, String version) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.organizationId = organizationId;
    this.blobs = blobs;
    this.tiles = tiles;
    this.policy = policy;
    this.fetcher = new SourceFetcher(policy, dns, blobs, MAX_SOURCE_BYTES, version);
    this.jobs = jobs;
    this.options = options;
  }

  /**
   * The content for {@code url}: existing content for the same source, or new content whose tiling
   * starts now.
   *
   * @throws DomainException.BadRequest the URL is malformed, of another scheme, or may not be
   *     read by this server
   */
  public Content byUrl(Principal p, String url) {
    if (url == null || url.isBlank()) {
      throw new DomainException.BadRequest("the url parameter is required");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new DomainException.BadRequest("not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "file" -> {
        Path file = checkedFile(uri);
        return existingOrNew(p, fileKey(file), file.getFileName().toString(), null);
      }
      case "http", "https" -> {
        try {
          policy.checkUrl(uri.toString());
        } catch (DomainException.Invalid e) {
          throw new DomainException.BadRequest(e.getMessage());
        }
        String normalized = uri.normalize().toString();
        return existingOrNew(p, normalized, normalized, null);
      }
      default -> throw new DomainException.BadRequest(
          "the url must be an http, https or file URL");
    }
  }

  /** New content from an uploaded image, streamed into the blob store. */
  public Content upload(Principal p, String fileName, InputStream in) throws IOException {
    BlobStore.BlobRef ref;
    try {
      ref = blobs.put(in, MAX_SOURCE_BYTES);
    } catch (BlobStore.TooLargeException e) {
      throw new DomainException.TooLarge(MAX_SOURCE_BYTES);
    }
    if (ref.sizeBytes() == 0) {
      throw new DomainException.BadRequest("the uploaded file is empty");
    }
    return fromBlob(p, ref, fileName);
  }

  /**
   * The content for an image already in the blob store (an upload, a project's photo): the same
   * bytes are the same content.
   */
  public Content fromBlob(Principal p, BlobStore.BlobRef ref, String fileName) {
    jdbi.useHandle(h -> blobRows.addRef(h, ref.sha256(), ref.sizeBytes(), clock.instant()));
    return existingOrNew(p, "blob:" + ref.sha256(), FileNames.safe(fileName, "image"),
        ref.sha256());
  }

  /**
   * Finds content by its id (the caller's organization, with credentials) or its share id (anyone).
   *
   * @param p the caller, or null without credentials
   */
  public Found find(Principal p, String id) {
    if (id == null || !id.matches("[A-Za-z0-9]{1,32}")) {
      throw new DomainException.NotFound("content", String.valueOf(id));
    }
    return jdbi.withHandle(
        h -> {
          if (id.length() == SHARE_ID_LENGTH) {
            Optional<Content> shared = repo.byShareId(h, id);
            if (shared.isPresent()) {
              return new Found(shared.get(), true);
            }
          }
          Optional<Content> own = repo.byId(h, id);
          if (own.isPresent()) {
            if (p == null) {
              throw new DomainException.Unauthenticated(
                  "credentials are required for content that is not shared");
            }
            if (own.get().organizationId().equals(p.organizationId())) {
              return new Found(own.get(), false);
            }
          }
          throw new DomainException.NotFound("content", id);
        });
  }

  /** Shares content (once; sharing again gives the same share id). */
  public Found share(Principal p, String id) {
    if (p == null) {
      throw new DomainException.Unauthenticated("credentials are required to share content");
    }
    Found f = find(p, id);
    if (f.content().shareId() == null) {
      jdbi.useHandle(h -> repo.share(h, f.content().id(),
          Ids.randomAlphanumeric(SHARE_ID_LENGTH)));
    }
    Content now = jdbi.withHandle(h -> repo.byId(h, f.content().id())).orElseThrow();
    return new Found(now, true);
  }

  /**
   * A stored tile, or null when it is outside the pyramid or not written yet.
   */
  public Path tile(Found f, int level, int column, int row, TileFormat format) {
    Optional<DziPyramid> pyramid = f.pyramid();
    if (pyramid.isEmpty() || format != f.format() || level < 0
        || level > pyramid.get().maxLevel() || column < 0 || row < 0
        || column >= pyramid.get().columns(level) || row >= pyramid.get().rows(level)) {
      return null;
    }
    return tiles.tile(f.content().id(), level, column, row, format);
  }

  private Content existingOrNew(Principal p, String key, String displayUrl, String blobSha256) {
    if (p == null) {
      throw new DomainException.Unauthenticated("credentials are required to add content");
    }
    Optional<Content> existing =
        jdbi.withHandle(h -> repo.bySource(h, p.organizationId(), key));
    if (existing.isPresent()) {
      return existing.get();
    }
    String id = Ids.randomAlphanumeric(PRIVATE_ID_LENGTH);
    Instant now = clock.instant();
    Job job =
        jobs.submit(
            JOB_KIND,
            id,
            (h, row) ->
                repo.insert(
                    h,
                    new Content(id, p.organizationId(), null, key, displayUrl,
                        title(displayUrl), blobSha256, row.id(), null, null, options.tileSize(),
                        options.overlap(), "jpg", p.id(), now, 1, null, 0, null)));
    return jdbi.withHandle(h -> repo.byJob(h, job.id())).orElseThrow();
  }

  @Override
  public String kind() {
    return JOB_KIND;
  }

  /** Tiling is safe to repeat: the tile folder starts empty each time. */
  @Override
  public boolean resumable() {
    return true;
  }

  @Override
  public void run(JobContext ctx) throws Exception {
    Content c =
        jdbi.withHandle(h -> repo.byJob(h, ctx.jobId()))
            .orElseThrow(() -> new IllegalStateException("no content for job " + ctx.jobId()));
    Path source = source(c, ctx);
    TileSink sink =
        tiles.sink(
            c.id(),
            (pyramid, format) ->
                jdbi.useHandle(
                    h -> repo.started(h, c.id(), pyramid.width(), pyramid.height(),
                        format.extension())));
    try (sink) {
      DziTiler.tile(source, sink, options, new JobListener(ctx));
    } catch (BadImageException e) {
      throw e;
    } catch (IOException e) {
      // the JDK's messages name the file; the job's error is shown to API callers
      throw new IOException("the image could not be read or tiled (" + e.getClass().getSimpleName()
          + ")", e);
    }
  }

  /** Where the job reads the image: the local file, the uploaded blob, or the fetched one. */
  private Path source(Content c, JobContext ctx) throws IOException {
    String key = c.sourceKey();
    if (key.startsWith("file:")) {
      return Path.of(key.substring("file:".length(), key.lastIndexOf('#')));
    }
    String sha = c.blobSha256();
    if (sha == null) {
      ctx.progress(0, "fetching the image");
      BlobStore.BlobRef ref = fetcher.fetch(key);
      jdbi.useTransaction(
          h -> {
            blobRows.addRef(h, ref.sha256(), ref.sizeBytes(), clock.instant());
            repo.fetched(h, c.id(), ref.sha256());
          });
      sha = ref.sha256();
    }
    ctx.progress(0, "tiling");
    return blobs.path(sha);
  }

  /** A local file, checked against the allowed folders; its key changes when the file does. */
  private Path checkedFile(URI uri) {
    Path file;
    try {
      file = policy.checkPath(Path.of(uri).toString());
    } catch (IllegalArgumentException e) {
      throw new DomainException.BadRequest("not a valid file URL");
    } catch (DomainException.Invalid e) {
      throw new DomainException.BadRequest(e.getMessage());
    }
    if (!Files.isRegularFile(file)) {
      throw new DomainException.BadRequest("the file URL does not name a file");
    }
    return file;
  }

  private static String fileKey(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return "file:" + file + "#" + a.size() + "-" + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      throw new DomainException.BadRequest("the file cannot be read");
    }
  }

  private static String title(String displayUrl) {
    String name = displayUrl.replaceAll("[?#].*$", "");
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.isBlank() ? null : name;
  }


  /**
   * Passes the tiler's progress to the job row and the job's cancel to the tiler, each at most
   * four times a second: the tiler reports after every band, which would otherwise be a database
   * write every few milliseconds.
   */
  private static final class JobListener implements TilingListener {
    private final JobContext ctx;
    private long lastProgress;
    private long lastCancelCheck;
    private volatile boolean cancelled;

    JobListener(JobContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void progress(double fraction) {
      long now = System.nanoTime();
      if (fraction < 1 && now - lastProgress >= PROGRESS_EVERY_NANOS) {
        lastProgress = now;
        ctx.progress(fraction, "tiling");
      }
    }

    @Override
    public boolean cancelled() {
      long now = System.nanoTime();
      if (!cancelled && now - lastCancelCheck >= PROGRESS_EVERY_NANOS) {
        lastCancelCheck = now;
        cancelled = ctx.cancelled();
      }
      return cancelled;
    }
  }
}

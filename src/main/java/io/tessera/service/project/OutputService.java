package io.tessera.service.project;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.io.FileNames;
import io.tessera.core.project.OutputTypes;
import io.tessera.core.project.ProjectOutput;
import io.tessera.core.raster.MapTileRenderer;
import io.tessera.core.raster.Raster;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.job.JobContext;
import io.tessera.service.job.JobHandler;
import io.tessera.service.job.JobService;
import io.tessera.service.security.OutboundPolicy;
import io.tessera.store.BlobRepository;
import io.tessera.store.BlobStore;
import io.tessera.store.OutputRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project's outputs (photogrammetry-api-pix4d.txt, "List the project outputs"): files uploaded,
 * put under a key and registered, or (the desktop) imported by path from an allowed folder. A
 * newer output of a type replaces the older. DSMs and orthomosaics are imported by a job into the
 * tiled raster form under {@code rasters/} in the data dir, which volumes, the map and the 3D pane
 * read; the output's {@code availability} is {@code pending} until that job ends, then
 * {@code done} or {@code failed} with the reason.
 */
public final class OutputService implements JobHandler {
  public static final String JOB_KIND = "raster-import";
  /** Largest output file accepted through the API (a desktop imports bigger ones by path). */
  public static final long MAX_OUTPUT_BYTES = 50L * 1024 * 1024 * 1024;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~/-]{1,1024}");
  private static final Logger LOG = LoggerFactory.getLogger(OutputService.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final BlobStore blobs;
  private final ProjectService projects;
  private final JobService jobs;
  private final OutboundPolicy policy;
  private final Path dataDir;
  private final RasterImporter importer;
  private final OutputRepository repo = new OutputRepository();
  private final BlobRepository blobRows = new BlobRepository();
  private final Map<String, List<Raster>> open = new ConcurrentHashMap<>();

  /**
   * Turns a source file into the tiled raster form, or fails with a message naming the problem.
   */
  public interface RasterImporter {
    /**
     * @param elevation whether a one-band elevation raster is expected (else an RGB(A) ortho)
     * @return what the raster holds, as JSON for {@code raster_info}
     */
    String importRaster(Path source, Path target, boolean elevation, JobContext job)
        throws IOException;

    /** Opens a raster written by {@link #importRaster}. */
    Raster open(Path tiled) throws IOException;
  }

  public OutputService(Jdbi jdbi, Clock clock, BlobStore blobs, ProjectService projects,
      JobService jobs, OutboundPolicy policy, Path dataDir, RasterImporter importer) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.blobs = blobs;
    this.projects = projects;
    this.jobs = jobs;
    this.policy = policy;
    this.dataDir = dataDir;
    this.importer = importer;
  }

  /** The key an uploaded or imported file gets: {@code project-<id>/outputs/<file name>}. */
  public static String uploadKey(long projectId, String fileName) {
    return "project-" + projectId + "/outputs/" + FileNames.safe(fileName, "output");
  }

  /**
   * Streams an uploaded file into the blob store before the upload's other fields are known;
   * {@link #adopt} then makes it an output.
   */
  public Staged stage(Principal p, long projectId, InputStream in) throws IOException {
    writable(p, projectId);
    return new Staged(store(in));
  }

  /** A file streamed in by {@link #stage}, not yet an output. */
  public static final class Staged {
    private final BlobStore.BlobRef ref;

    private Staged(BlobStore.BlobRef ref) {
      this.ref = ref;
    }
  }

  /** Makes a staged file an output of {@code outputType} (or the type its name suggests). */
  public ProjectOutput adopt(Principal p, long projectId, String fileName, String outputType,
      Staged staged) {
    BlobStore.BlobRef ref = staged.ref;
    String name = FileNames.safe(fileName, "output");
    jdbi.useHandle(h -> blobRows.addRef(h, ref.sha256(), ref.sizeBytes(), clock.instant()));
    String type;
    try {
      writable(p, projectId);
      type = type(outputType, name);
    } catch (DomainException e) {
      jdbi.useHandle(h -> blobRows.release(h, ref.sha256(), clock.instant()));
      throw e;
    }
    return add(projectId, type, uploadKey(projectId, name), name, ref.sha256(), null,
        ref.sizeBytes());
  }

  /** Puts a file under a key of the client's choosing, for a later register. */
  public void putFile(Principal p, long projectId, String key, String fileName, InputStream in)
      throws IOException {
    writable(p, projectId);
    checkKey(key);
    BlobStore.BlobRef ref = store(in);
    Instant now = clock.instant();
    jdbi.useTransaction(h -> {
      blobRows.addRef(h, ref.sha256(), ref.sizeBytes(), now);
      repo.putFile(h, new OutputRepository.KeyedFile(projectId, key,
              FileNames.safe(fileName, key.substring(key.lastIndexOf('/') + 1)), ref.sha256(),
              ref.sizeBytes(), now))
          .ifPresent(old -> blobRows.release(h, old.blobSha256(), now));
    });
  }

  /** What one register names: a key put before, or a local file (absolute path or file: URL). */
  public record Registration(String output, String outputType) {}

  /**
   * Registers outputs, all or none: each names a file put under a key before or, on a server
   * that may read local files, a path within the allowed folders (read in place: the desktop's
   * import of a multi-gigabyte DSM copies nothing).
   */
  public List<ProjectOutput> register(Principal p, long projectId, List<Registration> items) {
    writable(p, projectId);
    if (items == null || items.isEmpty()) {
      throw new DomainException.BadRequest("outputs must name at least one output",
          Map.of("outputs", List.of("This list may not be empty.")));
    }
    record Resolved(String type, String key, String name, String sha, Path path, long size) {}
    List<Resolved> resolved = new ArrayList<>();
    for (Registration r : items) {
      String output = r.output();
      if (output == null || output.isEmpty() || output.length() > 1024) {
        throw new DomainException.BadRequest("output must be 1 to 1024 characters",
            Map.of("output", List.of("Ensure this field has 1 to 1024 characters.")));
      }
      Path local = localPath(output);
      if (local != null) {
        Path file;
        try {
          file = policy.checkPath(local.toString());
        } catch (DomainException.Invalid e) {
          throw new DomainException.BadRequest(e.getMessage(), Map.of("output",
              List.of(e.getMessage())));
        }
        if (!Files.isRegularFile(file)) {
          throw new DomainException.BadRequest("the output path does not name a file",
              Map.of("output", List.of("Not a file.")));
        }
        String name = FileNames.safe(file.getFileName().toString(), "output");
        resolved.add(new Resolved(type(r.outputType(), name), uploadKey(projectId, name), name,
            null, file, size(file)));
      } else {
        OutputRepository.KeyedFile f = jdbi.withHandle(h -> repo.file(h, projectId, output))
            .orElseThrow(() -> new DomainException.BadRequest("no file was put under " + output,
                Map.of("output", List.of("No file was put under this key."))));
        resolved.add(new Resolved(type(r.outputType(), output), output, f.fileName(),
            f.blobSha256(), null, f.sizeBytes()));
      }
    }
    List<ProjectOutput> out = new ArrayList<>();
    for (Resolved r : resolved) {
      if (r.sha() != null) {
        jdbi.useHandle(h -> blobRows.addRef(h, r.sha(), r.size(), clock.instant()));
      }
      out.add(add(projectId, r.type(), r.key(), r.name(), r.sha(),
          r.path() == null ? null : r.path().toString(), r.size()));
    }
    return out;
  }

  public List<ProjectOutput> list(Principal p, long projectId) {
    projects.get(p, projectId);
    return jdbi.withHandle(h -> repo.list(h, projectId));
  }

  public ProjectOutput get(Principal p, long projectId, long outputId) {
    projects.get(p, projectId);
    return jdbi.withHandle(h -> repo.byId(h, projectId, outputId))
        .orElseThrow(() -> new DomainException.NotFound("output", Long.toString(outputId)));
  }

  /** An output by its ids, for jobs, which have no caller to check. */
  Optional<ProjectOutput> internal(long projectId, long outputId) {
    return jdbi.withHandle(h -> repo.byId(h, projectId, outputId));
  }

  /** Deletes an output: its row, its tiled raster, its reference to the blob. */
  public void delete(Principal p, long projectId, long outputId) {
    ProjectOutput o = get(p, projectId, outputId);
    p.requireScope("write");
    jdbi.useTransaction(h -> repo.delete(h, o.id()));
    discard(o);
  }

  /** The output's file as it was given: the blob, or the file imported by path. */
  public Path file(ProjectOutput o) {
    Path f = o.blobSha256() != null ? blobs.path(o.blobSha256()) : Path.of(o.sourcePath());
    if (!Files.isRegularFile(f)) {
      throw new DomainException.NotFound("output file", o.outputKey());
    }
    return f;
  }

  /**
   * The project's elevation model, imported: a DSM, else a DTM.
   *
   * @return empty when the project has none that finished importing
   */
  public Optional<ProjectOutput> elevation(Principal p, long projectId) {
    return list(p, projectId).stream()
        .filter(o -> OutputTypes.ELEVATION.contains(o.outputType()))
        .filter(o -> ProjectOutput.DONE.equals(o.availability()))
        .min(Comparator.comparingInt(o -> OutputTypes.ELEVATION_LIST.indexOf(o.outputType())));
  }

  /** The imported raster of an output at full resolution (opened once, shared by readers). */
  public Raster raster(ProjectOutput o) {
    return levels(o).get(0);
  }

  /**
   * The imported raster and its overviews, each half the size of the one before (opened once,
   * shared by readers).
   */
  public List<Raster> levels(ProjectOutput o) {
    if (o.rasterFile() == null || !ProjectOutput.DONE.equals(o.availability())) {
      throw new DomainException.Conflict("the output's raster is not imported");
    }
    return open.computeIfAbsent(o.uuid(), u -> {
      List<Raster> levels = new ArrayList<>();
      try {
        for (Path f : levelFiles(dataDir.resolve(o.rasterFile()))) {
          levels.add(importer.open(f));
        }
        return List.copyOf(levels);
      } catch (IOException e) {
        closeAll(levels);
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * A Web Mercator map tile of an imported raster ({@link MapTileRenderer}), or null when the tile
   * is off the raster.
   *
   * @throws DomainException.Conflict when the raster's CRS is unknown (no EPSG code)
   */
  public int[] mapTile(ProjectOutput o, int z, int x, int y) throws IOException {
    List<Raster> levels = levels(o);
    int epsg = levels.get(0).epsg().orElseThrow(() -> new DomainException.Conflict(
        o.fileName() + " names no EPSG coordinate system, so it cannot be placed on the map"));
    CrsTransform fromWgs84;
    try {
      fromWgs84 = Crs.wgs84().transformTo(Crs.parse("EPSG:" + epsg));
    } catch (CrsException e) {
      throw new DomainException.Conflict(o.fileName() + ": EPSG:" + epsg + " " + e.getMessage());
    }
    return MapTileRenderer.render(levels, fromWgs84, z, x, y);
  }

  /** The files of a tiled raster: the full resolution, then {@code .1}, {@code .2}, … */
  static List<Path> levelFiles(Path full) {
    List<Path> files = new ArrayList<>();
    files.add(full);
    for (int k = 1; Files.exists(overview(full, k)); k++) {
      files.add(overview(full, k));
    }
    return files;
  }

  /** Where overview {@code k} of a tiled raster is written. */
  public static Path overview(Path full, int k) {
    return full.resolveSibling(full.getFileName() + "." + k);
  }

  private static void closeAll(List<Raster> rasters) {
    for (Raster r : rasters) {
      try {
        r.close();
      } catch (IOException e) {
        LOG.warn("could not close a raster: {}", e.toString());
      }
    }
  }

  private ProjectOutput add(long projectId, String type, String key, String name, String sha,
      String path, long size) {
    Instant now = clock.instant();
    boolean raster = OutputTypes.isRaster(type);
    ProjectOutput row = new ProjectOutput(0, UUID.randomUUID().toString(), projectId,
        OutputTypes.resultType(type), type, key, name, sha, path, size,
        raster ? ProjectOutput.PENDING : ProjectOutput.DONE, null, null, null, null, now, now,
        1);
    OutputRepository.Replaced written;
    if (raster) {
      OutputRepository.Replaced[] box = new OutputRepository.Replaced[1];
      jobs.submit(JOB_KIND, row.uuid(), (h, job) -> box[0] = repo.insertReplacing(h,
          new ProjectOutput(0, row.uuid(), projectId, row.resultType(), type, key, name, sha,
              path, size, row.availability(), null, job.id(), null, null, now, now, 1)));
      written = box[0];
    } else {
      written = jdbi.inTransaction(h -> repo.insertReplacing(h, row));
    }
    written.replaced().ifPresent(this::discard);
    return jdbi.withHandle(h -> repo.byUuid(h, row.uuid())).orElseThrow();
  }

  /** Releases what a deleted or replaced output held. */
  private void discard(ProjectOutput o) {
    if (o.jobId() != null && ProjectOutput.PENDING.equals(o.availability())) {
      try {
        jobs.cancel(o.jobId());
      } catch (DomainException e) {
        // already finished
      }
    }
    if (o.blobSha256() != null) {
      jdbi.useTransaction(h -> blobRows.release(h, o.blobSha256(), clock.instant()));
    }
    List<Raster> levels = open.remove(o.uuid());
    if (levels != null) {
      closeAll(levels);
    }
    if (o.rasterFile() != null) {
      deleteLevels(dataDir.resolve(o.rasterFile()));
    }
    Path exports = dataDir.resolve("exports");
    if (Files.isDirectory(exports)) {
      try (var files = Files.list(exports)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (f.getFileName().toString().startsWith(o.uuid() + "-v")) {
            Files.deleteIfExists(f);
          }
        }
      } catch (IOException e) {
        LOG.warn("could not remove the exports of output {}: {}", o.uuid(), e.toString());
      }
    }
  }

  @Override
  public String kind() {
    return JOB_KIND;
  }

  /** An import writes a new file each time and renames it into place: safe to repeat. */
  @Override
  public boolean resumable() {
    return true;
  }

  @Override
  public void run(JobContext ctx) throws Exception {
    String uuid = ctx.params();
    ProjectOutput o = jdbi.withHandle(h -> repo.byUuid(h, uuid)).orElse(null);
    if (o == null) {
      return; // deleted or replaced before the job ran
    }
    String relative = "rasters/" + uuid + ".tsr";
    Path target = dataDir.resolve(relative);
    try {
      Files.createDirectories(target.getParent());
      ctx.progress(0, "importing " + o.fileName());
      String info = importer.importRaster(file(o), target,
          OutputTypes.ELEVATION.contains(o.outputType()), ctx);
      ctx.checkCancelled();
      boolean still = jdbi.inTransaction(h -> {
        if (repo.byUuid(h, uuid).isEmpty()) {
          return false;
        }
        repo.imported(h, o.id(), relative, info, clock.instant());
        return true;
      });
      if (!still) {
        deleteLevels(target);
      }
    } catch (Exception e) {
      deleteLevels(target);
      String reason = e instanceof DomainException || e instanceof IOException
          ? e.getMessage() : "the import failed (" + e.getClass().getSimpleName() + ")";
      jdbi.useHandle(h -> repo.failed(h, o.id(),
          o.fileName() + ": " + (reason == null ? "unreadable" : reason), clock.instant()));
      throw e;
    }
  }

  private static void deleteLevels(Path full) {
    for (Path f : levelFiles(full)) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        LOG.warn("could not remove {}: {}", f.getFileName(), e.toString());
      }
    }
  }

  private void writable(Principal p, long projectId) {
    projects.get(p, projectId);
    p.requireScope("write");
  }

  private BlobStore.BlobRef store(InputStream in) throws IOException {
    BlobStore.BlobRef ref;
    try {
      ref = blobs.put(in, MAX_OUTPUT_BYTES);
    } catch (BlobStore.TooLargeException e) {
      throw new DomainException.TooLarge(MAX_OUTPUT_BYTES);
    }
    if (ref.sizeBytes() == 0) {
      throw new DomainException.BadRequest("the file is empty");
    }
    return ref;
  }

  private static String type(String given, String pathOrName) {
    if (given != null && !given.isEmpty()) {
      if (!OutputTypes.isKnown(given)) {
        throw new DomainException.BadRequest("\"" + given + "\" is not a valid output_type",
            Map.of("output_type", List.of("\"" + given + "\" is not a valid choice.")));
      }
      return given;
    }
    return OutputTypes.derive(pathOrName).orElseThrow(() -> new DomainException.BadRequest(
        "the output_type could not be derived from " + pathOrName + "; pass output_type",
        Map.of("output_type", List.of("Could not be derived from the output path."))));
  }

  private static void checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches() || key.contains("..")
        || key.startsWith("/")) {
      throw new DomainException.BadRequest("a key is 1 to 1024 characters of letters, digits"
          + " and . _ ~ / -, without '..' or a leading slash");
    }
  }

  /** An absolute path or a file: URL, or null for a key. */
  private static Path localPath(String output) {
    try {
      if (output.startsWith("file:")) {
        return Path.of(URI.create(output));
      }
      if (output.startsWith("/") || output.matches("[A-Za-z]:[\\\\/].*")) {
        return Path.of(output);
      }
    } catch (IllegalArgumentException e) {
      throw new DomainException.BadRequest("not a valid file URL",
          Map.of("output", List.of("Not a valid file URL.")));
    }
    return null;
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.tessera.service.project;

import io.tessera.core.model.Records.Job;
import io.tessera.core.project.ProjectOutput;
import io.tessera.core.raster.CogWriter;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.job.JobContext;
import io.tessera.service.job.JobHandler;
import io.tessera.service.job.JobService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cloud-optimised GeoTIFFs of imported rasters, written on export ({@link CogWriter}: 512² Deflate
 * tiles, overviews, GeoTIFF tags) by a job into {@code exports/} in the data dir, once per version
 * of an output, and kept until the output goes.
 */
public final class CogExports implements JobHandler {
  public static final String JOB_KIND = "cog-export";

  private final OutputService outputs;
  private final JobService jobs;
  private final Path dir;
  private final Map<String, String> running = new ConcurrentHashMap<>();

  /** An export: its file when written, else the job writing it. */
  public record Export(Optional<Path> file, Optional<Job> job) {}

  public CogExports(OutputService outputs, JobService jobs, Path dataDir) {
    this.outputs = outputs;
    this.jobs = jobs;
    this.dir = dataDir.resolve("exports");
  }

  /**
   * The COG of an imported raster output: written already, or being written by a job started now
   * (or before).
   *
   * @throws DomainException.Conflict when the output is not an imported raster
   */
  public Export export(Principal p, long projectId, long outputId) {
    ProjectOutput o = outputs.get(p, projectId, outputId);
    outputs.raster(o); // refuses outputs that are not imported rasters
    Path file = file(o);
    if (Files.isRegularFile(file)) {
      return new Export(Optional.of(file), Optional.empty());
    }
    String key = o.uuid() + "-" + o.version();
    String jobId = running.compute(key, (k, existing) -> {
      if (existing != null) {
        String state = jobs.get(existing).state();
        if (state.equals("queued") || state.equals("running")) {
          return existing;
        }
      }
      return jobs.submit(JOB_KIND, o.projectId() + "/" + o.id()).id();
    });
    return new Export(Optional.empty(), Optional.of(jobs.get(jobId)));
  }

  /** The file name a COG export gets. */
  public static String fileName(ProjectOutput o) {
    String n = o.fileName().replaceFirst("(?i)\\.tiff?$", "");
    return n + "_cog.tif";
  }

  private Path file(ProjectOutput o) {
    return dir.resolve(o.uuid() + "-v" + o.version() + ".tif");
  }

  @Override
  public String kind() {
    return JOB_KIND;
  }

  /** Writing again from the start is safe: the file is renamed into place when complete. */
  @Override
  public boolean resumable() {
    return true;
  }

  @Override
  public void run(JobContext ctx) throws Exception {
    String[] ids = ctx.params().split("/");
    ProjectOutput o = outputs.internal(Long.parseLong(ids[0]), Long.parseLong(ids[1]))
        .orElse(null);
    if (o == null) {
      return; // deleted meanwhile
    }
    Files.createDirectories(dir);
    Path target = file(o);
    Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
    ctx.progress(0, "writing a cloud-optimised GeoTIFF of " + o.fileName());
    try {
      CogWriter.write(outputs.raster(o), tmp, CogWriter.Options.defaults(),
          f -> ctx.progress(f, "writing a cloud-optimised GeoTIFF of " + o.fileName()),
          ctx::cancelled);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

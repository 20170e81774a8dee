package io.tessera.service.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.core.raster.Downsampled;
import io.tessera.core.raster.GeoTiffs;
import io.tessera.core.raster.GeoTransform;
import io.tessera.core.raster.Raster;
import io.tessera.core.raster.RasterException;
import io.tessera.core.raster.SampleType;
import io.tessera.core.raster.TiledRasterFile;
import io.tessera.service.job.JobContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a GeoTIFF (or BigTIFF) into Tessera's tiled raster form ({@link TiledRasterFile}) with
 * its overviews, each half the size of the one before down to one tile
 * ({@link OutputService#overview}): volumes read the full level window by window, the map and
 * the 3D pane the level that suits their scale.
 */
public final class RasterImports implements OutputService.RasterImporter {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Share of the progress bar for the full-resolution level; overviews take the rest. */
  private static final double FULL_SHARE = 0.8;

  @Override
  public String importRaster(Path source, Path target, boolean elevation, JobContext job)
      throws IOException {
    try (Raster src = GeoTiffs.open(source)) {
      check(src, elevation);
      job.progress(0, "importing at full resolution");
      TiledRasterFile.write(src, target, f -> job.progress(f * FULL_SHARE,
          "importing at full resolution"), job::cancelled);
      int levels = 1;
      Raster previous = TiledRasterFile.open(target);
      try {
        double share = (1 - FULL_SHARE) * 0.75;
        double done = FULL_SHARE;
        while (Math.max(previous.width(), previous.height()) > TiledRasterFile.DEFAULT_TILE) {
          Path next = OutputService.overview(target, levels);
          double base = done;
          double part = share;
          TiledRasterFile.write(new Downsampled(previous), next,
              f -> job.progress(base + f * part, "building overviews"), job::cancelled);
          previous.close();
          previous = TiledRasterFile.open(next);
          levels++;
          done += share;
          share /= 4;
        }
      } finally {
        previous.close();
      }
      return JSON.writeValueAsString(info(src, levels));
    }
  }

  @Override
  public Raster open(Path tiled) throws IOException {
    return TiledRasterFile.open(tiled);
  }

  private static void check(Raster r, boolean elevation) throws RasterException {
    if (elevation && r.bands() != 1) {
      throw new RasterException("it has " + r.bands() + " bands; an elevation model has one"
          + " (is it an orthomosaic?)");
    }
    if (!elevation && (r.bands() < 3 || r.bands() > 4 || r.sampleType() != SampleType.UINT8)) {
      throw new RasterException("an orthomosaic has 3 or 4 bands of 8-bit samples; this has "
          + r.bands() + " of " + r.sampleType() + (r.bands() == 1 ? " (is it a DSM?)" : ""));
    }
  }

  private static Map<String, Object> info(Raster r, int levels) {
    GeoTransform t = r.transform();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("width", r.width());
    m.put("height", r.height());
    m.put("bands", r.bands());
    m.put("sample_type", r.sampleType().name().toLowerCase(java.util.Locale.ROOT));
    m.put("epsg", r.epsg().isPresent() ? r.epsg().getAsInt() : null);
    m.put("no_data", r.noData().isPresent() ? r.noData().getAsDouble() : null);
    m.put("geotransform", List.of(t.originX(), t.pixelWidth(), t.rowRotation(), t.originY(),
        t.columnRotation(), t.pixelHeight()));
    m.put("cell_size", Math.sqrt(t.cellArea()));
    m.put("levels", levels);
    return m;
  }
}

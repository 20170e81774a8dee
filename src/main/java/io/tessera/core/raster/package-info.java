/**
 * Rasters: georeferenced grids of samples (DSMs, orthomosaics) read window by window through
 * {@link io.tessera.core.raster.Raster}, and the volume engine that measures cut and fill under a
 * polygon. Pixel coordinates follow the project's rule: the origin is the top-left corner of the
 * top-left pixel, x right, y down, the centre of the first pixel at (0.5, 0.5).
 *
 * <p>Files: {@link io.tessera.core.raster.GeoTiffs} opens GeoTIFFs and BigTIFFs (our own reader,
 * the JDK's for classic JPEG tiles); {@link io.tessera.core.raster.TiledRasterFile} is the internal
 * form rasters are converted to on import (fixed-size tiles read through memory maps);
 * {@link io.tessera.core.raster.CogWriter} exports Cloud-optimised GeoTIFFs.
 */
package io.tessera.core.raster;

/**
 * Rasters: georeferenced grids of samples (DSMs, orthomosaics) read window by window through
 * {@link io.tessera.core.raster.Raster}, and the volume engine that measures cut and fill under a
 * polygon. Pixel coordinates follow the project's rule: the origin is the top-left corner of the
 * top-left pixel, x right, y down, the centre of the first pixel at (0.5, 0.5).
 */
package io.tessera.core.raster;

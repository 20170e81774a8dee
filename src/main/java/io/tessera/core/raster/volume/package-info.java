/**
 * The volume engine: cut and fill between a DSM ({@link io.tessera.core.raster.Raster}) and a base
 * surface under a polygon, as the photogrammetry API's {@code /v1/project/{id}/volumes/} computes
 * them. Entry point: {@link io.tessera.core.raster.volume.VolumeCalculator#compute}; request
 * {@link io.tessera.core.raster.volume.VolumeRequest}; result {@link
 * io.tessera.core.raster.volume.VolumeResult} (its {@code toApiFields()} gives the response body);
 * refusals are {@link io.tessera.core.raster.volume.VolumeException}s carrying the API's title.
 * Pure core: no SQL, HTTP or JavaFX.
 */
package io.tessera.core.raster.volume;

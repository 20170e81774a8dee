/**
 * Deep zoom: the DZI pyramid's arithmetic ({@link io.tessera.core.dzi.DziPyramid}) and a streaming
 * tiler ({@link io.tessera.core.dzi.DziTiler}) that turns a JPEG, PNG or TIFF into DZI tiles in
 * one pass over its rows, with memory bounded by the image's width rather than its area, and
 * hands the tiles to a {@link io.tessera.core.dzi.TileSink}: a DZI folder, a zip as {@code vips
 * dzsave --container zip} writes it, or (through the same interface) the service's tile store.
 */
package io.tessera.core.dzi;

/**
 * The image pane: a deep-zoom viewer over DZI tiles for photos, orthomosaics and scans. A {@link
 * io.tessera.ui.image.DziSource} gives a pyramid's tiles (a DZI folder, or one being written); a
 * {@link io.tessera.ui.image.DziOpener} turns a picture file into one (today by tiling it into a
 * local cache); the pane loads the tiles in view off the FX thread, shows a coarser level until
 * the right one arrives, and reports the pixel under the cursor.
 */
package io.tessera.ui.image;

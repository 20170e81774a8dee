/**
 * The image pane: opens a photo, orthomosaic or scan and lets the user pan and zoom it, reporting
 * the pixel under the cursor. Deep-zoom tiling replaces the single texture in a later issue.
 */
package io.tessera.ui.image;

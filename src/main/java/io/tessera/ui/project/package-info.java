/**
 * Photogrammetry projects on the desktop: the project list in the sidebar, the current project,
 * its outputs (DSM, orthomosaic) imported by path and followed until ready, and the orthomosaic as
 * a map layer — all through the photogrammetry API.
 */
package io.tessera.ui.project;

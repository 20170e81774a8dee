/**
 * The 3D pane: a {@link javafx.scene.SubScene} with terrain and an orbit camera. Needs the
 * hardware (ES2/D3D) pipeline; under software rendering the pane says so instead.
 */
package io.tessera.ui.scene3d;

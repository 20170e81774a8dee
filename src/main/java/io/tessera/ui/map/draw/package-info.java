/**
 * Drawing and editing a point, line or polygon on the map, shared by every tool that draws
 * (missions, annotations, volumes): {@link io.tessera.ui.map.draw.DrawViewModel} holds the shape,
 * its validity, geodesic measures and undo history without any toolkit; {@link
 * io.tessera.ui.map.draw.DrawLayer} turns UX.md's gestures into its edits and draws the handles.
 */
package io.tessera.ui.map.draw;

/**
 * The map canvas, its API modelled on Gluon Maps': {@link io.tessera.ui.map.MapPane} (what the
 * shell shows) holds a {@link io.tessera.ui.map.MapView}, a stack of {@link
 * io.tessera.ui.map.MapLayer}s that redraw in {@code layoutLayer()} after {@code markDirty()}.
 * {@link io.tessera.ui.map.TileLayer}s draw a {@link io.tessera.ui.map.TileSource}: the offline
 * {@link io.tessera.ui.map.BasemapTileSource} or an online {@link io.tessera.ui.map.XyzTileSource}.
 * Projection and tile maths live in {@code io.tessera.core.geo}. Everything here runs on the FX
 * thread except tile loading, whose results come back through {@code Platform.runLater}.
 */
package io.tessera.ui.map;

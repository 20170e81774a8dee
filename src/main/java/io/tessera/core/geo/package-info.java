/**
 * Geographic maths: WGS 84 positions ({@link io.tessera.core.geo.LonLat}), Web Mercator
 * projection and XYZ tiles ({@link io.tessera.core.geo.WebMercator}, {@link
 * io.tessera.core.geo.TileMath}), and ellipsoidal distances ({@link io.tessera.core.geo.Geodesic}).
 */
package io.tessera.core.geo;

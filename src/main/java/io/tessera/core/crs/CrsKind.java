package io.tessera.core.crs;

/** What a CRS's horizontal coordinates are. */
public enum CrsKind {
  /** Longitude and latitude in angular units on an ellipsoid. */
  GEOGRAPHIC,
  /** A map projection: linear units (metres, feet) on a plane. */
  PROJECTED,
  /** An arbitrary local grid ({@code LOCAL_CS}, {@code ENGCRS}, {@code ARBITRARY_…}): no datum. */
  LOCAL
}

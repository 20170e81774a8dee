/**
 * Pure domain and algorithms: records, geometry, projections, tile maths. Nothing here knows SQL,
 * HTTP or JavaFX; every other layer may use it.
 */
package io.tessera.core;

/**
 * Coordinate reference systems for survey data: {@link io.tessera.core.crs.CrsDefinition} (an EPSG
 * code with an optional vertical code, a PROJ string or WKT, as GCP files write them), {@link
 * io.tessera.core.crs.Crs} (a definition resolved with proj4j and Apache SIS: geographic, projected
 * or local, its axis order, transforms) and {@link io.tessera.core.crs.WktValidation}.
 *
 * <p><b>Axis order.</b> Tessera keeps horizontal coordinates in one order whatever the CRS: {@code
 * x} on the east–west axis and {@code y} on the north–south axis (longitude then latitude for a
 * geographic CRS), as the photogrammetry API's GCP bodies do. A CRS whose definition lists its
 * northing (or southing) first, such as EPSG:4326 or JGD2011 / Japan Plane Rectangular CS VI
 * (EPSG:6674), is {@link io.tessera.core.crs.Crs#northingFirst() northing-first}; formats that
 * follow the definition's order (OPF, PIX4D's GCP CSV) swap x and y where they enter and leave.
 */
package io.tessera.core.crs;

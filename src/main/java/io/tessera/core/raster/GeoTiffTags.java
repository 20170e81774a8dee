package io.tessera.core.raster;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * GeoTIFF georeferencing from its tags' values, read as GDAL reads it: ModelPixelScale with one
 * ModelTiepoint, or ModelTransformation; the EPSG code from ProjectedCSTypeGeoKey or
 * GeographicTypeGeoKey; a PixelIsPoint raster (RasterTypeGeoKey = 2) has its origin moved half a
 * cell up and left, since its tiepoint names the centre of the first cell; NoData from GDAL_NODATA.
 */
record GeoTiffTags(GeoTransform transform, OptionalInt epsg, OptionalDouble noData) {
  private static final int RASTER_TYPE = 1025;
  private static final int GEOGRAPHIC_TYPE = 2048;
  private static final int PROJECTED_CS_TYPE = 3072;
  private static final int USER_DEFINED = 32767;

  /**
   * @param scale ModelPixelScale (33550) or null
   * @param tiepoints ModelTiepoint (33922) or null
   * @param matrix ModelTransformation (34264) or null
   * @param geoKeys GeoKeyDirectory (34735) or null
   * @param gdalNoData GDAL_NODATA (42113) or null
   * @throws RasterException without usable georeferencing, or with a corrupt tag
   */
  static GeoTiffTags of(String name, double[] scale, double[] tiepoints, double[] matrix,
      long[] geoKeys, String gdalNoData) throws RasterException {
    boolean pixelIsPoint = key(geoKeys, RASTER_TYPE) == 2;
    double[] gt;
    if (matrix != null) {
      if (matrix.length < 16) {
        throw new RasterException(name + " has a corrupt ModelTransformation tag ("
            + matrix.length + " values, not 16)");
      }
      gt = new double[] {matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]};
    } else if (tiepoints != null && scale != null) {
      if (tiepoints.length < 6 || scale.length < 2) {
        throw new RasterException(name + " has corrupt ModelTiepoint/ModelPixelScale tags");
      }
      if (tiepoints.length > 6) {
        throw new RasterException(name + " is georeferenced by " + tiepoints.length / 6
            + " tiepoints with a pixel scale; only one tiepoint is supported");
      }
      gt = new double[] {0, scale[0], 0, 0, 0, -scale[1]};
      gt[0] = tiepoints[3] - tiepoints[0] * gt[1];
      gt[3] = tiepoints[4] - tiepoints[1] * gt[5];
    } else if (tiepoints != null) {
      throw new RasterException(name + " is georeferenced by " + tiepoints.length / 6
          + " ground control points, which are not supported: warp it to a grid first");
    } else {
      throw new RasterException(name + " has no georeferencing (neither ModelPixelScale with"
          + " ModelTiepoint nor ModelTransformation)");
    }
    if (pixelIsPoint) {
      gt[0] -= gt[1] * 0.5 + gt[2] * 0.5;
      gt[3] -= gt[4] * 0.5 + gt[5] * 0.5;
    }
    GeoTransform transform;
    try {
      transform = new GeoTransform(gt[0], gt[1], gt[2], gt[3], gt[4], gt[5]);
    } catch (IllegalArgumentException e) {
      throw new RasterException(name + " has " + e.getMessage(), e);
    }
    OptionalInt epsg = OptionalInt.empty();
    long projected = key(geoKeys, PROJECTED_CS_TYPE);
    long geographic = key(geoKeys, GEOGRAPHIC_TYPE);
    if (projected > 0 && projected != USER_DEFINED) {
      epsg = OptionalInt.of((int) projected);
    } else if (geographic > 0 && geographic != USER_DEFINED) {
      epsg = OptionalInt.of((int) geographic);
    }
    return new GeoTiffTags(transform, epsg, noData(name, gdalNoData));
  }

  static OptionalDouble noData(String name, String text) throws RasterException {
    if (text == null || text.isBlank()) {
      return OptionalDouble.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "nan", "-nan" -> {
        return OptionalDouble.of(Double.NaN);
      }
      case "inf", "+inf" -> {
        return OptionalDouble.of(Double.POSITIVE_INFINITY);
      }
      case "-inf" -> {
        return OptionalDouble.of(Double.NEGATIVE_INFINITY);
      }
      default -> {
        try {
          return OptionalDouble.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
          throw new RasterException(name + " has an unreadable GDAL_NODATA value: " + text, e);
        }
      }
    }
  }

  /** A short-valued key of a GeoKeyDirectory, or -1 when absent or stored elsewhere. */
  private static long key(long[] dir, int id) {
    if (dir == null || dir.length < 4) {
      return -1;
    }
    int n = (int) Math.min(dir[3], (dir.length - 4) / 4);
    for (int i = 0; i < n; i++) {
      int at = 4 + i * 4;
      if (dir[at] == id) {
        return dir[at + 1] == 0 ? dir[at + 3] : -1;
      }
    }
    return -1;
  }
}

package io.tessera.core.raster.volume;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A measured volume, every figure in {@link #units()}: volumes in the unit cubed, areas squared,
 * elevations in the unit.
 *
 * <p>Convention (the photogrammetry API's): {@link #cut()} is the volume of terrain <em>above</em>
 * the base (material to remove), {@link #fill()} the volume of the space <em>below</em> the base
 * down to the terrain (material to add); both are ≥ 0 and {@link #net()} = cut − fill, the signed
 * volume of terrain minus base.
 *
 * @param baseSurface the requested base surface (see {@link BaseStatistics#source()} for whether a
 *     custom elevation overrode it)
 * @param units the result's unit
 * @param cut {@code cut}
 * @param cutError {@code cut_error}
 * @param fill {@code fill}
 * @param fillError {@code fill_error}
 * @param net cut − fill
 * @param area the area measured: the polygon's area over the raster with data
 * @param polygonArea the polygon's whole area
 * @param noDataCells cells under the polygon whose sample is NoData (or NaN), excluded
 * @param noDataArea their covered area, excluded
 * @param outsideArea the polygon's area outside the raster's extent, excluded (reported apart from
 *     NoData); {@code area + noDataArea + outsideArea = polygonArea}
 * @param base the base surface's statistics
 * @param error how the errors were estimated, term by term
 */
public record VolumeResult(
    BaseSurface baseSurface,
    VolumeUnits units,
    double cut,
    double cutError,
    double fill,
    double fillError,
    double net,
    double area,
    double polygonArea,
    long noDataCells,
    double noDataArea,
    double outsideArea,
    BaseStatistics base,
    VolumeErrorEstimate error) {

  /**
   * The fields of the API's response, in the document's names ({@code cut}, {@code cut_error},
   * {@code fill}, {@code fill_error}) followed by Tessera's additions, for a JSON mapper.
   */
  public Map<String, Object> toApiFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cut", cut);
    m.put("cut_error", cutError);
    m.put("fill", fill);
    m.put("fill_error", fillError);
    m.put("net", net);
    m.put("area", area);
    m.put("units", units.apiName());
    m.put("base_surface", baseSurface.apiName());
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("source", base.source().apiName());
    b.put("min", base.min());
    b.put("max", base.max());
    b.put("mean", Double.isNaN(base.mean()) ? null : base.mean());
    b.put("boundary_samples", base.boundarySamples());
    b.put("boundary_mean", base.boundaryMean());
    b.put("residual", base.residual());
    m.put("base", b);
    m.put("polygon_area", polygonArea);
    m.put("nodata_cells", noDataCells);
    m.put("nodata_area", noDataArea);
    m.put("outside_area", outsideArea);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("vertical_uncertainty", error.verticalUncertainty());
    e.put("base_uncertainty", error.baseUncertainty());
    e.put("cut_area", error.cutArea());
    e.put("fill_area", error.fillArea());
    e.put("cut_terrain", error.cutTerrain());
    e.put("cut_base", error.cutBase());
    e.put("fill_terrain", error.fillTerrain());
    e.put("fill_base", error.fillBase());
    m.put("error_estimate", e);
    return m;
  }
}

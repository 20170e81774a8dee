package io.tessera.core.raster.volume;

/**
 * How {@code cut_error} and {@code fill_error} were obtained, all in the result's units.
 *
 * <p>The model: every counted cell's volume is off by its covered area times the sum of two
 * vertical errors, added linearly (not in quadrature), because both are systematic over a pile
 * rather than independent per cell:
 *
 * <ul>
 *   <li>{@link #verticalUncertainty()} (σz): the DSM's elevation uncertainty. Photogrammetric DSMs
 *       are typically good to 1–3 ground sampling distances vertically and their errors are
 *       spatially correlated (a block tilt or offset), so the default is one GSD, the square root of
 *       a cell's area; a request may state its own ({@link VolumeRequest#verticalUncertaintyMeters}).
 *   <li>{@link #baseUncertainty()} (σb): how far the base departs from the boundary elevations it
 *       was built from — the length-weighted RMS residual: for {@code average} the standard
 *       deviation of the boundary elevations, for {@code fitPlane} the plane's residual, for
 *       {@code triangulated} what simplifying the boundary profile dropped (0 when nothing was).
 *       {@code custom}, {@code lowest} and {@code highest} are stated references, not fits: 0.
 * </ul>
 *
 * <p>{@code cut_error = cutArea × (σz + σb)} and {@code fill_error = fillArea × (σz + σb)}, where
 * cutArea (fillArea) is the covered area of the cells whose terrain is above (below) the base. The
 * two terms are given separately so a client can re-weight them.
 *
 * @param verticalUncertainty σz, in the result's length unit
 * @param baseUncertainty σb, in the result's length unit
 * @param cutArea area of the cells above the base, result's area unit
 * @param fillArea area of the cells below the base, result's area unit
 * @param cutTerrain cutArea × σz
 * @param cutBase cutArea × σb
 * @param fillTerrain fillArea × σz
 * @param fillBase fillArea × σb
 */
public record VolumeErrorEstimate(
    double verticalUncertainty,
    double baseUncertainty,
    double cutArea,
    double fillArea,
    double cutTerrain,
    double cutBase,
    double fillTerrain,
    double fillBase) {

  static VolumeErrorEstimate of(double sigmaZ, double sigmaB, double cutArea, double fillArea) {
    return new VolumeErrorEstimate(sigmaZ, sigmaB, cutArea, fillArea, cutArea * sigmaZ,
        cutArea * sigmaB, fillArea * sigmaZ, fillArea * sigmaB);
  }

  /** {@code cut_error}: {@link #cutTerrain()} + {@link #cutBase()}. */
  public double cut() {
    return cutTerrain + cutBase;
  }

  /** {@code fill_error}: {@link #fillTerrain()} + {@link #fillBase()}. */
  public double fill() {
    return fillTerrain + fillBase;
  }
}

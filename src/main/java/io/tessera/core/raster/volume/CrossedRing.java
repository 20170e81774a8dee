package io.tessera.core.raster.volume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A polygon ring that crosses itself (a "bowtie", as when two vertices were listed in the wrong
 * order), taken in order around its centre instead: what the volume API and the {@code volume}
 * command do before measuring, with {@link #WARNING} beside the result.
 */
public final class CrossedRing {
  /** The {@code warning} field of a result measured over an untangled ring. */
  public static final String WARNING = "The polygon as given crosses itself; its vertices were"
      + " taken in order around their centre instead.";

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private CrossedRing() {}

  /**
   * The request with its ring untangled, when the ring crosses itself and sorting its vertices by
   * angle around their centre gives a simple ring; empty otherwise (a simple ring, or one that
   * sorting does not help: the engine then says why it is invalid).
   */
  public static Optional<VolumeRequest> untangle(VolumeRequest r) {
    return untangled(r.coordinates()).map(ring -> new VolumeRequest(r.baseSurface(), ring,
        r.customElevation(), r.units(), r.verticalUncertaintyMeters()));
  }

  /** The ring's vertices sorted by angle around their centre, as {@link #untangle} says. */
  public static Optional<List<double[]>> untangled(List<double[]> ring) {
    List<double[]> open = new ArrayList<>();
    for (double[] c : ring) {
      if (c == null || c.length < 2 || !Double.isFinite(c[0]) || !Double.isFinite(c[1])) {
        return Optional.empty();
      }
      open.add(c);
    }
    if (open.size() > 3 && sameXy(open.get(0), open.get(open.size() - 1))) {
      open.remove(open.size() - 1);
    }
    if (open.size() < 4 || simple(open)) {
      return Optional.empty();
    }
    double cx = open.stream().mapToDouble(c -> c[0]).average().orElseThrow();
    double cy = open.stream().mapToDouble(c -> c[1]).average().orElseThrow();
    List<double[]> sorted = new ArrayList<>(open);
    sorted.sort(Comparator.comparingDouble(c -> Math.atan2(c[1] - cy, c[0] - cx)));
    return simple(sorted) ? Optional.of(sorted) : Optional.empty();
  }

  private static boolean sameXy(double[] a, double[] b) {
    return a[0] == b[0] && a[1] == b[1];
  }

  private static boolean simple(List<double[]> open) {
    Coordinate[] cs = new Coordinate[open.size() + 1];
    for (int i = 0; i < open.size(); i++) {
      cs[i] = new Coordinate(open.get(i)[0], open.get(i)[1]);
    }
    cs[open.size()] = cs[0];
    return GEOMETRY.createLinearRing(cs).isSimple();
  }
}

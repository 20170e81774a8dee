package io.tessera.core.gcp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project's control points as the GCP formats carry them: GCPs and checkpoints in one CRS, MTPs,
 * and their marks on photos.
 *
 * <p>Invariants: names are unique across GCPs and MTPs; a set with GCPs has a CRS; every mark names
 * a point of the set; a point is marked at most once per image (the photogrammetry API's rule).
 *
 * @param crs the CRS of the GCPs; empty only when there are none
 * @param gcps GCPs and checkpoints, in file order
 * @param mtps manual tie points, in file order
 * @param marks marks of GCPs and MTPs, in file order
 */
public record ControlPointSet(Optional<GcpCrs> crs, List<ControlPoint> gcps, List<Mtp> mtps, List<Mark> marks) {
  public ControlPointSet {
    crs = crs == null ? Optional.empty() : crs;
    gcps = List.copyOf(gcps);
    mtps = List.copyOf(mtps);
    marks = List.copyOf(marks);
    if (!gcps.isEmpty() && crs.isEmpty()) {
      throw new IllegalArgumentException("GCPs need a CRS");
    }
    Set<String> names = new HashSet<>();
    for (ControlPoint p : gcps) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("two points are named " + p.name());
      }
    }
    for (Mtp m : mtps) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("two points are named " + m.name());
      }
    }
    Set<List<String>> marked = new HashSet<>();
    for (Mark m : marks) {
      if (!names.contains(m.point())) {
        throw new IllegalArgumentException("a mark on " + m.image() + " names " + m.point() + ", which is not in the set");
      }
      if (!marked.add(List.of(m.point(), m.image()))) {
        throw new IllegalArgumentException(m.point() + " is marked twice on " + m.image());
      }
    }
  }

  /** GCPs and their marks in a CRS, without MTPs. */
  public ControlPointSet(GcpCrs crs, List<ControlPoint> gcps, List<Mark> marks) {
    this(Optional.of(crs), gcps, List.of(), marks);
  }

  /** The marks of one point, in set order. */
  public List<Mark> marksOf(String point) {
    return marks.stream().filter(m -> m.point().equals(point)).toList();
  }

  /** The GCP or checkpoint of that name. */
  public Optional<ControlPoint> gcp(String name) {
    return gcps.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * This set updated with surveyed coordinates from a file that carries only coordinates (PIX4D's
   * GCP CSV): a point whose name is already a GCP takes the new coordinates and accuracy and keeps
   * its type and marks; a new name is added as given. Points not in {@code surveyed} stay.
   *
   * @throws IllegalArgumentException when the set's GCPs are in another CRS, or a name is an MTP's
   */
  public ControlPointSet withSurveyed(List<ControlPoint> surveyed, GcpCrs surveyedCrs) {
    if (crs.isPresent() && !gcps.isEmpty() && !crs.get().equals(surveyedCrs)) {
      throw new IllegalArgumentException("the set's GCPs are in " + crs.get().definition().text()
          + ", the surveyed ones in " + surveyedCrs.definition().text() + ": transform them first");
    }
    Map<String, ControlPoint> byName = new LinkedHashMap<>();
    gcps.forEach(p -> byName.put(p.name(), p));
    for (ControlPoint s : surveyed) {
      if (mtps.stream().anyMatch(m -> m.name().equals(s.name()))) {
        throw new IllegalArgumentException(s.name() + " is an MTP of this set");
      }
      ControlPoint old = byName.get(s.name());
      byName.put(s.name(), old == null ? s : new ControlPoint(s.name(), old.type(), s.x(), s.y(), s.z(), s.sigmas()));
    }
    return new ControlPointSet(Optional.of(surveyedCrs), new ArrayList<>(byName.values()), mtps, marks);
  }
}

package io.tessera.service.project;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsKind;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.project.Project;
import io.tessera.core.project.ProjectOutput;
import io.tessera.core.raster.Raster;
import io.tessera.core.raster.volume.CrossedRing;
import io.tessera.core.raster.volume.VolumeCalculator;
import io.tessera.core.raster.volume.VolumeRequest;
import io.tessera.core.raster.volume.VolumeResult;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Volumes over a project's imported DSM (photogrammetry-api-pix4d.txt, "How to compute a
 * volume"). The polygon comes in the project's coordinate system; when the DSM names another, the
 * vertices are transformed into it (heights unchanged). The engine is {@link VolumeCalculator}.
 */
public final class VolumeService {
  private final ProjectService projects;
  private final OutputService outputs;
  private final VolumeCalculator calculator = new VolumeCalculator();

  /** No DSM to measure on: the document's 400 "No COG DSM found for this project". */
  public static final class NoDsmException extends RuntimeException {
    public NoDsmException(String message) {
      super(message);
    }
  }

  public VolumeService(ProjectService projects, OutputService outputs) {
    this.projects = projects;
    this.outputs = outputs;
  }

  /**
   * Measures cut and fill under the request's polygon.
   *
   * @throws DomainException.NotFound for an unknown project
   * @throws NoDsmException when the project has no imported DSM (or it is still importing)
   * @throws io.tessera.core.raster.volume.VolumeException for an invalid polygon or one off the
   *     DSM
   */
  public Measured compute(Principal p, long projectId, VolumeRequest request)
      throws IOException {
    Project project = projects.get(p, projectId);
    ProjectOutput dsm = outputs.elevation(p, projectId).orElseThrow(() -> new NoDsmException(
        "the project has no imported DSM; import one as an output of type dsm"));
    Raster raster = outputs.raster(dsm);
    String warning = null;
    Optional<VolumeRequest> untangled = CrossedRing.untangle(request);
    if (untangled.isPresent()) {
      request = untangled.get();
      warning = CrossedRing.WARNING;
    }
    return new Measured(calculator.compute(raster, inRasterCrs(project, raster, request)),
        warning);
  }

  /** A volume, and what was changed in the request to measure it (null for nothing). */
  public record Measured(VolumeResult result, String warning) {}

  private static VolumeRequest inRasterCrs(Project project, Raster raster, VolumeRequest r) {
    if (raster.epsg().isEmpty() || project.coordinateSystem() == null) {
      return r;
    }
    try {
      Crs from = Crs.parse(project.coordinateSystem());
      Crs to = Crs.parse("EPSG:" + raster.epsg().getAsInt());
      if (to.kind() == CrsKind.GEOGRAPHIC) {
        throw new DomainException.BadRequest("the DSM is in a geographic coordinate system"
            + " (EPSG:" + raster.epsg().getAsInt() + "); volumes need metres");
      }
      if (from.equals(to) || from.kind() != CrsKind.PROJECTED) {
        return r;
      }
      CrsTransform t = from.transformTo(to);
      List<double[]> moved = new ArrayList<>();
      for (double[] c : r.coordinates()) {
        if (c == null || c.length < 2) {
          moved.add(c);
          continue;
        }
        Position q = t.apply(new Position(c[0], c[1], Double.NaN));
        double[] m = c.clone();
        m[0] = q.x();
        m[1] = q.y();
        moved.add(m);
      }
      return new VolumeRequest(r.baseSurface(), moved, r.customElevation(), r.units(),
          r.verticalUncertaintyMeters());
    } catch (CrsException e) {
      return r; // an arbitrary or unresolvable project CRS: the coordinates are the DSM's
    }
  }
}

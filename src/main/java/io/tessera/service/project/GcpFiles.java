package io.tessera.service.project;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsDefinition;
import io.tessera.core.crs.CrsException;
import io.tessera.core.gcp.ControlPoint;
import io.tessera.core.gcp.ControlPointSet;
import io.tessera.core.gcp.GcpCrs;
import io.tessera.core.gcp.GcpFormatException;
import io.tessera.core.gcp.Mark;
import io.tessera.core.gcp.Mtp;
import io.tessera.core.gcp.OdmGcpList;
import io.tessera.core.gcp.OpfControlPoints;
import io.tessera.core.gcp.Pix4dGcpCsv;
import io.tessera.core.gcp.PointType;
import io.tessera.core.gcp.Sigmas;
import io.tessera.core.image.ImagePoint;
import io.tessera.core.project.Project;
import io.tessera.core.project.TiePoint;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A project's control points as files: OPF {@code input_control_points.json} (GCPs, MTPs, marks,
 * CRS), OpenDroneMap {@code gcp_list.txt} (GCPs with their marks) and the PIX4D GCP CSV
 * (coordinates only, in the CRS's axis order).
 */
public final class GcpFiles {
  /** An exported file: its text, media type and suggested name. */
  public record Export(String text, String contentType, String fileName) {}

  private final ProjectService projects;
  private final TiePointService points;

  public GcpFiles(ProjectService projects, TiePointService points) {
    this.projects = projects;
    this.points = points;
  }

  /** Writes the project's control points as {@code format}: opf, odm or csv. */
  public Export export(Principal p, long projectId, String format) {
    Project project = projects.get(p, projectId);
    if (project.coordinateSystem() == null) {
      throw new DomainException.BadRequest("The project has no coordinate system: control"
          + " points cannot be exported without one.");
    }
    ControlPointSet set = set(p, project);
    StringWriter out = new StringWriter();
    try {
      switch (format == null ? "opf" : format.toLowerCase(Locale.ROOT)) {
        case "opf" -> {
          OpfControlPoints.write(set, out);
          return new Export(out.toString(), "application/json",
              "input_control_points.json");
        }
        case "odm" -> {
          OdmGcpList.write(set, out);
          return new Export(out.toString(), "text/plain; charset=utf-8", "gcp_list.txt");
        }
        case "csv" -> {
          Pix4dGcpCsv.write(set.gcps(), Crs.parse(project.coordinateSystem()), out);
          return new Export(out.toString(), "text/csv; charset=utf-8", "gcps.csv");
        }
        default -> throw new DomainException.BadRequest(
            "format must be opf, odm or csv", java.util.Map.of("format",
                List.of("\"" + format + "\" is not a valid choice.")));
      }
    } catch (GcpFormatException | CrsException e) {
      throw new DomainException.Invalid("the control points cannot be written as " + format
          + ": " + e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ControlPointSet set(Principal p, Project project) {
    GcpCrs crs;
    try {
      crs = new GcpCrs(CrsDefinition.parse(project.coordinateSystem()));
    } catch (CrsException e) {
      throw new DomainException.Invalid("the project's coordinate system cannot be written: "
          + e.getMessage());
    }
    List<ControlPoint> gcps = points.gcps(p, project.id()).stream().map(GcpFiles::point)
        .toList();
    List<Mtp> mtps = points.mtps(p, project.id()).stream()
        .map(t -> new Mtp(t.name(), t.isCheckpoint())).toList();
    List<Mark> marks = points.marks(p, project.id()).stream()
        .map(m -> new Mark(m.pointName(), m.photoKey(), new ImagePoint(m.x(), m.y()))).toList();
    return new ControlPointSet(Optional.of(crs), gcps, mtps, marks);
  }

  private static ControlPoint point(TiePoint t) {
    Optional<Sigmas> sigmas = t.xyAccuracy() != null && t.zAccuracy() != null
        ? Optional.of(Sigmas.of(t.xyAccuracy(), t.zAccuracy())) : Optional.empty();
    return new ControlPoint(t.name(), t.isCheckpoint() ? PointType.CHECKPOINT : PointType.GCP,
        t.x(), t.y(), t.z(), sigmas);
  }
}

package io.tessera.service.project;

import io.tessera.core.crs.Crs;
import io.tessera.core.crs.CrsDefinition;
import io.tessera.core.crs.CrsException;
import io.tessera.core.crs.CrsTransform;
import io.tessera.core.crs.Position;
import io.tessera.core.gcp.ControlPoint;
import io.tessera.core.gcp.ControlPointSet;
import io.tessera.core.gcp.GcpCrs;
import io.tessera.core.gcp.GcpFormatException;
import io.tessera.core.gcp.Mark;
import io.tessera.core.gcp.Mtp;
import io.tessera.core.gcp.OdmGcpList;
import io.tessera.core.gcp.OpfBundle;
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
  private final PhotoService photos;

  public GcpFiles(ProjectService projects, TiePointService points, PhotoService photos) {
    this.projects = projects;
    this.points = points;
    this.photos = photos;
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

  /**
   * What an import registered (or, for a dry run, would register): GCPs (in the project's CRS),
   * MTPs, marks on the project's photos, and the marks left out with the reason.
   */
  public record Imported(List<TiePoint> gcps, List<TiePoint> mtps,
      List<io.tessera.core.project.Mark> marks, List<Skipped> skipped, String crs) {}

  /** A mark of the file that names no photo of the project. */
  public record Skipped(String gcp, String photo, String reason) {}

  /**
   * Reads a control-point file and registers its points and marks, all or nothing. Coordinates in
   * another CRS than the project's are transformed into it; a project without a CRS takes the
   * file's. A mark's image is matched to the project's photo whose key is it, else to one with
   * the same file name; marks on other images are skipped and reported.
   *
   * @param format opf, odm or csv; null to tell by the content
   * @param dryRun when true nothing is stored: the answer previews the import
   */
  public Imported importFile(Principal p, long projectId, String fileName, byte[] content,
      String format, boolean dryRun) {
    Project project = projects.get(p, projectId);
    p.requireScope("write");
    String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
    boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
    String kind = format != null ? format.toLowerCase(Locale.ROOT)
        : zip ? "opf-bundle" : detect(fileName, text);
    ControlPointSet set;
    try {
      set = switch (kind) {
        case "opf-bundle" -> bundle(content);
        case "opf" -> OpfControlPoints.read(new java.io.StringReader(text));
        case "odm" -> OdmGcpList.read(new java.io.StringReader(text));
        case "csv" -> {
          if (project.coordinateSystem() == null) {
            throw new DomainException.BadRequest("A CSV holds no coordinate system: set the"
                + " project's before importing one.");
          }
          List<ControlPoint> read = Pix4dGcpCsv.read(new java.io.StringReader(text),
              Crs.parse(project.coordinateSystem()));
          yield new ControlPointSet(Optional.of(new GcpCrs(
              CrsDefinition.parse(project.coordinateSystem()))), read, List.of(), List.of());
        }
        default -> throw new DomainException.BadRequest(
            "format must be opf, opf-bundle, odm or csv",
            java.util.Map.of("format", List.of("\"" + kind + "\" is not a valid choice.")));
      };
    } catch (GcpFormatException e) {
      throw new DomainException.BadRequest(fileName + ": " + e.getMessage(),
          java.util.Map.of("problems", e.problems().stream().map(Object::toString).toList()));
    } catch (CrsException e) {
      throw new DomainException.BadRequest("the project's coordinate system cannot be used: "
          + e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String target = project.coordinateSystem() != null ? project.coordinateSystem()
        : set.crs().map(c -> c.definition().text()).orElse(null);
    List<TiePointService.GcpInput> gcps = new java.util.ArrayList<>();
    try {
      CrsTransform transform = null;
      if (set.crs().isPresent() && !set.gcps().isEmpty()) {
        Crs from = Crs.of(set.crs().get().definition());
        Crs to = Crs.parse(target);
        // the same system: coordinates stay as written, not rounded through a projection
        transform = from.equals(to) ? null : from.transformTo(to);
      }
      for (ControlPoint c : set.gcps()) {
        Position at = transform == null ? new Position(c.x(), c.y(), c.z())
            : transform.apply(new Position(c.x(), c.y(), c.z()));
        gcps.add(new TiePointService.GcpInput(c.name(), c.type().name(), at.x(), at.y(),
            at.z(), c.sigmas().map(Sigmas::horizontal).orElse(null),
            c.sigmas().map(Sigmas::vertical).orElse(null)));
      }
    } catch (CrsException e) {
      throw new DomainException.BadRequest("the file's coordinates cannot be brought into the"
          + " project's coordinate system (" + target + "): " + e.getMessage());
    }
    List<String> keys = photos.list(p, projectId).stream()
        .map(io.tessera.core.project.ProjectPhoto::s3Key).toList();
    List<TiePointService.MarkInput> marks = new java.util.ArrayList<>();
    List<Skipped> skipped = new java.util.ArrayList<>();
    for (Mark m : set.marks()) {
      String imageName = m.image().substring(m.image().lastIndexOf('/') + 1);
      Optional<String> key = keys.stream().filter(k -> k.equals(m.image())).findFirst()
          .or(() -> keys.stream().filter(k -> k.endsWith("/" + imageName)).findFirst());
      if (key.isPresent()) {
        marks.add(new TiePointService.MarkInput(m.point(), key.get(), m.position().x(),
            m.position().y()));
      } else {
        skipped.add(new Skipped(m.point(), m.image(), "no photo of the project has this name"));
      }
    }
    return points.importAll(p, projectId, target, gcps, set.mtps(), marks, skipped, dryRun);
  }

  /** The control points of an OPF project zip, checked against its manifest. */
  private static ControlPointSet bundle(byte[] content) throws IOException, GcpFormatException {
    java.nio.file.Path tmp = java.nio.file.Files.createTempFile("tessera-opf-", ".zip");
    try {
      java.nio.file.Files.write(tmp, content);
      return OpfBundle.read(tmp).controlPoints().orElseThrow(() -> new DomainException.BadRequest(
          "the OPF bundle holds no input control points"));
    } finally {
      java.nio.file.Files.deleteIfExists(tmp);
    }
  }

  private static String detect(String fileName, String text) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    String start = text.stripLeading();
    if (name.endsWith(".json") || start.startsWith("{")) {
      return "opf";
    }
    if (name.endsWith(".csv")) {
      return "csv";
    }
    return "odm";
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

package io.tessera.service.project;

import io.tessera.core.project.Mark;
import io.tessera.core.project.Project;
import io.tessera.core.project.ProjectPhoto;
import io.tessera.core.project.TiePoint;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.store.TiePointRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A project's tie points and their marks, with the reference document's rules: names unique in
 * the project (GCPs and MTPs share them: a mark names either), GCP coordinates in the project's
 * output CRS (so the project must have one, and degrees are refused), a tie point marked at most
 * once on a photo, marks inside the photo. Bulk registrations are all or nothing.
 */
public final class TiePointService {
  private final Jdbi jdbi;
  private final Clock clock;
  private final ProjectService projects;
  private final CoordinateSystems systems;
  private final TiePointRepository repo = new TiePointRepository();

  /** A GCP as registered or patched; null fields of a patch stay as they are. */
  public record GcpInput(String name, String pointType, Double x, Double y, Double z,
      Double xyAccuracy, Double zAccuracy) {}

  /** A mark as registered: the tie point's name, the photo's key, pixels. */
  public record MarkInput(String gcp, String photo, Double x, Double y) {}

  /** A mark to register with what its names resolved to. */
  private record Resolved(ProjectPhoto photo, TiePoint point, MarkInput input) {}

  public TiePointService(Jdbi jdbi, Clock clock, ProjectService projects,
      CoordinateSystems systems) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.projects = projects;
    this.systems = systems;
  }

  public List<TiePoint> gcps(Principal p, long projectId) {
    projects.get(p, projectId);
    return jdbi.withHandle(h -> repo.points(h, projectId, "GCP"));
  }

  public List<TiePoint> mtps(Principal p, long projectId) {
    projects.get(p, projectId);
    return jdbi.withHandle(h -> repo.points(h, projectId, "MTP"));
  }

  public List<TiePoint> registerGcps(Principal p, long projectId, List<GcpInput> gcps) {
    Project project = projects.get(p, projectId);
    p.requireScope("write");
    if (project.coordinateSystem() == null || project.coordinateSystem().isBlank()) {
      throw new DomainException.BadRequest("The project must have a coordinate system defined"
          + " before GCPs are registered: their coordinates are read in it.");
    }
    if (gcps == null || gcps.isEmpty()) {
      throw fieldError("gcps", "This list may not be empty.");
    }
    return jdbi.inTransaction(h -> insertGcps(h, project, gcps, clock.instant()));
  }

  public List<TiePoint> registerMtps(Principal p, long projectId, List<String> names,
      List<Boolean> checkpoints) {
    projects.get(p, projectId);
    p.requireScope("write");
    if (names == null || names.isEmpty()) {
      throw fieldError("mtps", "This list may not be empty.");
    }
    return jdbi.inTransaction(h -> insertMtps(h, projectId, names, checkpoints,
        clock.instant()));
  }

  private List<TiePoint> insertGcps(Handle h, Project project, List<GcpInput> gcps,
      Instant now) {
    long projectId = project.id();
    Set<String> seen = new HashSet<>();
    List<TiePoint> out = new ArrayList<>();
    for (int i = 0; i < gcps.size(); i++) {
      GcpInput g = gcps.get(i);
      String at = "gcps[" + i + "]";
      checkName(at, g.name(), seen, h, projectId);
      String type = g.pointType() == null ? "GCP" : g.pointType();
      if (!type.equals("GCP") && !type.equals("CHECKPOINT")) {
        throw fieldError(at + ".point_type", "\"" + type + "\" is not a valid choice.");
      }
      if (g.x() == null || g.y() == null || g.z() == null) {
        throw fieldError(at, "x, y and z are required.");
      }
      checkNotDegrees(at, project, g.x(), g.y());
      checkAccuracy(at + ".xy_accuracy", g.xyAccuracy());
      checkAccuracy(at + ".z_accuracy", g.zAccuracy());
      out.add(repo.insertPoint(h, new TiePoint(0, projectId, "GCP", g.name(), type, g.x(),
          g.y(), g.z(), g.xyAccuracy(), g.zAccuracy(), now, 1)));
    }
    return out;
  }

  private List<TiePoint> insertMtps(Handle h, long projectId, List<String> names,
      List<Boolean> checkpoints, Instant now) {
    Set<String> seen = new HashSet<>();
    List<TiePoint> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      checkName("mtps[" + i + "]", names.get(i), seen, h, projectId);
      boolean check = Boolean.TRUE.equals(checkpoints.get(i));
      out.add(repo.insertPoint(h, new TiePoint(0, projectId, "MTP", names.get(i),
          check ? "CHECKPOINT" : "GCP", null, null, null, null, null, now, 1)));
    }
    return out;
  }

  private List<Mark> insertMarks(Handle h, long projectId, List<MarkInput> marks,
      Instant now) {
    Set<String> missingPhotos = new java.util.TreeSet<>();
    Set<String> missingPoints = new java.util.TreeSet<>();
    List<Resolved> resolved = new ArrayList<>();
    for (MarkInput m : marks) {
      var photo = m.photo() == null ? java.util.Optional.<ProjectPhoto>empty()
          : repo.photoByKey(h, projectId, m.photo()).filter(ProjectPhoto::registered);
      var point = m.gcp() == null ? java.util.Optional.<TiePoint>empty()
          : repo.point(h, projectId, m.gcp());
      if (photo.isEmpty()) {
        missingPhotos.add(String.valueOf(m.photo()));
      }
      if (point.isEmpty()) {
        missingPoints.add(String.valueOf(m.gcp()));
      }
      resolved.add(new Resolved(photo.orElse(null), point.orElse(null), m));
    }
    if (!missingPhotos.isEmpty() || !missingPoints.isEmpty()) {
      throw new DomainException.BadRequest("unknown photos " + missingPhotos
          + " or tie points " + missingPoints,
          Map.of("photos", List.copyOf(missingPhotos), "gcps", List.copyOf(missingPoints)));
    }
    List<String> existing = new ArrayList<>();
    Set<String> inRequest = new HashSet<>();
    for (Resolved r : resolved) {
      ProjectPhoto photo = r.photo();
      TiePoint point = r.point();
      if (repo.markExists(h, point.id(), photo.id())
          || !inRequest.add(point.id() + "/" + photo.id())) {
        existing.add("['" + photo.s3Key() + "', '" + point.name() + "']");
      }
    }
    if (!existing.isEmpty()) {
      throw new DomainException.BadRequest(
          "Attempt to create existing mark(s): [" + String.join(", ", existing) + "]");
    }
    List<Mark> out = new ArrayList<>();
    for (int i = 0; i < resolved.size(); i++) {
      Resolved r = resolved.get(i);
      checkInside("marks[" + i + "]", r.photo(), r.input().x(), r.input().y());
      out.add(repo.insertMark(h, projectId, r.point().id(), r.photo().id(), r.input().x(),
          r.input().y(), now));
    }
    return out;
  }

  /**
   * Registers a whole control-point file at once, all or nothing: the project's CRS when it has
   * none, then GCPs, MTPs and marks by the rules of their own routes. A dry run checks everything
   * the same way and stores nothing.
   */
  public GcpFiles.Imported importAll(Principal p, long projectId, String crs,
      List<GcpInput> gcps, List<io.tessera.core.gcp.Mtp> mtps, List<MarkInput> marks,
      List<GcpFiles.Skipped> skipped, boolean dryRun) {
    Project project = projects.get(p, projectId);
    p.requireScope("write");
    boolean adoptCrs = project.coordinateSystem() == null && crs != null;
    if (!gcps.isEmpty() && project.coordinateSystem() == null && crs == null) {
      throw new DomainException.BadRequest("The file holds GCPs but no coordinate system, and"
          + " the project has none either.");
    }
    // the points are checked in the CRS they will have; the project takes it once they are in
    Project target = adoptCrs ? withCrs(project, crs) : project;
    Instant now = clock.instant();
    GcpFiles.Imported imported = jdbi.inTransaction(h -> {
      GcpFiles.Imported result = new GcpFiles.Imported(
          insertGcps(h, target, gcps, now),
          insertMtps(h, projectId, mtps.stream().map(io.tessera.core.gcp.Mtp::name).toList(),
              mtps.stream().map(io.tessera.core.gcp.Mtp::checkpoint).toList(), now),
          marks.isEmpty() ? List.of() : insertMarks(h, projectId, marks, now), skipped,
          target.coordinateSystem());
      if (dryRun) {
        h.rollback();
      }
      return result;
    });
    if (adoptCrs && !dryRun) {
      projects.update(p, projectId, new ProjectService.Changes(null, null, crs, null), null);
    }
    return imported;
  }

  private static Project withCrs(Project p, String crs) {
    return new Project(p.id(), p.uuid(), p.organizationId(), p.name(), p.displayName(),
        p.projectType(), p.acquisitionDate(), crs, p.coordinateSystemGeoidHeight(),
        p.parentType(), p.parentUuid(), p.publicStatus(), p.displayDetailedStatus(),
        p.createdBy(), p.createdAt(), p.updatedAt(), p.processingStartedAt(), p.deletedAt(),
        p.version());
  }

  /** Changes a GCP or MTP named {@code name} of kind {@code kind}. */
  public TiePoint update(Principal p, long projectId, String kind, String name, GcpInput change) {
    Project project = projects.get(p, projectId);
    p.requireScope("write");
    return jdbi.inTransaction(h -> {
      TiePoint t = repo.point(h, projectId, name).filter(x -> x.kind().equals(kind))
          .orElseThrow(() -> new DomainException.NotFound(kind, name));
      String newName = change.name() == null ? t.name() : change.name();
      if (!newName.equals(t.name())) {
        checkName("name", newName, new HashSet<>(), h, projectId);
      }
      String type = change.pointType() == null ? t.pointType() : change.pointType();
      if (!type.equals("GCP") && !type.equals("CHECKPOINT")) {
        throw fieldError("point_type", "\"" + type + "\" is not a valid choice.");
      }
      Double x = kind.equals("GCP") && change.x() != null ? change.x() : t.x();
      Double y = kind.equals("GCP") && change.y() != null ? change.y() : t.y();
      if (kind.equals("GCP")) {
        checkNotDegrees("", project, x, y);
        checkAccuracy("xy_accuracy", change.xyAccuracy());
        checkAccuracy("z_accuracy", change.zAccuracy());
      }
      TiePoint next = new TiePoint(t.id(), projectId, kind, newName, type, x, y,
          kind.equals("GCP") && change.z() != null ? change.z() : t.z(),
          change.xyAccuracy() == null ? t.xyAccuracy() : change.xyAccuracy(),
          change.zAccuracy() == null ? t.zAccuracy() : change.zAccuracy(), t.createdAt(),
          t.version());
      repo.updatePoint(h, next);
      return repo.point(h, projectId, newName).orElseThrow();
    });
  }

  /** Deletes a GCP or MTP and its marks. */
  public void delete(Principal p, long projectId, String kind, String name) {
    projects.get(p, projectId);
    p.requireScope("write");
    jdbi.useTransaction(h -> {
      TiePoint t = repo.point(h, projectId, name).filter(x -> x.kind().equals(kind))
          .orElseThrow(() -> new DomainException.NotFound(kind, name));
      repo.deletePoint(h, t.id());
    });
  }

  public List<Mark> marks(Principal p, long projectId) {
    projects.get(p, projectId);
    return jdbi.withHandle(h -> repo.marks(h, projectId));
  }

  /**
   * Registers marks, all or none. Unknown photos and tie points are refused together, in the
   * document's {@code {"photos": [...], "gcps": [...]}} form; a second mark of a tie point on a
   * photo with the document's "Attempt to create existing mark(s)" message.
   */
  public List<Mark> registerMarks(Principal p, long projectId, List<MarkInput> marks) {
    projects.get(p, projectId);
    p.requireScope("write");
    if (marks == null || marks.isEmpty()) {
      throw fieldError("marks", "This list may not be empty.");
    }
    return jdbi.inTransaction(h -> insertMarks(h, projectId, marks, clock.instant()));
  }

  /** Moves a mark (its tie point and photo stay, as the document says). */
  public Mark moveMark(Principal p, long projectId, long markId, Double x, Double y) {
    projects.get(p, projectId);
    p.requireScope("write");
    return jdbi.inTransaction(h -> {
      Mark m = repo.mark(h, projectId, markId)
          .orElseThrow(() -> new DomainException.NotFound("mark", Long.toString(markId)));
      ProjectPhoto photo = repo.photo(h, projectId, m.photoId()).orElseThrow();
      double nx = x == null ? m.x() : x;
      double ny = y == null ? m.y() : y;
      checkInside("", photo, nx, ny);
      repo.moveMark(h, markId, nx, ny);
      return repo.mark(h, projectId, markId).orElseThrow();
    });
  }

  public void deleteMark(Principal p, long projectId, long markId) {
    projects.get(p, projectId);
    p.requireScope("write");
    jdbi.useTransaction(h -> {
      repo.mark(h, projectId, markId)
          .orElseThrow(() -> new DomainException.NotFound("mark", Long.toString(markId)));
      repo.deleteMark(h, markId);
    });
  }

  /** Names of the project's tie points marked on fewer than two photos, with their counts. */
  public Map<String, Integer> undermarked(Principal p, long projectId) {
    projects.get(p, projectId);
    return jdbi.withHandle(h -> {
      Map<String, Integer> counts = new TreeMap<>();
      for (TiePoint t : repo.points(h, projectId, "GCP")) {
        counts.put(t.name(), 0);
      }
      for (TiePoint t : repo.points(h, projectId, "MTP")) {
        counts.put(t.name(), 0);
      }
      for (Mark m : repo.marks(h, projectId)) {
        counts.merge(m.pointName(), 1, Integer::sum);
      }
      Map<String, Integer> under = new LinkedHashMap<>();
      counts.forEach((name, n) -> {
        if (n < 2) {
          under.put(name, n);
        }
      });
      return under;
    });
  }

  private void checkName(String at, String name, Set<String> seen, Handle h,
      long projectId) {
    if (name == null || name.isBlank()) {
      throw fieldError(at + ".name", "This field is required.");
    }
    if (name.length() > 200) {
      throw fieldError(at + ".name", "Ensure this field has no more than 200 characters.");
    }
    if (!seen.add(name) || repo.point(h, projectId, name).isPresent()) {
      throw fieldError(at + ".name", "The name \"" + name + "\" is already used in this"
          + " project: names must be unique.");
    }
  }

  /**
   * Refuses what looks like degrees in a projected CRS: the document says geographic coordinates
   * are not supported, and longitude/latitude pairs are the usual mistake.
   */
  private void checkNotDegrees(String at, Project project, Double x, Double y) {
    String crs = project.coordinateSystem();
    if (x != null && y != null && systems.looksLikeDegrees(crs, x, y)) {
      throw fieldError(at.isEmpty() ? "x" : at, "x = " + x + ", y = " + y + " look like degrees:"
          + " give GCP coordinates in the project's coordinate system (" + crs + "),"
          + " geographic coordinates are not supported.");
    }
  }

  private static void checkAccuracy(String field, Double value) {
    if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
      throw fieldError(field, "An accuracy is a non-negative number.");
    }
  }

  private static void checkInside(String at, ProjectPhoto photo, Double x, Double y) {
    if (x == null || y == null) {
      throw fieldError(at.isEmpty() ? "x" : at, "x and y are required.");
    }
    if (x < 0 || y < 0 || x > photo.width() || y > photo.height()) {
      throw fieldError(at.isEmpty() ? "x" : at, "(" + x + ", " + y + ") is outside the photo "
          + photo.s3Key() + " (" + photo.width() + " × " + photo.height() + " pixels).");
    }
  }

  private static DomainException fieldError(String field, String message) {
    return new DomainException.BadRequest(field + ": " + message,
        Map.of(field, List.of(message)));
  }
}

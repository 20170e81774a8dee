package io.tessera.service.project;

import io.tessera.core.project.ProcessingOptions;
import io.tessera.core.project.Project;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.store.ProjectRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Photogrammetry projects: create, list, read, update, delete, with the reference document's
 * rules for names, project types and coordinate systems. Reading needs the scope {@code read},
 * changing {@code write} (users: by role).
 *
 * <p>Tessera has no photogrammetry engine: processing is recorded, and the project says so in
 * its detailed status rather than pretending to process.
 */
public final class ProjectService {
  public static final Set<String> PROJECT_TYPES = Set.of("pro", "bim", "ag", "model",
      "inspection");
  static final String NO_ENGINE =
      "Tessera records processing requests but has no photogrammetry engine: process the"
          + " exported inputs (OPF) elsewhere";

  private final Jdbi jdbi;
  private final Clock clock;
  private final CoordinateSystems crs;
  private final DriveService drive;
  private final ProjectRepository repo = new ProjectRepository();

  /** What a caller may set at creation; null fields take their defaults. */
  public record NewProject(String name, String projectType, Instant acquisitionDate,
      String coordinateSystem, Double coordinateSystemGeoidHeight, String parentType,
      String parentUuid) {}

  /** What a caller may change; null fields stay as they are. */
  public record Changes(String displayName, Instant acquisitionDate, String coordinateSystem,
      Double coordinateSystemGeoidHeight) {}

  public record Page(long count, List<Project> results) {}

  public ProjectService(Jdbi jdbi, Clock clock, CoordinateSystems crs, DriveService drive) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.crs = crs;
    this.drive = drive;
  }

  public Project create(Principal p, NewProject n) {
    p.requireNotShared();
    p.requireScope("write");
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String name = checkName("name", n.name(), errors);
    String type = n.projectType() == null ? "pro" : n.projectType();
    if (!PROJECT_TYPES.contains(type)) {
      errors.put("project_type", List.of("\"" + type + "\" is not a valid choice."));
    }
    String parentType = n.parentType() == null ? "organization" : n.parentType();
    String coordinateSystem = checkCrs(n.coordinateSystem(), errors);
    refuseIfAny(errors);
    String parentUuid = drive.checkProjectParent(p, parentType, n.parentUuid());
    Instant now = clock.instant();
    Project row = new Project(0, UUID.randomUUID().toString(), p.organizationId(), name, name,
        type, n.acquisitionDate() == null ? now : n.acquisitionDate(), coordinateSystem,
        n.coordinateSystemGeoidHeight(), parentType, parentUuid, "CREATED", "", p.id(),
        now, now, null, null, 1);
    return jdbi.inTransaction(h -> repo.insert(h, row));
  }

  public Page list(Principal p, int page, int pageSize) {
    p.requireNotShared();
    p.requireScope("read");
    if (page < 1 || pageSize < 1 || pageSize > 1000) {
      throw new DomainException.BadRequest("page must be ≥ 1 and page_size within 1..1000");
    }
    return jdbi.withHandle(h -> new Page(repo.count(h, p.organizationId()),
        repo.list(h, p.organizationId(), (page - 1) * pageSize, pageSize)));
  }

  public Project get(Principal p, long id) {
    p.requireScope("read");
    p.requireProject(id);
    return jdbi.withHandle(h -> repo.byId(h, p.organizationId(), id))
        .orElseThrow(() -> new DomainException.NotFound("project", Long.toString(id)));
  }

  /** Applies {@code changes}; {@code ifMatch} (may be null) must be the stored version. */
  public Project update(Principal p, long id, Changes changes, Long ifMatch) {
    p.requireNotShared();
    p.requireScope("write");
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String displayName =
        changes.displayName() == null ? null : checkName("display_name", changes.displayName(),
            errors);
    String coordinateSystem =
        changes.coordinateSystem() == null ? null : checkCrs(changes.coordinateSystem(), errors);
    refuseIfAny(errors);
    return jdbi.inTransaction(h -> {
      Project current = repo.byId(h, p.organizationId(), id)
          .orElseThrow(() -> new DomainException.NotFound("project", Long.toString(id)));
      if (ifMatch != null && ifMatch != current.version()) {
        throw new DomainException.StaleVersion("the project", current.version());
      }
      Project next = new Project(current.id(), current.uuid(), current.organizationId(),
          current.name(), displayName == null ? current.displayName() : displayName,
          current.projectType(),
          changes.acquisitionDate() == null ? current.acquisitionDate()
              : changes.acquisitionDate(),
          coordinateSystem == null ? current.coordinateSystem() : coordinateSystem,
          changes.coordinateSystemGeoidHeight() == null
              ? current.coordinateSystemGeoidHeight() : changes.coordinateSystemGeoidHeight(),
          current.parentType(), current.parentUuid(), current.publicStatus(),
          current.displayDetailedStatus(), current.createdBy(), current.createdAt(),
          clock.instant(), current.processingStartedAt(), null, current.version());
      if (!repo.update(h, next, current.version())) {
        throw new DomainException.StaleVersion("the project", current.version() + 1);
      }
      return repo.byId(h, p.organizationId(), id).orElseThrow();
    });
  }

  public void delete(Principal p, long id) {
    p.requireNotShared();
    p.requireScope("write");
    if (!jdbi.withHandle(h -> repo.delete(h, p.organizationId(), id, clock.instant()))) {
      throw new DomainException.NotFound("project", Long.toString(id));
    }
  }

  /**
   * Records a processing request: the project shows PROCESSING and says, in its detailed status,
   * that this instance has no engine to run it.
   */
  public Project startProcessing(Principal p, long id) {
    p.requireNotShared();
    p.requireScope("write");
    return jdbi.inTransaction(h -> {
      Project c = repo.byId(h, p.organizationId(), id)
          .orElseThrow(() -> new DomainException.NotFound("project", Long.toString(id)));
      Instant now = clock.instant();
      Project next = new Project(c.id(), c.uuid(), c.organizationId(), c.name(),
          c.displayName(), c.projectType(), c.acquisitionDate(), c.coordinateSystem(),
          c.coordinateSystemGeoidHeight(), c.parentType(), c.parentUuid(), "PROCESSING",
          NO_ENGINE, c.createdBy(), c.createdAt(), now, now, null, c.version());
      if (!repo.update(h, next, c.version())) {
        throw new DomainException.StaleVersion("the project", c.version() + 1);
      }
      return repo.byId(h, p.organizationId(), id).orElseThrow();
    });
  }

  /** The project's processing options (the defaults when none were set). */
  public ProcessingOptions processingOptions(Principal p, long id) {
    get(p, id);
    String json = jdbi.withHandle(h -> repo.processingOptions(h, id));
    return json == null ? ProcessingOptions.DEFAULTS : OptionsJson.read(json);
  }

  /**
   * Sets the processing options: {@code merge} false replaces them (what is not given takes its
   * default), true changes only the fields given.
   */
  public ProcessingOptions setProcessingOptions(Principal p, long id, ProcessingOptions given,
      boolean merge) {
    p.requireNotShared();
    p.requireScope("write");
    ProcessingOptions next = merge ? OptionsJson.merge(processingOptions(p, id), given) : given;
    Map<String, List<String>> errors = ProcessingOptionsRules.problems(next);
    refuseIfAny(errors);
    jdbi.useHandle(h -> repo.setProcessingOptions(h, id, OptionsJson.write(next),
        clock.instant()));
    return next;
  }

  /** The document's name rule: 1..100 characters, no slash, no leading dash or trailing space. */
  private static String checkName(String field, String name, Map<String, List<String>> errors) {
    if (name == null || name.isEmpty()) {
      errors.put(field, List.of("This field is required."));
    } else if (name.length() > 100) {
      errors.put(field, List.of("Ensure this field has no more than 100 characters."));
    } else if (name.contains("/") || name.startsWith("-") || name.isBlank()
        || Character.isWhitespace(name.charAt(name.length() - 1))) {
      errors.put(field, List.of("A name cannot contain slashes, start with a dash or end with"
          + " whitespace."));
    }
    return name;
  }

  private String checkCrs(String definition, Map<String, List<String>> errors) {
    if (definition == null || definition.isBlank()) {
      return null;
    }
    String problem = crs.problemWithOutputCrs(definition.trim());
    if (problem != null) {
      errors.put("coordinate_system", List.of(problem));
    }
    return definition.trim();
  }

  /** 400 in the document's (Django REST framework's) form: each field with its messages. */
  private static void refuseIfAny(Map<String, List<String>> errors) {
    if (!errors.isEmpty()) {
      StringBuilder detail = new StringBuilder();
      errors.forEach((field, messages) -> detail.append(detail.isEmpty() ? "" : "; ")
          .append(field).append(": ").append(String.join(" ", messages)));
      throw new DomainException.BadRequest(detail.toString(), Map.copyOf(errors));
    }
  }
}

package io.tessera.service.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.core.project.Annotation;
import io.tessera.core.project.AnnotationGeometry;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.store.AnnotationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Annotations on projects (photogrammetry-api-pix4d.txt, "Annotations"): GeoJSON geometries in
 * the project's coordinates ({@link AnnotationGeometry}) with display properties, made and
 * deleted in batches whose items succeed or fail one by one, searched by entity, overwritten and
 * deleted one at a time or all of an entity's.
 *
 * <p>Whole-request refusals follow the document's error bodies: 400 with {@code title} "Validation
 * Error" and {@code errors} (each field with its messages), or {@code title} "'site' is not a
 * valid EntityType". A batch item's refusal is its {@code errors}, beside {@code success: false}.
 */
public final class AnnotationService {
  /** The entity type annotations hang on (the document's only one). */
  public static final String PROJECT = "Project";
  /** The most items one batch may carry. */
  public static final int MAX_BATCH = 1000;
  public static final int MAX_PAGE_SIZE = 1000;
  private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{8}");
  private static final Pattern SCHEMA_VERSION = Pattern.compile("\\d{1,4}\\.\\d{1,4}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final Clock clock;
  private final ProjectService projects;
  private final AnnotationRepository repo = new AnnotationRepository();

  /**
   * One batch item's outcome.
   *
   * @param annotationId the annotation's id; null for a refused new item
   * @param errors empty on success, else each field with its messages
   */
  public record Outcome(String annotationId, boolean success, Map<String, List<String>> errors) {}

  /**
   * A page of a search.
   *
   * @param nextKey the id to pass as {@code last_key} for the next page, null on the last
   */
  public record Page(List<Annotation> results, String nextKey) {}

  /** An annotation checked and ready to store, or the problems found. */
  private record Checked(long entityId, Annotation content, Map<String, List<String>> errors) {}

  public AnnotationService(Jdbi jdbi, Clock clock, ProjectService projects) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.projects = projects;
  }

  /**
   * Creates the annotations of {@code items} (the request's {@code annotations} array): each
   * valid item is stored, each invalid one answered with its errors; one outcome per item, in
   * order.
   */
  public List<Outcome> create(Principal p, JsonNode items) {
    p.requireScope("write");
    checkBatch(items);
    Instant now = clock.instant();
    List<Outcome> out = new ArrayList<>();
    List<Annotation> rows = new ArrayList<>();
    Map<Long, Optional<String>> reasons = new HashMap<>();
    for (JsonNode item : items) {
      Checked c = check(item, now);
      Map<String, List<String>> errors = new LinkedHashMap<>(c.errors());
      if (errors.isEmpty()) {
        String reason = reasons.computeIfAbsent(c.entityId(),
            e -> Optional.ofNullable(projectProblem(p, e))).orElse(null);
        if (reason != null) {
          errors.put("entity_id", List.of(reason));
        }
      }
      if (!errors.isEmpty()) {
        out.add(new Outcome(null, false, errors));
        continue;
      }
      Annotation a = withIdentity(c.content(), Annotation.newId(c.entityId(),
          UUID.randomUUID().toString()), p.organizationId(), c.entityId());
      rows.add(a);
      out.add(new Outcome(a.id(), true, Map.of()));
    }
    jdbi.useTransaction(h -> {
      for (Annotation a : rows) {
        repo.insert(h, a);
      }
    });
    return out;
  }

  /**
   * A page of an entity's annotations in the order they were made, after {@code lastKey} (an
   * annotation id; from the start when null).
   */
  public Page search(Principal p, String entityType, String entityId, String lastKey,
      Integer pageSize) {
    long project = entity(entityType, entityId);
    int size = pageSize == null ? 100 : pageSize;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw validation(Map.of("page_size", List.of("Ensure this value is within 1.."
          + MAX_PAGE_SIZE + ".")));
    }
    projects.get(p, project);
    return jdbi.withHandle(h -> {
      if (lastKey != null && repo.byId(h, p.organizationId(), lastKey)
          .filter(a -> a.projectId() == project).isEmpty()) {
        throw validation(Map.of("last_key", List.of("Not an annotation of this entity.")));
      }
      List<Annotation> rows = repo.page(h, p.organizationId(), project, lastKey, size + 1);
      if (rows.size() > size) {
        rows = rows.subList(0, size);
        return new Page(List.copyOf(rows), rows.get(size - 1).id());
      }
      return new Page(rows, null);
    });
  }

  /** One annotation, for its ETag; 404 when it is not the caller's to see. */
  public Annotation get(Principal p, String id) {
    long project = projectOf(id);
    projects.get(p, project);
    return jdbi.withHandle(h -> repo.byId(h, p.organizationId(), id))
        .orElseThrow(() -> new DomainException.NotFound("annotation", id));
  }

  /**
   * Replaces an annotation's geometry and content with {@code body} (as a batch item; its entity
   * must be the annotation's). {@code ifMatch} (may be null) must be the stored version.
   */
  public Annotation overwrite(Principal p, String id, JsonNode body, Long ifMatch) {
    p.requireScope("write");
    long project = projectOf(id);
    Instant now = clock.instant();
    Checked c = check(body, now);
    Map<String, List<String>> errors = new LinkedHashMap<>(c.errors());
    if (errors.isEmpty() && c.entityId() != project) {
      errors.put("entity_id", List.of("Does not match the annotation's entity (Project "
          + project + ")."));
    }
    if (!errors.isEmpty()) {
      throw validation(errors);
    }
    projects.get(p, project);
    return jdbi.inTransaction(h -> {
      Annotation current = repo.byId(h, p.organizationId(), id)
          .orElseThrow(() -> new DomainException.NotFound("annotation", id));
      if (ifMatch != null && ifMatch != current.version()) {
        throw new DomainException.StaleVersion("the annotation", current.version());
      }
      Annotation next = withIdentity(c.content(), id, current.organizationId(), project);
      next = new Annotation(next.id(), next.organizationId(), next.projectId(),
          next.geometryType(), next.geometry(), next.minX(), next.minY(), next.maxX(),
          next.maxY(), next.properties(), next.tags(), next.attachments(), next.extension(),
          next.schemaVersion(), current.createdAt(), now, current.version());
      if (!repo.overwrite(h, next, current.version())) {
        throw new DomainException.StaleVersion("the annotation", current.version() + 1);
      }
      return repo.byId(h, p.organizationId(), id).orElseThrow();
    });
  }

  /** Deletes one annotation; 404 when there is none. */
  public void delete(Principal p, String id) {
    p.requireScope("write");
    projects.get(p, projectOf(id));
    if (!jdbi.withHandle(h -> repo.delete(h, p.organizationId(), id))) {
      throw new DomainException.NotFound("annotation", id);
    }
  }

  /** Deletes the annotations named by {@code ids}, answering for each. */
  public List<Outcome> delete(Principal p, JsonNode ids) {
    p.requireScope("write");
    checkBatch(ids);
    List<Outcome> out = new ArrayList<>();
    Map<Long, Optional<String>> reasons = new HashMap<>();
    jdbi.useTransaction(h -> {
      for (JsonNode n : ids) {
        String id = n.isTextual() ? n.asText() : null;
        long project = id == null ? -1 : Annotation.projectOf(id);
        String reason;
        if (project < 0) {
          reason = "Not an annotation id (Project_<entity_id>_<uuid>): " + n + ".";
        } else {
          reason = reasons.computeIfAbsent(project,
              e -> Optional.ofNullable(projectProblem(p, e))).orElse(null);
          if (reason == null && !repo.delete(h, p.organizationId(), id)) {
            reason = "Not found.";
          }
        }
        out.add(reason == null ? new Outcome(id, true, Map.of())
            : new Outcome(id, false, Map.of("annotation_id", List.of(reason))));
      }
    });
    return out;
  }

  /** Deletes every annotation of an entity; answers how many there were. */
  public int deleteAll(Principal p, String entityType, String entityId) {
    p.requireScope("write");
    long project = entity(entityType, entityId);
    projects.get(p, project);
    return jdbi.withHandle(h -> repo.deleteAll(h, p.organizationId(), project));
  }

  /** The project an annotation id names; 404 for an id of another shape. */
  private static long projectOf(String id) {
    long project = Annotation.projectOf(id);
    if (project < 0) {
      throw new DomainException.NotFound("annotation", id);
    }
    return project;
  }

  /** Why the caller may not touch the project's annotations, or null when it may. */
  private String projectProblem(Principal p, long project) {
    try {
      projects.get(p, project);
      return null;
    } catch (DomainException.NotFound e) {
      return "Project " + project + " not found.";
    } catch (DomainException.Forbidden e) {
      return "This share token gives no access to Project " + project + ".";
    }
  }

  /** The entity of a search or delete-all: the document's refusals for a wrong one. */
  private static long entity(String entityType, String entityId) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (entityType == null || entityType.isBlank()) {
      errors.put("entity_type", List.of("This field is required."));
    } else if (!entityType.equals(PROJECT)) {
      throw notAnEntityType(entityType);
    }
    long id = -1;
    if (entityId == null || entityId.isBlank()) {
      errors.put("entity_id", List.of("This field is required."));
    } else {
      try {
        id = Long.parseLong(entityId.trim());
      } catch (NumberFormatException e) {
        errors.put("entity_id", List.of("Not a valid integer."));
      }
    }
    if (!errors.isEmpty()) {
      throw validation(errors);
    }
    return id;
  }

  private static void checkBatch(JsonNode items) {
    if (items == null || items.isMissingNode() || items.isNull()) {
      throw validation(Map.of("annotations", List.of("This field is required.")));
    }
    if (!items.isArray()) {
      throw validation(Map.of("annotations", List.of("Expected a list of items.")));
    }
    if (items.isEmpty()) {
      throw validation(Map.of("annotations", List.of("This list may not be empty.")));
    }
    if (items.size() > MAX_BATCH) {
      throw validation(Map.of("annotations", List.of("Ensure this list has no more than "
          + MAX_BATCH + " items.")));
    }
  }

  /** Checks one annotation as a client sends it (a batch item or an overwrite). */
  private static Checked check(JsonNode item, Instant now) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (item == null || !item.isObject()) {
      errors.put("non_field_errors", List.of("Expected an annotation object."));
      return new Checked(-1, null, errors);
    }
    JsonNode type = item.get("entity_type");
    if (type == null || type.isNull()) {
      errors.put("entity_type", List.of("This field is required."));
    } else if (!PROJECT.equals(type.asText()) || !type.isTextual()) {
      errors.put("entity_type", List.of("'" + type.asText() + "' is not a valid EntityType"));
    }
    long entityId = -1;
    JsonNode id = item.get("entity_id");
    if (id == null || id.isNull()) {
      errors.put("entity_id", List.of("This field is required."));
    } else if (id.canConvertToExactIntegral() && id.canConvertToLong()) {
      entityId = id.asLong();
    } else {
      errors.put("entity_id", List.of("Not a valid integer."));
    }
    AnnotationGeometry.Result g = AnnotationGeometry.check(item.get("geometry"));
    if (!g.valid()) {
      errors.put("geometry", g.problems());
    }
    JsonNode properties = item.get("properties");
    if (properties != null && !properties.isNull()) {
      checkProperties(properties, errors);
    }
    JsonNode tags = item.get("tags");
    if (tags != null && !tags.isNull()) {
      if (!tags.isArray()) {
        errors.put("tags", List.of("Expected a list of strings."));
      } else {
        for (int i = 0; i < tags.size(); i++) {
          if (!tags.get(i).isTextual() || tags.get(i).asText().length() > 255) {
            errors.put("tags", List.of("Item " + i + ": expected a string of at most 255"
                + " characters."));
            break;
          }
        }
      }
    }
    JsonNode attachments = item.get("attachments");
    if (attachments != null && !attachments.isNull()) {
      if (!attachments.isArray()) {
        errors.put("attachments", List.of("Expected a list of objects."));
      } else {
        for (int i = 0; i < attachments.size(); i++) {
          if (!attachments.get(i).isObject()) {
            errors.put("attachments", List.of("Item " + i + ": expected an object."));
            break;
          }
        }
      }
    }
    JsonNode extension = item.get("extension");
    if (extension != null && !extension.isNull() && !extension.isObject()) {
      errors.put("extension", List.of("Expected an object."));
    }
    JsonNode version = item.get("version");
    if (version != null && !version.isNull()
        && (!version.isTextual() || !SCHEMA_VERSION.matcher(version.asText()).matches())) {
      errors.put("version", List.of("Expected the annotation schema's version as MAJOR.MINOR,"
          + " e.g. \"1.0\"."));
    }
    if (!errors.isEmpty()) {
      return new Checked(entityId, null, errors);
    }
    double[] b = g.bbox();
    Annotation content = new Annotation(null, null, entityId, g.type(),
        text(item.get("geometry")), b[0], b[1], b[2], b[3],
        text(properties == null || properties.isNull() ? JSON.createObjectNode() : properties),
        text(tags == null || tags.isNull() ? JSON.createArrayNode() : tags),
        text(attachments == null || attachments.isNull() ? JSON.createArrayNode()
            : attachments),
        text(extension == null || extension.isNull() ? JSON.createObjectNode() : extension),
        version == null || version.isNull() ? "1.0" : version.asText(), now, now, 1);
    return new Checked(entityId, content, Map.of());
  }

  /**
   * The document's properties: {@code name} and {@code description} (strings), {@code color} and
   * {@code color_fill} ({@code #RRGGBBAA}), {@code visible} (boolean), {@code volume} (object),
   * {@code camera_position} (numbers). Others are kept as they come.
   */
  private static void checkProperties(JsonNode props, Map<String, List<String>> errors) {
    if (!props.isObject()) {
      errors.put("properties", List.of("Expected an object."));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = props.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = "properties." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      switch (e.getKey()) {
        case "name" -> {
          if (!v.isTextual() || v.asText().length() > 255) {
            errors.put(field, List.of("Expected a string of at most 255 characters."));
          }
        }
        case "description" -> {
          if (!v.isTextual() || v.asText().length() > 10_000) {
            errors.put(field, List.of("Expected a string of at most 10000 characters."));
          }
        }
        case "color", "color_fill" -> {
          if (!v.isTextual() || !COLOR.matcher(v.asText()).matches()) {
            errors.put(field, List.of("Expected a colour as #RRGGBBAA (red, green, blue and"
                + " alpha in hexadecimal, e.g. #FFFFFF80), found " + v + "."));
          }
        }
        case "visible" -> {
          if (!v.isBoolean()) {
            errors.put(field, List.of("Must be a valid boolean."));
          }
        }
        case "volume" -> {
          if (!v.isObject()) {
            errors.put(field, List.of("Expected an object."));
          }
        }
        case "camera_position" -> {
          boolean ok = v.isArray();
          for (int i = 0; ok && i < v.size(); i++) {
            ok = v.get(i).isNumber() && Double.isFinite(v.get(i).asDouble());
          }
          if (!ok) {
            errors.put(field, List.of("Expected a list of finite numbers."));
          }
        }
        default -> { }
      }
    }
  }

  private static Annotation withIdentity(Annotation a, String id, String organizationId,
      long projectId) {
    return new Annotation(id, organizationId, projectId, a.geometryType(), a.geometry(),
        a.minX(), a.minY(), a.maxX(), a.maxY(), a.properties(), a.tags(), a.attachments(),
        a.extension(), a.schemaVersion(), a.createdAt(), a.updatedAt(), a.version());
  }

  private static String text(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document's 400: {@code {"title": "Validation Error", "errors": {...}}}. */
  private static DomainException validation(Map<String, List<String>> errors) {
    StringBuilder detail = new StringBuilder();
    errors.forEach((field, messages) -> detail.append(detail.isEmpty() ? "" : "; ")
        .append(field).append(": ").append(String.join(" ", messages)));
    return new DomainException.BadRequest(detail.toString(),
        Map.of("title", "Validation Error", "errors", Map.copyOf(errors)));
  }

  /** The document's 400 for an entity type other than Project. */
  private static DomainException notAnEntityType(String type) {
    String title = "'" + type + "' is not a valid EntityType";
    return new DomainException.BadRequest(title, Map.of("title", title));
  }

  /** Reads stored JSON text back (for the HTTP layer's answers). */
  public static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored annotation is not readable JSON", e);
    }
  }
}

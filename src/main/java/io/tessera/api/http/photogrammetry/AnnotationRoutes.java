package io.tessera.api.http.photogrammetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.api.http.Urls;
import io.tessera.api.http.Versions;
import io.tessera.core.project.Annotation;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.project.AnnotationService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Annotations (photogrammetry-api-pix4d.txt, "Annotations Quickstart" and "annotations"):
 * {@code /v1/annotations/}. The document gives the paths of create, search and batch delete; for
 * overwrite, delete one and delete all of an entity it gives none, so they sit beside them:
 * {@code PUT} and {@code DELETE /v1/annotations/{annotation_id}/} and
 * {@code DELETE /v1/annotations/entity/?entity_type=Project&entity_id=…}.
 *
 * <p>Every route takes credentials or a share token ({@code ?shareToken=}, see
 * {@link ShareAccess}). Request bodies may have trailing commas, as the document's delete example
 * does.
 */
public final class AnnotationRoutes {
  static final String PATH = "/v1/annotations/";
  private static final String TAG = "photogrammetry";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final ApiContext ctx;
  private final ObjectReader lenient;

  public AnnotationRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.lenient = bodies.mapper().reader().with(JsonReadFeature.ALLOW_TRAILING_COMMA);
  }

  public List<Route> routes() {
    Map<String, Object> example = Map.of("entity_type", "Project", "entity_id", 123456,
        "properties", Map.of("name", "My annotation", "color", "#FFFFFF80",
            "description", "My first annotation"),
        "geometry", Map.of("type", "Point", "coordinates", List.of(2.38, 57.322, 0)));
    return List.of(
        Route.post(PATH).tag(TAG).access(Access.OPTIONAL)
            .summary("Create annotations (GeoJSON Point, LineString, Polygon or Circle in the"
                + " project's coordinates); each item succeeds or fails on its own")
            .body(Map.of("annotations", List.of(example)))
            .responses(Map.of(201, "{annotations: [{annotation_id, success, errors?}]}",
                400, "{title: Validation Error, errors}", 401, "No credentials or share token",
                403, "Read-only share token"))
            .handle(this::create),
        Route.get(PATH).tag(TAG).access(Access.OPTIONAL)
            .summary("Search an entity's annotations (?entity_type=Project&entity_id=…,"
                + " ?last_key=, ?page_size=; ?shareToken=)")
            .responses(Map.of(200, "{next, results}", 400, "Invalid entity or page",
                404, "No such project"))
            .handle(this::search),
        Route.delete(PATH).tag(TAG).access(Access.OPTIONAL)
            .summary("Delete annotations by id; each succeeds or fails on its own")
            .body(Map.of("annotations",
                List.of("Project_123456_12345678-1234-1234-1234-123456789abc")))
            .responses(Map.of(200, "{annotations: [{success, annotation_id, errors?}]}",
                400, "{title: Validation Error, errors}"))
            .handle(this::deleteBatch),
        Route.delete(PATH + "entity/").tag(TAG).access(Access.OPTIONAL)
            .summary("Delete all annotations of an entity (?entity_type=Project&entity_id=…)")
            .responses(Map.of(204, "Deleted", 400, "Invalid entity", 404, "No such project"))
            .handle(c -> {
              Principal p = entityCaller(c, true);
              ctx.annotations().deleteAll(p, c.queryParam("entity_type"),
                  c.queryParam("entity_id"));
              c.status(204);
            }),
        Route.get(PATH + "{annotation_id}/").tag(TAG).access(Access.OPTIONAL)
            .summary("One annotation, with its ETag (Tessera; for If-Match on overwrite)")
            .responses(Map.of(200, "The annotation", 404, "No such annotation"))
            .handle(c -> {
              String id = c.pathParam("annotation_id");
              Annotation a = ctx.annotations().get(principal(c, id, false), id);
              Versions.etag(c, a.version());
              c.json(dto(a));
            }),
        Route.put(PATH + "{annotation_id}/").tag(TAG).access(Access.OPTIONAL)
            .summary("Overwrite an annotation (If-Match honoured)")
            .body(example)
            .responses(Map.of(200, "The annotation", 400, "{title: Validation Error, errors}",
                404, "No such annotation", 412, "If-Match does not match"))
            .handle(c -> {
              String id = c.pathParam("annotation_id");
              Principal p = principal(c, id, true);
              Annotation a = ctx.annotations().overwrite(p, id, read(c), Versions.ifMatch(c));
              Versions.etag(c, a.version());
              c.json(dto(a));
            }),
        Route.delete(PATH + "{annotation_id}/").tag(TAG).access(Access.OPTIONAL)
            .summary("Delete an annotation")
            .responses(Map.of(204, "Deleted", 404, "No such annotation"))
            .handle(c -> {
              String id = c.pathParam("annotation_id");
              ctx.annotations().delete(principal(c, id, true), id);
              c.status(204);
            }));
  }

  private void create(Context c) {
    JsonNode body = read(c);
    Principal p = ShareAccess.forBatch(c, ctx, true);
    List<AnnotationService.Outcome> out = ctx.annotations().create(p, body.get("annotations"));
    c.status(201).json(Map.of("annotations", out.stream().map(o -> outcome(o, false)).toList()));
  }

  private void deleteBatch(Context c) {
    JsonNode body = read(c);
    Principal p = ShareAccess.forBatch(c, ctx, true);
    List<AnnotationService.Outcome> out = ctx.annotations().delete(p, body.get("annotations"));
    c.json(Map.of("annotations", out.stream().map(o -> outcome(o, true)).toList()));
  }

  private void search(Context c) {
    long project = entityParam(c);
    Principal p = entityCaller(c, false);
    Integer size = null;
    String sizeParam = c.queryParam("page_size");
    if (sizeParam != null) {
      try {
        size = Integer.parseInt(sizeParam);
      } catch (NumberFormatException e) {
        throw new DomainException.BadRequest("page_size: A valid integer is required.",
            Map.of("title", "Validation Error",
                "errors", Map.of("page_size", List.of("A valid integer is required."))));
      }
    }
    AnnotationService.Page page = ctx.annotations().search(p, c.queryParam("entity_type"),
        c.queryParam("entity_id"), c.queryParam("last_key"), size);
    String next = null;
    if (page.nextKey() != null) {
      next = Urls.absolute(c, PATH) + "?entity_type=Project&entity_id=" + project
          + (sizeParam == null ? "" : "&page_size=" + size)
          + "&last_key=" + URLEncoder.encode(page.nextKey(), StandardCharsets.UTF_8);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("next", next);
    body.put("results", page.results().stream().map(AnnotationRoutes::dto).toList());
    c.json(body);
  }

  /**
   * The caller of a route about one annotation: its id names the project a share token must be
   * for. An id of another shape is left to the service (404).
   */
  private Principal principal(Context c, String annotationId, boolean write) {
    long project = Annotation.projectOf(annotationId);
    if (project < 0 && Bodies.optionalPrincipal(c) == null) {
      ShareAccess.forBatch(c, ctx, write); // 401 without a valid token
      throw new DomainException.NotFound("annotation", annotationId);
    }
    return ShareAccess.forProject(c, ctx, project, write);
  }

  /** The caller of a route about the entity of {@code ?entity_id=}. */
  private Principal entityCaller(Context c, boolean write) {
    long project = entityParam(c);
    // without a project to check the token against, it stands for its own: the service then
    // answers the document's 400 for the entity
    return project < 0 ? ShareAccess.forBatch(c, ctx, write)
        : ShareAccess.forProject(c, ctx, project, write);
  }

  /**
   * The project of {@code ?entity_id=} for the share-token check, or -1 when it is not one (the
   * service then answers the document's 400).
   */
  private static long entityParam(Context c) {
    String v = c.queryParam("entity_id");
    try {
      return v == null ? -1 : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The body as a JSON tree; trailing commas are accepted. */
  private JsonNode read(Context c) {
    String body = c.body();
    if (body.isBlank()) {
      throw validation("a JSON request body is required", "This field is required.");
    }
    try {
      JsonNode n = lenient.readTree(body);
      if (n == null || !n.isObject()) {
        throw validation("a JSON object is required", "Expected a JSON object.");
      }
      return n;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : String.format(Locale.ROOT,
          " (line %d, column %d)", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
      String message = "malformed JSON" + where + ": " + e.getOriginalMessage();
      throw validation(message, message);
    }
  }

  private static DomainException validation(String detail, String message) {
    return new DomainException.BadRequest(detail, Map.of("title", "Validation Error",
        "errors", Map.of("non_field_errors", List.of(message))));
  }

  private static Map<String, Object> outcome(AnnotationService.Outcome o, boolean successFirst) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (successFirst) {
      m.put("success", o.success());
      m.put("annotation_id", o.annotationId());
    } else {
      m.put("annotation_id", o.annotationId());
      m.put("success", o.success());
    }
    if (!o.success()) {
      m.put("errors", o.errors());
    }
    return m;
  }

  /** An annotation in the document's shape. */
  static Map<String, Object> dto(Annotation a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", a.schemaVersion());
    m.put("entity_id", a.projectId());
    m.put("entity_type", AnnotationService.PROJECT);
    m.put("id", a.id());
    m.put("created", time(a.createdAt()));
    m.put("modified", time(a.updatedAt()));
    m.put("tags", AnnotationService.tree(a.tags()));
    m.put("geometry", AnnotationService.tree(a.geometry()));
    m.put("properties", AnnotationService.tree(a.properties()));
    m.put("extension", AnnotationService.tree(a.extension()));
    m.put("attachments", AnnotationService.tree(a.attachments()));
    return m;
  }

  static String time(Instant t) {
    return TIME.format(t);
  }
}

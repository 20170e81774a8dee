package io.tessera.api.http.photogrammetry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.http.Context;
import io.tessera.api.dto.MissionDtos.TokenResponse;
import io.tessera.api.dto.PhotogrammetryDtos.CreateProjectRequest;
import io.tessera.api.dto.PhotogrammetryDtos.Page;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import io.tessera.api.dto.PhotogrammetryDtos.UpdateProjectRequest;
import io.tessera.api.dto.PhotogrammetryDtos.WktRequest;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.api.http.Uploads;
import io.tessera.api.http.Urls;
import io.tessera.api.http.Versions;
import io.tessera.core.crs.WktValidation;
import io.tessera.core.project.ProcessingOptions;
import io.tessera.core.project.Project;
import io.tessera.service.DomainException;
import io.tessera.service.auth.AuthService;
import io.tessera.service.auth.Scopes;
import io.tessera.service.project.ProjectService;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The photogrammetry surface's token endpoint and projects (photogrammetry-api-pix4d.txt):
 * {@code POST /oauth2/token/} and {@code /project/api/v3/projects/}. Paths end with a slash, as
 * the document's do; the route table ignores trailing slashes, so both forms work.
 */
public final class ProjectRoutes {
  /** The document's token lifetime. */
  public static final Duration TOKEN_TTL = Duration.ofSeconds(36_000);
  static final String PREFIX = "/project/api/v3";
  private static final String TAG = "photogrammetry";
  private static final Uploads.Limits FORM_LIMITS = new Uploads.Limits(4096, 16_384, 8);

  /** Processing options travel in the API's snake_case names, as the core record's fields. */
  private static final ObjectMapper SNAKE = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final ProcessingOptions EXAMPLE_OPTIONS = new ProcessingOptions(
      List.of("nadir"), 32611, null, null, null, List.of("ortho", "dsm"), null,
      new ProcessingOptions.Area(new ProcessingOptions.Plane(List.of(
          List.of(3.248295746230309, 43.415212850276255, 0.0),
          List.of(3.2484144251306066, 43.41525557252694, 0.0),
          List.of(3.248465887662594, 43.415162880462645, 0.0),
          List.of(3.2483382815883806, 43.415126642785765, 0.0)), List.of(0, 1, 2, 3), null),
          null));

  private final ApiContext ctx;
  private final Bodies bodies;

  public ProjectRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("/oauth2/token/").tag(TAG).access(Access.PUBLIC)
            .summary("Obtain an access token (OAuth 2.0 client credentials as form fields,"
                + " urlencoded or multipart); 10 h, scopes read and write")
            .body(new Route.Multipart(Map.of("grant_type", "client_credentials",
                "client_id", "The client id", "client_secret", "The client secret",
                "token_format", "jwt"), null, null))
            .responses(Map.of(200, "The token", 400, "Unsupported grant type or scope",
                401, "Unknown client or wrong secret"))
            .handle(this::token),
        Route.post("/common/api/v3/coordinate_systems/validate_wkt/").tag(TAG)
            .summary("Validate a WKT coordinate system (GEOGCS, PROJCS, LOCAL_CS or"
                + " ARBITRARY_METERS / ARBITRARY_FEET / ARBITRARY_US_FEET)")
            .body(Map.of("wkt_string", "ARBITRARY_METERS"))
            .responses(Map.of(200, "{wkt_string} echoed", 400, "{wkt_string: [reason]}"))
            .handle(this::validateWkt),
        Route.get(PREFIX + "/projects/").tag(TAG)
            .summary("List projects, newest first (?page=, ?page_size=)")
            .responses(Map.of(200, "{count, next, previous, results}"))
            .handle(this::list),
        Route.post(PREFIX + "/projects/").tag(TAG)
            .summary("Create an empty project")
            .body(new CreateProjectRequest("My first project", "pro", null, "EPSG:32611", null,
                "organization", null))
            .responses(Map.of(201, "The project", 400, "Invalid fields, each named"))
            .handle(this::create),
        Route.get(PREFIX + "/projects/{id}/").tag(TAG)
            .summary("Get a project (detailed)")
            .responses(Map.of(200, "The project", 404, "No such project"))
            .handle(c -> {
              Project p = ctx.projects().get(Bodies.principal(c), id(c));
              Versions.etag(c, p.version());
              c.json(dto(c, p));
            }),
        Route.patch(PREFIX + "/projects/{id}/").tag(TAG)
            .summary("Update a project (display_name, acquisition_date, coordinate_system,"
                + " coordinate_system_geoid_height); If-Match honoured")
            .body(new UpdateProjectRequest("Renamed", null, null, null))
            .responses(Map.of(200, "The project", 400, "Invalid fields", 404, "No such project",
                412, "If-Match does not match"))
            .handle(this::update),
        Route.delete(PREFIX + "/projects/{id}/").tag(TAG)
            .summary("Delete a project (into the trash)")
            .responses(Map.of(204, "Deleted", 404, "No such project"))
            .handle(c -> {
              ctx.projects().delete(Bodies.principal(c), id(c));
              c.status(204);
            }),
        Route.get(PREFIX + "/projects/{id}/processing_options/").tag(TAG)
            .summary("Get the project's processing options")
            .responses(Map.of(200, "The options", 404, "No such project"))
            .handle(c -> options(c, ctx.projects().processingOptions(Bodies.principal(c),
                id(c)))),
        Route.post(PREFIX + "/projects/{id}/processing_options/").tag(TAG)
            .summary("Set the processing options (what is not given takes its default): tags,"
                + " output_cs_*, outputs, formats, area (the region of interest)")
            .body(SNAKE.convertValue(EXAMPLE_OPTIONS, Map.class))
            .responses(Map.of(200, "The options", 400, "Invalid, each field named",
                404, "No such project"))
            .handle(c -> setOptions(c, false)),
        Route.patch(PREFIX + "/projects/{id}/processing_options/").tag(TAG)
            .summary("Change only the processing options given")
            .body(SNAKE.convertValue(EXAMPLE_OPTIONS, Map.class))
            .responses(Map.of(200, "The options", 400, "Invalid, each field named",
                404, "No such project"))
            .handle(c -> setOptions(c, true)),
        Route.post(PREFIX + "/projects/{id}/start_processing/").tag(TAG)
            .summary("Record a processing request (Tessera has no engine and says so in"
                + " display_detailed_status)")
            .responses(Map.of(200, "The project", 404, "No such project"))
            .handle(c -> c.json(dto(c, ctx.projects().startProcessing(Bodies.principal(c),
                id(c))))));
  }

  private void token(Context c) throws IOException {
    Map<String, String> form = new HashMap<>();
    String type = c.contentType() == null ? "" : c.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")) {
      Uploads.read(c, FORM_LIMITS, new Uploads.Parts() {
        @Override
        public void field(String name, String value) {
          form.put(name, value);
        }

        @Override
        public void file(String field, String fileName, String contentType,
            java.io.InputStream content) {
          throw new DomainException.BadRequest("the token request takes no files");
        }
      });
    } else if (type.startsWith("application/x-www-form-urlencoded")) {
      c.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.get(0)));
    } else {
      throw new DomainException.UnsupportedMediaType("send the token request as"
          + " application/x-www-form-urlencoded or multipart/form-data");
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      throw new DomainException.BadRequest("grant_type must be client_credentials",
          Map.of("error", "unsupported_grant_type"));
    }
    String format = form.get("token_format");
    if (format != null && !format.equals("jwt")) {
      throw new DomainException.BadRequest("token_format must be jwt",
          Map.of("error", "invalid_request"));
    }
    AuthService.ClientToken t = ctx.auth().clientCredentials(form.get("client_id"),
        form.get("client_secret"), form.get("scope"), TOKEN_TTL, Scopes.PHOTOGRAMMETRY);
    c.header("Cache-Control", "no-store");
    c.json(new TokenResponse(t.accessToken(), "Bearer", t.expiresIn(), t.scope()));
  }

  private void setOptions(Context c, boolean merge) throws IOException {
    ProcessingOptions given;
    try {
      given = SNAKE.readValue(c.bodyAsBytes(), ProcessingOptions.class);
    } catch (IOException e) {
      throw new DomainException.BadRequest("malformed processing options: " + e.getMessage());
    }
    options(c, ctx.projects().setProcessingOptions(Bodies.principal(c), id(c), given, merge));
  }

  private static void options(Context c, ProcessingOptions o) throws IOException {
    c.contentType("application/json").result(SNAKE.writeValueAsBytes(o));
  }

  private void validateWkt(Context c) {
    String wkt = bodies.read(c, WktRequest.class).wktString();
    WktValidation v = ctx.coordinateSystems().validateWkt(wkt);
    if (!v.valid()) {
      throw new DomainException.BadRequest("wkt_string: " + v.reason(),
          Map.of("wkt_string", List.of(v.reason())));
    }
    c.json(Map.of("wkt_string", wkt));
  }

  private void list(Context c) {
    int page = intParam(c, "page", 1);
    int size = intParam(c, "page_size", 100);
    ProjectService.Page p = ctx.projects().list(Bodies.principal(c), page, size);
    String base = Urls.absolute(c, PREFIX + "/projects/") + "?page_size=" + size + "&page=";
    String next = (long) page * size < p.count() ? base + (page + 1) : null;
    String previous = page > 1 ? base + (page - 1) : null;
    c.json(new Page<>(p.count(), next, previous,
        p.results().stream().map(r -> dto(c, r)).toList()));
  }

  private void create(Context c) {
    CreateProjectRequest r = bodies.read(c, CreateProjectRequest.class);
    Project p = ctx.projects().create(Bodies.principal(c),
        new ProjectService.NewProject(r.name(), r.projectType(), instant(r.acquisitionDate()),
            r.coordinateSystem(), r.coordinateSystemGeoidHeight(), r.parentType(),
            r.parentUuid()));
    Versions.etag(c, p.version());
    c.status(201).json(dto(c, p));
  }

  private void update(Context c) {
    UpdateProjectRequest r = bodies.read(c, UpdateProjectRequest.class);
    Project p = ctx.projects().update(Bodies.principal(c), id(c),
        new ProjectService.Changes(r.displayName(), instant(r.acquisitionDate()),
            r.coordinateSystem(), r.coordinateSystemGeoidHeight()), Versions.ifMatch(c));
    Versions.etag(c, p.version());
    c.json(dto(c, p));
  }

  private ProjectDto dto(Context c, Project p) {
    var principal = Bodies.principal(c);
    int images = (int) ctx.photos().count(principal, p.id());
    Map<String, Integer> undermarked = ctx.tiePoints().undermarked(principal, p.id());
    return new ProjectDto(p.id(), p.uuid().replace("-", ""), p.name(), p.displayName(),
        p.projectType(), time(p.acquisitionDate()), time(p.createdAt()), p.publicStatus(),
        p.displayDetailedStatus(), "", images,
        p.coordinateSystem() == null ? "" : p.coordinateSystem(),
        p.coordinateSystemGeoidHeight(), p.parentType(), p.parentUuid(), null, false,
        false, Urls.absolute(c, PREFIX + "/projects/" + p.id() + "/"),
        time(p.processingStartedAt()), null, "project-" + p.id(), Map.of(), -1, -1, "",
        undermarked);
  }

  private static long id(Context c) {
    try {
      return Long.parseLong(c.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new DomainException.NotFound("project", c.pathParam("id"));
    }
  }

  static int intParam(Context c, String name, int fallback) {
    String v = c.queryParam(name);
    try {
      return v == null ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new DomainException.BadRequest(name + " must be an integer",
          Map.of(name, List.of("A valid integer is required.")));
    }
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static String time(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC).toString();
  }
}

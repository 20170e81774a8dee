package io.tessera.api.http.missions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tessera.api.dto.MissionDtos.CreateMissionRequest;
import io.tessera.api.dto.MissionDtos.ImageDto;
import io.tessera.api.dto.MissionDtos.ImportRequest;
import io.tessera.api.dto.MissionDtos.LatLng;
import io.tessera.api.dto.MissionDtos.Meta;
import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.Page;
import io.tessera.api.dto.MissionDtos.PolygonDto;
import io.tessera.api.dto.MissionDtos.RejectRequest;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.api.dto.MissionDtos.TokenRequest;
import io.tessera.api.dto.MissionDtos.TokenResponse;
import io.tessera.api.dto.Wire;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.api.http.Uploads;
import io.tessera.api.http.Versions;
import io.tessera.core.mission.Mission;
import io.tessera.core.mission.Submission;
import io.tessera.core.mission.SubmissionImage;
import io.tessera.service.DomainException;
import io.tessera.service.auth.AuthService;
import io.tessera.service.mission.Exports;
import io.tessera.service.mission.MissionService;
import io.tessera.service.mission.SubmissionService;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The missions API ({@code /api/qz/v1}, missions-api-quixzoom.txt): token, missions, submissions
 * and their images. Where the document is silent (how a submission arrives, how decisions are
 * made, one image, export) the routes follow its style and the OpenAPI description says so.
 */
public final class MissionRoutes {
  public static final String PREFIX = "/api/qz/v1";
  private static final String TAG = "missions";
  private static final Uploads.Limits SUBMISSION_LIMITS =
      new Uploads.Limits(
          SubmissionService.MAX_IMAGE_BYTES,
          SubmissionService.MAX_SUBMISSION_BYTES,
          SubmissionService.MAX_IMAGES + 8);

  private final ApiContext ctx;
  private final Bodies bodies;

  public MissionRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    MissionService missions = ctx.missions();
    SubmissionService submissions = ctx.submissions();
    return List.of(
        Route.post(PREFIX + "/auth/token")
            .tag(TAG)
            .summary("Obtain an access token (OAuth 2.0 client credentials, JSON body); 24 h")
            .access(Access.PUBLIC)
            .body(new TokenRequest("client_credentials", "YOUR_CLIENT_ID", "YOUR_CLIENT_SECRET",
                "missions:read submissions:read"))
            .responses(Map.of(200, "The token", 400, "Unsupported grant type or scope",
                401, "Unknown client or wrong secret"))
            .handle(this::token),
        Route.get(PREFIX + "/missions")
            .tag(TAG)
            .summary("List missions: active by default (?status=active|completed|all,"
                + " ?page=, ?per_page= up to 100)")
            .responses(Map.of(200, "{data, meta: {total, page, per_page}}", 403,
                "Missing scope missions:read", 422, "Bad status or paging"))
            .handle(this::listMissions),
        Route.post(PREFIX + "/missions")
            .tag(TAG)
            .summary("Create a mission (bounds: RFC 7946 Polygon; requiredImages)")
            .body(new CreateMissionRequest("Parking lot survey — Gothenburg",
                "Count and classify parking spaces",
                polygon(new double[][] {{11.97, 57.70}, {12.00, 57.70}, {12.00, 57.72},
                    {11.97, 57.72}, {11.97, 57.70}}), 50))
            .responses(Map.of(201, "The mission", 403, "Missing scope missions:write",
                422, "Invalid title, bounds or requiredImages"))
            .handle(this::createMission),
        Route.get(PREFIX + "/missions/{id}")
            .tag(TAG)
            .summary("Get mission details")
            .responses(Map.of(200, "The mission (ETag: its version)", 404, "No such mission"))
            .handle(
                c -> {
                  Mission m = missions.get(Bodies.principal(c), c.pathParam("id"));
                  Versions.etag(c, m.version());
                  c.json(mission(m));
                }),
        Route.get(PREFIX + "/missions/{id}/submissions")
            .tag(TAG)
            .summary("List submissions for a mission (?page=, ?per_page=; ?format=geojson for a"
                + " FeatureCollection of submission points)")
            .responses(Map.of(200, "{data, meta} or a GeoJSON FeatureCollection",
                404, "No such mission"))
            .handle(this::listSubmissions),
        Route.post(PREFIX + "/missions/{id}/submissions")
            .tag(TAG)
            .summary("Submit photos (multipart/form-data: JPEG parts named images, a zoomer_id"
                + " field; streamed, 100 MB per photo). The photos' EXIF gives the position and"
                + " capture time; photos outside the bounds are accepted and flagged")
            .body(new Route.Multipart(Map.of("zoomer_id", "Who took the photos"), "images",
                "One or more geotagged JPEG files"))
            .responses(Map.of(201, "The submission", 403, "Missing scope submissions:write",
                404, "No such mission", 409, "The mission is completed", 413, "Too large",
                415, "Not multipart/form-data", 422, "Not a JPEG, corrupt, or no zoomer_id"))
            .handle(this::submit),
        Route.post(PREFIX + "/missions/{id}/submissions/import")
            .tag(TAG)
            .summary("Create a submission from JPEG files the server reads by path (within its"
                + " allowed import roots; the desktop's import of a local folder)")
            .body(new ImportRequest("usr_7m2n4p", List.of("/home/me/photos/DJI_0001.JPG")))
            .responses(Map.of(201, "The submission", 404, "No such mission",
                422, "A path outside the allowed roots, or not a JPEG"))
            .handle(
                c -> {
                  ImportRequest r = bodies.read(c, ImportRequest.class);
                  Submission s =
                      submissions.importPaths(Bodies.principal(c), c.pathParam("id"),
                          r.zoomerId(), r.paths());
                  c.status(201).json(submission(s, null));
                }),
        Route.get(PREFIX + "/missions/{id}/export")
            .tag(TAG)
            .summary("Bulk export: ZIP of all images of the mission plus a metadata.json index")
            .responses(Map.of(200, "application/zip", 404, "No such mission"))
            .handle(
                c -> {
                  String id = c.pathParam("id");
                  zip(c, id, ctx.exports().missionZip(Bodies.principal(c), id));
                }),
        Route.get(PREFIX + "/submissions/{id}")
            .tag(TAG)
            .summary("Get a submission and its images with their EXIF summaries")
            .responses(Map.of(200, "The submission (ETag: its version)", 404, "No such submission"))
            .handle(
                c -> {
                  var d = submissions.get(Bodies.principal(c), c.pathParam("id"));
                  Versions.etag(c, d.submission().version());
                  c.json(submission(d.submission(), d.images()));
                }),
        Route.get(PREFIX + "/submissions/{id}/images")
            .tag(TAG)
            .summary("Download the geo-tagged images: a ZIP of the original files, EXIF intact")
            .responses(Map.of(200, "application/zip", 404, "No such submission"))
            .handle(
                c -> {
                  String id = c.pathParam("id");
                  zip(c, id, ctx.exports().submissionZip(Bodies.principal(c), id));
                }),
        Route.get(PREFIX + "/submissions/{id}/images/{image_id}")
            .tag(TAG)
            .summary("One original image file, byte for byte")
            .responses(Map.of(200, "image/jpeg", 404, "No such submission or image"))
            .handle(
                c -> {
                  try (InputStream in =
                      submissions.openImage(Bodies.principal(c), c.pathParam("id"),
                          c.pathParam("image_id"))) {
                    c.contentType("image/jpeg");
                    c.header("Cache-Control", "private, max-age=31536000, immutable");
                    in.transferTo(c.outputStream());
                  }
                }),
        Route.post(PREFIX + "/submissions/{id}/approve")
            .tag(TAG)
            .summary("Approve a submission (or change a rejection into an approval)")
            .responses(Map.of(200, "The submission", 403, "Missing scope submissions:write",
                404, "No such submission", 409, "Changed meanwhile"))
            .handle(c -> c.json(submission(
                submissions.approve(Bodies.principal(c), c.pathParam("id")), null))),
        Route.post(PREFIX + "/submissions/{id}/reopen")
            .tag(TAG)
            .summary("Take a decision back: the submission is received again (the review's undo;"
                + " no webhook event)")
            .responses(Map.of(200, "The submission", 403, "Missing scope submissions:write",
                404, "No such submission"))
            .handle(c -> c.json(submission(
                submissions.reopen(Bodies.principal(c), c.pathParam("id")), null))),
        Route.post(PREFIX + "/submissions/{id}/reject")
            .tag(TAG)
            .summary("Reject a submission with a reason (or change an approval into a rejection)")
            .body(new RejectRequest("Photos are blurred"))
            .responses(Map.of(200, "The submission", 403, "Missing scope submissions:write",
                404, "No such submission", 422, "No reason"))
            .handle(
                c -> {
                  RejectRequest r = bodies.read(c, RejectRequest.class);
                  c.json(submission(
                      submissions.reject(Bodies.principal(c), c.pathParam("id"), r.reason()),
                      null));
                }));
  }

  /** Streams a ZIP download named {@code name}.zip. */
  private static void zip(Context c, String name, Exports.Download writer) throws IOException {
    c.contentType("application/zip");
    c.header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"");
    writer.write(c.outputStream());
  }

  /**
   * Lists are read far more often than missions change: the answer for one query is kept as
   * written bytes until the next committed change to any mission (see MissionGeneration).
   */
  private record CachedList(long generation, byte[] body) {}

  private final Map<MissionService.ListQuery, CachedList> lists =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A GeoJSON Polygon with one ring, as {@link PolygonDto} writes it, built as a tree directly:
   * the route table is made at every start, and asking the mapper to convert a PolygonDto built
   * its bean serializer before the server could listen.
   */
  private static JsonNode polygon(double[][] ring) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("type", "Polygon");
    ArrayNode points = p.putArray("coordinates").addArray();
    for (double[] xy : ring) {
      points.addArray().add(xy[0]).add(xy[1]);
    }
    return p;
  }

  private void listMissions(Context c) throws IOException {
    MissionService missions = ctx.missions();
    MissionService.ListQuery q =
        missions.query(Bodies.principal(c), c.queryParam("status"), intParam(c, "page"),
            intParam(c, "per_page"));
    long generation = missions.generation(); // taken before the read
    CachedList cached = lists.get(q);
    if (cached == null || cached.generation() != generation) {
      var page = missions.list(q);
      cached = new CachedList(generation, json(new Page<>(
          page.items().stream().map(MissionRoutes::mission).toList(),
          new Meta(page.total(), page.page(), page.perPage()))));
      if (lists.size() > 1000) {
        lists.clear();
      }
      lists.put(q, cached);
    }
    byte[] body = cached.body();
    c.contentType("application/json");
    if (c.header("Accept-Encoding") == null) {
      // Nothing to compress for: the bytes go to Jetty at once with their length, so it sends
      // headers and body in one write instead of chunks, and they skip Javalin's compression
      // stream, which inspects every answer before it passes it on. (The answer is committed
      // here, before any after-handler; there is none.)
      c.res().setContentLength(body.length);
      c.res().getOutputStream().write(body);
    } else {
      c.result(body); // Javalin compresses it when the caller accepts gzip
    }
  }

  private void token(Context c) {
    TokenRequest r = bodies.read(c, TokenRequest.class);
    if (!"client_credentials".equals(r.grantType())) {
      throw new DomainException.BadRequest(
          "grant_type must be client_credentials",
          Map.of("error", "unsupported_grant_type"));
    }
    AuthService.ClientToken t =
        ctx.auth().clientCredentials(r.clientId(), r.clientSecret(), r.scope());
    c.header("Cache-Control", "no-store");
    c.json(new TokenResponse(t.accessToken(), "Bearer", t.expiresIn(), t.scope()));
  }

  private void createMission(Context c) {
    CreateMissionRequest r = bodies.read(c, CreateMissionRequest.class);
    Mission m =
        ctx.missions().create(Bodies.principal(c),
            new MissionService.NewMission(r.title(), r.description(), rings(r.bounds()),
                r.requiredImages()));
    Versions.etag(c, m.version());
    c.status(201).json(mission(m));
  }

  private void submit(Context c) throws IOException {
    var p = Bodies.principal(c);
    String missionId = c.pathParam("id");
    ctx.missions().get(p, missionId); // 404 before anything is stored
    SubmissionService submissions = ctx.submissions();
    List<SubmissionService.Staged> staged = new ArrayList<>();
    String[] zoomer = new String[1];
    try {
      Uploads.read(c, SUBMISSION_LIMITS, new Uploads.Parts() {
        @Override
        public void field(String name, String value) {
          if (name.equals("zoomer_id")) {
            zoomer[0] = value;
          }
        }

        @Override
        public void file(String field, String fileName, String contentType, InputStream content)
            throws IOException {
          if (field.equals("images")) {
            staged.add(submissions.stage(fileName, content, SubmissionService.MAX_IMAGE_BYTES));
          }
        }
      });
    } catch (IOException | RuntimeException e) {
      submissions.discard(staged);
      throw e;
    }
    Submission s = submissions.intake(p, missionId, zoomer[0], staged);
    c.status(201).json(submission(s, null));
  }

  private void listSubmissions(Context c) {
    var p = Bodies.principal(c);
    String id = c.pathParam("id");
    String format = c.queryParam("format");
    if (format != null && !format.equals("json") && !format.equals("geojson")) {
      throw new DomainException.Invalid("format must be json or geojson");
    }
    if ("geojson".equals(format)) {
      List<Map<String, Object>> features = new ArrayList<>();
      for (Submission s : ctx.submissions().every(p, id)) {
        features.add(feature(s));
      }
      Map<String, Object> fc = new LinkedHashMap<>();
      fc.put("type", "FeatureCollection");
      fc.put("features", features);
      c.contentType("application/geo+json").result(json(fc));
      return;
    }
    var page = ctx.submissions().list(p, id, intParam(c, "page"), intParam(c, "per_page"));
    c.json(new Page<>(page.items().stream().map(s -> submission(s, null)).toList(),
        new Meta(page.total(), page.page(), page.perPage())));
  }

  private byte[] json(Object o) {
    try {
      return bodies.mapper().writeValueAsBytes(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document's submission location Feature, with status and zoomer beside. */
  private static Map<String, Object> feature(Submission s) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", "Feature");
    if (s.lon() != null && s.lat() != null) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("type", "Point");
      g.put("coordinates", List.of(s.lon(), s.lat()));
      f.put("geometry", g);
    } else {
      f.put("geometry", null);
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("submission_id", s.id());
    props.put("captured_at", Wire.instant(s.capturedAt()));
    props.put("altitude_m", s.altitudeM());
    props.put("accuracy_m", s.accuracyM());
    props.put("image_count", s.imageCount());
    props.put("status", s.status());
    props.put("zoomer_id", s.zoomerId());
    f.put("properties", props);
    return f;
  }

  /**
   * {@link MissionDto} as the server writes it: the same fields, with the bounds written as the
   * GeoJSON text stored at creation (already RFC 7946, from the validated polygon) instead of
   * being parsed and formatted again, number by number, for every mission of every list.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record MissionWire(
      String id,
      String uuid,
      String title,
      String description,
      String status,
      @com.fasterxml.jackson.annotation.JsonRawValue String bounds,
      @com.fasterxml.jackson.annotation.JsonProperty("required_images") int requiredImages,
      @com.fasterxml.jackson.annotation.JsonProperty("approved_images") int approvedImages,
      int submissions,
      @com.fasterxml.jackson.annotation.JsonProperty("area_m2") double areaM2,
      @com.fasterxml.jackson.annotation.JsonProperty("created_at") String createdAt,
      @com.fasterxml.jackson.annotation.JsonProperty("updated_at") String updatedAt,
      @com.fasterxml.jackson.annotation.JsonProperty("completed_at") String completedAt) {}

  static MissionWire mission(Mission m) {
    return new MissionWire(m.id(), m.uuid(), m.title(), m.description(), m.status(),
        m.boundsGeojson(), m.requiredImages(), m.approvedImages(), m.submissionCount(),
        m.areaM2(), Wire.instant(m.createdAt()), Wire.instant(m.updatedAt()),
        Wire.instant(m.completedAt()));
  }

  static SubmissionDto submission(Submission s, List<SubmissionImage> images) {
    return new SubmissionDto(s.id(), s.missionId(), s.zoomerId(), s.status(), s.reason(),
        latLng(s.lat(), s.lon()), Wire.instant(s.capturedAt()), s.altitudeM(), s.accuracyM(),
        s.imageCount(), s.outsideCount(), Wire.instant(s.createdAt()), Wire.instant(s.decidedAt()),
        images == null ? null : images.stream().map(MissionRoutes::image).toList());
  }

  private static ImageDto image(SubmissionImage i) {
    return new ImageDto(i.id(), i.fileName(), i.sizeBytes(), i.sha256(), i.width(), i.height(),
        latLng(i.lat(), i.lon()), i.altitudeM(), i.accuracyM(), Wire.instant(i.capturedAt()),
        i.timeSource(), i.make(), i.model(), i.orientation(), i.outsideBounds());
  }

  private static LatLng latLng(Double lat, Double lon) {
    return lat == null || lon == null ? null : new LatLng(lat, lon);
  }

  /**
   * The rings of a GeoJSON Polygon. Also takes the SDK preview's form, where {@code coordinates}
   * is a single ring (positions one level less deep), as that one exterior ring.
   */
  static List<List<double[]>> rings(JsonNode bounds) {
    if (bounds == null || bounds.isNull()) {
      throw invalid("bounds is required: a GeoJSON Polygon");
    }
    if (!bounds.isObject() || !"Polygon".equals(bounds.path("type").asText())) {
      throw invalid("bounds must be a GeoJSON Polygon ({\"type\": \"Polygon\", \"coordinates\":"
          + " [[[lon, lat], …]]})");
    }
    JsonNode coords = bounds.get("coordinates");
    if (coords == null || !coords.isArray() || coords.isEmpty()) {
      throw invalid("bounds.coordinates must be an array of rings");
    }
    boolean singleRing = coords.get(0).isArray() && !coords.get(0).isEmpty()
        && coords.get(0).get(0).isNumber();
    List<List<double[]>> rings = new ArrayList<>();
    if (singleRing) {
      rings.add(ring(coords, 0));
    } else {
      for (int r = 0; r < coords.size(); r++) {
        rings.add(ring(coords.get(r), r));
      }
    }
    return rings;
  }

  private static List<double[]> ring(JsonNode ring, int index) {
    if (!ring.isArray()) {
      throw invalid("bounds: ring " + index + " is not an array of positions");
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < ring.size(); i++) {
      JsonNode pos = ring.get(i);
      if (!pos.isArray() || pos.size() < 2 || pos.size() > 3) {
        throw invalid("bounds: ring " + index + ", position " + i
            + " must be [longitude, latitude]");
      }
      double[] p = new double[pos.size()];
      for (int k = 0; k < pos.size(); k++) {
        if (!pos.get(k).isNumber()) {
          throw invalid("bounds: ring " + index + ", position " + i + " holds a non-number");
        }
        p[k] = pos.get(k).asDouble();
      }
      out.add(p);
    }
    return out;
  }

  private static DomainException.Invalid invalid(String message) {
    return new DomainException.Invalid(message, Map.of("field", "bounds"));
  }

  private static Integer intParam(Context c, String name) {
    String v = c.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      throw new DomainException.Invalid(name + " must be a whole number");
    }
  }
}

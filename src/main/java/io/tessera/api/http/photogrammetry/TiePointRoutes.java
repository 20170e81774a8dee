package io.tessera.api.http.photogrammetry;

import io.javalin.http.Context;
import io.tessera.api.dto.PhotogrammetryDtos.GcpDto;
import io.tessera.api.dto.PhotogrammetryDtos.Gcps;
import io.tessera.api.dto.PhotogrammetryDtos.MarkDto;
import io.tessera.api.dto.PhotogrammetryDtos.Marks;
import io.tessera.api.dto.PhotogrammetryDtos.MtpDto;
import io.tessera.api.dto.PhotogrammetryDtos.Mtps;
import io.tessera.api.dto.PhotogrammetryDtos.PhotoDto;
import io.tessera.api.dto.PhotogrammetryDtos.PredictionDto;
import io.tessera.api.dto.PhotogrammetryDtos.Predictions;
import io.tessera.api.dto.PhotogrammetryDtos.RegisterInputsRequest;
import io.tessera.api.dto.PhotogrammetryDtos.RegisterInputsResponse;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.api.http.Uploads;
import io.tessera.core.project.Mark;
import io.tessera.core.project.ProjectPhoto;
import io.tessera.core.project.TiePoint;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.project.GcpFiles;
import io.tessera.service.project.GcpPredictions;
import io.tessera.service.project.PhotoService;
import io.tessera.service.project.TiePointService;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A project's photos and inputs, GCPs, MTPs and marks (photogrammetry-api-pix4d.txt), under
 * {@code /project/api/v3/projects/{id}/}. The document names the bulk routes; where it lists
 * list/update/delete actions without their paths, they sit beside them ({@code gcp/},
 * {@code gcp/{gcp_name}/}, {@code mark/{mark_id}/}, …).
 */
public final class TiePointRoutes {
  private static final String P = ProjectRoutes.PREFIX + "/projects/{id}";
  private static final String TAG = "photogrammetry";
  private static final Uploads.Limits PHOTO_LIMITS =
      new Uploads.Limits(PhotoService.MAX_PHOTO_BYTES, 20L * 1024 * 1024 * 1024, 1000);

  private static final Uploads.Limits GCP_FILE_LIMITS =
      new Uploads.Limits(16L * 1024 * 1024, 16L * 1024 * 1024 + 65536, 4);

  private final ApiContext ctx;
  private final Bodies bodies;

  public TiePointRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    GcpDto exampleGcp = new GcpDto(null, null, "GCP_123", "CHECKPOINT", 1.23, 45.2, 445.87,
        0.02, 0.02);
    return List.of(
        Route.post(P + "/photos/").tag(TAG)
            .summary("Upload photos (multipart, one or more parts named file); each is tiled"
                + " for deep zoom in the background")
            .body(new Route.Multipart(Map.of(), "file", "JPEG photos"))
            .responses(Map.of(201, "The photos with their keys", 400, "Not a JPEG",
                413, "Too large", 415, "Not multipart"))
            .handle(this::upload),
        Route.get(P + "/photos/").tag(TAG)
            .summary("List the project's photos (registered inputs)")
            .handle(c -> c.json(ctx.photos().list(principal(c), id(c)).stream()
                .map(TiePointRoutes::photo).toList())),
        Route.get(P + "/photos/{photo_id}/").tag(TAG)
            .summary("One photo")
            .responses(Map.of(200, "The photo", 404, "No such photo"))
            .handle(c -> c.json(photo(ctx.photos().get(principal(c), id(c),
                longParam(c, "photo_id"))))),
        Route.get(P + "/photos/{photo_id}/exif/").tag(TAG)
            .summary("The photo's EXIF, by directory and tag")
            .responses(Map.of(200, "{directory: {tag: value}}", 404, "No such photo"))
            .handle(c -> c.json(ctx.photos().exif(ctx.photos().get(principal(c), id(c),
                longParam(c, "photo_id"))))),
        Route.get(P + "/photos/{photo_id}/xmp/").tag(TAG)
            .summary("The photo's XMP properties (DJI gimbal angles, senseFly, …)")
            .responses(Map.of(200, "{property: value}", 404, "No such photo"))
            .handle(c -> c.json(ctx.photos().xmp(ctx.photos().get(principal(c), id(c),
                longParam(c, "photo_id"))))),
        Route.put(P + "/inputs/files/<key>").tag(TAG)
            .summary("Put a file under a key of the client's choosing (Tessera's stand-in for"
                + " the document's S3 upload); register it with inputs/bulk_register/")
            .responses(Map.of(201, "Stored", 400, "Bad key or not a JPEG", 413, "Too large"))
            .handle(this::putFile),
        Route.post(P + "/inputs/bulk_register/").tag(TAG)
            .summary("Register files put under keys as the project's inputs")
            .body(new RegisterInputsRequest(List.of("project-1/images/IMG_0001.JPG")))
            .responses(Map.of(200, "{nb_images_registered}", 400, "Unknown keys"))
            .handle(c -> {
              RegisterInputsRequest r = bodies.read(c, RegisterInputsRequest.class);
              c.json(new RegisterInputsResponse(
                  ctx.photos().register(principal(c), id(c), r.inputFileKeys())));
            }),
        Route.get(P + "/cameras/").tag(TAG)
            .summary("Where each photo with a GPS position was taken from, in the project's"
                + " coordinate system, with its gimbal angles (yaw clockwise from north, pitch"
                + " -90 straight down) and field of view: Tessera's own, for the 3D pane")
            .responses(Map.of(200, "[{photo_id, s3_key, x, y, z, yaw, pitch, roll,"
                + " horizontal_fov, aspect, angles_known}]", 404, "No such project"))
            .handle(c -> c.json(ctx.gcpPredictions().placements(principal(c), id(c)).stream()
                .map(pl -> {
                  Map<String, Object> m = new java.util.LinkedHashMap<>();
                  m.put("photo_id", pl.photo().id());
                  m.put("s3_key", pl.photo().s3Key());
                  m.put("x", pl.x());
                  m.put("y", pl.y());
                  m.put("z", pl.z());
                  m.put("yaw", pl.yawDeg());
                  m.put("pitch", pl.pitchDeg());
                  m.put("roll", pl.rollDeg());
                  m.put("horizontal_fov", pl.horizontalFovDeg());
                  m.put("aspect", pl.aspect());
                  m.put("angles_known", pl.anglesKnown());
                  return m;
                }).toList())),
        Route.get(P + "/gcp/").tag(TAG).summary("List the project's GCPs")
            .handle(c -> c.json(new Gcps(ctx.tiePoints().gcps(principal(c), id(c)).stream()
                .map(TiePointRoutes::gcp).toList()))),
        Route.post(P + "/gcp/register/").tag(TAG)
            .summary("Register GCPs (names unique; coordinates in the project's output CRS)")
            .body(new Gcps(List.of(exampleGcp)))
            .responses(Map.of(201, "{gcps}", 400, "Invalid, each field named; nothing stored"))
            .handle(this::registerGcps),
        Route.post(P + "/gcp/").tag(TAG).summary("Create GCPs in bulk (as gcp/register/)")
            .body(new Gcps(List.of(exampleGcp)))
            .responses(Map.of(201, "{gcps}", 400, "Invalid, each field named; nothing stored"))
            .handle(this::registerGcps),
        Route.patch(P + "/gcp/{name}/").tag(TAG).summary("Update a GCP")
            .body(exampleGcp)
            .responses(Map.of(200, "The GCP", 400, "Invalid", 404, "No such GCP"))
            .handle(c -> c.json(gcp(ctx.tiePoints().update(principal(c), id(c), "GCP",
                c.pathParam("name"), input(bodies.read(c, GcpDto.class)))))),
        Route.delete(P + "/gcp/{name}/").tag(TAG).summary("Delete a GCP and its marks")
            .responses(Map.of(204, "Deleted", 404, "No such GCP"))
            .handle(c -> {
              ctx.tiePoints().delete(principal(c), id(c), "GCP", c.pathParam("name"));
              c.status(204);
            }),
        Route.get(P + "/gcp/{name}/predictions/").tag(TAG)
            .summary("Where a GCP (or MTP) should show on each photo, for marking: predicted"
                + " pixel (displayed pixels from the top-left corner), distance from the image"
                + " centre, basis, the search radius that should hold the point with about 95 %"
                + " probability (search_radius_px, displayed pixels) and the existing mark;"
                + " nearest the centre first, then photos whose camera is unknown (no"
                + " prediction, with the reason)")
            .responses(Map.of(200, "{gcp, predictions}", 404, "No such tie point"))
            .handle(c -> c.json(new Predictions(c.pathParam("name"),
                ctx.gcpPredictions().predict(principal(c), id(c), c.pathParam("name")).stream()
                    .map(TiePointRoutes::prediction).toList()))),
        Route.get(P + "/gcp/export/").tag(TAG)
            .summary("The project's control points as a file: ?format=opf (OPF"
                + " input_control_points.json: GCPs, MTPs, marks, CRS), odm (gcp_list.txt) or"
                + " csv (PIX4D GCP CSV)")
            .responses(Map.of(200, "The file", 400, "Unknown format or no coordinate system"))
            .handle(c -> {
              var file = ctx.gcpFiles().export(principal(c), id(c), c.queryParam("format"));
              c.header("Content-Disposition", "attachment; filename=\"" + file.fileName()
                  + "\"");
              c.contentType(file.contentType()).result(file.text());
            }),
        Route.post(P + "/gcp/import/").tag(TAG)
            .summary("Import a control-point file (OPF input_control_points.json, ODM"
                + " gcp_list.txt or PIX4D CSV; format told by the content unless given): GCPs"
                + " into the project's CRS, MTPs, marks on its photos by name; all or nothing;"
                + " dry_run=true previews")
            .body(new Route.Multipart(Map.of("format", "opf, odm or csv (optional)",
                "dry_run", "true to preview without storing (optional)"), "file",
                "One control-point file"))
            .responses(Map.of(201, "{gcps, mtps, marks, skipped_marks, coordinate_system}",
                200, "The preview (dry_run)", 400, "Unreadable file, each problem named"))
            .handle(this::importFile),
        Route.get(P + "/mtp/").tag(TAG).summary("List the project's MTPs")
            .handle(c -> c.json(new Mtps(ctx.tiePoints().mtps(principal(c), id(c)).stream()
                .map(TiePointRoutes::mtp).toList()))),
        Route.post(P + "/mtp/").tag(TAG).summary("Create MTPs in bulk")
            .body(new Mtps(List.of(new MtpDto(null, null, "MTP_456", false))))
            .responses(Map.of(201, "{mtps}", 400, "Invalid; nothing stored"))
            .handle(this::registerMtps),
        Route.patch(P + "/mtp/{name}/").tag(TAG).summary("Update an MTP")
            .body(new MtpDto(null, null, "MTP_457", true))
            .responses(Map.of(200, "The MTP", 404, "No such MTP"))
            .handle(c -> {
              MtpDto r = bodies.read(c, MtpDto.class);
              String type = r.isCheckpoint() == null ? null
                  : r.isCheckpoint() ? "CHECKPOINT" : "GCP";
              c.json(mtp(ctx.tiePoints().update(principal(c), id(c), "MTP",
                  c.pathParam("name"), new TiePointService.GcpInput(r.name(), type, null, null,
                      null, null, null))));
            }),
        Route.delete(P + "/mtp/{name}/").tag(TAG).summary("Delete an MTP and its marks")
            .responses(Map.of(204, "Deleted", 404, "No such MTP"))
            .handle(c -> {
              ctx.tiePoints().delete(principal(c), id(c), "MTP", c.pathParam("name"));
              c.status(204);
            }),
        Route.get(P + "/mark/").tag(TAG).summary("List the project's marks")
            .handle(c -> c.json(new Marks(ctx.tiePoints().marks(principal(c), id(c)).stream()
                .map(TiePointRoutes::mark).toList()))),
        Route.post(P + "/mark/register/").tag(TAG)
            .summary("Register marks (pixels from the photo's top-left corner); a tie point is"
                + " marked at most once on a photo; all or nothing")
            .body(new Marks(List.of(new MarkDto(null, "GCP_123",
                null, "project-1/images/my_file.jpg", 1.23, 45.2))))
            .responses(Map.of(201, "{marks}", 400, "{photos, gcps} not found, existing marks,"
                + " or outside the photo"))
            .handle(this::registerMarks),
        Route.patch(P + "/mark/{mark_id}/").tag(TAG)
            .summary("Move a mark (its tie point and photo stay)")
            .body(new MarkDto(null, null, null, null, 12.5, 40.25))
            .responses(Map.of(200, "The mark", 400, "Outside the photo", 404, "No such mark"))
            .handle(c -> {
              MarkDto r = bodies.read(c, MarkDto.class);
              c.json(mark(ctx.tiePoints().moveMark(principal(c), id(c),
                  longParam(c, "mark_id"), r.x(), r.y())));
            }),
        Route.delete(P + "/mark/{mark_id}/").tag(TAG).summary("Delete a mark")
            .responses(Map.of(204, "Deleted", 404, "No such mark"))
            .handle(c -> {
              ctx.tiePoints().deleteMark(principal(c), id(c), longParam(c, "mark_id"));
              c.status(204);
            }));
  }

  private void upload(Context c) throws IOException {
    Principal p = principal(c);
    long project = id(c);
    ctx.projects().get(p, project);
    List<ProjectPhoto> stored = new ArrayList<>();
    Uploads.read(c, PHOTO_LIMITS, new Uploads.Parts() {
      @Override
      public void field(String name, String value) {}

      @Override
      public void file(String field, String fileName, String contentType, InputStream in)
          throws IOException {
        if (field.equals("file")) {
          stored.add(ctx.photos().put(p, project, PhotoService.uploadKey(project, fileName),
              fileName, in, true));
        }
      }
    });
    if (stored.isEmpty()) {
      throw new DomainException.BadRequest("send the photos in multipart parts named 'file'",
          Map.of("file", List.of("No file was submitted.")));
    }
    c.status(201).json(stored.stream().map(TiePointRoutes::photo).toList());
  }

  private void importFile(Context c) throws IOException {
    Map<String, String> fields = new java.util.HashMap<>();
    String[] name = new String[1];
    byte[][] content = new byte[1][];
    Uploads.read(c, GCP_FILE_LIMITS, new Uploads.Parts() {
      @Override
      public void field(String field, String value) {
        fields.put(field, value);
      }

      @Override
      public void file(String field, String fileName, String contentType, InputStream in)
          throws IOException {
        if (field.equals("file")) {
          name[0] = fileName;
          content[0] = in.readAllBytes();
        }
      }
    });
    if (content[0] == null) {
      throw new DomainException.BadRequest("send the file in a multipart part named 'file'",
          Map.of("file", List.of("No file was submitted.")));
    }
    boolean dryRun = "true".equalsIgnoreCase(fields.get("dry_run"));
    GcpFiles.Imported r = ctx.gcpFiles().importFile(principal(c), id(c), name[0], content[0],
        fields.get("format"), dryRun);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("gcps", r.gcps().stream().map(TiePointRoutes::gcp).toList());
    body.put("mtps", r.mtps().stream().map(TiePointRoutes::mtp).toList());
    body.put("marks", r.marks().stream().map(TiePointRoutes::mark).toList());
    body.put("skipped_marks", r.skipped().stream().map(k -> Map.of("gcp", k.gcp(),
        "photo", k.photo(), "reason", k.reason())).toList());
    body.put("coordinate_system", r.crs());
    body.put("dry_run", dryRun);
    c.status(dryRun ? 200 : 201).json(body);
  }

  private void putFile(Context c) throws IOException {
    String key = c.pathParam("key");
    ProjectPhoto photo;
    try (InputStream in = c.req().getInputStream()) {
      photo = ctx.photos().put(principal(c), id(c), key, key, in, false);
    }
    c.status(201).json(Map.of("key", photo.s3Key(), "size", photo.sizeBytes()));
  }

  private void registerGcps(Context c) {
    Gcps r = bodies.read(c, Gcps.class);
    List<TiePointService.GcpInput> in = r.gcps() == null ? List.of()
        : r.gcps().stream().map(TiePointRoutes::input).toList();
    c.status(201).json(new Gcps(ctx.tiePoints().registerGcps(principal(c), id(c), in).stream()
        .map(TiePointRoutes::gcp).toList()));
  }

  private void registerMtps(Context c) {
    Mtps r = bodies.read(c, Mtps.class);
    List<MtpDto> in = r.mtps() == null ? List.of() : r.mtps();
    c.status(201).json(new Mtps(ctx.tiePoints().registerMtps(principal(c), id(c),
            in.stream().map(MtpDto::name).toList(),
            in.stream().map(MtpDto::isCheckpoint).toList())
        .stream().map(TiePointRoutes::mtp).toList()));
  }

  private void registerMarks(Context c) {
    Marks r = bodies.read(c, Marks.class);
    List<TiePointService.MarkInput> in = r.marks() == null ? List.of() : r.marks().stream()
        .map(m -> new TiePointService.MarkInput(m.gcp(), m.photo(), m.x(), m.y())).toList();
    c.status(201).json(new Marks(ctx.tiePoints().registerMarks(principal(c), id(c), in)
        .stream().map(TiePointRoutes::mark).toList()));
  }

  private static TiePointService.GcpInput input(GcpDto g) {
    return new TiePointService.GcpInput(g.name(), g.pointType(), g.x(), g.y(), g.z(),
        g.xyAccuracy(), g.zAccuracy());
  }

  static PhotoDto photo(ProjectPhoto p) {
    return new PhotoDto(p.id(), p.s3Key(), Map.of(), "tessera", p.width(), p.height(), null,
        p.contentId());
  }

  private static GcpDto gcp(TiePoint t) {
    return new GcpDto(t.id(), t.projectId(), t.name(), t.pointType(), t.x(), t.y(), t.z(),
        t.xyAccuracy(), t.zAccuracy());
  }

  private static MtpDto mtp(TiePoint t) {
    return new MtpDto(t.id(), t.projectId(), t.name(), t.isCheckpoint());
  }

  private static PredictionDto prediction(GcpPredictions.PhotoPrediction p) {
    ProjectPhoto photo = p.photo();
    return new PredictionDto(photo.id(), photo.s3Key(), photo.contentId(), photo.width(),
        photo.height(), p.pixel() == null ? null : p.pixel().x(),
        p.pixel() == null ? null : p.pixel().y(), p.distanceFromCentrePx(),
        p.basis() == null ? null : p.basis().name().toLowerCase(Locale.ROOT),
        p.correction() == null ? null : p.correction().name().toLowerCase(Locale.ROOT),
        p.poseSource().name().toLowerCase(Locale.ROOT), p.mark() == null ? null : mark(p.mark()),
        p.note(), p.searchRadiusPx());
  }

  private static MarkDto mark(Mark m) {
    return new MarkDto(m.id(), m.pointName(), m.tiePointId(), m.photoKey(), m.x(), m.y());
  }

  private static Principal principal(Context c) {
    return Bodies.principal(c);
  }

  private static long id(Context c) {
    return longParam(c, "id");
  }

  private static long longParam(Context c, String name) {
    try {
      return Long.parseLong(c.pathParam(name));
    } catch (NumberFormatException e) {
      throw new DomainException.NotFound(name.equals("id") ? "project" : name,
          c.pathParam(name));
    }
  }
}

package io.tessera.api.http.photogrammetry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tessera.api.dto.PhotogrammetryDtos.BulkOutputs;
import io.tessera.api.dto.PhotogrammetryDtos.OutputDto;
import io.tessera.api.dto.PhotogrammetryDtos.OutputList;
import io.tessera.api.dto.PhotogrammetryDtos.OutputRequest;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.api.http.Uploads;
import io.tessera.api.http.Urls;
import io.tessera.core.dzi.DziPyramid;
import io.tessera.core.dzi.TileFormat;
import io.tessera.core.geo.WebMercator;
import io.tessera.core.project.ProjectOutput;
import io.tessera.core.raster.Raster;
import io.tessera.core.raster.RasterPyramid;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.project.CogExports;
import io.tessera.service.project.OutputService;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A project's outputs (photogrammetry-api-pix4d.txt, "List the project outputs" and the routes
 * beside it) under {@code /project/api/v3/projects/{id}/outputs/}. Registering names a file put
 * under a key ({@code outputs/files/<key>}, Tessera's stand-in for the document's S3 upload) or,
 * where the server may read local files, a path; a multipart {@code POST} with {@code file} and
 * {@code output_type} uploads one. DSMs and orthomosaics answer at once with {@code availability}
 * {@code pending} and are imported by a job.
 */
public final class OutputRoutes {
  private static final String P = ProjectRoutes.PREFIX + "/projects/{id}/outputs";
  private static final String TAG = "photogrammetry";
  private static final Uploads.Limits LIMITS =
      new Uploads.Limits(OutputService.MAX_OUTPUT_BYTES, OutputService.MAX_OUTPUT_BYTES + 65536,
          4);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Edge of the tiles of {@code raster/{level}/{tx}/{ty}}, in cells. */
  public static final int RASTER_TILE = 256;

  private final ApiContext ctx;
  private final Bodies bodies;

  public OutputRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    OutputRequest example = new OutputRequest("project-1/outputs/site_dsm.tif", "dsm");
    return List.of(
        Route.get(P + "/").tag(TAG).access(Access.OPTIONAL)
            .summary("List the project's outputs, with each raster import's availability")
            .responses(Map.of(200, "The outputs", 404, "No such project"))
            .handle(c -> c.json(ctx.outputs().list(reader(c), id(c)).stream()
                .map(this::dto).toList())),
        Route.post(P + "/").tag(TAG).access(Access.OPTIONAL)
            .summary("Register an output (JSON {output, output_type}: a key put before, or a"
                + " local path the server may read), or upload one (multipart: file and"
                + " output_type, 201). The same type replaces an older output; a DSM or"
                + " orthomosaic is imported in the background (availability pending → done or"
                + " failed)")
            .body(example)
            .responses(Map.of(200, "Registered", 201, "Uploaded", 400,
                "Invalid output_type, or none derivable from the path; unknown key", 404,
                "No such project", 413, "Too large"))
            .handle(this::register),
        Route.post(P + "/bulk_register/").tag(TAG).access(Access.OPTIONAL)
            .summary("Register outputs in bulk, all or none")
            .body(new BulkOutputs(List.of(example)))
            .responses(Map.of(200, "{outputs}", 400, "Invalid; nothing registered", 404,
                "No such project"))
            .handle(c -> {
              BulkOutputs b = bodies.read(c, BulkOutputs.class);
              List<OutputService.Registration> items = b.outputs() == null ? List.of()
                  : b.outputs().stream().map(o -> new OutputService.Registration(
                      o == null ? null : o.output(), o == null ? null : o.outputType())).toList();
              c.json(new OutputList(ctx.outputs().register(writer(c), id(c), items).stream()
                  .map(this::dto).toList()));
            }),
        Route.put(P + "/files/<key>").tag(TAG).access(Access.OPTIONAL)
            .summary("Put a file under a key of the client's choosing (Tessera's stand-in for"
                + " the document's S3 upload); register it with outputs/")
            .responses(Map.of(201, "Stored", 400, "Bad key or empty", 413, "Too large"))
            .handle(c -> {
              String key = c.pathParam("key");
              try (InputStream in = c.req().getInputStream()) {
                ctx.outputs().putFile(writer(c), id(c), key, key, in);
              }
              c.status(201).json(Map.of("key", key));
            }),
        Route.get(P + "/{output_id}/").tag(TAG).access(Access.OPTIONAL)
            .summary("Get a project output: 302 to its file")
            .responses(Map.of(302, "Redirect to the file", 404, "No such output"))
            .handle(c -> {
              ProjectOutput o = output(c);
              c.redirect(Urls.absolute(c, ProjectRoutes.PREFIX + "/projects/" + o.projectId()
                  + "/outputs/" + o.id() + "/file"), io.javalin.http.HttpStatus.FOUND);
            }),
        Route.get(P + "/{output_id}/file").tag(TAG).access(Access.OPTIONAL)
            .summary("The output's file as it was given")
            .responses(Map.of(200, "The file", 404, "No such output, or its file is gone"))
            .handle(c -> {
              ProjectOutput o = output(c);
              Path f = ctx.outputs().file(o);
              c.header("Content-Disposition", "attachment; filename=\"" + o.fileName() + "\"");
              c.header("Content-Length", Long.toString(Files.size(f)));
              c.contentType(contentType(o.fileName()));
              c.result(Files.newInputStream(f));
            }),
        Route.get(P + "/{output_id}/tiles/{z}/{x}/{file}").tag(TAG).access(Access.OPTIONAL)
            .summary("An imported orthomosaic (or DSM, in grey) as Web Mercator map tiles:"
                + " tiles/{z}/{x}/{y}.png, as XYZ tile servers number them")
            .responses(Map.of(200, "A 256² PNG", 404,
                "No such output, not imported yet, or the tile is off the raster"))
            .handle(this::mapTile),
        Route.get(P + "/{output_id}/dzi").tag(TAG).access(Access.OPTIONAL)
            .summary("An imported orthomosaic (or DSM, in grey) as a Deep Zoom image: the DZI"
                + " descriptor; tiles at dzi_files/{level}/{column}_{row}.png")
            .responses(Map.of(200, "DZI XML", 404, "No such output, or not imported yet"))
            .handle(c -> {
              ProjectOutput o = output(c);
              Raster r = ctx.outputs().raster(o);
              c.contentType("application/xml");
              c.header("Cache-Control", "private, max-age=86400");
              c.result(DziPyramid.of(r.width(), r.height()).descriptorXml(TileFormat.PNG));
            }),
        Route.get(P + "/{output_id}/dzi_files/{level}/{file}").tag(TAG).access(Access.OPTIONAL)
            .summary("A Deep Zoom tile of an imported raster")
            .responses(Map.of(200, "A PNG tile", 404, "No such output or tile"))
            .handle(this::dziTile),
        Route.get(P + "/{output_id}/raster/{level}/{tx}/{ty}").tag(TAG).access(Access.OPTIONAL)
            .summary("Samples of an imported raster, 256² cells a tile (smaller at the right and"
                + " bottom edges), at overview level (0 = full resolution, each next level half"
                + " the size): float32 little-endian for a DSM, ARGB int32 little-endian for an"
                + " orthomosaic, row by row. Level sizes and the georeferencing are in the"
                + " output's raster field")
            .responses(Map.of(200, "application/octet-stream", 404,
                "No such output, level or tile, or not imported yet"))
            .handle(this::rasterTile),
        Route.get(P + "/{output_id}/cog").tag(TAG).access(Access.OPTIONAL)
            .summary("An imported DSM or orthomosaic as a cloud-optimised GeoTIFF, written on"
                + " the first request by a job: 202 with the job (progress, Retry-After) until it"
                + " is written, then 200 with the file")
            .responses(Map.of(200, "The COG (image/tiff)", 202, "{job_id, progress}: being"
                + " written", 404, "No such output", 409, "Not an imported raster"))
            .handle(this::cog),
        Route.delete(P + "/{output_id}/").tag(TAG).access(Access.OPTIONAL)
            .summary("Delete an output (and its imported raster)")
            .responses(Map.of(204, "Deleted", 404, "No such output"))
            .handle(c -> {
              ctx.outputs().delete(writer(c), id(c), outputId(c));
              c.status(204);
            }));
  }

  private void register(Context c) throws IOException {
    String type = c.contentType() == null ? "" : c.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("multipart/")) {
      OutputRequest r = bodies.read(c, OutputRequest.class);
      c.json(dto(ctx.outputs().register(writer(c), id(c),
          List.of(new OutputService.Registration(r.output(), r.outputType()))).get(0)));
      return;
    }
    Principal p = writer(c);
    long project = id(c);
    Map<String, String> fields = new HashMap<>();
    String[] name = new String[1];
    OutputService.Staged[] staged = new OutputService.Staged[1];
    Uploads.read(c, LIMITS, new Uploads.Parts() {
      @Override
      public void field(String field, String value) {
        fields.put(field, value);
      }

      @Override
      public void file(String field, String fileName, String contentType, InputStream in)
          throws IOException {
        if (field.equals("file") && staged[0] == null) {
          name[0] = fileName;
          staged[0] = ctx.outputs().stage(p, project, in);
        }
      }
    });
    if (staged[0] == null) {
      throw new DomainException.BadRequest("send the file in a multipart part named 'file'",
          Map.of("file", List.of("No file was submitted.")));
    }
    c.status(201).json(dto(ctx.outputs().adopt(p, project, name[0], fields.get("output_type"),
        staged[0])));
  }

  private void mapTile(Context c) throws IOException {
    ProjectOutput o = output(c);
    int z = intParam(c.pathParam("z"));
    int x = intParam(c.pathParam("x"));
    String file = c.pathParam("file");
    if (!file.endsWith(".png") || z < 0 || z > 30) {
      throw new DomainException.NotFound("tile", file);
    }
    int y = intParam(file.substring(0, file.length() - 4));
    int[] argb = ctx.outputs().mapTile(o, z, x, y);
    if (argb == null) {
      throw new DomainException.NotFound("tile", z + "/" + x + "/" + y);
    }
    sendPng(c, o, argb, WebMercator.TILE_SIZE_PIXELS, WebMercator.TILE_SIZE_PIXELS);
  }

  private void dziTile(Context c) throws IOException {
    ProjectOutput o = output(c);
    List<Raster> levels = ctx.outputs().levels(o);
    Raster full = levels.get(0);
    DziPyramid pyramid = DziPyramid.of(full.width(), full.height());
    int level = intParam(c.pathParam("level"));
    String file = c.pathParam("file");
    int underscore = file.indexOf('_');
    if (level < 0 || level > pyramid.maxLevel() || underscore < 0 || !file.endsWith(".png")) {
      throw new DomainException.NotFound("tile", level + "/" + file);
    }
    int column = intParam(file.substring(0, underscore));
    int row = intParam(file.substring(underscore + 1, file.length() - 4));
    if (column < 0 || row < 0 || column >= pyramid.columns(level)
        || row >= pyramid.rows(level)) {
      throw new DomainException.NotFound("tile", level + "/" + file);
    }
    Raster r = RasterPyramid.at(levels, pyramid.maxLevel() - level);
    DziPyramid.TileBounds b = pyramid.tile(level, column, row);
    int[] argb = new int[b.width() * b.height()];
    r.readArgb(b.x(), b.y(), b.width(), b.height(), argb);
    sendPng(c, o, argb, b.width(), b.height());
  }

  private void cog(Context c) throws IOException {
    CogExports.Export e = ctx.cogExports().export(reader(c), id(c), outputId(c));
    if (e.file().isPresent()) {
      ProjectOutput o = output(c);
      Path f = e.file().get();
      c.header("Content-Disposition",
          "attachment; filename=\"" + CogExports.fileName(o) + "\"");
      c.header("Content-Length", Long.toString(Files.size(f)));
      c.contentType("image/tiff");
      c.result(Files.newInputStream(f));
      return;
    }
    io.tessera.core.model.Records.Job job = e.job().orElseThrow();
    c.header("Retry-After", "2");
    c.status(202).json(Map.of("job_id", job.id(), "state", job.state(),
        "progress", job.progress()));
  }

  private void rasterTile(Context c) throws IOException {
    ProjectOutput o = output(c);
    List<Raster> levels = ctx.outputs().levels(o);
    int level = intParam(c.pathParam("level"));
    int tx = intParam(c.pathParam("tx"));
    int ty = intParam(c.pathParam("ty"));
    if (level < 0 || level > 40) {
      throw new DomainException.NotFound("raster level", Integer.toString(level));
    }
    Raster r = RasterPyramid.at(levels, level);
    int x = tx * RASTER_TILE;
    int y = ty * RASTER_TILE;
    if (tx < 0 || ty < 0 || x >= r.width() || y >= r.height()) {
      throw new DomainException.NotFound("raster tile", level + "/" + tx + "/" + ty);
    }
    int w = Math.min(RASTER_TILE, r.width() - x);
    int h = Math.min(RASTER_TILE, r.height() - y);
    ByteBuffer out = ByteBuffer.allocate(w * h * 4).order(ByteOrder.LITTLE_ENDIAN);
    if (r.bands() == 1) {
      float[] v = new float[w * h];
      r.readFloats(0, x, y, w, h, v);
      out.asFloatBuffer().put(v);
    } else {
      int[] v = new int[w * h];
      r.readArgb(x, y, w, h, v);
      out.asIntBuffer().put(v);
    }
    String etag = "\"" + o.uuid() + "-" + o.version() + "\"";
    c.header("ETag", etag);
    c.header("Cache-Control", "private, max-age=86400");
    if (etag.equals(c.header("If-None-Match"))) {
      c.status(304);
      return;
    }
    c.contentType("application/octet-stream").result(out.array());
  }

  private static void sendPng(Context c, ProjectOutput o, int[] argb, int w, int h)
      throws IOException {
    String etag = "\"" + o.uuid() + "-" + o.version() + "\"";
    c.header("ETag", etag);
    c.header("Cache-Control", "private, max-age=86400");
    if (etag.equals(c.header("If-None-Match"))) {
      c.status(304);
      return;
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, w, h, argb, 0, w);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
    ImageIO.write(img, "png", out);
    c.contentType("image/png").result(out.toByteArray());
  }

  private static int intParam(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new DomainException.NotFound("tile", s);
    }
  }

  private OutputDto dto(ProjectOutput o) {
    Double progress = null;
    if (ProjectOutput.PENDING.equals(o.availability()) && o.jobId() != null) {
      progress = ctx.jobs().get(o.jobId()).progress();
    } else if (ProjectOutput.DONE.equals(o.availability())) {
      progress = 1.0;
    }
    Object raster = null;
    if (o.rasterInfo() != null) {
      try {
        raster = JSON.readValue(o.rasterInfo(), new TypeReference<Map<String, Object>>() {});
      } catch (IOException e) {
        throw new IllegalStateException("unreadable raster_info of output " + o.id(), e);
      }
    }
    return new OutputDto(o.id(), o.resultType(), o.outputType(), o.availability(),
        o.outputKey(), o.outputKey(), "tessera", o.fileName(), o.sizeBytes(), progress,
        o.error(), raster);
  }

  private ProjectOutput output(Context c) {
    return ctx.outputs().get(reader(c), id(c), outputId(c));
  }

  private static String contentType(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".tif") || n.endsWith(".tiff")) {
      return "image/tiff";
    }
    if (n.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (n.endsWith(".zip")) {
      return "application/zip";
    }
    return "application/octet-stream";
  }

  /** The caller of a read: credentials, or a share token of this project. */
  private Principal reader(Context c) {
    return ShareAccess.forProject(c, ctx, id(c), false);
  }

  /** The caller of a change: credentials, or a read-write share token of this project. */
  private Principal writer(Context c) {
    return ShareAccess.forProject(c, ctx, id(c), true);
  }

  private static long id(Context c) {
    return number(c, "id", "project");
  }

  private static long outputId(Context c) {
    return number(c, "output_id", "output");
  }

  private static long number(Context c, String param, String what) {
    try {
      return Long.parseLong(c.pathParam(param));
    } catch (NumberFormatException e) {
      throw new DomainException.NotFound(what, c.pathParam(param));
    }
  }
}

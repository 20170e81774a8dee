package io.tessera.api.http.deepzoom;

import io.javalin.http.Context;
import io.tessera.api.dto.DeepZoomDtos.ContentDto;
import io.tessera.api.dto.DeepZoomDtos.DziDto;
import io.tessera.api.dto.DeepZoomDtos.JsonpResponse;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Problems;
import io.tessera.api.http.Route;
import io.tessera.api.http.Uploads;
import io.tessera.api.http.Urls;
import io.tessera.core.dzi.DziPyramid;
import io.tessera.core.dzi.TileFormat;
import io.tessera.core.model.Records.Content;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.deepzoom.ContentService;
import io.tessera.service.deepzoom.ContentService.Found;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deep-zoom surface (deep-zoom-api-zoomhub.txt): content by URL or upload, Content and DZI
 * objects, JSONP, the tiles and descriptors, sharing and the share page.
 *
 * <p>Every route takes credentials when given and works without them for shared content, so that
 * a browser's OpenSeadragon and a JSONP {@code <script>} reach shared content. With {@code
 * ?callback=fn} the answer is always 200 and {@code fn({status, statusText, …})}, as ZoomHub's
 * non-RESTful form; without, statuses and redirects are real and errors are problem+json.
 *
 * <p>Descriptors and tiles never change once written: they are sent with a strong {@code ETag}
 * and {@code Cache-Control: immutable} (public for shared content, private otherwise). While an
 * image is being tiled, the tiles already written can be read (a viewer shows them at once), but
 * without long-lived caching, and a tile not yet written is a 404 that may not be cached.
 */
public final class DeepZoomRoutes {
  /** How long a client waits before asking again about content still being tiled. */
  static final int RETRY_AFTER_SECONDS = 2;
  private static final String IMMUTABLE = "max-age=31536000, immutable";
  private static final Pattern CALLBACK =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}(\\.[A-Za-z_$][A-Za-z0-9_$]{0,63}){0,3}");
  private static final Pattern DESCRIPTOR = Pattern.compile("([A-Za-z0-9]{1,32})\\.dzi");
  private static final Pattern TILE_FOLDER = Pattern.compile("([A-Za-z0-9]{1,32})_files");
  private static final Pattern TILE = Pattern.compile("(\\d{1,7})_(\\d{1,7})\\.(jpg|png)");
  private static final Uploads.Limits UPLOAD_LIMITS =
      new Uploads.Limits(ContentService.MAX_SOURCE_BYTES, ContentService.MAX_SOURCE_BYTES + 65536,
          4);

  private final ContentService content;
  private final Bodies bodies;
  private final Problems problems;
  private final SharePage sharePage;

  public DeepZoomRoutes(ApiContext ctx, Bodies bodies) {
    this.content = ctx.content();
    this.bodies = bodies;
    this.problems = new Problems(bodies.mapper());
    this.sharePage = new SharePage();
  }

  /** One answer, before it is written as JSON or JSONP. */
  private record Reply(int status, String location, Integer retryAfter, ContentDto content,
      DziDto dzi, String error) {
    static Reply content(int status, String location, ContentDto c) {
      return new Reply(status, location, null, c, null, null);
    }
  }

  @FunctionalInterface
  private interface Work {
    Reply run() throws IOException;
  }

  public List<Route> routes() {
    String tag = "deepzoom";
    Map<Integer, String> jsonp = Map.of(200, "With ?callback: fn({status, statusText, …}), always"
        + " 200");
    return List.of(
        Route.get("/v1/content").tag(tag).access(Access.OPTIONAL)
            .summary("Content for ?url= (http, https, or a file: path the server may read);"
                + " a new URL starts tiling")
            .responses(merge(jsonp, Map.of(301, "To /v1/content/{id}, with the Content object",
                400, "Missing, malformed or refused URL")))
            .handle(c -> respond(c, () -> {
              Content made = content.byUrl(Bodies.principal(c), c.queryParam("url"));
              String at = "/v1/content/" + made.id();
              return Reply.content(301, at, dto(c, new Found(made, false)));
            })),
        Route.post("/v1/content").tag(tag).access(Access.OPTIONAL)
            .summary("Upload an image (multipart part 'file'); tiling starts")
            .body(new Route.Multipart(Map.of(), "file", "One image: JPEG, PNG or TIFF"))
            .responses(merge(jsonp, Map.of(303, "To /v1/content/{id}, with the Content object",
                400, "No file part", 413, "Too large", 415, "Not multipart")))
            .handle(c -> respond(c, () -> {
              Principal p = Bodies.principal(c);
              Found made = new Found(upload(c, p), false);
              return Reply.content(303, "/v1/content/" + made.content().id(), dto(c, made));
            })),
        Route.get("/v1/content/{id}").tag(tag).access(Access.OPTIONAL)
            .summary("A Content object: progress, readiness, DZI once ready")
            .responses(merge(jsonp, Map.of(404, "No such content")))
            .handle(c -> respond(c, () -> {
              Found f = content.find(Bodies.optionalPrincipal(c), c.pathParam("id"));
              return Reply.content(200, null, dto(c, f));
            })),
        Route.post("/v1/content/{id}/share").tag(tag).access(Access.OPTIONAL)
            .summary("Share content: it, its DZI, tiles and share page become public under a new,"
                + " unguessable id (shown as the Content's id)")
            .responses(merge(jsonp, Map.of(404, "No such content")))
            .handle(c -> respond(c, () -> {
              Found f = content.share(Bodies.optionalPrincipal(c), c.pathParam("id"));
              return Reply.content(200, null, dto(c, f));
            })),
        Route.get("/v1/dzi/{id}").tag(tag).access(Access.OPTIONAL)
            .summary("To the DZI when ready; 404 with Retry-After while tiling, 404 when failed")
            .responses(merge(jsonp, Map.of(301, "To the .dzi, with the DZI object",
                404, "Unknown, in progress (Retry-After) or failed")))
            .handle(c -> respond(c, () -> dziReply(c, content.find(Bodies.optionalPrincipal(c),
                c.pathParam("id"))))),
        Route.get("/v1/dzi").tag(tag).access(Access.OPTIONAL)
            .summary("The DZI for ?url=: to the .dzi when ready, else to /v1/dzi/{id}")
            .responses(merge(jsonp, Map.of(301, "To the .dzi (ready) or to /v1/dzi/{id}",
                400, "Missing, malformed or refused URL")))
            .handle(c -> respond(c, () -> {
              Found f = new Found(content.byUrl(Bodies.principal(c), c.queryParam("url")), false);
              if (f.content().ready()) {
                return dziReply(c, f);
              }
              return new Reply(301, "/v1/dzi/" + f.content().id(), null, null, null,
                  "the image is not tiled yet");
            })),
        Route.get("/dzi/{file}").tag(tag).access(Access.OPTIONAL)
            .summary("A DZI descriptor, {id}.dzi (readable as soon as tiling has begun)")
            .responses(Map.of(200, "The descriptor (XML)", 304, "Not modified",
                404, "No such content, or tiling has not begun"))
            .handle(this::descriptor),
        Route.get("/dzi/{folder}/{level}/{tile}").tag(tag).access(Access.OPTIONAL)
            .summary("A tile, {id}_files/{level}/{column}_{row}.{jpg|png}")
            .responses(Map.of(200, "The tile", 304, "Not modified",
                404, "Outside the pyramid, or not written yet"))
            .handle(this::tile),
        Route.get("/view/{id}").tag(tag).access(Access.OPTIONAL)
            .summary("The share page: an OpenSeadragon viewer of the content")
            .responses(Map.of(200, "HTML", 404, "No such content"))
            .handle(c -> {
              Found f = content.find(Bodies.optionalPrincipal(c), c.pathParam("id"));
              sharePage.page(c, f, dziUrl(c, f));
            }),
        Route.get("/viewer/{file}").tag(tag).access(Access.PUBLIC)
            .summary("The share page's viewer script (OpenSeadragon, when bundled)")
            .responses(Map.of(200, "JavaScript", 404, "Not bundled"))
            .handle(sharePage::asset),
        Route.get("/viewer/images/{file}").tag(tag).access(Access.PUBLIC)
            .summary("The viewer's button images")
            .responses(Map.of(200, "PNG", 404, "Not bundled"))
            .handle(sharePage::image));
  }

  /** Runs {@code work} and writes its answer as JSON (real status) or JSONP (always 200). */
  private void respond(Context c, Work work) throws IOException {
    String callback = c.queryParam("callback");
    if (callback != null && !CALLBACK.matcher(callback).matches()) {
      throw new DomainException.BadRequest(
          "callback must be a JavaScript name such as fn or app.onContent");
    }
    Reply r;
    try {
      r = work.run();
    } catch (DomainException e) {
      if (callback == null) {
        throw e;
      }
      r = new Reply(Problems.status(e), null, null, null, null, e.getMessage());
    }
    if (callback != null) {
      JsonpResponse wrapped = new JsonpResponse(r.status(), Problems.title(r.status()),
          r.location() == null ? null : Urls.absolute(c, r.location()), r.retryAfter(), r.content(),
          r.dzi(), r.error());
      c.status(200)
          .contentType("application/javascript; charset=utf-8")
          .header("X-Content-Type-Options", "nosniff")
          .header("Cache-Control", "no-store")
          .result("/**/" + callback + "(" + bodies.mapper().writeValueAsString(wrapped) + ");");
      return;
    }
    if (r.retryAfter() != null) {
      c.header("Retry-After", Integer.toString(r.retryAfter()));
    }
    if (r.error() != null && r.status() >= 400) {
      problems.write(c, r.status(), r.error());
      return;
    }
    if (r.location() != null) {
      c.header("Location", Urls.absolute(c, r.location()));
    }
    c.header("Cache-Control", "no-store");
    c.status(r.status());
    if (r.content() != null) {
      c.json(r.content());
    } else if (r.dzi() != null) {
      c.json(r.dzi());
    } else {
      c.json(Map.of("error", r.error()));
    }
  }

  private Reply dziReply(Context c, Found f) {
    Content item = f.content();
    if (item.ready()) {
      DziDto dzi = dzi(c, f);
      return new Reply(301, dzi.url(), null, null, dzi, null);
    }
    if (item.failed()) {
      return new Reply(404, null, null, null, null, "the image could not be tiled: "
          + (item.jobError() == null ? "tiling was cancelled" : item.jobError()));
    }
    return new Reply(404, null, RETRY_AFTER_SECONDS, null, null,
        String.format(java.util.Locale.ROOT, "the image is being tiled (%.0f%% done)",
            100 * item.jobProgress()));
  }

  private Content upload(Context c, Principal p) throws IOException {
    Content[] made = new Content[1];
    Uploads.read(c, UPLOAD_LIMITS, new Uploads.Parts() {
      @Override
      public void field(String name, String value) {}

      @Override
      public void file(String field, String fileName, String contentType, java.io.InputStream in)
          throws IOException {
        if (field.equals("file") && made[0] == null) {
          made[0] = content.upload(p, fileName, in);
        }
      }
    });
    if (made[0] == null) {
      throw new DomainException.BadRequest("send the image in a multipart part named 'file'");
    }
    return made[0];
  }

  private void descriptor(Context c) throws IOException {
    Matcher m = DESCRIPTOR.matcher(c.pathParam("file"));
    if (!m.matches()) {
      throw new DomainException.NotFound("descriptor", c.pathParam("file"));
    }
    Found f = content.find(Bodies.optionalPrincipal(c), m.group(1));
    DziPyramid pyramid = f.pyramid()
        .orElseThrow(() -> new DomainException.NotFound("descriptor", c.pathParam("file")));
    byte[] xml = pyramid.descriptorXml(f.format()).getBytes(StandardCharsets.UTF_8);
    send(c, f, "\"" + f.content().id() + "\"", "application/xml", xml);
  }

  private void tile(Context c) throws IOException {
    Matcher folder = TILE_FOLDER.matcher(c.pathParam("folder"));
    Matcher tile = TILE.matcher(c.pathParam("tile"));
    String level = c.pathParam("level");
    if (!folder.matches() || !tile.matches() || !level.matches("\\d{1,2}")) {
      throw new DomainException.NotFound("tile", c.path());
    }
    Found f = content.find(Bodies.optionalPrincipal(c), folder.group(1));
    TileFormat format = TileFormat.valueOf(tile.group(3).toUpperCase(java.util.Locale.ROOT));
    Path file = content.tile(f, Integer.parseInt(level), Integer.parseInt(tile.group(1)),
        Integer.parseInt(tile.group(2)), format);
    if (file == null) {
      c.header("Cache-Control", "no-store");
      throw new DomainException.NotFound("tile", c.pathParam("folder") + "/" + level + "/"
          + c.pathParam("tile"));
    }
    String etag = "\"" + f.content().id() + "-" + level + "-" + tile.group(1) + "-"
        + tile.group(2) + "\"";
    send(c, f, etag, format == TileFormat.PNG ? "image/png" : "image/jpeg",
        Files.readAllBytes(file));
  }

  /** Sends an immutable part of a pyramid, or 304 when the client has it. */
  private static void send(Context c, Found f, String etag, String type, byte[] body) {
    boolean done = f.content().ready();
    c.header("ETag", etag);
    c.header("Cache-Control", done ? (f.shared() ? "public, " : "private, ") + IMMUTABLE
        : "no-cache");
    if (etag.equals(c.header("If-None-Match"))) {
      c.status(304);
      return;
    }
    c.contentType(type).result(body);
  }

  private ContentDto dto(Context c, Found f) {
    Content item = f.content();
    String shareUrl = item.shareId() == null ? null : Urls.absolute(c, "/view/" + item.shareId());
    double progress = item.ready() ? 1.0 : item.jobProgress();
    return new ContentDto(f.publicId(), item.displayUrl(), item.ready(), item.failed(), progress,
        shareUrl, shareUrl == null ? null : SharePage.embedHtml(shareUrl), item.title(),
        item.ready() ? dzi(c, f) : null);
  }

  private static DziDto dzi(Context c, Found f) {
    Content item = f.content();
    return new DziDto(dziUrl(c, f), item.width(), item.height(), item.tileSize(),
        item.tileOverlap(), item.tileFormat());
  }

  static String dziUrl(Context c, Found f) {
    return Urls.absolute(c, "/dzi/" + f.publicId() + ".dzi");
  }

  private static Map<Integer, String> merge(Map<Integer, String> a, Map<Integer, String> b) {
    Map<Integer, String> all = new java.util.HashMap<>(a);
    all.putAll(b);
    return all;
  }
}

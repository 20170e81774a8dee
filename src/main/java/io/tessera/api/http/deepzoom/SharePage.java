package io.tessera.api.http.deepzoom;

import io.javalin.http.Context;
import io.tessera.api.http.Urls;
import io.tessera.service.DomainException;
import io.tessera.service.deepzoom.ContentService.Found;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * The share page: an OpenSeadragon viewer of one content item, and the viewer's files.
 *
 * <p>OpenSeadragon comes from the npm package {@code openseadragon}, which the build fetches into
 * {@code web/openseadragon/} on the class path (it is never committed). A build made without npm
 * has no viewer: the page then says so and links the DZI instead of failing.
 *
 * <p>The page runs no inline script ({@code tessera-viewer.js} reads the DZI's URL from a data
 * attribute), so its Content-Security-Policy allows scripts from this server only; it may be
 * framed anywhere, which is what {@code embedHtml} is for.
 */
final class SharePage {
  private static final String VIEWER = "/web/openseadragon/openseadragon.min.js";
  private static final Pattern ASSET = Pattern.compile("[a-z][a-z0-9_.-]{0,63}\\.(js|png)");
  private static final String CSP = "default-src 'self'; img-src 'self' data: blob:;"
      + " style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors *";

  private final boolean bundled = SharePage.class.getResource(VIEWER) != null;

  /** An iframe showing the share page, for pasting into another page. */
  static String embedHtml(String shareUrl) {
    return "<iframe src=\"" + escape(shareUrl) + "\" width=\"100%\" height=\"400\""
        + " style=\"border:none\" allowfullscreen title=\"Deep-zoom image\"></iframe>";
  }

  void page(Context c, Found f, String dziUrl) {
    String title = f.content().title() == null ? "Image" : f.content().title();
    String contentUrl = Urls.absolute(c, "/v1/content/" + f.publicId());
    String body = bundled
        ? "<div id=\"viewer\" data-content=\"" + escape(contentUrl) + "\" data-dzi=\""
            + escape(dziUrl) + "\" data-images=\"/viewer/images/\"></div>\n"
            + "<p id=\"status\" role=\"status\"></p>\n"
            + "<script src=\"/viewer/openseadragon.min.js\"></script>\n"
            + "<script src=\"/viewer/tessera-viewer.js\"></script>\n"
        : "<p id=\"status\" class=\"missing\">The image viewer was not bundled with this build of"
            + " Tessera (it is fetched with npm when Tessera is built). The image's deep-zoom"
            + " descriptor is at <a href=\"" + escape(dziUrl) + "\">" + escape(dziUrl)
            + "</a>.</p>\n";
    String html = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + escape(title) + " · Tessera</title>\n"
        + "<style>html,body{margin:0;height:100%;background:#1d1f21;color:#e6e6e6;"
        + "font:14px system-ui,sans-serif}#viewer{position:absolute;inset:0}"
        + "#status{position:absolute;left:12px;bottom:8px;margin:0;text-shadow:0 0 3px #000}"
        + "#status.missing{position:static;padding:2em;max-width:40em}a{color:#8ab4f8}</style>\n"
        + "</head>\n<body>\n" + body + "</body>\n</html>\n";
    c.header("Content-Security-Policy", CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Cache-Control", "no-cache");
    c.contentType("text/html; charset=utf-8").result(html);
  }

  /** {@code /viewer/{file}}: OpenSeadragon and our page script. */
  void asset(Context c) throws IOException {
    String name = c.pathParam("file");
    String resource = name.equals("tessera-viewer.js") ? "/web/tessera-viewer.js"
        : name.equals("openseadragon.min.js") ? VIEWER : null;
    serve(c, name, resource);
  }

  /** {@code /viewer/images/{file}}: OpenSeadragon's button images. */
  void image(Context c) throws IOException {
    String name = c.pathParam("file");
    serve(c, name, "/web/openseadragon/images/" + name);
  }

  private static void serve(Context c, String name, String resource) throws IOException {
    if (resource == null || !ASSET.matcher(name).matches()) {
      throw new DomainException.NotFound("file", name);
    }
    try (InputStream in = SharePage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new DomainException.NotFound("file", name);
      }
      c.header("Cache-Control", "public, max-age=86400");
      c.header("X-Content-Type-Options", "nosniff");
      c.contentType(name.endsWith(".js") ? "text/javascript; charset=utf-8" : "image/png")
          .result(in.readAllBytes());
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}

package io.tessera.api.http.system;

import io.tessera.api.http.Access;
import io.tessera.api.http.Route;
import io.tessera.service.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/** {@code /openapi.json} and Swagger UI at {@code /docs}, served from the webjar (no network). */
public final class DocsRoutes {
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> TYPES =
      Map.of("css", "text/css", "js", "text/javascript", "png", "image/png", "html", "text/html",
          "map", "application/json");
  private final Supplier<byte[]> openApi;
  private final String swaggerVersion;

  public DocsRoutes(Supplier<byte[]> openApi) {
    this.openApi = openApi;
    this.swaggerVersion = webjarVersion();
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/openapi.json")
            .tag("system")
            .summary("This OpenAPI 3 description")
            .access(Access.PUBLIC)
            .handle(c -> c.contentType("application/json").result(openApi.get())),
        Route.get("/docs")
            .tag("system")
            .summary("Swagger UI")
            .access(Access.PUBLIC)
            .handle(c -> c.html(INDEX)),
        Route.get("/docs/{file}")
            .tag("system")
            .summary("Swagger UI assets")
            .access(Access.PUBLIC)
            .responses(Map.of(200, "The asset", 404, "No such asset"))
            .handle(
                c -> {
                  String file = c.pathParam("file");
                  if (!file.matches("[A-Za-z0-9._-]+") || file.startsWith(".")) {
                    throw new DomainException.NotFound("asset", file);
                  }
                  InputStream in =
                      DocsRoutes.class.getClassLoader()
                          .getResourceAsStream(WEBJAR + swaggerVersion + "/" + file);
                  if (in == null) {
                    throw new DomainException.NotFound("asset", file);
                  }
                  String ext = file.substring(file.lastIndexOf('.') + 1);
                  c.contentType(TYPES.getOrDefault(ext, "application/octet-stream"))
                      .header("Cache-Control", "max-age=86400")
                      .result(in);
                }));
  }

  private static String webjarVersion() {
    try (InputStream in =
        DocsRoutes.class.getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the swagger-ui webjar is missing from the class path", e);
    }
  }

  private static final String INDEX =
      """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>Tessera API</title>
        <link rel="stylesheet" href="/docs/swagger-ui.css">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/docs/swagger-ui-bundle.js"></script>
        <script>
          window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui"});
        </script>
      </body>
      </html>
      """;
}

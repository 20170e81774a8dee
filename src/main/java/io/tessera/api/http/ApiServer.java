package io.tessera.api.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.tessera.api.dto.HealthDto;
import io.tessera.api.http.fieldforms.AuthRoutes;
import io.tessera.api.http.fieldforms.HealthRoutes;
import io.tessera.api.http.fieldforms.UserRoutes;
import io.tessera.api.http.deepzoom.DeepZoomRoutes;
import io.tessera.api.http.missions.MissionRoutes;
import io.tessera.api.http.photogrammetry.AnnotationRoutes;
import io.tessera.api.http.photogrammetry.DriveRoutes;
import io.tessera.api.http.photogrammetry.OutputRoutes;
import io.tessera.api.http.photogrammetry.VolumeRoutes;
import io.tessera.api.http.photogrammetry.PermissionTokenRoutes;
import io.tessera.api.http.photogrammetry.ProjectRoutes;
import io.tessera.api.http.photogrammetry.TiePointRoutes;
import io.tessera.api.http.missions.WebhookRoutes;
import io.tessera.api.http.system.DocsRoutes;
import io.tessera.api.http.system.JobRoutes;
import io.tessera.api.http.system.OrganizationRoutes;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.ratelimit.RateLimiter;
import io.tessera.service.security.TlsMaterial;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: every surface's routes from one table, problem+json for every refusal,
 * request ids and request logging. Binds where it is told; the caller decides the policy.
 */
public final class ApiServer implements AutoCloseable {
  static {
    JettyDefaults.apply(); // before Jetty's first class loads
  }

  /** Default limit for request bodies that are read whole (JSON); uploads set their own. */
  public static final long MAX_JSON_BODY_BYTES = 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger("io.tessera.http");
  private static final float SLOW_REQUEST_MS = 1000;

  private final ObjectMapper json;
  private final Problems problems;
  private final List<Route> routes;
  private final Javalin app;

  private final TlsMaterial tls;
  private String host;
  private int port;

  /** A server speaking plain HTTP. */
  public ApiServer(ApiContext ctx) {
    this(ctx, null);
  }

  /** A server speaking HTTPS with {@code tls}, or plain HTTP when it is null. */
  public ApiServer(ApiContext ctx, TlsMaterial tls) {
    this.tls = tls;
    this.json =
        new ObjectMapper(
                com.fasterxml.jackson.core.JsonFactory.builder()
                    .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.problems = new Problems(json);
    Bodies bodies = new Bodies(json);
    List<Route> table = new ArrayList<>();
    table.addAll(new HealthRoutes(ctx).routes());
    table.addAll(new AuthRoutes(ctx, bodies).routes());
    table.addAll(new UserRoutes(ctx, bodies).routes());
    table.addAll(new JobRoutes(ctx).routes());
    table.addAll(new OrganizationRoutes(ctx, bodies).routes());
    table.addAll(new MissionRoutes(ctx, bodies).routes());
    table.addAll(new WebhookRoutes(ctx, bodies).routes());
    table.addAll(new DeepZoomRoutes(ctx, bodies).routes());
    table.addAll(new ProjectRoutes(ctx, bodies).routes());
    table.addAll(new TiePointRoutes(ctx, bodies).routes());
    table.addAll(new DriveRoutes(ctx, bodies).routes());
    table.addAll(new OutputRoutes(ctx, bodies).routes());
    table.addAll(new VolumeRoutes(ctx, bodies).routes());
    table.addAll(new AnnotationRoutes(ctx, bodies).routes());
    table.addAll(new PermissionTokenRoutes(ctx, bodies).routes());
    table.addAll(new DocsRoutes(() -> openApiJson(ctx.version())).routes());
    this.routes = List.copyOf(table);
    this.app = Javalin.create(config -> configure(config, ctx));
  }

  private void configure(io.javalin.config.JavalinConfig config, ApiContext ctx) {
    config.jsonMapper(new JavalinJackson(json, false));
    config.startup.showJavalinBanner = false;
    config.http.prefer405over404 = true;
    config.http.maxRequestSize = MAX_JSON_BODY_BYTES;
    config.router.ignoreTrailingSlashes = true;
    if (tls != null) {
      config.jetty.addConnector(this::tlsConnector);
    }
    config.routes.before(RequestIds::assign);
    // Every request is logged at DEBUG; at INFO only refusals, failures and slow answers, so that
    // a desktop's tile traffic does not fill its log and a busy server does not serialise on it.
    config.requestLogger.http(
        (c, ms) -> {
          int status = c.statusCode();
          boolean notable = status >= 400 || ms > SLOW_REQUEST_MS;
          if (notable ? LOG.isInfoEnabled() : LOG.isDebugEnabled()) {
            String line =
                String.format(
                    java.util.Locale.ROOT, "%s %s %d %.1fms rid=%s", c.method(), c.path(),
                    status, ms, c.attribute(RequestIds.ATTRIBUTE));
            if (notable) {
              LOG.info(line);
            } else {
              LOG.debug(line);
            }
          }
        });
    for (Route r : routes) {
      config.routes.addHttpHandler(r.method(), r.path(), guarded(r, ctx));
    }
    config.routes.exception(DomainException.class, (e, c) -> problems.write(c, e));
    config.routes.exception(
        HttpResponseException.class, (e, c) -> problems.write(c, e.getStatus(), e.getMessage()));
    config.routes.exception(
        Exception.class,
        (e, c) -> {
          LOG.error("unexpected error in {} {} rid={}", c.method(), c.path(),
              c.attribute(RequestIds.ATTRIBUTE), e);
          problems.write(c, 500, "an unexpected error occurred; the server log has the details");
        });
  }

  /**
   * Authenticates, takes the request from the caller's rate limit (client credentials; every
   * answer then carries the {@code X-RateLimit-*} headers) and checks access before the route's
   * own handler runs.
   */
  private static io.javalin.http.Handler guarded(Route r, ApiContext ctx) {
    if (r.access() == Access.PUBLIC) {
      return r.handler();
    }
    boolean optional = r.access() == Access.OPTIONAL;
    return c -> {
      String authorization = c.header("Authorization");
      String apiKey = c.header("X-API-Key");
      if (optional && authorization == null && apiKey == null) {
        r.handler().handle(c);
        return;
      }
      Principal p = ctx.auth().authenticate(authorization, apiKey);
      RateLimiter.Status limit = ctx.rateLimiter().acquire(p);
      if (limit != null) {
        c.header("X-RateLimit-Limit", Long.toString(limit.limit()));
        c.header("X-RateLimit-Remaining", Long.toString(limit.remaining()));
        c.header("X-RateLimit-Reset", Long.toString(limit.resetEpochSecond()));
      }
      r.access().check(p);
      c.attribute(Bodies.PRINCIPAL, p);
      r.handler().handle(c);
    };
  }

  private byte[] openApiJson(String version) {
    try {
      return json.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(OpenApi.describe(routes, version, json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connector tlsConnector(Server server, HttpConfiguration http) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(tls.keyStore());
    ssl.setKeyStorePassword(new String(tls.password()));
    HttpConfiguration https = new HttpConfiguration(http);
    // the certificate is the operator's; checking the name against it is the client's job
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector c =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    c.setHost(host);
    c.setPort(port);
    return c;
  }

  /**
   * Loads and initialises the HTTP stack's classes (Javalin, Jetty, Jackson) without binding
   * anything, so that a caller can do it on another core while the database opens: a throwaway
   * Javalin with only an in-memory connector (Jetty's {@code LocalConnector}, no socket) starts,
   * answers one JSON request and stops. That covers what the real server's start and its first
   * answer (the first health check) would otherwise load on the critical path.
   */
  public static void preload() {
    LocalConnector[] local = new LocalConnector[1];
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    Javalin warm =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.jsonMapper(new JavalinJackson(json, false));
              c.jetty.addConnector(
                  (server, http) ->
                      local[0] = new LocalConnector(server, new HttpConnectionFactory(http)));
              c.routes.get(
                  "/", ctx -> ctx.json(new HealthDto("ok", "connected", "1970-01-01T00:00:00Z")));
            });
    try {
      warm.start();
      local[0].getResponse("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    } catch (Exception e) {
      LOG.debug("HTTP preload: {}", e.toString()); // only a head start; the real server decides
    } finally {
      warm.stop();
    }
  }

  /** Starts listening; port 0 picks a free port. */
  public ApiServer start(String host, int port) {
    this.host = host;
    this.port = port;
    if (tls != null) {
      app.start();
    } else {
      app.start(host, port);
    }
    return this;
  }

  /** The port actually bound (the TLS connector's when serving HTTPS). */
  public int port() {
    for (Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof ServerConnector sc && sc.getLocalPort() > 0) {
        return sc.getLocalPort();
      }
    }
    return app.port();
  }

  public boolean secure() {
    return tls != null;
  }

  /** The route table, as served and described. */
  public List<Route> routes() {
    return routes;
  }

  /** Javalin itself, for tests that compare what is registered with what is described. */
  public Javalin javalin() {
    return app;
  }

  @Override
  public void close() {
    app.stop();
  }
}

package io.tessera.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.ParsedEndpoint;
import io.tessera.api.dto.HealthDto;
import io.tessera.testing.RunningService;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, errors, request ids, OpenAPI and docs against the real server. */
class ServiceBasicsApiTest {
  private static RunningService svc;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  @Test
  void healthNeedsNoCredentialsAndHasTheDocumentsShape() throws Exception {
    var r = svc.anonymous().raw("GET", "/api/v1/health", null, null);
    assertThat(r.status()).isEqualTo(200);
    JsonNode n = JSON.readTree(r.body());
    assertThat(n.fieldNames()).toIterable().containsExactly("status", "database", "timestamp");
    HealthDto h = svc.anonymous().health();
    assertThat(h.status()).isEqualTo("ok");
    assertThat(h.database()).isEqualTo("connected");
    assertThat(h.timestamp()).endsWith("Z");
  }

  @Test
  void everyOtherRouteNeeds401WithProblemJson() throws Exception {
    for (var route : svc.service.server().routes()) {
      if (route.access() == io.tessera.api.http.Access.PUBLIC) {
        continue;
      }
      // routes that serve shared content answer without credentials (DeepZoomApiTest shows that
      // they refuse unshared content); a bad credential is refused by all of them
      boolean optional = route.access() == io.tessera.api.http.Access.OPTIONAL;
      String path = route.path().replaceAll("\\{[^}]+}", "x");
      var r = (optional ? svc.bearer("not-a-token") : svc.anonymous()).raw(route.method().name(), path, "application/json",
          route.method().name().equals("GET") ? null : "{}".getBytes());
      assertThat(r.status()).as(route.method() + " " + route.path()).isEqualTo(401);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      JsonNode p = JSON.readTree(r.body());
      assertThat(p.path("status").asInt()).isEqualTo(401);
      assertThat(p.path("title").asText()).isEqualTo("Unauthorized");
    }
  }

  @Test
  void badTokenIs401() {
    var r = svc.bearer("not-a-token").raw("GET", "/api/v1/auth/me", null, null);
    assertThat(r.status()).isEqualTo(401);
    var forged = svc.bearer("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
        .raw("GET", "/api/v1/auth/me", null, null);
    assertThat(forged.status()).isEqualTo(401);
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() {
    var missing = svc.desktop().raw("GET", "/api/v1/nothing-here", null, null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    var method = svc.desktop().raw("DELETE", "/api/v1/health", null, null);
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void malformedJsonIs400AndSaysWhere() throws Exception {
    var r = svc.desktop().raw("POST", "/api/v1/users", "application/json", "{\"email\":".getBytes());
    assertThat(r.status()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path("detail").asText()).contains("malformed JSON");
  }

  @Test
  void oversizedBodyIs413() {
    byte[] big = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    var r = svc.desktop().raw("POST", "/api/v1/users", "application/json", big);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void requestIdIsEchoedOrCreated() {
    var r = svc.anonymous().raw("GET", "/api/v1/health", null, null);
    assertThat(r.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void openApiDescribesEveryRegisteredRoute() throws Exception {
    JsonNode doc = JSON.readTree(svc.anonymous().raw("GET", "/openapi.json", null, null).body());
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    Set<String> described = new HashSet<>();
    doc.path("paths").fields().forEachRemaining(p ->
        p.getValue().fieldNames().forEachRemaining(m ->
            described.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    Set<String> registered = new HashSet<>();
    for (ParsedEndpoint e : svc.service.server().javalin().unsafe.internalRouter.allHttpHandlers()) {
      String m = e.endpoint.method.name();
      if (m.equals("BEFORE") || m.equals("AFTER") || m.equals("BEFORE_MATCHED")
          || m.equals("AFTER_MATCHED") || m.equals("HEAD") || m.equals("OPTIONS")) {
        continue;
      }
      registered.add(m + " " + e.endpoint.path);
    }
    assertThat(registered).isNotEmpty();
    assertThat(described).containsAll(registered);
  }

  @Test
  void swaggerUiIsServedFromTheWebjar() {
    var page = svc.anonymous().raw("GET", "/docs", null, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("swagger-ui-bundle.js").contains("/openapi.json");
    var js = svc.anonymous().raw("GET", "/docs/swagger-ui-bundle.js", null, null);
    assertThat(js.status()).isEqualTo(200);
    assertThat(js.body().length).isGreaterThan(100_000);
    var traversal = svc.anonymous().raw("GET", "/docs/..%2Fpom.properties", null, null);
    assertThat(traversal.status()).isEqualTo(404);
  }
}

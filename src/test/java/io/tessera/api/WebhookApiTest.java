package io.tessera.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.AdminDtos.ApiKeyDto;
import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.api.dto.AdminDtos.CreateApiKeyRequest;
import io.tessera.api.dto.AdminDtos.CreateClientRequest;
import io.tessera.api.dto.AdminDtos.CreateUserRequest;
import io.tessera.api.dto.AdminDtos.UserDto;
import io.tessera.api.dto.AuthDtos.LoginRequest;
import io.tessera.api.dto.AuthDtos.TokenResponse;
import io.tessera.api.dto.MissionDtos.Page;
import io.tessera.api.dto.WebhookDtos.CreateWebhookRequest;
import io.tessera.api.dto.WebhookDtos.WebhookDto;
import io.tessera.client.MissionsClient;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import io.tessera.service.webhook.Outbox;
import io.tessera.testing.RunningService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/qz/v1/webhooks}: registration, listing, deletion and who may do it. */
class WebhookApiTest {
  private static final String HOOKS = "/api/qz/v1/webhooks";
  private static RunningService svc;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  private static WebhookDto create(TesseraClient c, String url, List<String> events, String secret) {
    return c.post(HOOKS, new CreateWebhookRequest(url, events, secret), WebhookDto.class);
  }

  private static RawResponse raw(TesseraClient c, String method, String path, String json) {
    return c.raw(method, path, "application/json",
        json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(RawResponse r) throws Exception {
    return svc.desktop().json().readTree(r.body());
  }

  @Test
  void createListAndDeleteShowingTheSecretOnlyOnce() throws Exception {
    TesseraClient desktop = svc.desktop();
    WebhookDto mine =
        create(desktop, "http://127.0.0.1:9/hooks/a", List.of("submission.received"),
            "my-own-secret-0123456789");
    assertThat(mine.id()).startsWith("wh_");
    assertThat(mine.url()).isEqualTo("http://127.0.0.1:9/hooks/a");
    assertThat(mine.events()).containsExactly("submission.received");
    assertThat(mine.secret()).isEqualTo("my-own-secret-0123456789");
    assertThat(mine.createdAt()).endsWith("Z");

    WebhookDto generated = create(desktop, "http://127.0.0.1:9/hooks/b", null, null);
    assertThat(generated.events()).containsExactlyElementsOf(Outbox.EVENTS);
    assertThat(generated.secret()).startsWith("whsec_").hasSizeGreaterThanOrEqualTo(6 + 43);
    assertThat(create(desktop, "http://127.0.0.1:9/hooks/c", null, null).secret())
        .isNotEqualTo(generated.secret());

    RawResponse listed = raw(desktop, "GET", HOOKS + "?per_page=100", null);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.text()).doesNotContain("secret").doesNotContain("whsec_");
    Page<WebhookDto> page =
        desktop.get(HOOKS + "?per_page=100", new TypeReference<Page<WebhookDto>>() {});
    assertThat(page.meta().page()).isEqualTo(1);
    assertThat(page.data()).extracting(WebhookDto::id).contains(mine.id(), generated.id());
    long before = page.meta().total();

    assertThat(raw(desktop, "DELETE", HOOKS + "/" + mine.id(), null).status()).isEqualTo(204);
    Page<WebhookDto> after =
        desktop.get(HOOKS + "?per_page=100", new TypeReference<Page<WebhookDto>>() {});
    assertThat(after.meta().total()).isEqualTo(before - 1);
    assertThat(after.data()).extracting(WebhookDto::id).doesNotContain(mine.id());

    RawResponse again = raw(desktop, "DELETE", HOOKS + "/" + mine.id(), null);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(raw(desktop, "GET", HOOKS + "/" + mine.id() + "/deliveries", null).status())
        .isEqualTo(404);
  }

  @Test
  void listsArePaged() {
    TesseraClient desktop = svc.desktop();
    for (int i = 0; i < 3; i++) {
      create(desktop, "http://127.0.0.1:9/paged/" + i, null, null);
    }
    Page<WebhookDto> first = desktop.get(HOOKS + "?page=1&per_page=2",
        new TypeReference<Page<WebhookDto>>() {});
    Page<WebhookDto> second = desktop.get(HOOKS + "?page=2&per_page=2",
        new TypeReference<Page<WebhookDto>>() {});
    assertThat(first.data()).hasSize(2);
    assertThat(first.meta().total()).isGreaterThanOrEqualTo(3);
    assertThat(second.meta().page()).isEqualTo(2);
    assertThat(second.data()).extracting(WebhookDto::id)
        .doesNotContainAnyElementsOf(first.data().stream().map(WebhookDto::id).toList());
    assertThat(raw(desktop, "GET", HOOKS + "?per_page=1000", null).status()).isEqualTo(422);
    assertThat(raw(desktop, "GET", HOOKS + "?page=zero", null).status()).isEqualTo(422);
  }

  @Test
  void invalidRegistrationsAreRefusedWithTheReason() throws Exception {
    TesseraClient desktop = svc.desktop();
    RawResponse unknown = raw(desktop, "POST", HOOKS,
        "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"mission.created\",\"mission.deleted\"]}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = json(unknown);
    assertThat(problem.path("detail").asText()).contains("mission.deleted");
    assertThat(problem.path("known_events")).hasSize(5);

    assertThat(raw(desktop, "POST", HOOKS, "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[]}")
        .status()).isEqualTo(422);
    RawResponse shortSecret =
        raw(desktop, "POST", HOOKS, "{\"url\":\"http://127.0.0.1:9/x\",\"secret\":\"abc\"}");
    assertThat(shortSecret.status()).isEqualTo(422);
    assertThat(json(shortSecret).path("detail").asText()).contains("secret");
    RawResponse noUrl = raw(desktop, "POST", HOOKS, "{\"events\":[\"mission.created\"]}");
    assertThat(noUrl.status()).isEqualTo(422);
    RawResponse file = raw(desktop, "POST", HOOKS, "{\"url\":\"file:///etc/passwd\"}");
    assertThat(file.status()).isEqualTo(422);
    assertThat(json(file).path("detail").asText()).contains("only http and https");
    assertThat(raw(desktop, "POST", HOOKS, "{\"url\":").status()).isEqualTo(400);
  }

  @Test
  void clientsAndApiKeysNeedTheScopeAndUsersTheRole() throws Exception {
    TesseraClient desktop = svc.desktop();
    MissionsClient tokens = new MissionsClient(svc.anonymous());
    String body = "{\"url\":\"http://127.0.0.1:9/scoped\"}";

    ApiKeyDto key = desktop.post("/api/v1/api-keys", new CreateApiKeyRequest("sensor"),
        ApiKeyDto.class);
    TesseraClient withKey =
        new TesseraClient(svc.url(), () -> new TesseraClient.Credentials.ApiKey(key.key()));
    RawResponse refused = raw(withKey, "POST", HOOKS, body);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(json(refused).path("missing_scope").asText()).isEqualTo("webhooks:manage");
    assertThat(raw(withKey, "GET", HOOKS, null).status()).isEqualTo(403);

    ClientDto reader = desktop.post("/api/v1/admin/clients",
        new CreateClientRequest("reader", "missions:read", null, true), ClientDto.class);
    ClientDto manager = desktop.post("/api/v1/admin/clients",
        new CreateClientRequest("hooks", "missions:read webhooks:manage", null, true),
        ClientDto.class);
    TesseraClient readerClient = svc.bearer(tokens.token(
        reader.clientId(), reader.clientSecret(), null).accessToken());
    TesseraClient managerClient = svc.bearer(tokens.token(
        manager.clientId(), manager.clientSecret(), "webhooks:manage").accessToken());
    RawResponse readerAnswer = raw(readerClient, "POST", HOOKS, body);
    assertThat(readerAnswer.status()).isEqualTo(403);
    assertThat(json(readerAnswer).path("missing_scope").asText()).isEqualTo("webhooks:manage");
    RawResponse managerAnswer = raw(managerClient, "POST", HOOKS, body);
    assertThat(managerAnswer.status()).isEqualTo(201);
    String id = json(managerAnswer).path("id").asText();
    assertThat(raw(readerClient, "DELETE", HOOKS + "/" + id, null).status()).isEqualTo(403);
    assertThat(raw(readerClient, "GET", HOOKS + "/" + id + "/deliveries", null).status())
        .isEqualTo(403);
    assertThat(raw(managerClient, "GET", HOOKS + "/" + id + "/deliveries", null).status())
        .isEqualTo(200);

    RawResponse fieldWorker = raw(user("field_worker"), "POST", HOOKS, body);
    assertThat(fieldWorker.status()).isEqualTo(403);
    assertThat(json(fieldWorker).path("missing_scope").asText()).isEqualTo("webhooks:manage");
    assertThat(raw(user("manager"), "POST", HOOKS, body).status()).isEqualTo(201);
    assertThat(raw(svc.anonymous(), "POST", HOOKS, body).status()).isEqualTo(401);
  }

  private static TesseraClient user(String role) {
    String email = role.replace("_", "") + "@example.com";
    svc.desktop().post("/api/v1/users", new CreateUserRequest(email, "Password-123", role),
        UserDto.class);
    TokenResponse t = svc.anonymous().post("/api/v1/auth/login",
        new LoginRequest(email, "Password-123"), TokenResponse.class);
    return svc.bearer(t.accessToken());
  }
}

package io.tessera.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.AdminDtos.ApiKeyDto;
import io.tessera.api.dto.AdminDtos.CreateApiKeyRequest;
import io.tessera.api.dto.AdminDtos.CreateUserRequest;
import io.tessera.api.dto.AdminDtos.UserDto;
import io.tessera.api.dto.AuthDtos.ChangePasswordRequest;
import io.tessera.api.dto.AuthDtos.LoginRequest;
import io.tessera.api.dto.AuthDtos.RefreshRequest;
import io.tessera.api.dto.AuthDtos.TokenResponse;
import io.tessera.client.ApiException;
import io.tessera.client.TesseraClient;
import io.tessera.testing.RunningService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The field-collection auth routes, through our client against the real server. */
class AuthApiTest {
  private static RunningService svc;
  private static int users;

  @BeforeAll
  static void start() throws Exception {
    svc = RunningService.start();
  }

  @AfterAll
  static void stop() {
    svc.close();
  }

  private static String newUser(String role) {
    String email = "user" + (++users) + "@example.com";
    svc.desktop()
        .post("/api/v1/users", new CreateUserRequest(email, "Password-123", role), UserDto.class);
    return email;
  }

  private static TokenResponse login(String email, String password) {
    return svc.anonymous()
        .post("/api/v1/auth/login", new LoginRequest(email, password), TokenResponse.class);
  }

  @Test
  void loginGivesBearerTokensAndMeShowsTheProfile() {
    String email = newUser("manager");
    TokenResponse t = login(email, "Password-123");
    assertThat(t.tokenType()).isEqualTo("bearer");
    assertThat(t.accessToken()).startsWith("eyJ");
    assertThat(t.refreshToken()).startsWith("eyJ");

    JsonNode me = svc.bearer(t.accessToken()).me();
    assertThat(me.path("email").asText()).isEqualTo(email);
    assertThat(me.path("role").asText()).isEqualTo("manager");
  }

  @Test
  void wrongPasswordAndUnknownEmailAre401ProblemJson() {
    String email = newUser("field_worker");
    for (var req : List.of(new LoginRequest(email, "wrong-password"),
        new LoginRequest("nobody@example.com", "Password-123"))) {
      var r = svc.anonymous().raw("POST", "/api/v1/auth/login", "application/json",
          json(req));
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.text()).contains("invalid email or password").doesNotContain("Exception");
    }
  }

  @Test
  void accessTokenExpiresAfterFifteenMinutesAndRefreshGivesANewOne() {
    String email = newUser("manager");
    TokenResponse t = login(email, "Password-123");
    svc.clock.advance(Duration.ofMinutes(16));
    assertThatThrownBy(() -> svc.bearer(t.accessToken()).me())
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.getMessage()).contains("expired");
        });

    TokenResponse fresh = svc.anonymous()
        .post("/api/v1/auth/refresh", new RefreshRequest(t.refreshToken()), TokenResponse.class);
    assertThat(svc.bearer(fresh.accessToken()).me().path("email").asText()).isEqualTo(email);
  }

  @Test
  void aReusedRefreshTokenEndsTheSession() {
    TokenResponse t = login(newUser("manager"), "Password-123");
    TesseraClient anon = svc.anonymous();
    TokenResponse first =
        anon.post("/api/v1/auth/refresh", new RefreshRequest(t.refreshToken()), TokenResponse.class);
    assertThatThrownBy(() -> anon.post("/api/v1/auth/refresh",
        new RefreshRequest(t.refreshToken()), TokenResponse.class))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    // the session is over, so even the newest tokens stop working
    assertThatThrownBy(() -> svc.bearer(first.accessToken()).me())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void logoutEndsTheSession() {
    TokenResponse t = login(newUser("field_worker"), "Password-123");
    var r = svc.bearer(t.accessToken()).raw("POST", "/api/v1/auth/logout", "application/json",
        new byte[0]);
    assertThat(r.status()).isEqualTo(204);
    assertThatThrownBy(() -> svc.bearer(t.accessToken()).me())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> svc.anonymous().post("/api/v1/auth/refresh",
        new RefreshRequest(t.refreshToken()), TokenResponse.class))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void changePasswordChecksTheCurrentOneAndTheNewOnesStrength() {
    String email = newUser("manager");
    TesseraClient c = svc.bearer(login(email, "Password-123").accessToken());
    var wrong = c.raw("POST", "/api/v1/auth/change-password", "application/json",
        json(new ChangePasswordRequest("nope-nope", "Another-456")));
    assertThat(wrong.status()).isEqualTo(403);
    var weak = c.raw("POST", "/api/v1/auth/change-password", "application/json",
        json(new ChangePasswordRequest("Password-123", "short")));
    assertThat(weak.status()).isEqualTo(422);
    var ok = c.raw("POST", "/api/v1/auth/change-password", "application/json",
        json(new ChangePasswordRequest("Password-123", "Another-456")));
    assertThat(ok.status()).isEqualTo(204);
    assertThat(login(email, "Another-456").accessToken()).isNotBlank();
  }

  @Test
  void rolesAreCheckedPerRoute() {
    TesseraClient worker = svc.bearer(login(newUser("field_worker"), "Password-123").accessToken());
    assertThatThrownBy(() -> worker.get("/api/v1/users", JsonNode.class))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.getMessage()).contains("admin");
        });
  }

  @Test
  void apiKeyIsShownOnceAndAuthenticatesViaHeader() {
    ApiKeyDto created = svc.desktop()
        .post("/api/v1/api-keys", new CreateApiKeyRequest("Sensor Lab 3"), ApiKeyDto.class);
    assertThat(created.key()).startsWith("qb_");

    List<ApiKeyDto> listed = svc.desktop().get("/api/v1/api-keys",
        new com.fasterxml.jackson.core.type.TypeReference<List<ApiKeyDto>>() {});
    assertThat(listed).extracting(ApiKeyDto::id).contains(created.id());
    assertThat(listed).allSatisfy(k -> assertThat(k.key()).isNull());

    TesseraClient keyed = new TesseraClient(svc.url(),
        () -> new TesseraClient.Credentials.ApiKey(created.key()));
    assertThat(keyed.me().path("kind").asText()).isEqualTo("api_key");

    svc.desktop().delete("/api/v1/api-keys/" + created.id());
    assertThatThrownBy(keyed::me)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void duplicateEmailIsAConflictAndBadRoleIs422() {
    String email = newUser("manager");
    var dup = svc.desktop().raw("POST", "/api/v1/users", "application/json",
        json(new CreateUserRequest(email.toUpperCase(java.util.Locale.ROOT), "Password-123",
            "manager")));
    assertThat(dup.status()).isEqualTo(409);
    var role = svc.desktop().raw("POST", "/api/v1/users", "application/json",
        json(new CreateUserRequest("x@example.com", "Password-123", "wizard")));
    assertThat(role.status()).isEqualTo(422);
    assertThat(role.text()).contains("admin, manager or field_worker");
  }

  private static byte[] json(Object o) {
    try {
      return svc.desktop().json().writeValueAsBytes(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

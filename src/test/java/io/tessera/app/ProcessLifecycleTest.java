package io.tessera.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.api.dto.AdminDtos.CreateUserRequest;
import io.tessera.api.dto.AdminDtos.UserDto;
import io.tessera.api.dto.AuthDtos.LoginRequest;
import io.tessera.api.dto.AuthDtos.TokenResponse;
import io.tessera.client.TesseraClient;
import io.tessera.testing.TesseraProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tessera serve} as a real process: readiness line, SIGTERM, and kill -9 durability. */
class ProcessLifecycleTest {
  @TempDir Path dataDir;

  private static String url(String listeningLine) {
    return listeningLine.substring("listening on ".length()).trim();
  }

  private TesseraClient admin() throws Exception {
    JsonNode n = new ObjectMapper().readTree(dataDir.resolve("instance.json").toFile());
    return TesseraClient.withBearer(n.path("url").asText(), n.path("token").asText());
  }

  @Test
  void anAcknowledgedWriteSurvivesKillDashNine() throws Exception {
    try (TesseraProcess serve =
        TesseraProcess.start("serve", "--port", "0", "--data-dir", dataDir.toString())) {
      serve.awaitLine("listening on ", 60);
      UserDto created = admin().post("/api/v1/users",
          new CreateUserRequest("survivor@example.com", "Password-123", "manager"), UserDto.class);
      assertThat(created.id()).isNotBlank();
      serve.kill9();
    }
    assertThat(dataDir.resolve("instance.json")).exists(); // left behind by the killed process
    try (TesseraProcess serve =
        TesseraProcess.start("serve", "--port", "0", "--data-dir", dataDir.toString())) {
      String url = url(serve.awaitLine("listening on ", 60));
      TokenResponse t = TesseraClient.anonymous(url).post("/api/v1/auth/login",
          new LoginRequest("survivor@example.com", "Password-123"), TokenResponse.class);
      assertThat(TesseraClient.withBearer(url, t.accessToken()).me().path("email").asText())
          .isEqualTo("survivor@example.com");
    }
  }

  @Test
  void serveStopsCleanlyOnSigtermAndRemovesItsInstanceFile() throws Exception {
    try (TesseraProcess serve =
        TesseraProcess.start("serve", "--port", "0", "--data-dir", dataDir.toString())) {
      String line = serve.awaitLine("listening on ", 60);
      assertThat(line).matches("listening on http://127\\.0\\.0\\.1:\\d+");
      assertThat(TesseraClient.anonymous(url(line)).health().status()).isEqualTo("ok");
      Path instance = dataDir.resolve("instance.json");
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(instance))).isEqualTo("rw-------");
      int code = serve.terminate();
      assertThat(code).isIn(0, 143);
      assertThat(instance).doesNotExist();
    }
  }
}

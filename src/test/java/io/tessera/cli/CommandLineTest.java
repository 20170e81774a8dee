package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.testing.TesseraProcess;
import io.tessera.testing.TesseraProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: output, exit codes 0 / 1 / 2, local and remote admin. */
class CommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dataDir;

  private String dir() {
    return dataDir.toString();
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Result r = TesseraProcess.run(null, "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("serve", "admin", "migrate", "Exit codes");
    Result admin = TesseraProcess.run(null, "admin", "create-client", "--help");
    assertThat(admin.exitCode()).isZero();
    assertThat(admin.stdout()).contains("--scopes", "--rate-limit", "--no-rate-limit");
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    Result r = TesseraProcess.run(null, "admin", "create-user", "--data-dir", dir());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--email");
    assertThat(TesseraProcess.run(null, "no-such-command").exitCode()).isEqualTo(2);
  }

  @Test
  void createUserWithoutARunningInstancePrintsOneJsonObjectWithoutThePassword() throws Exception {
    Path pw = dataDir.resolve("pw.txt");
    Files.writeString(pw, "Password-123\n");
    Result r = TesseraProcess.run(null, "admin", "create-user", "--data-dir", dir(),
        "--email", "Ada@Example.com", "--password-file", pw.toString(), "--role", "admin");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode n = JSON.readTree(r.stdout());
    assertThat(n.path("email").asText()).isEqualTo("ada@example.com");
    assertThat(n.path("role").asText()).isEqualTo("admin");
    assertThat(r.stdout().strip().lines().count()).isEqualTo(1);
    assertThat(r.stdout()).doesNotContain("Password-123");

    Result again = TesseraProcess.run("Password-456\n", "admin", "create-user", "--data-dir",
        dir(), "--email", "ada@example.com", "--role", "manager");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).contains("exists");
  }

  @Test
  void badInputIsAnErrorWithExitOne() throws Exception {
    Result role = TesseraProcess.run("Password-123\n", "admin", "create-user", "--data-dir", dir(),
        "--email", "x@example.com", "--role", "wizard");
    assertThat(role.exitCode()).isEqualTo(1);
    assertThat(role.stderr()).contains("unknown role 'wizard'");
    Result scope = TesseraProcess.run(null, "admin", "create-client", "--data-dir", dir(),
        "--name", "App", "--scopes", "missions:read missions:delete");
    assertThat(scope.exitCode()).isEqualTo(1);
    assertThat(scope.stderr()).contains("unknown scope 'missions:delete'");
  }

  @Test
  void createClientShowsTheSecretOnceWithItsRateLimit() throws Exception {
    Result r = TesseraProcess.run(null, "admin", "create-client", "--data-dir", dir(),
        "--name", "Field app", "--scopes", "missions:read submissions:read",
        "--rate-limit", "120/5000");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode n = JSON.readTree(r.stdout());
    assertThat(n.path("client_id").asText()).startsWith("qzc_");
    assertThat(n.path("client_secret").asText()).startsWith("qzs_");
    assertThat(n.path("scope").asText()).isEqualTo("missions:read submissions:read");
    assertThat(n.path("rate_per_minute").asInt()).isEqualTo(120);
    assertThat(n.path("rate_per_hour").asInt()).isEqualTo(5000);
  }

  @Test
  void adminGoesThroughTheRunningInstanceThatHoldsTheDataDir() throws Exception {
    try (TesseraProcess serve = TesseraProcess.start("serve", "--port", "0", "--data-dir", dir())) {
      serve.awaitLine("listening on ", 60);
      // the instance holds the H2 file; success means the command used its API
      Result r = TesseraProcess.run(null, "admin", "create-api-key", "--data-dir", dir(),
          "--name", "Sensor Lab 3");
      assertThat(r.exitCode()).as(r.stderr()).isZero();
      JsonNode n = JSON.readTree(r.stdout());
      assertThat(n.path("key").asText()).startsWith("qb_");
      assertThat(n.path("name").asText()).isEqualTo("Sensor Lab 3");
    }
  }

  @Test
  void aSecondServeOnTheSameDataDirSaysWhyItCannotStart() throws Exception {
    try (TesseraProcess serve = TesseraProcess.start("serve", "--port", "0", "--data-dir", dir())) {
      serve.awaitLine("listening on ", 60);
      Result second = TesseraProcess.run(null, "serve", "--port", "0", "--data-dir", dir());
      assertThat(second.exitCode()).isEqualTo(1);
      assertThat(second.stderr()).contains("in use by another Tessera process");
    }
  }

  @Test
  void migrateAppliesThenReportsUpToDate() throws Exception {
    Result first = TesseraProcess.run(null, "migrate", "--data-dir", dir());
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout()).contains("applied");
    Result second = TesseraProcess.run(null, "migrate", "--data-dir", dir());
    assertThat(second.stdout()).contains("up to date");
  }

  @Test
  void aNonLoopbackHostNeedsTlsOrAProxy() throws Exception {
    Result r = TesseraProcess.run(null, "serve", "--host", "0.0.0.0", "--port", "0",
        "--data-dir", dir());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--tls-cert").contains("--behind-proxy");
  }
}

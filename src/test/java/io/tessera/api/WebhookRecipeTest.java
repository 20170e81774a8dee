package io.tessera.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.api.dto.MissionDtos.PolygonDto;
import io.tessera.api.dto.WebhookDtos.CreateWebhookRequest;
import io.tessera.api.dto.WebhookDtos.WebhookDto;
import io.tessera.client.MissionsClient;
import io.tessera.testing.RunningService;
import io.tessera.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The missions document's own signature-verification recipe, its JavaScript run unchanged by
 * Node.js, accepts a real delivery from the real server (and refuses a tampered body). CI installs
 * Node.js; elsewhere the test runs when {@code node} is on the PATH.
 */
class WebhookRecipeTest {
  /** Verbatim from missions-api-quixzoom.txt, "Signature Verification". */
  private static final String RECIPE = """
      const crypto = require('crypto');

      function verifySignature(rawBody, secret, header) {
        const expected = crypto
          .createHmac('sha256', secret)
          .update(rawBody)
          .digest('hex');
        return crypto.timingSafeEqual(
          Buffer.from(expected),
          Buffer.from(header)
        );
      }
      """;

  private static final String HARNESS = """
      const fs = require('fs');
      const [body, secret, header] = process.argv.slice(2);
      console.log(verifySignature(fs.readFileSync(body), secret, header));
      """;

  @TempDir Path dir;

  @Test
  void theDocumentsRecipeVerifiesARealDelivery() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    assumeTrue(ci || hasNode(), "node is not installed");
    try (RunningService svc = RunningService.start(dir.resolve("data"));
        WebhookReceiver receiver = WebhookReceiver.start()) {
      WebhookDto hook = svc.desktop().post("/api/qz/v1/webhooks",
          new CreateWebhookRequest(receiver.url("/qz"), List.of("mission.created"), null),
          WebhookDto.class);
      new MissionsClient(svc.desktop()).createMission("Recipe", "", PolygonDto.of(List.of(List.of(
          new double[] {18.06, 59.32}, new double[] {18.08, 59.32}, new double[] {18.08, 59.34},
          new double[] {18.06, 59.32}))), 1);
      WebhookReceiver.Received r = receiver.next(Duration.ofSeconds(30));
      Path script = Files.writeString(dir.resolve("verify.js"), RECIPE + HARNESS);
      Path body = Files.write(dir.resolve("body.json"), r.body());
      assertThat(node(script, body, hook.secret(), r.header("X-QZ-Signature"))).isEqualTo("true");

      byte[] tampered = r.text().replace("Recipe", "Recipf").getBytes(StandardCharsets.UTF_8);
      Path bad = Files.write(dir.resolve("tampered.json"), tampered);
      assertThat(node(script, bad, hook.secret(), r.header("X-QZ-Signature"))).isEqualTo("false");
    }
  }

  private static String node(Path script, Path body, String secret, String header)
      throws Exception {
    Process p = new ProcessBuilder("node", script.toString(), body.toString(), secret, header)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static boolean hasNode() {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return false;
    }
  }
}

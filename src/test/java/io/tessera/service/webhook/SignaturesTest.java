package io.tessera.service.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {
  @Test
  void hmacSha256IsLowerCaseHexOfTheRawBody() {
    // RFC 4231, test case 2
    assertThat(Signatures.hmacSha256Hex(
        "Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void theSecretIsKeyedAsUtf8LikeNodesStringKeys() {
    byte[] body = "{\"event\":\"mission.created\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(Signatures.hmacSha256Hex("sécret-ünïcode-key", body))
        .isNotEqualTo(Signatures.hmacSha256Hex("secret-unicode-key", body))
        .matches("[0-9a-f]{64}");
  }
}

package io.tessera.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.service.DomainException;
import io.tessera.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verification, including the tokens it remembers between requests. */
class TokenServiceTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00.250Z"));
  private final TokenService tokens = new TokenService(KEY, clock);

  @Test
  void aRememberedTokenStillExpiresOnTime() {
    String t = tokens.client("c1", "o1", "missions:read", Duration.ofSeconds(60));
    assertThat(tokens.verify(t).getSubject()).isEqualTo("c1");
    assertThat(tokens.remembered()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(59));
    assertThat(tokens.verify(t).getSubject()).isEqualTo("c1"); // remembered, still valid
    clock.advance(Duration.ofSeconds(1)); // 12:01:00.250: the verifier truncates to seconds
    assertThatThrownBy(() -> tokens.verify(t))
        .isInstanceOf(DomainException.Unauthenticated.class)
        .hasMessage("the token has expired");
    assertThatThrownBy(() -> tokens.verify(t)).hasMessage("the token has expired");
  }

  @Test
  void aRememberedTokenIsNotValidBeforeItWasIssued() {
    String t = tokens.client("c1", "o1", "missions:read", Duration.ofSeconds(60));
    tokens.verify(t);
    clock.set(Instant.parse("2026-11-25T11:59:59Z"));
    assertThatThrownBy(() -> tokens.verify(t)).isInstanceOf(DomainException.Unauthenticated.class);
    clock.set(Instant.parse("2026-11-25T12:00:00Z"));
    assertThat(tokens.verify(t).getSubject()).isEqualTo("c1");
  }

  @Test
  void anAlteredOrForeignTokenIsRefusedEvenNextToARememberedOne() {
    String t = tokens.client("c1", "o1", "missions:read", Duration.ofSeconds(60));
    tokens.verify(t);
    String altered = t.substring(0, t.length() - 2) + (t.endsWith("A") ? "BB" : "AA");
    assertThatThrownBy(() -> tokens.verify(altered)).hasMessage("the token is not valid");
    TokenService other =
        new TokenService("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8), clock);
    assertThatThrownBy(() -> other.verify(t)).hasMessage("the token is not valid");
  }

  @Test
  void theMemoryIsBounded() {
    for (int i = 0; i < TokenService.MAX_REMEMBERED + 10; i++) {
      tokens.verify(tokens.client("c" + i, "o1", "missions:read", Duration.ofSeconds(60)));
    }
    assertThat(tokens.remembered()).isBetween(1, TokenService.MAX_REMEMBERED);
    String t = tokens.client("last", "o1", "missions:read", Duration.ofSeconds(60));
    assertThat(tokens.verify(t).getSubject()).isEqualTo("last");
  }

  @Test
  void scopesSplitAtRunsOfWhitespace() {
    assertThat(Scopes.split("  missions:read \t submissions:read\nwebhooks:manage "))
        .containsExactly("missions:read", "submissions:read", "webhooks:manage");
    assertThat(Scopes.split("")).isEmpty();
    assertThat(TokenService.looksLikeJwt("a.b.c")).isTrue();
    assertThat(TokenService.looksLikeJwt("a.b")).isFalse();
    assertThat(TokenService.looksLikeJwt("tsd_abc-_")).isFalse();
  }
}

package io.tessera.service.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.tessera.service.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs and checks JWTs (HS256). The signing key persists (encrypted) in the database, so tokens
 * survive a restart. Every token names its type ({@code typ}: access, refresh, client) so that
 * one kind cannot stand in for another.
 */
public final class TokenService {
  public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
  public static final Duration REFRESH_TTL = Duration.ofDays(30);
  private static final String ISSUER = "tessera";

  /** How many verified tokens {@link #verify} remembers before it starts over. */
  static final int MAX_REMEMBERED = 4096;

  private final Algorithm algorithm;
  private final Clock clock;
  private volatile JWTVerifier verifier; // made on first use: see verifier()
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  /**
   * A token that passed the verifier, with the instants between which it stays valid: from its
   * {@code iat} and {@code nbf} (whichever is later) until its {@code exp}.
   */
  private record Verified(DecodedJWT jwt, Instant from, Instant until) {
    /** The verifier's own time checks (no leeway; the clock truncated to seconds). */
    boolean validAt(Instant now) {
      Instant t = now.truncatedTo(ChronoUnit.SECONDS);
      return (from == null || !t.isBefore(from)) && (until == null || t.isBefore(until));
    }
  }

  public TokenService(byte[] signingKey, Clock clock) {
    this.algorithm = Algorithm.HMAC256(signingKey);
    this.clock = clock;
  }

  /**
   * The verifier, made when the first token is checked: it builds its own Jackson mapper and
   * deserializers, work a service start need not wait for (nothing is verified before it listens).
   */
  private JWTVerifier verifier() {
    JWTVerifier v = verifier;
    if (v == null) {
      synchronized (this) {
        v = verifier;
        if (v == null) {
          v = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER))
              .build(clock);
          verifier = v;
        }
      }
    }
    return v;
  }

  public String access(String userId, String orgId, Role role, String sessionId) {
    Instant now = clock.instant();
    return JWT.create()
        .withIssuer(ISSUER)
        .withSubject(userId)
        .withClaim("typ", "access")
        .withClaim("org", orgId)
        .withClaim("role", role.wire())
        .withClaim("sid", sessionId)
        .withJWTId(UUID.randomUUID().toString())
        .withIssuedAt(now)
        .withExpiresAt(now.plus(ACCESS_TTL))
        .sign(algorithm);
  }

  public String refresh(String userId, String sessionId, String jti) {
    Instant now = clock.instant();
    return JWT.create()
        .withIssuer(ISSUER)
        .withSubject(userId)
        .withClaim("typ", "refresh")
        .withClaim("sid", sessionId)
        .withJWTId(jti)
        .withIssuedAt(now)
        .withExpiresAt(now.plus(REFRESH_TTL))
        .sign(algorithm);
  }

  /** A client-credentials access token with its granted scopes. */
  public String client(String clientRowId, String orgId, String scopes, Duration ttl) {
    Instant now = clock.instant();
    return JWT.create()
        .withIssuer(ISSUER)
        .withSubject(clientRowId)
        .withClaim("typ", "client")
        .withClaim("org", orgId)
        .withClaim("scope", scopes)
        .withJWTId(UUID.randomUUID().toString())
        .withIssuedAt(now)
        .withExpiresAt(now.plus(ttl))
        .sign(algorithm);
  }

  /**
   * Verifies signature, issuer and expiry; the message says which failed.
   *
   * <p>A token that passed is remembered by its exact text, so that the next request with it (a
   * client sends the same token for up to 24 h) skips the HMAC and the parsing of its two JSON
   * parts: that was a third of the work of a cached {@code GET /missions}. Only the time checks
   * depend on when a token is used, and they are made again at every use, against the same clock
   * and in the verifier's terms; a token that fails them goes through the verifier again, which
   * refuses it with its own message. Signature, issuer and claims cannot differ for the same text
   * under the same key. At most {@link #MAX_REMEMBERED} tokens are kept; past that the memory
   * starts over.
   */
  public DecodedJWT verify(String token) {
    Verified known = verified.get(token);
    if (known != null) {
      if (known.validAt(clock.instant())) {
        return known.jwt();
      }
      verified.remove(token);
    }
    DecodedJWT jwt;
    try {
      jwt = verifier().verify(token);
    } catch (TokenExpiredException e) {
      throw new DomainException.Unauthenticated("the token has expired");
    } catch (JWTVerificationException e) {
      throw new DomainException.Unauthenticated("the token is not valid");
    }
    if (jwt.getExpiresAtAsInstant() != null) { // ours always expire; never keep one that does not
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(token, new Verified(jwt, later(jwt.getIssuedAtAsInstant(),
          jwt.getNotBeforeAsInstant()), jwt.getExpiresAtAsInstant()));
    }
    return jwt;
  }

  /** How many verified tokens are remembered now (for tests). */
  int remembered() {
    return verified.size();
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /** True when the string has the shape of a JWT (three dot-separated parts). */
  public static boolean looksLikeJwt(String token) {
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) == '.') {
        dots++;
      }
    }
    return dots == 2;
  }
}

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
import java.util.UUID;

/**
 * Signs and checks JWTs (HS256). The signing key persists (encrypted) in the database, so tokens
 * survive a restart. Every token names its type ({@code typ}: access, refresh, client) so that
 * one kind cannot stand in for another.
 */
public final class TokenService {
  public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
  public static final Duration REFRESH_TTL = Duration.ofDays(30);
  private static final String ISSUER = "tessera";

  private final Algorithm algorithm;
  private final Clock clock;
  private final JWTVerifier verifier;

  public TokenService(byte[] signingKey, Clock clock) {
    this.algorithm = Algorithm.HMAC256(signingKey);
    this.clock = clock;
    this.verifier =
        ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
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

  /** Verifies signature, issuer and expiry; the message says which failed. */
  public DecodedJWT verify(String token) {
    try {
      return verifier.verify(token);
    } catch (TokenExpiredException e) {
      throw new DomainException.Unauthenticated("the token has expired");
    } catch (JWTVerificationException e) {
      throw new DomainException.Unauthenticated("the token is not valid");
    }
  }

  /** True when the string has the shape of a JWT (three dot-separated parts). */
  public static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }
}

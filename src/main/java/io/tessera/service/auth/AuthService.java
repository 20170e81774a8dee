package io.tessera.service.auth;

import com.auth0.jwt.interfaces.DecodedJWT;
import io.tessera.service.DomainException;
import io.tessera.service.security.RandomSecrets;
import io.tessera.store.CredentialRepository;
import io.tessera.core.model.Records.ClientCredential;
import io.tessera.core.model.Records.Session;
import io.tessera.core.model.Records.User;
import io.tessera.store.SessionRepository;
import io.tessera.store.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns credentials into a {@link Principal}, and runs the login session life cycle: login,
 * refresh (rotating the refresh token; a reused one revokes the session), logout, password change.
 */
public final class AuthService {
  private final Jdbi jdbi;
  private final Clock clock;
  private final TokenService tokens;
  private final PasswordHasher hasher;
  private final String organizationId;
  private final String desktopTokenHash;
  private final String localAdminTokenHash;
  private final UserRepository users = new UserRepository();
  private final SessionRepository sessions = new SessionRepository();
  private final CredentialRepository credentials = new CredentialRepository();

  /** An access and refresh token pair. */
  public record Tokens(String accessToken, String refreshToken) {}

  /** Lifetime of missions-API tokens from the client-credentials grant (its document: 24 h). */
  public static final java.time.Duration CLIENT_TOKEN_TTL = java.time.Duration.ofSeconds(86_400);

  /** A client-credentials grant: the token and the scopes it carries. */
  public record ClientToken(String accessToken, long expiresIn, String scope) {}

  /**
   * @param desktopToken the in-process credential of the desktop (kept only as a hash here)
   * @param localAdminToken the token written to the running-instance file for the CLI
   */
  public AuthService(
      Jdbi jdbi,
      Clock clock,
      TokenService tokens,
      PasswordHasher hasher,
      String organizationId,
      String desktopToken,
      String localAdminToken) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.tokens = tokens;
    this.hasher = hasher;
    this.organizationId = organizationId;
    this.desktopTokenHash = RandomSecrets.sha256Hex(desktopToken);
    this.localAdminTokenHash = RandomSecrets.sha256Hex(localAdminToken);
  }

  public TokenService tokens() {
    return tokens;
  }

  public Tokens login(String email, String password) {
    if (email == null || password == null) {
      throw new DomainException.BadRequest("email and password are required");
    }
    User user =
        jdbi.withHandle(h -> users.byEmail(h, normaliseEmail(email))).orElse(null);
    if (user == null) {
      hasher.verifyNothing(password);
      throw new DomainException.Unauthenticated("invalid email or password");
    }
    if (!hasher.verify(password, user.passwordHash())) {
      throw new DomainException.Unauthenticated("invalid email or password");
    }
    Instant now = clock.instant();
    String sessionId = UUID.randomUUID().toString();
    String jti = UUID.randomUUID().toString();
    jdbi.useTransaction(
        h ->
            sessions.insert(
                h,
                new Session(
                    sessionId, user.id(), jti, now, now.plus(TokenService.REFRESH_TTL), null)));
    return new Tokens(
        tokens.access(user.id(), user.organizationId(), Role.parse(user.role()), sessionId),
        tokens.refresh(user.id(), sessionId, jti));
  }

  /** A new access token and a rotated refresh token for a valid refresh token. */
  public Tokens refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new DomainException.BadRequest("refresh_token is required");
    }
    DecodedJWT jwt = tokens.verify(refreshToken);
    if (!"refresh".equals(jwt.getClaim("typ").asString())) {
      throw new DomainException.Unauthenticated("not a refresh token");
    }
    String sessionId = jwt.getClaim("sid").asString();
    String next = UUID.randomUUID().toString();
    Tokens rotated =
        jdbi.inTransaction(
            h -> {
              Session s =
                  sessions
                      .byId(h, sessionId)
                      .filter(r -> r.revokedAt() == null)
                      .orElseThrow(
                          () -> new DomainException.Unauthenticated("the session has ended"));
              if (!sessions.rotate(h, sessionId, jwt.getId(), next)) {
                return null;
              }
              User u =
                  users
                      .byId(h, s.userId())
                      .orElseThrow(() -> new DomainException.Unauthenticated("the user is gone"));
              return new Tokens(
                  tokens.access(u.id(), u.organizationId(), Role.parse(u.role()), sessionId),
                  tokens.refresh(u.id(), sessionId, next));
            });
    if (rotated == null) {
      // An old refresh token came back: someone else may hold it. End the session.
      jdbi.useTransaction(h -> sessions.revoke(h, sessionId, clock.instant()));
      throw new DomainException.Unauthenticated(
          "this refresh token was already used; the session has been ended");
    }
    return rotated;
  }

  public void logout(Principal p) {
    if (p.sessionId() != null) {
      jdbi.useTransaction(h -> sessions.revoke(h, p.sessionId(), clock.instant()));
    }
  }

  /** Changes the caller's password and ends every other session of theirs. */
  public void changePassword(Principal p, String current, String next) {
    if (p.kind() != Principal.Kind.USER) {
      throw new DomainException.Forbidden("only a signed-in user can change a password");
    }
    if (current == null || next == null) {
      throw new DomainException.BadRequest("current_password and new_password are required");
    }
    String weak = PasswordHasher.weakness(next);
    if (weak != null) {
      throw new DomainException.Invalid(weak);
    }
    User u =
        jdbi.withHandle(h -> users.byId(h, p.id()))
            .orElseThrow(() -> new DomainException.Unauthenticated("the user is gone"));
    if (!hasher.verify(current, u.passwordHash())) {
      throw new DomainException.Forbidden("the current password is wrong");
    }
    String hash = hasher.hash(next);
    jdbi.useTransaction(
        h -> {
          if (!users.updatePassword(h, u.id(), hash, u.version(), clock.instant())) {
            throw new DomainException.Conflict("the account changed meanwhile; try again");
          }
          sessions.revokeOthers(h, u.id(), p.sessionId(), clock.instant());
        });
  }

  /**
   * The OAuth2 client-credentials grant: checks the client's secret and narrows its scopes to the
   * ones asked for (all of the client's when {@code scope} is blank). Refusals carry the OAuth2
   * error code ({@code error}: invalid_client, invalid_scope) beside the problem detail.
   */
  public ClientToken clientCredentials(String clientId, String clientSecret, String scope) {
    return clientCredentials(clientId, clientSecret, scope, CLIENT_TOKEN_TTL, null);
  }

  /**
   * The client-credentials grant of a surface whose document fixes the token's lifetime and
   * scopes: without a {@code scope} asked, the token carries those of the client's scopes that
   * are in {@code surfaceScopes} (all of the client's when null).
   */
  public ClientToken clientCredentials(
      String clientId, String clientSecret, String scope, java.time.Duration ttl,
      Set<String> surfaceScopes) {
    if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
      throw new DomainException.Unauthenticated(
          "client_id and client_secret are required", java.util.Map.of("error", "invalid_client"));
    }
    var row = jdbi.withHandle(h -> credentials.clientByClientId(h, clientId.trim())).orElse(null);
    String presented = RandomSecrets.sha256Hex(clientSecret);
    String expected = row == null ? DUMMY_SECRET_HASH : row.secretHash();
    boolean ok =
        java.security.MessageDigest.isEqual(
            presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    if (row == null || !ok) {
      throw new DomainException.Unauthenticated(
          "unknown client or wrong secret", java.util.Map.of("error", "invalid_client"));
    }
    Set<String> granted = Scopes.split(row.scopes());
    Set<String> asked;
    try {
      if (scope != null && !scope.isBlank()) {
        asked = Scopes.parse(scope);
      } else if (surfaceScopes == null) {
        asked = granted;
      } else {
        asked = new java.util.LinkedHashSet<>(granted);
        asked.retainAll(surfaceScopes);
        if (asked.isEmpty()) {
          throw new DomainException.BadRequest(
              "the client holds none of the scopes " + Scopes.join(surfaceScopes)
                  + "; it holds: " + Scopes.join(granted),
              java.util.Map.of("error", "invalid_scope"));
        }
      }
    } catch (DomainException.Invalid e) {
      throw new DomainException.BadRequest(e.getMessage(), java.util.Map.of("error", "invalid_scope"));
    }
    for (String s : asked) {
      if (!granted.contains(s)) {
        throw new DomainException.BadRequest(
            "the client may not ask for the scope " + s + "; it holds: " + Scopes.join(granted),
            java.util.Map.of("error", "invalid_scope"));
      }
    }
    String scopes = Scopes.join(asked);
    String token =
        tokens.client(row.id(), row.organizationId(), scopes, ttl);
    return new ClientToken(token, ttl.toSeconds(), scopes);
  }

  /** Compared against when the client id is unknown, so both refusals take the same time. */
  private static final String DUMMY_SECRET_HASH = RandomSecrets.sha256Hex("no such client");

  /**
   * The principal behind a request's {@code Authorization} and {@code X-API-Key} headers.
   *
   * @throws DomainException.Unauthenticated when there are none or they are not valid
   */
  public Principal authenticate(String authorization, String apiKey) {
    if (apiKey != null && !apiKey.isBlank()) {
      return apiKey(apiKey.trim());
    }
    if (authorization == null || authorization.isBlank()) {
      throw new DomainException.Unauthenticated("credentials are required");
    }
    // "<scheme> <credentials>": split at the first run of whitespace (as split("\\s+", 2) does,
    // without a regular expression on every request)
    String header = authorization.trim();
    int end = 0;
    while (end < header.length() && !isWhitespace(header.charAt(end))) {
      end++;
    }
    int start = end;
    while (start < header.length() && isWhitespace(header.charAt(start))) {
      start++;
    }
    if (start == end || !header.substring(0, end).equalsIgnoreCase("Bearer")) {
      throw new DomainException.Unauthenticated("use Authorization: Bearer <token>");
    }
    return bearer(header.substring(start));
  }

  /** The characters of the regular expression {@code \s}. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private Principal bearer(String token) {
    // JWTs have two dots; the desktop's and the local admin's tokens are base64url and have none
    if (TokenService.looksLikeJwt(token)) {
      DecodedJWT jwt = tokens.verify(token);
      String typ = jwt.getClaim("typ").asString();
      if ("access".equals(typ)) {
        return user(jwt);
      }
      if ("client".equals(typ)) {
        return client(jwt);
      }
      throw new DomainException.Unauthenticated("a " + typ + " token cannot authorise requests");
    }
    String hash = RandomSecrets.sha256Hex(token);
    if (java.security.MessageDigest.isEqual(hash.getBytes(), desktopTokenHash.getBytes())) {
      return local(Principal.Kind.DESKTOP);
    }
    if (java.security.MessageDigest.isEqual(hash.getBytes(), localAdminTokenHash.getBytes())) {
      return local(Principal.Kind.LOCAL_ADMIN);
    }
    throw new DomainException.Unauthenticated("the token is not valid");
  }

  private Principal local(Principal.Kind kind) {
    return new Principal(
        kind, kind.name().toLowerCase(Locale.ROOT), organizationId, null, Role.ADMIN,
        Set.copyOf(Scopes.CLIENT_SCOPES), false, null);
  }

  private Principal user(DecodedJWT jwt) {
    String sid = jwt.getClaim("sid").asString();
    return jdbi.withHandle(
        h -> {
          Session s = sessions.byId(h, sid).orElse(null);
          if (s == null || s.revokedAt() != null) {
            throw new DomainException.Unauthenticated("the session has ended; sign in again");
          }
          User u =
              users
                  .byId(h, jwt.getSubject())
                  .orElseThrow(() -> new DomainException.Unauthenticated("the user is gone"));
          return new Principal(
              Principal.Kind.USER, u.id(), u.organizationId(), u.email(), Role.parse(u.role()),
              Set.of(), false, sid);
        });
  }

  private Principal client(DecodedJWT jwt) {
    ClientCredential row = clientRow(jwt.getSubject());
    return new Principal(
        Principal.Kind.CLIENT, row.id(), row.organizationId(), null, null,
        Scopes.split(jwt.getClaim("scope").asString()), row.rateLimited(), null);
  }

  /**
   * A client's row, read from the database at most every {@link #CLIENT_CACHE_TTL} (client tokens
   * are used for every call of a script); {@link #forgetClient} drops it at once on revocation.
   */
  private ClientCredential clientRow(String id) {
    Instant now = clock.instant();
    CachedClient cached = clientCache.get(id);
    if (cached != null && cached.readAt().plus(CLIENT_CACHE_TTL).isAfter(now)) {
      return cached.row();
    }
    ClientCredential row =
        jdbi.withHandle(h -> credentials.clientById(h, id))
            .orElseThrow(() -> new DomainException.Unauthenticated("the client has been revoked"));
    if (clientCache.size() > 10_000) {
      clientCache.clear();
    }
    clientCache.put(id, new CachedClient(row, now));
    return row;
  }

  /** Forgets a client's cached row, so that a revocation takes effect on the next request. */
  public void forgetClient(String id) {
    clientCache.remove(id);
  }

  private record CachedClient(ClientCredential row, Instant readAt) {}

  private static final java.time.Duration CLIENT_CACHE_TTL = java.time.Duration.ofSeconds(10);
  private final java.util.Map<String, CachedClient> clientCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Principal apiKey(String key) {
    return jdbi.inTransaction(
        h -> {
          var row =
              credentials
                  .apiKeyByHash(h, RandomSecrets.sha256Hex(key))
                  .orElseThrow(() -> new DomainException.Unauthenticated("the API key is not valid"));
          credentials.touchApiKey(h, row.id(), clock.instant());
          return new Principal(
              Principal.Kind.API_KEY, row.id(), row.organizationId(), null, null,
              Scopes.split(row.scopes()), false, null);
        });
  }

  public static String normaliseEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}

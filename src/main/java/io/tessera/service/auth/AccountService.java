package io.tessera.service.auth;

import io.tessera.service.DomainException;
import io.tessera.service.security.RandomSecrets;
import io.tessera.store.CredentialRepository;
import io.tessera.core.model.Records.ApiKey;
import io.tessera.core.model.Records.ClientCredential;
import io.tessera.core.model.Records.User;
import io.tessera.store.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/** Users, API keys and client credentials: creation (secrets shown once), listing, removal. */
public final class AccountService {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private final Jdbi jdbi;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final String organizationId;
  private final UserRepository users = new UserRepository();
  private final CredentialRepository credentials = new CredentialRepository();

  /** A new API key; {@code key} is the only time the secret is seen. */
  public record CreatedApiKey(ApiKey row, String key) {}

  /** A new client credential; {@code clientSecret} is the only time the secret is seen. */
  public record CreatedClient(ClientCredential row, String clientSecret) {}

  /** Per-client rate limits; {@code limited=false} switches them off. */
  public record RateLimit(boolean limited, Integer perMinute, Integer perHour) {
    public static final RateLimit DEFAULT = new RateLimit(true, null, null);

    public RateLimit {
      if ((perMinute != null && perMinute < 1) || (perHour != null && perHour < 1)) {
        throw new DomainException.Invalid("rate limits must be positive");
      }
    }

    /** From a request: {@code none} exempts the client, else {@code spec} or the default. */
    public static RateLimit of(String spec, Boolean none) {
      if (Boolean.TRUE.equals(none)) {
        return new RateLimit(false, null, null);
      }
      return spec == null ? DEFAULT : parse(spec);
    }

    /** Parses {@code PER_MINUTE/PER_HOUR}, e.g. {@code 120/5000}. */
    public static RateLimit parse(String s) {
      String[] p = s.trim().split("/");
      try {
        if (p.length == 2) {
          return new RateLimit(true, Integer.valueOf(p[0].trim()), Integer.valueOf(p[1].trim()));
        }
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
      throw new DomainException.Invalid(
          "rate limit must look like PER_MINUTE/PER_HOUR, e.g. 60/1000: " + s);
    }
  }

  public AccountService(Jdbi jdbi, Clock clock, PasswordHasher hasher, String organizationId) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.hasher = hasher;
    this.organizationId = organizationId;
  }

  public User createUser(String email, String password, String role) {
    if (email == null || !EMAIL.matcher(email.trim()).matches()) {
      throw new DomainException.Invalid("a valid email address is required");
    }
    Role r = Role.parse(role == null ? "" : role);
    String weak = PasswordHasher.weakness(password);
    if (weak != null) {
      throw new DomainException.Invalid(weak);
    }
    String normalised = AuthService.normaliseEmail(email);
    String hash = hasher.hash(password);
    Instant now = clock.instant();
    User row =
        new User(
            UUID.randomUUID().toString(), organizationId, normalised, hash, r.wire(), now, now,
            null, 1);
    jdbi.useTransaction(
        h -> {
          if (users.emailTaken(h, normalised)) {
            throw new DomainException.Conflict("a user with the email " + normalised + " exists");
          }
          users.insert(h, row);
        });
    return row;
  }

  public User user(String id) {
    return jdbi.withHandle(h -> users.byId(h, id))
        .orElseThrow(() -> new DomainException.NotFound("user", id));
  }

  public List<User> users() {
    return jdbi.withHandle(h -> users.list(h, organizationId));
  }

  /** Moves a user to the trash; an admin cannot remove themself. */
  public void deleteUser(Principal caller, String id) {
    if (id.equals(caller.id())) {
      throw new DomainException.Conflict("you cannot delete your own account");
    }
    jdbi.useTransaction(
        h -> {
          if (!users.trash(h, id, clock.instant())) {
            throw new DomainException.NotFound("user", id);
          }
        });
  }

  public CreatedApiKey createApiKey(String name) {
    String n = requireName(name);
    String key = RandomSecrets.token("qb_", 32);
    ApiKey row =
        new ApiKey(
            UUID.randomUUID().toString(), organizationId, n, RandomSecrets.sha256Hex(key), "",
            clock.instant(), null, null);
    jdbi.useTransaction(h -> credentials.insertApiKey(h, row));
    return new CreatedApiKey(row, key);
  }

  public List<ApiKey> apiKeys() {
    return jdbi.withHandle(h -> credentials.apiKeys(h, organizationId));
  }

  public void revokeApiKey(String id) {
    jdbi.useTransaction(
        h -> {
          if (!credentials.revokeApiKey(h, id, clock.instant())) {
            throw new DomainException.NotFound("API key", id);
          }
        });
  }

  public CreatedClient createClient(String name, String scopes, RateLimit limit) {
    String n = requireName(name);
    Set<String> parsed = Scopes.parse(scopes);
    if (parsed.isEmpty()) {
      throw new DomainException.Invalid(
          "at least one scope is required: " + String.join(" ", Scopes.CLIENT_SCOPES));
    }
    String clientId = RandomSecrets.token("qzc_", 12);
    String secret = RandomSecrets.token("qzs_", 32);
    ClientCredential row =
        new ClientCredential(
            UUID.randomUUID().toString(), organizationId, n, clientId,
            RandomSecrets.sha256Hex(secret), Scopes.join(parsed), limit.limited(),
            limit.perMinute(), limit.perHour(), clock.instant(), null);
    jdbi.useTransaction(h -> credentials.insertClient(h, row));
    return new CreatedClient(row, secret);
  }

  /** Client credentials that are not revoked, oldest first (without their secrets). */
  public List<ClientCredential> clients() {
    return jdbi.withHandle(h -> credentials.clients(h, organizationId));
  }

  /** Revokes a client credential: its tokens stop working at once. */
  public void revokeClient(String id) {
    jdbi.useTransaction(
        h -> {
          if (!credentials.revokeClient(h, id, clock.instant())) {
            throw new DomainException.NotFound("client", id);
          }
        });
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new DomainException.Invalid("a name is required");
    }
    if (name.length() > 200) {
      throw new DomainException.Invalid("the name must be at most 200 characters");
    }
    return name.trim();
  }
}

package io.tessera.service.project;

import io.tessera.core.project.PermissionToken;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.service.security.RandomSecrets;
import io.tessera.store.PermissionTokenRepository;
import io.tessera.store.ProjectRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Share tokens (photogrammetry-api-pix4d.txt, "permission_tokens"): made, listed, changed and
 * deleted by the project's organization; presented by anyone as {@code ?shareToken=} to read (or,
 * for a read-write token, also change) that one project's annotations and outputs.
 *
 * <p>The secret is a UUID v4, as the document's tokens are; only its SHA-256 is stored, so it is
 * shown once, in the answer to {@link #create}. {@link #principalFor} reads the row on every
 * request: a disabled or deleted token stops at once.
 */
public final class PermissionTokenService {
  /** The resource type a token may name (the document's ProjectGroup is not offered). */
  public static final String PROJECT = "Project";
  private static final Pattern UUID_V4 = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  private final Jdbi jdbi;
  private final Clock clock;
  private final ProjectService projects;
  private final PermissionTokenRepository repo = new PermissionTokenRepository();
  private final ProjectRepository projectRows = new ProjectRepository();

  /** A new token and its secret, which is not kept. */
  public record Created(PermissionToken token, String secret) {}

  /** What a token request names; null fields take their defaults (enabled, read-write). */
  public record NewToken(String type, Long typeId, Boolean write, Boolean enabled,
      String token) {}

  public record Page(long count, List<PermissionToken> results) {}

  public PermissionTokenService(Jdbi jdbi, Clock clock, ProjectService projects) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.projects = projects;
  }

  /**
   * Makes a token for one of the caller's projects. A client may bring its own secret in
   * {@code token} when it is a UUID v4 (the shape the document promises); otherwise one is made.
   */
  public Created create(Principal p, NewToken n) {
    p.requireNotShared();
    p.requireScope("write");
    Map<String, List<String>> errors = new LinkedHashMap<>();
    checkType(n.type(), errors);
    if (n.typeId() == null) {
      errors.put("type_id", List.of("This field is required."));
    } else if (n.typeId() < Integer.MIN_VALUE || n.typeId() > Integer.MAX_VALUE) {
      errors.put("type_id", List.of("Ensure this value is within -2147483648..2147483647."));
    }
    String secret = n.token();
    if (secret != null && !UUID_V4.matcher(secret).matches()) {
      errors.put("token", List.of("A token must be a UUID v4 (xxxxxxxx-xxxx-4xxx-yxxx-"
          + "xxxxxxxxxxxx, lower case); leave it out to have one made."));
    }
    refuseIfAny(errors);
    projects.get(p, n.typeId());
    String plain = secret != null ? secret : UUID.randomUUID().toString();
    Instant now = clock.instant();
    PermissionToken row = new PermissionToken(UUID.randomUUID().toString(),
        RandomSecrets.sha256Hex(plain), p.organizationId(), PROJECT, n.typeId(),
        n.write() == null || n.write(), n.enabled() == null || n.enabled(), p.id(), now, now, 1);
    jdbi.useTransaction(h -> {
      if (repo.byHash(h, row.tokenHash()).isPresent()) {
        throw new DomainException.BadRequest("token: this token is already in use",
            Map.of("token", List.of("This token is already in use.")));
      }
      repo.insert(h, row);
    });
    return new Created(row, plain);
  }

  /** The organization's tokens, filtered by what is not null. */
  public Page list(Principal p, String type, Long typeId, Boolean enabled, Boolean write,
      int page, int pageSize) {
    p.requireNotShared();
    p.requireScope("read");
    if (page < 1 || pageSize < 1 || pageSize > 1000) {
      throw new DomainException.BadRequest("page must be ≥ 1 and page_size within 1..1000");
    }
    if (type != null) {
      Map<String, List<String>> errors = new LinkedHashMap<>();
      checkType(type, errors);
      refuseIfAny(errors);
    }
    return jdbi.withHandle(h -> new Page(
        repo.count(h, p.organizationId(), type, typeId, enabled, write),
        repo.list(h, p.organizationId(), type, typeId, enabled, write, (page - 1) * pageSize,
            pageSize)));
  }

  public PermissionToken get(Principal p, String id) {
    p.requireNotShared();
    p.requireScope("read");
    return jdbi.withHandle(h -> repo.byId(h, p.organizationId(), id))
        .orElseThrow(() -> new DomainException.NotFound("permission token", id));
  }

  /** Changes {@code enabled} and {@code write} where given. */
  public PermissionToken update(Principal p, String id, Boolean enabled, Boolean write) {
    p.requireNotShared();
    p.requireScope("write");
    return jdbi.inTransaction(h -> {
      if (!repo.update(h, p.organizationId(), id, enabled, write, clock.instant())) {
        throw new DomainException.NotFound("permission token", id);
      }
      return repo.byId(h, p.organizationId(), id).orElseThrow();
    });
  }

  /**
   * The document's revocation: {@code enabled} set on every token of one project (its example
   * PATCHes the collection with {@code {"enabled": false, "type", "type_id"}}). Answers the
   * project's tokens afterwards.
   */
  public List<PermissionToken> setEnabled(Principal p, String type, Long typeId,
      boolean enabled) {
    p.requireNotShared();
    p.requireScope("write");
    Map<String, List<String>> errors = new LinkedHashMap<>();
    checkType(type, errors);
    if (typeId == null) {
      errors.put("type_id", List.of("This field is required."));
    }
    refuseIfAny(errors);
    projects.get(p, typeId);
    return jdbi.inTransaction(h -> {
      repo.setEnabled(h, p.organizationId(), PROJECT, typeId, enabled, clock.instant());
      return repo.list(h, p.organizationId(), PROJECT, typeId, null, null, 0, 1000);
    });
  }

  public void delete(Principal p, String id) {
    p.requireNotShared();
    p.requireScope("write");
    if (!jdbi.withHandle(h -> repo.delete(h, p.organizationId(), id))) {
      throw new DomainException.NotFound("permission token", id);
    }
  }

  /**
   * The check behind every request that presents a share token for project {@code projectId}:
   * the caller it stands for (scope {@code read}, plus {@code write} for a read-write token,
   * reaching that project only), or a refusal: 401 when the token is unknown or disabled, 403
   * when it is for another project or is read-only and {@code write} is asked, 404 when the
   * project is gone (or in the trash).
   */
  public Principal principalFor(String secret, long projectId, boolean write) {
    PermissionToken t = enabledToken(secret);
    if (t.resourceId() != projectId) {
      throw new DomainException.Forbidden("this share token gives access to another project"
          + " only", Map.of("share_token", "other project"));
    }
    return principal(t, write);
  }

  /**
   * As {@link #principalFor}, for the project the token names: for routes whose project comes
   * from the request body (batch routes), where the services check each item with
   * {@link Principal#requireProject}.
   */
  public Principal principalFor(String secret, boolean write) {
    return principal(enabledToken(secret), write);
  }

  private PermissionToken enabledToken(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new DomainException.Unauthenticated("credentials or a shareToken are required");
    }
    return jdbi.withHandle(h -> repo.byHash(h, RandomSecrets.sha256Hex(secret.trim())))
        .filter(PermissionToken::enabled)
        .orElseThrow(() -> new DomainException.Unauthenticated(
            "the share token is not valid or has been disabled"));
  }

  private Principal principal(PermissionToken t, boolean write) {
    if (write && !t.canWrite()) {
      throw new DomainException.Forbidden("this share token is read-only",
          Map.of("share_token", "read-only"));
    }
    if (jdbi.withHandle(h -> projectRows.byId(h, t.organizationId(), t.resourceId()))
        .isEmpty()) {
      throw new DomainException.NotFound("project", Long.toString(t.resourceId()));
    }
    return Principal.shareToken(t.id(), t.organizationId(), t.resourceId(), t.canWrite());
  }

  private static void checkType(String type, Map<String, List<String>> errors) {
    if (type == null || type.isBlank()) {
      errors.put("type", List.of("This field is required."));
    } else if (type.equals("ProjectGroup")) {
      errors.put("type", List.of("Tessera makes share tokens for projects only; make one per"
          + " project of the group."));
    } else if (!type.equals(PROJECT)) {
      errors.put("type", List.of("\"" + type + "\" is not a valid choice."));
    }
  }

  /** 400 in the document's (Django REST framework's) form: each field with its messages. */
  private static void refuseIfAny(Map<String, List<String>> errors) {
    if (!errors.isEmpty()) {
      StringBuilder detail = new StringBuilder();
      errors.forEach((field, messages) -> detail.append(detail.isEmpty() ? "" : "; ")
          .append(field).append(": ").append(String.join(" ", messages)));
      throw new DomainException.BadRequest(detail.toString(), Map.copyOf(errors));
    }
  }
}

package io.tessera.service;

import io.tessera.core.model.Records.Organization;
import io.tessera.store.OrganizationRepository;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The organization row that scopes every record; one is created on first start. */
public final class OrganizationService {
  private final Jdbi jdbi;
  private final Clock clock;
  private final OrganizationRepository repo = new OrganizationRepository();

  public OrganizationService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The id of the organization, creating it (named {@code name}) when there is none. */
  public String ensureDefault(String name) {
    return jdbi.inTransaction(
        h ->
            repo.first(h)
                .map(o -> o.id())
                .orElseGet(
                    () -> {
                      String id = UUID.randomUUID().toString();
                      repo.insert(h, id, name, clock.instant());
                      return id;
                    }));
  }

  public Organization get(String id) {
    return jdbi.withHandle(h -> repo.byId(h, id))
        .orElseThrow(() -> new DomainException.NotFound("organization", id));
  }

  /**
   * Renames the organization.
   *
   * @param expectedVersion the version the caller last saw (from {@code If-Match}), or null to
   *     overwrite whatever is stored
   * @throws DomainException.StaleVersion when the stored version differs
   */
  public Organization rename(String id, String name, Long expectedVersion) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new DomainException.Invalid("the name must have 1 to 200 characters");
    }
    return jdbi.inTransaction(
        h -> {
          Organization current =
              repo.byId(h, id).orElseThrow(() -> new DomainException.NotFound("organization", id));
          if (expectedVersion != null && expectedVersion != current.version()) {
            throw new DomainException.StaleVersion("the organization", current.version());
          }
          if (!repo.rename(h, id, name.trim(), current.version())) {
            throw new DomainException.StaleVersion("the organization", current.version() + 1);
          }
          return repo.byId(h, id).orElseThrow();
        });
  }
}

package io.tessera.service;

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
}

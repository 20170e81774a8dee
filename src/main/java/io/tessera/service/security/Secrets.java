package io.tessera.service.security;

import io.tessera.store.SecretRepository;
import java.security.SecureRandom;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Secrets that must be used in clear, stored encrypted with the {@link MasterKey}. */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Jdbi jdbi;
  private final SecretRepository repo = new SecretRepository();
  private final MasterKey key;
  private final Clock clock;

  public Secrets(Jdbi jdbi, MasterKey key, Clock clock) {
    this.jdbi = jdbi;
    this.key = key;
    this.clock = clock;
  }

  /** The named secret, generated ({@code lengthBytes} random bytes) and stored on first use. */
  public byte[] getOrCreate(String name, int lengthBytes) {
    return jdbi.inTransaction(
        h ->
            repo.get(h, name)
                .map(c -> key.decrypt(name, c))
                .orElseGet(
                    () -> {
                      byte[] fresh = new byte[lengthBytes];
                      RANDOM.nextBytes(fresh);
                      repo.put(h, name, key.encrypt(name, fresh), clock.instant());
                      return fresh;
                    }));
  }
}

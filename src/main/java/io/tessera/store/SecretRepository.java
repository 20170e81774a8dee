package io.tessera.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Encrypted secrets by name; this class sees only ciphertext. */
public final class SecretRepository {

  public Optional<byte[]> get(Handle h, String name) {
    return h.createQuery("SELECT ciphertext FROM secret WHERE name = :name")
        .bind("name", name)
        .mapTo(byte[].class)
        .findOne();
  }

  public void put(Handle h, String name, byte[] ciphertext, Instant now) {
    h.createUpdate("DELETE FROM secret WHERE name = :name").bind("name", name).execute();
    h.createUpdate(
            "INSERT INTO secret (name, ciphertext, created_at) VALUES (:name, :ciphertext, :now)")
        .bind("name", name)
        .bind("ciphertext", ciphertext)
        .bind("now", now)
        .execute();
  }
}

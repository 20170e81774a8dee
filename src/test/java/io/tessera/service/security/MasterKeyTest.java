package io.tessera.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
  @TempDir Path dir;

  @Test
  void keyFileIsOwnerOnlyAndStable() throws Exception {
    Path file = dir.resolve("secret.key");
    MasterKey a = MasterKey.loadOrCreate(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    byte[] sealed = a.encrypt("jwt", "hello".getBytes(StandardCharsets.UTF_8));
    MasterKey b = MasterKey.loadOrCreate(file);
    assertThat(new String(b.decrypt("jwt", sealed), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void ciphertextIsBoundToItsName() throws Exception {
    MasterKey k = MasterKey.loadOrCreate(dir.resolve("secret.key"));
    byte[] sealed = k.encrypt("webhook:1", "s3cret".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> k.decrypt("webhook:2", sealed))
        .hasMessageContaining("cannot decrypt");
  }

  @Test
  void secretsAreStoredEncryptedAndPersist() throws Exception {
    MasterKey k = MasterKey.loadOrCreate(dir.resolve("secret.key"));
    byte[] first;
    try (Database db = Database.open(Database.h2Url(dir), Clock.systemUTC())) {
      db.migrate(null);
      first = new Secrets(db.jdbi(), k, Clock.systemUTC()).getOrCreate("jwt-signing-key", 64);
      byte[] stored = db.jdbi().withHandle(h ->
          h.createQuery("SELECT ciphertext FROM secret WHERE name = 'jwt-signing-key'")
              .mapTo(byte[].class).one());
      assertThat(stored).isNotEqualTo(first);
      assertThat(indexOf(stored, first)).isNegative();
    }
    try (Database db = Database.open(Database.h2Url(dir), Clock.systemUTC())) {
      assertThat(new Secrets(db.jdbi(), k, Clock.systemUTC()).getOrCreate("jwt-signing-key", 64))
          .isEqualTo(first);
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

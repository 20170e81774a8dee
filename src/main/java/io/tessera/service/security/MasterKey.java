package io.tessera.service.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts secrets at rest (JWT signing key, webhook secrets): 32 random bytes in a
 * 0600 file of the data dir, created on first use. AES-256-GCM; each ciphertext is
 * {@code nonce(12) || ciphertext+tag}, with the secret's name as associated data so that one
 * secret's ciphertext cannot be passed off as another's.
 */
public final class MasterKey {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  private MasterKey(byte[] raw) {
    this.key = new SecretKeySpec(raw, "AES");
  }

  /** Loads the key file, creating it (0600) when missing. */
  public static MasterKey loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] raw = new byte[32];
      RANDOM.nextBytes(raw);
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      SecureFiles.createOwnerOnly(tmp);
      Files.write(tmp, raw, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      try {
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(tmp);
      }
    }
    byte[] raw = Files.readAllBytes(file);
    if (raw.length != 32) {
      throw new IOException("the key file " + file.getFileName() + " is damaged (expected 32 bytes)");
    }
    return new MasterKey(raw);
  }

  public byte[] encrypt(String name, byte[] plain) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      c.updateAAD(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plain);
      return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  public byte[] decrypt(String name, byte[] sealed) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
      c.updateAAD(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return c.doFinal(sealed, 12, sealed.length - 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt secret '" + name + "': the data dir's key file does not match", e);
    }
  }

  /** Helpers for files only the owner may read. */
  public static final class SecureFiles {
    private SecureFiles() {}

    /** Creates an empty file readable and writable by its owner only (where POSIX allows). */
    public static void createOwnerOnly(Path file) throws IOException {
      try {
        Files.createFile(
            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
    }
  }
}

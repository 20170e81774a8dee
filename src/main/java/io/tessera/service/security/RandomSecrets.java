package io.tessera.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random credentials and their stored form. */
public final class RandomSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomSecrets() {}

  /** {@code prefix} followed by {@code bytes} random bytes, base64url without padding. */
  public static String token(String prefix, int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** SHA-256 hex: the stored form of a high-entropy secret. */
  public static String sha256Hex(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares two secrets in time that does not depend on where they differ. */
  public static boolean sameSecret(String a, String b) {
    return MessageDigest.isEqual(
        sha256Hex(a).getBytes(StandardCharsets.US_ASCII),
        sha256Hex(b).getBytes(StandardCharsets.US_ASCII));
  }
}

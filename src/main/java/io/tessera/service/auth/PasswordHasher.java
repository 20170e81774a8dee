package io.tessera.service.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashes. Passwords past bcrypt's 72-byte input are refused, not truncated. */
public final class PasswordHasher {
  public static final int MIN_LENGTH = 8;
  private static final int MAX_BYTES = 72;
  /** bcrypt's work factor: 2^12 rounds, about a quarter second here. */
  public static final int COST = 12;
  /**
   * A cost-12 hash of a password nobody has, made once offline (hashing it at start-up cost
   * 0.4 s), so that an unknown email costs as much time as a wrong password.
   */
  private static final String DUMMY_HASH =
      "$2a$12$irAnp0dxDX2n0/Di4qlraONqO6C0FEdJehe1C5624/2Kcjg7TI5tC";

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }

  public boolean verify(String password, String hash) {
    return BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
  }

  /** Spends the time of one verification, so an unknown email is not told apart by timing. */
  public void verifyNothing(String password) {
    verify(password, DUMMY_HASH);
  }

  /** Null when acceptable, else the reason in words. */
  public static String weakness(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "the password must have at least " + MIN_LENGTH + " characters";
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "the password must be at most " + MAX_BYTES + " bytes";
    }
    if (password.isBlank()) {
      return "the password must not be blank";
    }
    return null;
  }
}

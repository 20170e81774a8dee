package io.tessera.core.model;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Prefixed, time-ordered identifiers in the style the missions API shows ({@code mission_01jxk…},
 * {@code sub_…}): the prefix, then a lower-case ULID (48-bit millisecond time + 80 random bits in
 * Crockford base 32), so ids sort by creation time and never collide in practice.
 */
public final class Ids {
  private static final char[] CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** {@code prefix} followed by a 26-character lower-case ULID made at {@code now}. */
  public static String next(String prefix, Instant now) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    return prefix + ulid(now.toEpochMilli(), random);
  }

  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  /**
   * {@code length} random case-sensitive alphanumeric characters, the style of ZoomHub's content
   * ids; each carries log2(62) ≈ 5.95 bits, so 22 characters hold more than 128 bits.
   */
  public static String randomAlphanumeric(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
    }
    return new String(out);
  }

  static String ulid(long millis, byte[] random) {
    char[] out = new char[26];
    long t = millis;
    for (int i = 9; i >= 0; i--) {
      out[i] = CROCKFORD[(int) (t & 31)];
      t >>>= 5;
    }
    // 80 random bits = 16 characters of 5 bits, taken from the two halves (40 bits each)
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 5; i++) {
      hi = (hi << 8) | (random[i] & 0xff);
      lo = (lo << 8) | (random[i + 5] & 0xff);
    }
    for (int i = 17; i >= 10; i--) {
      out[i] = CROCKFORD[(int) (hi & 31)];
      hi >>>= 5;
    }
    for (int i = 25; i >= 18; i--) {
      out[i] = CROCKFORD[(int) (lo & 31)];
      lo >>>= 5;
    }
    return new String(out);
  }
}

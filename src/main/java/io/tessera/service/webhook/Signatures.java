package io.tessera.service.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-QZ-Signature} of the missions API: HMAC-SHA256 of the raw request body, keyed with
 * the webhook secret's UTF-8 bytes (what Node's {@code createHmac('sha256', secret)} does with a
 * string secret), as lower-case hex. Receivers recompute it over the bytes they received, so the
 * body must be sent exactly as signed.
 */
public final class Signatures {
  private Signatures() {}

  public static String hmacSha256Hex(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}

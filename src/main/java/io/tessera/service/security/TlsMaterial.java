package io.tessera.service.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * A server certificate chain and its private key, read from PEM files as operators have them
 * (e.g. from Let's Encrypt), held in an in-memory key store for the HTTP server.
 *
 * @param password the in-memory key store's password (random; never written anywhere)
 */
public record TlsMaterial(KeyStore keyStore, char[] password) {

  /**
   * Reads {@code certPem} (the chain, leaf first) and {@code keyPem} (PKCS#8, unencrypted).
   *
   * @throws IllegalArgumentException with an operator-readable reason when they are unusable
   */
  public static TlsMaterial fromPem(Path certPem, Path keyPem) {
    try {
      Collection<? extends Certificate> chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certPem)));
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("no certificate found in " + certPem.getFileName());
      }
      PrivateKey key = privateKey(Files.readString(keyPem, StandardCharsets.US_ASCII));
      char[] password = RandomSecrets.token("", 24).toCharArray();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("tessera", key, password, chain.toArray(Certificate[]::new));
      return new TlsMaterial(ks, password);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the TLS files: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the TLS certificate or key is not usable: " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "the key is in the old PKCS#1/SEC1 form; convert it with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
    }
    if (pem.contains("ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException("the key is encrypted; give an unencrypted PKCS#8 key");
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("no PEM 'PRIVATE KEY' block found in the key file");
    }
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("the private key is neither RSA, EC nor Ed25519");
  }
}

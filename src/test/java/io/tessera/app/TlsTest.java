package io.tessera.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.service.security.TlsMaterial;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --tls-cert/--tls-key}: HTTPS from the PEM files an operator has. */
class TlsTest {
  @TempDir Path dir;

  /** A self-signed certificate for 127.0.0.1 made with the JDK's keytool, written out as PEM. */
  private KeyStore selfSigned(Path cert, Path key) throws Exception {
    Path p12 = dir.resolve("server.p12");
    Process kt = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    assertThat(kt.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(kt.exitValue()).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, "changeit".toCharArray());
    }
    Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes());
    Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n"
        + b64.encodeToString(ks.getCertificate("server").getEncoded())
        + "\n-----END CERTIFICATE-----\n");
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
        + b64.encodeToString(ks.getKey("server", "changeit".toCharArray()).getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", ks.getCertificate("server"));
    return trust;
  }

  @Test
  void servesHttpsWithPemFiles() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    KeyStore trust = selfSigned(cert, key);
    TlsMaterial tls = TlsMaterial.fromPem(cert, key);
    try (EmbeddedService s = EmbeddedService.start(new EmbeddedService.Options(
        dir.resolve("data"), "127.0.0.1", 0, null, tls, java.util.List.of()))) {
      assertThat(s.url()).startsWith("https://127.0.0.1:");
      // no plain-HTTP connector beside the TLS one
      assertThat(s.server().javalin().jettyServer().server().getConnectors()).hasSize(1);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpResponse<String> r = HttpClient.newBuilder().sslContext(ssl).build().send(
          HttpRequest.newBuilder(URI.create(s.url() + "/api/v1/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"database\":\"connected\"");
    }
  }

  @Test
  void oldStyleOrMissingKeysAreRefusedWithAFix() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    selfSigned(cert, key);
    Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"),
        "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> TlsMaterial.fromPem(cert, pkcs1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openssl pkcs8 -topk8");
    assertThatThrownBy(() -> TlsMaterial.fromPem(cert, dir.resolve("missing.pem")))
        .hasMessageContaining("cannot read the TLS files");
  }
}

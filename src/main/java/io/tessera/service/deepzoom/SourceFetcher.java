package io.tessera.service.deepzoom;

import io.tessera.service.security.OutboundPolicy;
import io.tessera.service.security.PinnedDns;
import io.tessera.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches an image that content by URL names into the blob store, under the outbound policy: each
 * hop of a redirect is checked again and connects to the addresses the check resolved ({@link
 * PinnedDns}), the body is bounded in size, the whole fetch in time.
 */
final class SourceFetcher {
  static final int MAX_REDIRECTS = 5;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(10);

  private final OutboundPolicy policy;
  private final PinnedDns dns;
  private final BlobStore blobs;
  private final long maxBytes;
  private final String userAgent;
  /** Made on the first fetch: OkHttp's TLS set-up costs start-up time. */
  private volatile OkHttpClient http;

  SourceFetcher(
      OutboundPolicy policy, PinnedDns dns, BlobStore blobs, long maxBytes, String version) {
    this.policy = policy;
    this.dns = dns;
    this.blobs = blobs;
    this.maxBytes = maxBytes;
    this.userAgent = "Tessera-DeepZoom/" + version;
  }

  /**
   * Downloads {@code url} into the blob store.
   *
   * @throws IOException with a message for the user when the fetch is refused or fails
   */
  BlobStore.BlobRef fetch(String url) throws IOException {
    return dns.pinning(
        () -> {
          String next = url;
          for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            URI checked = check(next);
            Request request =
                new Request.Builder().url(checked.toString()).header("User-Agent", userAgent)
                    .build();
            try (Response response = http().newCall(request).execute()) {
              if (response.isRedirect()) {
                String location = response.header("Location");
                if (location == null) {
                  throw new IOException("the server answered a redirect without a Location");
                }
                next = checked.resolve(location).toString();
                continue;
              }
              if (!response.isSuccessful()) {
                throw new IOException(
                    "fetching the image failed: the server answered HTTP " + response.code());
              }
              try (InputStream body = response.body().byteStream()) {
                return blobs.put(body, maxBytes);
              } catch (BlobStore.TooLargeException e) {
                throw new IOException("the image is larger than the limit of " + maxBytes
                    + " bytes");
              }
            }
          }
          throw new IOException("more than " + MAX_REDIRECTS + " redirects");
        });
  }

  private URI check(String url) throws IOException {
    try {
      return policy.checkUrl(url);
    } catch (io.tessera.service.DomainException e) {
      throw new IOException(e.getMessage());
    }
  }

  private OkHttpClient http() {
    OkHttpClient c = http;
    if (c == null) {
      synchronized (this) {
        if (http == null) {
          http =
              new OkHttpClient.Builder()
                  .dns(dns)
                  .proxy(Proxy.NO_PROXY)
                  .followRedirects(false)
                  .followSslRedirects(false)
                  .connectTimeout(CONNECT_TIMEOUT)
                  .readTimeout(READ_TIMEOUT)
                  .callTimeout(CALL_TIMEOUT)
                  .build();
        }
        c = http;
      }
    }
    return c;
  }
}

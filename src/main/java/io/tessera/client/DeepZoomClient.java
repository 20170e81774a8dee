package io.tessera.client;

import io.tessera.api.dto.DeepZoomDtos.ContentDto;
import io.tessera.api.dto.DeepZoomDtos.DziDto;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Typed calls of the deep-zoom API ({@code /v1/content}, {@code /v1/dzi}, tiles). */
public final class DeepZoomClient {
  private final TesseraClient http;

  public DeepZoomClient(TesseraClient http) {
    this.http = http;
  }

  /** The content for an http(s) or file URL (existing, or new with its tiling started). */
  public ContentDto fromUrl(String url) {
    return http.get("/v1/content?url=" + enc(url), ContentDto.class);
  }

  /** The content for a file on the service's machine, within the folders it may read. */
  public ContentDto fromFile(Path file) {
    return fromUrl(file.toAbsolutePath().toUri().toString());
  }

  /** Uploads an image as new content. */
  public ContentDto upload(Path file, String contentType) {
    return http.postMultipart("/v1/content", Map.of(),
        List.of(new TesseraClient.FilePart("file", file, contentType)), ContentDto.class);
  }

  public ContentDto content(String id) {
    return http.get("/v1/content/" + enc(id), ContentDto.class);
  }

  /** Shares the content; the answer carries its public id, share URL and embed HTML. */
  public ContentDto share(String id) {
    return http.post("/v1/content/" + enc(id) + "/share", Map.of(), ContentDto.class);
  }

  /**
   * The DZI object of ready content ({@code /v1/dzi/{id}} without following its redirect).
   *
   * @throws ApiException 404 with the reason while tiling or when tiling failed
   */
  public DziDto dzi(String id) {
    TesseraClient.RawResponse r = http.raw("GET", "/v1/dzi/" + enc(id), null, null);
    try {
      if (r.status() == 301) {
        return http.json().readValue(r.body(), DziDto.class);
      }
      String detail = http.json().readTree(r.body()).path("detail").asText("HTTP " + r.status());
      throw new ApiException(r.status(), detail, r.text());
    } catch (java.io.IOException e) {
      throw new ApiException(r.status(), "unexpected answer from the service", r.text());
    }
  }

  /** The DZI descriptor (XML), or null until tiling has read the image's size. */
  public String descriptor(String id) {
    byte[] body = getOrNull("/dzi/" + enc(id) + ".dzi");
    return body == null ? null : new String(body, StandardCharsets.UTF_8);
  }

  /** An encoded tile, or null when it is not written yet (or outside the pyramid). */
  public byte[] tile(String id, int level, int column, int row, String format) {
    return getOrNull(String.format(Locale.ROOT, "/dzi/%s_files/%d/%d_%d.%s", enc(id), level,
        column, row, format));
  }

  private byte[] getOrNull(String path) {
    TesseraClient.RawResponse r = http.raw("GET", path, null, null);
    if (r.status() == 404) {
      return null;
    }
    if (r.status() != 200) {
      throw new ApiException(r.status(), "HTTP " + r.status() + " for " + path, r.text());
    }
    return r.body();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

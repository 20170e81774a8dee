package io.tessera.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The deep-zoom API's wire shapes (deep-zoom-api-zoomhub.txt): camelCase, as ZoomHub's. */
public final class DeepZoomDtos {
  private DeepZoomDtos() {}

  /**
   * Where a pyramid is and its geometry.
   *
   * @param url the {@code .dzi} descriptor; tiles are beside it in {@code <id>_files/}
   */
  public record DziDto(
      String url, int width, int height, int tileSize, int tileOverlap, String tileFormat) {}

  /**
   * A content item. {@code progress} is the tiling's real share done, 0..1; {@code dzi} is null
   * until {@code ready}. {@code shareUrl} and {@code embedHtml} are null until the content is
   * shared ({@code POST /v1/content/{id}/share}).
   */
  public record ContentDto(
      String id,
      String url,
      boolean ready,
      boolean failed,
      double progress,
      String shareUrl,
      String embedHtml,
      String title,
      DziDto dzi) {}

  /** The JSONP wrapper: always sent with HTTP 200; {@code status} is the real answer's. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record JsonpResponse(
      int status,
      String statusText,
      String redirectLocation,
      Integer retryAfter,
      ContentDto content,
      DziDto dzi,
      String error) {}
}

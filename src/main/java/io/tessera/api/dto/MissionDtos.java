package io.tessera.api.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The missions API's wire shapes (missions-api-quixzoom.txt): snake_case, UTC times with Z. */
public final class MissionDtos {
  private MissionDtos() {}

  /** {@code POST /auth/token}: the OAuth2 client-credentials grant as a JSON body. */
  public record TokenRequest(
      @JsonProperty("grant_type") String grantType,
      @JsonProperty("client_id") String clientId,
      @JsonProperty("client_secret") String clientSecret,
      String scope) {}

  public record TokenResponse(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn,
      String scope) {}

  /** A GeoJSON Polygon (RFC 7946): rings of {@code [lon, lat]} positions. */
  public record PolygonDto(String type, List<List<double[]>> coordinates) {
    public static PolygonDto of(List<List<double[]>> rings) {
      return new PolygonDto("Polygon", rings);
    }
  }

  /**
   * {@code POST /missions}, as the SDK sends it. {@code bounds} is read as JSON so that a bad
   * polygon gets a precise answer; {@code requiredImages} is also accepted as
   * {@code required_images}.
   */
  public record CreateMissionRequest(
      String title,
      String description,
      JsonNode bounds,
      @JsonAlias("required_images") Integer requiredImages) {}

  /** A mission; the list shows the same object (a superset of the document's list item). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MissionDto(
      String id,
      String uuid,
      String title,
      String description,
      String status,
      PolygonDto bounds,
      @JsonProperty("required_images") int requiredImages,
      @JsonProperty("approved_images") int approvedImages,
      int submissions,
      @JsonProperty("area_m2") double areaM2,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("updated_at") String updatedAt,
      @JsonProperty("completed_at") String completedAt) {}

  /** {@code {"data": [...], "meta": {"total": …, "page": …}}}. */
  public record Page<T>(List<T> data, Meta meta) {}

  public record Meta(long total, int page, @JsonProperty("per_page") int perPage) {}

  /** The document's location object: {@code {"lat": …, "lng": …}}. */
  public record LatLng(double lat, double lng) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SubmissionDto(
      String id,
      @JsonProperty("mission_id") String missionId,
      @JsonProperty("zoomer_id") String zoomerId,
      String status,
      String reason,
      LatLng location,
      @JsonProperty("captured_at") String capturedAt,
      @JsonProperty("altitude_m") Double altitudeM,
      @JsonProperty("accuracy_m") Double accuracyM,
      @JsonProperty("image_count") int imageCount,
      @JsonProperty("outside_bounds_count") int outsideBoundsCount,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("decided_at") String decidedAt,
      List<ImageDto> images) {}

  /** One photo of a submission with its EXIF summary. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ImageDto(
      String id,
      @JsonProperty("file_name") String fileName,
      @JsonProperty("size_bytes") long sizeBytes,
      String sha256,
      int width,
      int height,
      LatLng location,
      @JsonProperty("altitude_m") Double altitudeM,
      @JsonProperty("accuracy_m") Double accuracyM,
      @JsonProperty("captured_at") String capturedAt,
      @JsonProperty("time_source") String timeSource,
      String make,
      String model,
      Integer orientation,
      @JsonProperty("outside_bounds") boolean outsideBounds) {}

  /** {@code POST /submissions/{id}/reject}. */
  public record RejectRequest(String reason) {}

  /**
   * {@code POST /missions/{id}/submissions/import}: the desktop's intake of local files by path
   * (within the server's allowed import roots) instead of uploading them over loopback.
   */
  public record ImportRequest(
      @JsonProperty("zoomer_id") String zoomerId, List<String> paths) {}
}

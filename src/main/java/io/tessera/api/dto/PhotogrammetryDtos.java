package io.tessera.api.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The photogrammetry API's wire shapes (photogrammetry-api-pix4d.txt): snake_case, as Django REST
 * framework writes them, with its {@code {count, next, previous, results}} pages.
 */
public final class PhotogrammetryDtos {
  private PhotogrammetryDtos() {}

  /** {@code POST /project/api/v3/projects/}; {@code name} is required. */
  public record CreateProjectRequest(
      String name,
      @JsonProperty("project_type") String projectType,
      @JsonProperty("acquisition_date") OffsetDateTime acquisitionDate,
      @JsonProperty("coordinate_system") String coordinateSystem,
      @JsonProperty("coordinate_system_geoid_height") Double coordinateSystemGeoidHeight,
      @JsonProperty("parent_type") String parentType,
      @JsonProperty("parent_uuid") String parentUuid) {}

  /** {@code PATCH /project/api/v3/projects/{id}/}: what is absent stays as it is. */
  public record UpdateProjectRequest(
      @JsonProperty("display_name") String displayName,
      @JsonProperty("acquisition_date") OffsetDateTime acquisitionDate,
      @JsonProperty("coordinate_system") String coordinateSystem,
      @JsonProperty("coordinate_system_geoid_height") Double coordinateSystemGeoidHeight) {}

  /**
   * A project, in the document's detailed form (the fields Tessera can fill truthfully), and
   * Tessera's {@code tie_points_with_fewer_than_two_marks}: each GCP or MTP that processing could
   * not use yet, with its number of marks.
   */
  public record ProjectDto(
      long id,
      String uuid,
      String name,
      @JsonProperty("display_name") String displayName,
      @JsonProperty("project_type") String projectType,
      @JsonProperty("acquisition_date") String acquisitionDate,
      @JsonProperty("create_date") String createDate,
      @JsonProperty("public_status") String publicStatus,
      @JsonProperty("display_detailed_status") String displayDetailedStatus,
      @JsonProperty("error_reason") String errorReason,
      @JsonProperty("image_count") int imageCount,
      @JsonProperty("coordinate_system") String coordinateSystem,
      @JsonProperty("coordinate_system_geoid_height") Double coordinateSystemGeoidHeight,
      @JsonProperty("parent_type") String parentType,
      @JsonProperty("parent_uuid") String parentUuid,
      @JsonProperty("project_group_id") Long projectGroupId,
      @JsonProperty("is_demo") boolean isDemo,
      @JsonProperty("is_geolocalized") boolean isGeolocalized,
      @JsonProperty("detail_url") String detailUrl,
      @JsonProperty("last_datetime_processing_started") String lastDatetimeProcessingStarted,
      @JsonProperty("last_datetime_processing_ended") String lastDatetimeProcessingEnded,
      @JsonProperty("s3_base_path") String s3BasePath,
      Map<String, Object> outputs,
      @JsonProperty("min_zoom") int minZoom,
      @JsonProperty("max_zoom") int maxZoom,
      @JsonProperty("proj_pipeline") String projPipeline,
      @JsonProperty("tie_points_with_fewer_than_two_marks")
          Map<String, Integer> tiePointsWithFewerThanTwoMarks) {}

  /** One page of a list. */
  public record Page<T>(long count, String next, String previous, List<T> results) {}

  /**
   * A project's photo. {@code s3_key} is the key it was stored under; {@code
   * deep_zoom_content_id} is its deep-zoom content ({@code /v1/content/{id}}), Tessera's own.
   */
  public record PhotoDto(
      long id,
      @JsonProperty("s3_key") String s3Key,
      @JsonProperty("thumbs_s3_key") Map<String, String> thumbsS3Key,
      @JsonProperty("s3_bucket") String s3Bucket,
      int width,
      int height,
      @JsonProperty("excluded_from_mapper") Boolean excludedFromMapper,
      @JsonProperty("deep_zoom_content_id") String deepZoomContentId) {}

  /** {@code inputs/bulk_register/}: the keys of files already put. */
  public record RegisterInputsRequest(@JsonProperty("input_file_keys") List<String> inputFileKeys) {}

  public record RegisterInputsResponse(@JsonProperty("nb_images_registered") int registered) {}

  /** A GCP as sent (registration, patch) and as shown (with id and project). */
  public record GcpDto(
      Long id,
      Long project,
      String name,
      @JsonProperty("point_type") String pointType,
      Double x,
      Double y,
      Double z,
      @JsonProperty("xy_accuracy") Double xyAccuracy,
      @JsonProperty("z_accuracy") Double zAccuracy) {}

  public record Gcps(List<GcpDto> gcps) {}

  public record MtpDto(
      Long id, Long project, String name, @JsonProperty("is_checkpoint") Boolean isCheckpoint) {}

  public record Mtps(List<MtpDto> mtps) {}

  public record MarkDto(
      Long id, String gcp, @JsonProperty("gcp_id") Long gcpId, String photo, Double x, Double y) {}

  public record Marks(List<MarkDto> marks) {}

  /**
   * Where a tie point should show on one photo (Tessera's {@code gcp/{name}/predictions/}).
   * {@code x}, {@code y} are displayed pixels from the photo's top-left corner, null when the
   * photo's camera is unknown ({@code note} says why); {@code basis} is {@code surveyed} or
   * {@code triangulated}; {@code correction} how the photo's own marks corrected its camera
   * ({@code none}, {@code flight}: by the flight's shared pose error estimated from marks on
   * other photos, {@code flight_and_marks}: by its own one or two marks and the flight's,
   * {@code full_pose}; {@code shift} is no longer given); {@code pose_source} {@code exif},
   * {@code marks} or {@code none}; {@code mark} the point's mark on the photo, if any; {@code
   * search_radius_px} the radius about ({@code x}, {@code y}), displayed pixels, that should hold
   * the point with about 95 % probability, from the posterior uncertainty of the photo's camera
   * (null without a prediction).
   */
  public record PredictionDto(
      @JsonProperty("photo_id") long photoId,
      String photo,
      @JsonProperty("deep_zoom_content_id") String deepZoomContentId,
      int width,
      int height,
      Double x,
      Double y,
      @JsonProperty("distance_from_centre") Double distanceFromCentre,
      String basis,
      String correction,
      @JsonProperty("pose_source") String poseSource,
      MarkDto mark,
      String note,
      @JsonProperty("search_radius_px") Double searchRadiusPx) {}

  /** The photos of one tie point, ranked: predicted ones nearest the image centre first. */
  public record Predictions(String gcp, List<PredictionDto> predictions) {}

  /** {@code POST /common/api/v4/folders/}, {@code PATCH} with only a name. */
  public record FolderRequest(
      String name,
      @JsonProperty("parent_type") String parentType,
      @JsonProperty("parent_uuid") String parentUuid) {}

  public record FolderDto(
      String uuid,
      String name,
      @JsonProperty("parent_type") String parentType,
      @JsonProperty("parent_uuid") String parentUuid) {}

  /** {@code POST /project/api/v3/project_groups/}. */
  public record ProjectGroupRequest(
      String name,
      @JsonProperty("project_group_type") String projectGroupType,
      @JsonProperty("parent_type") String parentType,
      @JsonProperty("parent_uuid") String parentUuid) {}

  public record ProjectGroupDto(
      long id,
      String uuid,
      String name,
      @JsonProperty("project_group_type") String projectGroupType,
      @JsonProperty("parent_type") String parentType,
      @JsonProperty("parent_uuid") String parentUuid,
      @JsonProperty("create_date") String createDate) {}

  /** {@code /common/api/v4/drive/move_batch/}. */
  public record MoveBatchRequest(
      @JsonProperty("owner_uuid") String ownerUuid,
      @JsonProperty("source_nodes") List<Node> sourceNodes,
      @JsonProperty("target_type") String targetType,
      @JsonProperty("target_uuid") String targetUuid) {
    public record Node(String type, String uuid) {}
  }

  /** One entry of a drive listing. */
  public record DriveEntryDto(
      @JsonProperty("legacy_id") long legacyId,
      String uuid,
      String type,
      String date,
      String name,
      Object metadata) {}

  /** {@code POST /common/api/v3/coordinate_systems/validate_wkt/}. */
  public record WktRequest(@JsonProperty("wkt_string") String wktString) {}

  /**
   * A project output as the document lists it ({@code result_type}, {@code output_type},
   * {@code availability}, {@code s3_key}, {@code s3_bucket}, {@code output_id}), with Tessera's
   * own fields: the import's {@code progress} (0 to 1) and {@code error}, the file's name and size,
   * and, for an imported raster, what it holds ({@code raster}: size, bands, EPSG, NoData).
   */
  public record OutputDto(
      @JsonProperty("output_id") long outputId,
      @JsonProperty("result_type") String resultType,
      @JsonProperty("output_type") String outputType,
      String availability,
      String output,
      @JsonProperty("s3_key") String s3Key,
      @JsonProperty("s3_bucket") String s3Bucket,
      @JsonProperty("file_name") String fileName,
      @JsonProperty("size_bytes") long sizeBytes,
      Double progress,
      String error,
      Object raster) {}

  /** {@code POST outputs/}: the document's register body. */
  public record OutputRequest(String output, @JsonProperty("output_type") String outputType) {}

  /** {@code POST outputs/bulk_register/}. */
  public record BulkOutputs(List<OutputRequest> outputs) {}

  /** {@code outputs/bulk_register/}'s answer. */
  public record OutputList(List<OutputDto> outputs) {}

  /**
   * {@code /common/api/v3/permission-token/}: create ({@code type} and {@code type_id} required;
   * {@code token} optional, a UUID v4), update ({@code enabled}, {@code write}), or the
   * collection's PATCH ({@code enabled}, {@code type}, {@code type_id}).
   */
  public record TokenRequest(
      String token,
      Boolean enabled,
      Boolean write,
      String type,
      @JsonProperty("type_id") Long typeId) {}
}

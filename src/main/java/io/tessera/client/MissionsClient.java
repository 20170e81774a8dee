package io.tessera.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tessera.api.dto.MissionDtos.CreateMissionRequest;
import io.tessera.api.dto.MissionDtos.ImportRequest;
import io.tessera.api.dto.MissionDtos.MissionDto;
import io.tessera.api.dto.MissionDtos.Page;
import io.tessera.api.dto.MissionDtos.PolygonDto;
import io.tessera.api.dto.MissionDtos.RejectRequest;
import io.tessera.api.dto.MissionDtos.SubmissionDto;
import io.tessera.api.dto.MissionDtos.TokenRequest;
import io.tessera.api.dto.MissionDtos.TokenResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Typed calls of the missions API ({@code /api/qz/v1}) over a {@link TesseraClient}. */
public final class MissionsClient {
  public static final String PREFIX = "/api/qz/v1";
  private final TesseraClient http;

  public MissionsClient(TesseraClient http) {
    this.http = http;
  }

  /** The client-credentials grant; works on an anonymous client. */
  public TokenResponse token(String clientId, String clientSecret, String scope) {
    return http.post(
        PREFIX + "/auth/token",
        new TokenRequest("client_credentials", clientId, clientSecret, scope),
        TokenResponse.class);
  }

  /** One page of missions; {@code status} null for active ones. */
  public Page<MissionDto> missions(String status, int page, int perPage) {
    String q = "?page=" + page + "&per_page=" + perPage + (status == null ? "" : "&status=" + enc(status));
    return http.get(PREFIX + "/missions" + q, new TypeReference<Page<MissionDto>>() {});
  }

  public MissionDto mission(String id) {
    return http.get(PREFIX + "/missions/" + enc(id), MissionDto.class);
  }

  public MissionDto createMission(
      String title, String description, PolygonDto bounds, int requiredImages) {
    CreateMissionRequest body =
        new CreateMissionRequest(title, description, http.json().valueToTree(bounds), requiredImages);
    return http.post(PREFIX + "/missions", body, MissionDto.class);
  }

  public Page<SubmissionDto> submissions(String missionId, int page, int perPage) {
    return http.get(
        PREFIX + "/missions/" + enc(missionId) + "/submissions?page=" + page + "&per_page=" + perPage,
        new TypeReference<Page<SubmissionDto>>() {});
  }

  /** The submission with its images and their EXIF summaries. */
  public SubmissionDto submission(String id) {
    return http.get(PREFIX + "/submissions/" + enc(id), SubmissionDto.class);
  }

  /** Uploads JPEGs as one submission (multipart, parts named {@code images}). */
  public SubmissionDto submit(String missionId, String zoomerId, List<Path> jpegs) {
    return http.postMultipart(
        PREFIX + "/missions/" + enc(missionId) + "/submissions",
        Map.of("zoomer_id", zoomerId),
        jpegs.stream().map(p -> new TesseraClient.FilePart("images", p, "image/jpeg")).toList(),
        SubmissionDto.class);
  }

  /** Creates a submission from files the server reads by path (within its import roots). */
  public SubmissionDto importFiles(String missionId, String zoomerId, List<Path> files) {
    return http.post(
        PREFIX + "/missions/" + enc(missionId) + "/submissions/import",
        new ImportRequest(zoomerId, files.stream().map(p -> p.toAbsolutePath().toString()).toList()),
        SubmissionDto.class);
  }

  public SubmissionDto approve(String submissionId) {
    return http.post(
        PREFIX + "/submissions/" + enc(submissionId) + "/approve", Map.of(), SubmissionDto.class);
  }

  public SubmissionDto reject(String submissionId, String reason) {
    return http.post(
        PREFIX + "/submissions/" + enc(submissionId) + "/reject",
        new RejectRequest(reason),
        SubmissionDto.class);
  }

  /** Takes a decision back (undo): the submission is received again. */
  public SubmissionDto reopen(String submissionId) {
    return http.post(
        PREFIX + "/submissions/" + enc(submissionId) + "/reopen", Map.of(), SubmissionDto.class);
  }

  /** One original image file, byte for byte. */
  public byte[] image(String submissionId, String imageId) {
    return http.getBytes(PREFIX + "/submissions/" + enc(submissionId) + "/images/" + enc(imageId));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

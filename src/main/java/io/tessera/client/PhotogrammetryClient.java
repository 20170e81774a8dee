package io.tessera.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.PhotogrammetryDtos.GcpDto;
import io.tessera.api.dto.PhotogrammetryDtos.Gcps;
import io.tessera.api.dto.PhotogrammetryDtos.MarkDto;
import io.tessera.api.dto.PhotogrammetryDtos.Marks;
import io.tessera.api.dto.PhotogrammetryDtos.Page;
import io.tessera.api.dto.PhotogrammetryDtos.PhotoDto;
import io.tessera.api.dto.PhotogrammetryDtos.Predictions;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Typed calls of the photogrammetry API ({@code /project/api/v3}) that the marking workflow uses,
 * over a {@link TesseraClient}. Blocking, like every client call.
 */
public final class PhotogrammetryClient {
  public static final String PREFIX = "/project/api/v3/projects/";
  private final TesseraClient http;

  public PhotogrammetryClient(TesseraClient http) {
    this.http = http;
  }

  /** The first page of projects (up to 1000). */
  public List<ProjectDto> projects() {
    return http.get(PREFIX + "?page_size=1000", new TypeReference<Page<ProjectDto>>() {})
        .results();
  }

  public ProjectDto project(long id) {
    return http.get(PREFIX + id + "/", ProjectDto.class);
  }

  public List<PhotoDto> photos(long projectId) {
    return http.get(PREFIX + projectId + "/photos/", new TypeReference<List<PhotoDto>>() {});
  }

  public List<GcpDto> gcps(long projectId) {
    return http.get(PREFIX + projectId + "/gcp/", Gcps.class).gcps();
  }

  public List<MarkDto> marks(long projectId) {
    return http.get(PREFIX + projectId + "/mark/", Marks.class).marks();
  }

  /** Where tie point {@code name} should show on each photo, ranked. */
  public Predictions predictions(long projectId, String name) {
    return http.get(PREFIX + projectId + "/gcp/" + enc(name) + "/predictions/",
        Predictions.class);
  }

  /** Places a mark; pixels in Tessera's convention. */
  public MarkDto placeMark(long projectId, String gcp, String photoKey, double x, double y) {
    return http.post(PREFIX + projectId + "/mark/register/",
        new Marks(List.of(new MarkDto(null, gcp, null, photoKey, x, y))), Marks.class)
        .marks().get(0);
  }

  public MarkDto moveMark(long projectId, long markId, double x, double y) {
    TesseraClient.RawResponse r = http.raw("PATCH", PREFIX + projectId + "/mark/" + markId + "/",
        "application/json", json(new MarkDto(null, null, null, null, x, y)));
    return read(r, MarkDto.class);
  }

  public void deleteMark(long projectId, long markId) {
    http.delete(PREFIX + projectId + "/mark/" + markId + "/");
  }

  /**
   * Imports a control-point file ({@code POST gcp/import/}); {@code dryRun} previews without
   * storing. The answer: {@code gcps, mtps, marks, skipped_marks, coordinate_system, dry_run}.
   */
  public JsonNode importGcps(long projectId, Path file, boolean dryRun) {
    return http.postMultipart(PREFIX + projectId + "/gcp/import/",
        Map.of("dry_run", Boolean.toString(dryRun)),
        List.of(new TesseraClient.FilePart("file", file, "application/octet-stream")),
        JsonNode.class);
  }

  /** The control points as a file: {@code opf}, {@code odm} or {@code csv}. */
  public byte[] exportGcps(long projectId, String format) {
    return http.getBytes(PREFIX + projectId + "/gcp/export/?format=" + enc(format));
  }

  private byte[] json(Object body) {
    try {
      return http.json().writeValueAsBytes(body);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot serialise request body", e);
    }
  }

  private <T> T read(TesseraClient.RawResponse r, Class<T> type) {
    try {
      if (r.status() / 100 != 2) {
        String detail = http.json().readTree(r.body()).path("detail").asText("HTTP " + r.status());
        throw new ApiException(r.status(), detail, r.text());
      }
      return http.json().readValue(r.body(), type);
    } catch (java.io.IOException e) {
      throw new ApiException(r.status(), "unexpected answer from the service", r.text());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

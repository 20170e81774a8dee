package io.tessera.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.PhotogrammetryDtos.CreateProjectRequest;
import io.tessera.api.dto.PhotogrammetryDtos.GcpDto;
import io.tessera.api.dto.PhotogrammetryDtos.Gcps;
import io.tessera.api.dto.PhotogrammetryDtos.MarkDto;
import io.tessera.api.dto.PhotogrammetryDtos.Marks;
import io.tessera.api.dto.PhotogrammetryDtos.OutputDto;
import io.tessera.api.dto.PhotogrammetryDtos.OutputRequest;
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
 * Typed calls of the photogrammetry API ({@code /project/api/v3}, {@code /v1/project}) over a
 * {@link TesseraClient}: projects, outputs and volumes; photos, GCPs, marks and predictions for
 * the marking workflow. Blocking, like every client call.
 */
public final class ProjectsClient {
  public static final String PREFIX = "/project/api/v3";
  private static final String P = PREFIX + "/projects/";
  private final TesseraClient http;

  public ProjectsClient(TesseraClient http) {
    this.http = http;
  }

  /** The underlying client. */
  public TesseraClient http() {
    return http;
  }

  /** Every project, newest first (all pages). */
  public List<ProjectDto> projects() {
    List<ProjectDto> all = new java.util.ArrayList<>();
    for (int page = 1; ; page++) {
      Page<ProjectDto> p = http.get(PREFIX + "/projects/?page=" + page + "&page_size=100",
          new TypeReference<Page<ProjectDto>>() {});
      all.addAll(p.results());
      if (p.next() == null || p.results().isEmpty()) {
        return all;
      }
    }
  }

  public ProjectDto project(long id) {
    return http.get(PREFIX + "/projects/" + id + "/", ProjectDto.class);
  }

  /** Creates a project in {@code coordinateSystem} (e.g. {@code EPSG:32633}). */
  public ProjectDto create(String name, String coordinateSystem) {
    return http.post(PREFIX + "/projects/",
        new CreateProjectRequest(name, "pro", null, coordinateSystem, null, null, null),
        ProjectDto.class);
  }

  public List<OutputDto> outputs(long projectId) {
    return http.get(PREFIX + "/projects/" + projectId + "/outputs/",
        new TypeReference<List<OutputDto>>() {});
  }

  public OutputDto output(long projectId, long outputId) {
    return outputs(projectId).stream().filter(o -> o.outputId() == outputId).findFirst()
        .orElseThrow(() -> new ApiException(404, "no output " + outputId, ""));
  }

  /**
   * Imports a local file as an output by path (the server reads it in place, within its
   * allowed folders); a DSM or orthomosaic answers pending and imports in the background.
   *
   * @param outputType e.g. {@code dsm} or {@code ortho}; null to derive it from the name
   */
  public OutputDto importOutput(long projectId, Path file, String outputType) {
    return http.post(PREFIX + "/projects/" + projectId + "/outputs/",
        new OutputRequest(file.toAbsolutePath().toString(), outputType), OutputDto.class);
  }

  public void deleteOutput(long projectId, long outputId) {
    http.delete(PREFIX + "/projects/" + projectId + "/outputs/" + outputId + "/");
  }

  /**
   * {@code POST /v1/project/{id}/volumes/}: the document's body ({@code base_surface},
   * {@code coordinates}, {@code custom_elevation}, {@code units}); the answer's fields as sent.
   */
  public JsonNode volume(long projectId, Map<String, Object> body) {
    return http.post("/v1/project/" + projectId + "/volumes/", body, JsonNode.class);
  }

  /**
   * {@code POST /v1/annotations/} with one annotation on project {@code projectId}: its GeoJSON
   * {@code geometry} in the project's coordinates and its {@code properties}.
   *
   * @return the new annotation's id
   * @throws ApiException when the service refuses it, with the item's errors
   */
  public String createAnnotation(long projectId, Map<String, Object> geometry,
      Map<String, Object> properties) {
    com.fasterxml.jackson.databind.node.ObjectNode item = http.json().createObjectNode();
    item.put("entity_type", "Project");
    item.put("entity_id", projectId);
    item.set("properties", http.json().valueToTree(properties));
    item.set("geometry", http.json().valueToTree(geometry));
    return new AnnotationsClient(http).create(item);
  }

  /** The project's annotations, every page ({@link AnnotationsClient#list}). */
  public List<JsonNode> annotations(long projectId) {
    return new AnnotationsClient(http).list(projectId);
  }

  /** The URL template of an output's map tiles, {@code {z}/{x}/{y}} left to fill. */
  public String mapTileTemplate(long projectId, long outputId) {
    return http.baseUrl() + PREFIX + "/projects/" + projectId + "/outputs/" + outputId
        + "/tiles/{z}/{x}/{y}.png";
  }

  /** Where the project's photos were taken from ({@code cameras/}), as the API answers. */
  public JsonNode cameras(long projectId) {
    return http.get(P + projectId + "/cameras/", JsonNode.class);
  }

  // ---- photos, GCPs and marks (the marking workflow) ----

  public List<PhotoDto> photos(long projectId) {
    return http.get(P + projectId + "/photos/", new TypeReference<List<PhotoDto>>() {});
  }

  public List<GcpDto> gcps(long projectId) {
    return http.get(P + projectId + "/gcp/", Gcps.class).gcps();
  }

  public List<MarkDto> marks(long projectId) {
    return http.get(P + projectId + "/mark/", Marks.class).marks();
  }

  /** Where tie point {@code name} should show on each photo, ranked. */
  public Predictions predictions(long projectId, String name) {
    return http.get(P + projectId + "/gcp/" + enc(name) + "/predictions/",
        Predictions.class);
  }

  /** Places a mark; pixels in Tessera's convention. */
  public MarkDto placeMark(long projectId, String gcp, String photoKey, double x, double y) {
    return http.post(P + projectId + "/mark/register/",
        new Marks(List.of(new MarkDto(null, gcp, null, photoKey, x, y))), Marks.class)
        .marks().get(0);
  }

  public MarkDto moveMark(long projectId, long markId, double x, double y) {
    TesseraClient.RawResponse r = http.raw("PATCH", P + projectId + "/mark/" + markId + "/",
        "application/json", json(new MarkDto(null, null, null, null, x, y)));
    return read(r, MarkDto.class);
  }

  public void deleteMark(long projectId, long markId) {
    http.delete(P + projectId + "/mark/" + markId + "/");
  }

  /**
   * Imports a control-point file ({@code POST gcp/import/}); {@code dryRun} previews without
   * storing. The answer: {@code gcps, mtps, marks, skipped_marks, coordinate_system, dry_run}.
   */
  public JsonNode importGcps(long projectId, Path file, boolean dryRun) {
    return http.postMultipart(P + projectId + "/gcp/import/",
        Map.of("dry_run", Boolean.toString(dryRun)),
        List.of(new TesseraClient.FilePart("file", file, "application/octet-stream")),
        JsonNode.class);
  }

  /** The control points as a file: {@code opf}, {@code odm} or {@code csv}. */
  public byte[] exportGcps(long projectId, String format) {
    return http.getBytes(P + projectId + "/gcp/export/?format=" + enc(format));
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

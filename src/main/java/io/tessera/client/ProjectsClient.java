package io.tessera.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.api.dto.PhotogrammetryDtos.CreateProjectRequest;
import io.tessera.api.dto.PhotogrammetryDtos.OutputDto;
import io.tessera.api.dto.PhotogrammetryDtos.OutputRequest;
import io.tessera.api.dto.PhotogrammetryDtos.Page;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectDto;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Typed calls of the photogrammetry API's projects, outputs and volumes ({@code
 * /project/api/v3}, {@code /v1/project}) over a {@link TesseraClient}.
 */
public final class ProjectsClient {
  public static final String PREFIX = "/project/api/v3";
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
    Map<String, Object> item = new java.util.LinkedHashMap<>();
    item.put("entity_type", "Project");
    item.put("entity_id", projectId);
    item.put("properties", properties);
    item.put("geometry", geometry);
    JsonNode r = http.post("/v1/annotations/", Map.of("annotations", List.of(item)),
        JsonNode.class);
    JsonNode first = r.path("annotations").path(0);
    if (!first.path("success").asBoolean(false)) {
      throw new ApiException(400, "the annotation was refused: " + first.path("errors"),
          r.toString());
    }
    return first.path("annotation_id").asText();
  }

  /** {@code GET /v1/annotations/?entity_type=Project&entity_id=…}: every page's results. */
  public List<JsonNode> annotations(long projectId) {
    List<JsonNode> all = new java.util.ArrayList<>();
    String next = "/v1/annotations/?entity_type=Project&entity_id=" + projectId
        + "&page_size=100";
    while (next != null) {
      JsonNode page = http.get(next, JsonNode.class);
      page.path("results").forEach(all::add);
      String n = page.path("next").asText("");
      if (n.isEmpty() || page.path("results").isEmpty()) {
        next = null;
      } else {
        int at = n.indexOf("/v1/annotations/");
        next = at >= 0 ? n.substring(at) : null;
      }
    }
    return all;
  }

  /** The URL template of an output's map tiles, {@code {z}/{x}/{y}} left to fill. */
  public String mapTileTemplate(long projectId, long outputId) {
    return http.baseUrl() + PREFIX + "/projects/" + projectId + "/outputs/" + outputId
        + "/tiles/{z}/{x}/{y}.png";
  }
}

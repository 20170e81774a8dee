package io.tessera.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed calls of the photogrammetry API's annotations ({@code /v1/annotations/}) over a {@link
 * TesseraClient}. Annotations travel as the document's JSON objects (geometry in the project's
 * coordinates); the caller builds and reads them.
 */
public final class AnnotationsClient {
  static final String PATH = "/v1/annotations/";
  private final TesseraClient http;

  public AnnotationsClient(TesseraClient http) {
    this.http = http;
  }

  /** Every annotation of project {@code projectId}, following the pages. */
  public List<JsonNode> list(long projectId) {
    List<JsonNode> all = new ArrayList<>();
    String query = "entity_type=Project&entity_id=" + projectId + "&page_size=1000";
    while (query != null) {
      JsonNode page = http.get(PATH + "?" + query, JsonNode.class);
      page.path("results").forEach(all::add);
      JsonNode next = page.get("next");
      query = next == null || next.isNull() || page.path("results").isEmpty() ? null
          : URI.create(next.asText()).getRawQuery();
    }
    return all;
  }

  /** One annotation. */
  public JsonNode get(String annotationId) {
    return http.get(PATH + encode(annotationId) + "/", JsonNode.class);
  }

  /**
   * Creates one annotation (a batch item: {@code entity_type}, {@code entity_id}, {@code
   * geometry}, {@code properties}, …) and answers its id.
   *
   * @throws ApiException with the service's reasons when it refused the item
   */
  public String create(ObjectNode item) {
    JsonNode answer = http.post(PATH, Map.of("annotations", List.of(item)), JsonNode.class);
    JsonNode outcome = answer.path("annotations").path(0);
    if (!outcome.path("success").asBoolean(false)) {
      throw new ApiException(400, "The annotation was refused: " + reasons(outcome.get("errors")),
          answer.toString());
    }
    return outcome.path("annotation_id").asText();
  }

  /** Overwrites annotation {@code annotationId} with {@code item}; answers it as stored. */
  public JsonNode overwrite(String annotationId, ObjectNode item) {
    return http.put(PATH + encode(annotationId) + "/", item, JsonNode.class);
  }

  /** Deletes one annotation. */
  public void delete(String annotationId) {
    http.delete(PATH + encode(annotationId) + "/");
  }

  /** The service's per-field reasons in one line: {@code geometry: …; properties.color: …}. */
  static String reasons(JsonNode errors) {
    if (errors == null || !errors.isObject()) {
      return "no reason given";
    }
    List<String> parts = new ArrayList<>();
    errors.fields().forEachRemaining(e -> {
      List<String> texts = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> texts.add(v.asText()));
      } else {
        texts.add(e.getValue().asText());
      }
      parts.add(e.getKey() + ": " + String.join(" ", texts));
    });
    return String.join("; ", parts);
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}

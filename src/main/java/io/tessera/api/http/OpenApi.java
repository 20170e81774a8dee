package io.tessera.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the OpenAPI 3 description of the route table (no plugin exists for Javalin 7). */
final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private OpenApi() {}

  static ObjectNode describe(List<Route> routes, String version, ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    root.put("openapi", "3.0.3");
    ObjectNode info = root.putObject("info");
    info.put("title", "Tessera API");
    info.put("version", version);
    info.put(
        "description",
        "The Tessera service: missions and submissions (/api/qz/v1), field forms (/api/v1) and"
            + " the system routes. Errors are RFC 9457"
            + " application/problem+json unless a surface's reference document fixes another"
            + " body.");
    ObjectNode schemes = root.putObject("components").putObject("securitySchemes");
    schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
    schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-API-Key");
    ObjectNode problem =
        ((ObjectNode) root.get("components")).putObject("schemas").putObject("Problem");
    problem.put("type", "object");
    ObjectNode props = problem.putObject("properties");
    for (String s : List.of("type", "title", "detail", "instance", "request_id")) {
      props.putObject(s).put("type", "string");
    }
    props.putObject("status").put("type", "integer");

    Map<String, ObjectNode> byPath = new TreeMap<>();
    ObjectNode paths = root.putObject("paths");
    for (Route r : routes) {
      ObjectNode item = byPath.computeIfAbsent(r.path(), p -> paths.putObject(p));
      ObjectNode op = item.putObject(r.method().name().toLowerCase(Locale.ROOT));
      op.put("summary", r.summary());
      op.putArray("tags").add(r.tag());
      op.put(
          "operationId",
          r.method().name().toLowerCase(Locale.ROOT) + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
      ArrayNode params = op.putArray("parameters");
      Matcher m = PARAM.matcher(r.path());
      while (m.find()) {
        ObjectNode p = params.addObject();
        p.put("name", m.group(1)).put("in", "path").put("required", true);
        p.putObject("schema").put("type", "string");
      }
      if (r.access() == Access.PUBLIC) {
        op.putArray("security");
      } else {
        ArrayNode sec = op.putArray("security");
        if (r.access() == Access.OPTIONAL) {
          sec.addObject(); // no credentials at all is also accepted
        }
        sec.addObject().putArray("bearer");
        sec.addObject().putArray("apiKey");
      }
      if (r.requestBody() instanceof Route.Multipart mp) {
        ObjectNode schema =
            op.putObject("requestBody").put("required", true).putObject("content")
                .putObject("multipart/form-data").putObject("schema");
        schema.put("type", "object");
        ObjectNode fields = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        mp.fields().forEach((name, desc) -> {
          fields.putObject(name).put("type", "string").put("description", desc);
          required.add(name);
        });
        if (mp.filesField() != null) {
          ObjectNode files = fields.putObject(mp.filesField());
          files.put("type", "array").put("description", mp.filesDescription());
          files.putObject("items").put("type", "string").put("format", "binary");
          required.add(mp.filesField());
        }
      } else if (r.requestBody() != null) {
        ObjectNode content =
            op.putObject("requestBody").put("required", true).putObject("content");
        content
            .putObject("application/json")
            .set("example", json.valueToTree(r.requestBody()));
      }
      ObjectNode responses = op.putObject("responses");
      new TreeMap<>(r.responses())
          .forEach(
              (status, desc) -> {
                ObjectNode resp = responses.putObject(String.valueOf(status));
                resp.put("description", desc);
                if (status >= 400) {
                  resp.putObject("content")
                      .putObject(Problems.CONTENT_TYPE)
                      .putObject("schema")
                      .put("$ref", "#/components/schemas/Problem");
                }
              });
      if (r.access() != Access.PUBLIC) {
        responses.putObject("401").put("description", "Missing or invalid credentials");
      }
    }
    return root;
  }
}

package io.tessera.core.gcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON document read as a Jackson tree that remembers the line of every value by its path
 * ({@code gcps[0].geolocation.coordinates}), so that readers can say where a value is wrong; and
 * the small vocabulary those readers check values with, each check recording a problem ("line 12:
 * gcps[0].id: expected a string, found a number 7") and answering null when it fails.
 */
final class JsonDoc {
  private static final JsonFactory FACTORY = new JsonFactory();
  // Jackson's messages quote locations as "[Source: REDACTED (…); line: 3, column: 7]"
  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)\\]");

  private final JsonNode root;
  private final Map<String, Integer> lines;
  private final Problems problems;

  private JsonDoc(JsonNode root, Map<String, Integer> lines, Problems problems) {
    this.root = root;
    this.lines = lines;
    this.problems = problems;
  }

  /**
   * Parses the document; a syntax error is a problem of its own, reported at once.
   *
   * @throws GcpFormatException for malformed JSON, with its line and column
   */
  static JsonDoc parse(Reader in, Problems problems, String source) throws IOException, GcpFormatException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(in)) {
      if (p.nextToken() == null) {
        throw new GcpFormatException(source, 0, "expected a JSON object, found an empty document");
      }
      JsonNode root = build(p, "", lines, problems);
      if (p.nextToken() != null) {
        throw new GcpFormatException(source, p.currentTokenLocation().getLineNr(),
            "expected the end of the document after the top-level value, found more");
      }
      return new JsonDoc(root, lines, problems);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new GcpFormatException(source, at == null ? 0 : at.getLineNr(),
          "malformed JSON: " + SOURCE_LOCATION.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2"));
    }
  }

  private static JsonNode build(JsonParser p, String path, Map<String, Integer> lines, Problems problems)
      throws IOException {
    lines.put(path, p.currentTokenLocation().getLineNr());
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int line = p.currentTokenLocation().getLineNr();
          p.nextToken();
          String child = path.isEmpty() ? name : path + "." + name;
          if (object.has(name)) {
            problems.add(line, child + ": expected each key once, found it again");
          }
          object.set(name, build(p, child, lines, problems));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
          array.add(build(p, path + "[" + i + "]", lines, problems));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return nodes.numberNode(p.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      default -> {
        return nodes.nullNode();
      }
    }
  }

  JsonNode root() {
    return root;
  }

  /** The line of the value at {@code path}, or of its nearest enclosing value. */
  int line(String path) {
    for (String p = path; ; p = parent(p)) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 0;
      }
    }
  }

  void problem(String path, String message) {
    problems.add(line(path), (path.isEmpty() ? "" : path + ": ") + message);
  }

  /** The object at {@code path}, or null (with a problem) when it is missing or not an object. */
  JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      problem(path, "expected an object, found " + describe(node));
      return null;
    }
    return node;
  }

  /** The array at {@code path}, or null (with a problem). */
  JsonNode array(JsonNode node, String path) {
    if (node == null || !node.isArray()) {
      problem(path, "expected an array, found " + describe(node));
      return null;
    }
    return node;
  }

  String string(JsonNode node, String path) {
    if (node == null || !node.isTextual()) {
      problem(path, "expected a string, found " + describe(node));
      return null;
    }
    return node.textValue();
  }

  Boolean bool(JsonNode node, String path) {
    if (node == null || !node.isBoolean()) {
      problem(path, "expected true or false, found " + describe(node));
      return null;
    }
    return node.booleanValue();
  }

  /** A finite number, optionally required to be positive (or ≥ 0). */
  Double number(JsonNode node, String path, Sign sign) {
    if (node == null || !node.isNumber() || !Double.isFinite(node.doubleValue())) {
      problem(path, "expected a number, found " + describe(node));
      return null;
    }
    double v = node.doubleValue();
    if (sign == Sign.POSITIVE && !(v > 0) || sign == Sign.NOT_NEGATIVE && !(v >= 0)) {
      problem(path, "expected a number " + (sign == Sign.POSITIVE ? "> 0" : "≥ 0") + ", found " + v);
      return null;
    }
    return v;
  }

  /** An array of exactly {@code n} numbers, or null (with a problem). */
  double[] numbers(JsonNode node, String path, int n, Sign sign) {
    if (node == null || !node.isArray() || node.size() != n) {
      problem(path, "expected an array of " + n + " numbers, found " + describe(node));
      return null;
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      Double v = number(node.get(i), path + "[" + i + "]", sign);
      if (v == null) {
        return null;
      }
      out[i] = v;
    }
    return out;
  }

  enum Sign { ANY, NOT_NEGATIVE, POSITIVE }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      String t = node.textValue();
      return "a string \"" + (t.length() > 40 ? t.substring(0, 37) + "…" : t) + "\"";
    }
    if (node.isNumber()) {
      return "a number " + node.decimalValue().toPlainString();
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "true" : "false";
    }
    if (node.isArray()) {
      return "an array of " + node.size();
    }
    return "an object";
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut < 0 ? "" : path.substring(0, cut);
  }
}

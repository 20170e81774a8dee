package io.tessera.api.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Map;

/**
 * One entry of the route table: the route as Javalin serves it and as {@code /openapi.json}
 * describes it. Both are made from the same record, so nothing is served undescribed.
 *
 * @param responses status code → description, for the OpenAPI document
 * @param requestBody an example request body (JSON-serialisable), or null for none
 */
public record Route(
    HandlerType method,
    String path,
    String tag,
    String summary,
    Access access,
    Handler handler,
    Map<Integer, String> responses,
    Object requestBody) {

  /**
   * A {@code multipart/form-data} request body, as the OpenAPI description shows it: text fields
   * and one repeated file field.
   */
  public record Multipart(Map<String, String> fields, String filesField, String filesDescription) {}

  public static Builder get(String path) {
    return new Builder(HandlerType.GET, path);
  }

  public static Builder post(String path) {
    return new Builder(HandlerType.POST, path);
  }

  public static Builder patch(String path) {
    return new Builder(HandlerType.PATCH, path);
  }

  public static Builder put(String path) {
    return new Builder(HandlerType.PUT, path);
  }

  public static Builder delete(String path) {
    return new Builder(HandlerType.DELETE, path);
  }

  /** Fluent construction: {@code Route.get("/x").tag("t").summary("s").access(..).handle(h)}. */
  public static final class Builder {
    private final HandlerType method;
    private final String path;
    private String tag = "default";
    private String summary = "";
    private Access access = Access.AUTHENTICATED;
    private Map<Integer, String> responses = Map.of(200, "OK");
    private Object requestBody;

    private Builder(HandlerType method, String path) {
      this.method = method;
      this.path = path;
    }

    public Builder tag(String t) {
      this.tag = t;
      return this;
    }

    public Builder summary(String s) {
      this.summary = s;
      return this;
    }

    public Builder access(Access a) {
      this.access = a;
      return this;
    }

    public Builder responses(Map<Integer, String> r) {
      this.responses = r;
      return this;
    }

    public Builder body(Object example) {
      this.requestBody = example;
      return this;
    }

    public Route handle(Handler h) {
      return new Route(method, path, tag, summary, access, h, responses, requestBody);
    }
  }
}

package io.tessera.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tessera.api.dto.HealthDto;
import io.tessera.api.dto.JobDto;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Typed client for the Tessera service. Thread-safe; every call blocks, so UI code runs it off the
 * FX thread. Credentials come from a supplier so that a caller can swap or refresh them.
 */
public final class TesseraClient {
  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpUrl base;
  private final OkHttpClient http;
  /** The same client without following redirects, for {@link #raw}. */
  private final OkHttpClient rawHttp;
  private final ObjectMapper json;
  private final Supplier<Credentials> credentials;

  /** How a request authenticates: a bearer token or an {@code X-API-Key}. */
  public sealed interface Credentials {
    record Bearer(String token) implements Credentials {}

    record ApiKey(String key) implements Credentials {}

    record None() implements Credentials {}
  }

  public TesseraClient(String baseUrl, Supplier<Credentials> credentials) {
    this.base = Objects.requireNonNull(HttpUrl.parse(baseUrl), "bad base URL: " + baseUrl);
    this.credentials = credentials;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(60))
            .build();
    this.rawHttp = http.newBuilder().followRedirects(false).build();
    this.json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  public static TesseraClient withBearer(String baseUrl, String token) {
    Credentials c = new Credentials.Bearer(token);
    return new TesseraClient(baseUrl, () -> c);
  }

  public static TesseraClient anonymous(String baseUrl) {
    Credentials c = new Credentials.None();
    return new TesseraClient(baseUrl, () -> c);
  }

  public String baseUrl() {
    String s = base.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  public HealthDto health() {
    return get("/api/v1/health", HealthDto.class);
  }

  public JobDto job(String id) {
    return get("/api/v1/jobs/" + id, JobDto.class);
  }

  public List<JobDto> jobs() {
    return get("/api/v1/jobs", new TypeReference<List<JobDto>>() {});
  }

  public JobDto cancelJob(String id) {
    return post("/api/v1/jobs/" + id + "/cancel", Map.of(), JobDto.class);
  }

  /** {@code GET /api/v1/auth/me}: the profile behind the current credentials. */
  public JsonNode me() {
    return get("/api/v1/auth/me", JsonNode.class);
  }

  // ---- generic helpers, for surfaces that have no typed method yet ----

  public <T> T get(String path, Class<T> type) {
    return read(execute(request(path).get().build()), json.constructType(type));
  }

  public <T> T get(String path, TypeReference<T> type) {
    return read(execute(request(path).get().build()), json.getTypeFactory().constructType(type));
  }

  public <T> T post(String path, Object body, Class<T> type) {
    return read(execute(request(path).post(jsonBody(body)).build()), json.constructType(type));
  }

  public <T> T put(String path, Object body, Class<T> type) {
    return read(execute(request(path).put(jsonBody(body)).build()), json.constructType(type));
  }

  public void delete(String path) {
    execute(request(path).delete().build());
  }

  /** GETs a binary body (an image, a ZIP) whole. */
  public byte[] getBytes(String path) {
    return execute(request(path).get().build());
  }

  /** A file part of a multipart upload, streamed from disk. */
  public record FilePart(String name, java.nio.file.Path file, String contentType) {}

  /**
   * POSTs {@code multipart/form-data}: the text fields, then the files, each streamed from disk.
   */
  public <T> T postMultipart(
      String path, Map<String, String> fields, List<FilePart> files, Class<T> type) {
    MultipartBody.Builder b = new MultipartBody.Builder().setType(MultipartBody.FORM);
    fields.forEach(b::addFormDataPart);
    for (FilePart f : files) {
      b.addFormDataPart(
          f.name(),
          f.file().getFileName().toString(),
          RequestBody.create(f.file().toFile(), MediaType.get(f.contentType())));
    }
    return read(execute(request(path).post(b.build()).build()), json.constructType(type));
  }

  /**
   * Sends a raw request and returns status, headers and body as they came: redirects are not
   * followed and 4xx/5xx do not throw.
   */
  public RawResponse raw(String method, String path, String contentType, byte[] body) {
    return raw(method, path, contentType, body, Map.of());
  }

  /** {@link #raw(String, String, String, byte[])} with extra request headers. */
  public RawResponse raw(
      String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    RequestBody rb = body == null ? null : RequestBody.create(body, MediaType.get(contentType));
    Request.Builder b = request(path).method(method, rb);
    headers.forEach(b::header);
    Request req = b.build();
    try (Response r = rawHttp.newCall(req).execute()) {
      return new RawResponse(r.code(), r.headers().toMultimap(), r.body().bytes());
    } catch (IOException e) {
      throw new ApiException("cannot reach " + baseUrl() + ": " + e.getMessage(), e);
    }
  }

  /** A response as it came, for callers (and tests) that look at status codes and headers. */
  public record RawResponse(int status, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  public ObjectMapper json() {
    return json;
  }

  private Request.Builder request(String path) {
    HttpUrl url = HttpUrl.get(baseUrl() + path);
    Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json");
    Credentials c = credentials.get();
    if (c instanceof Credentials.Bearer bearer) {
      b.header("Authorization", "Bearer " + bearer.token());
    } else if (c instanceof Credentials.ApiKey key) {
      b.header("X-API-Key", key.key());
    }
    return b;
  }

  private RequestBody jsonBody(Object body) {
    try {
      return RequestBody.create(json.writeValueAsBytes(body), JSON);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot serialise request body", e);
    }
  }

  private byte[] execute(Request req) {
    try (Response r = http.newCall(req).execute()) {
      byte[] bytes = r.body().bytes();
      if (!r.isSuccessful()) {
        throw new ApiException(r.code(), problemMessage(r.code(), bytes), new String(bytes));
      }
      return bytes;
    } catch (IOException e) {
      throw new ApiException("cannot reach " + baseUrl() + ": " + e.getMessage(), e);
    }
  }

  private String problemMessage(int status, byte[] body) {
    try {
      JsonNode n = json.readTree(body);
      String detail = n.path("detail").asText("");
      String title = n.path("title").asText("");
      if (!detail.isEmpty()) {
        return detail;
      }
      if (!title.isEmpty()) {
        return title;
      }
    } catch (IOException | RuntimeException ignored) {
      // not JSON: fall through to the status line
    }
    return "HTTP " + status;
  }

  private <T> T read(byte[] bytes, com.fasterxml.jackson.databind.JavaType type) {
    try {
      return json.readValue(bytes, type);
    } catch (IOException e) {
      throw new ApiException(0, "unexpected answer from the service: " + e.getMessage(), null);
    }
  }
}

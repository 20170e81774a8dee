package io.tessera.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tessera.service.DomainException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9457 problem details: one place that turns a refusal into {@code application/problem+json}.
 * Messages are for the caller; stack traces never leave the server.
 */
public final class Problems {
  public static final String CONTENT_TYPE = "application/problem+json";
  private final ObjectMapper json;

  public Problems(ObjectMapper json) {
    this.json = json;
  }

  /** The HTTP status of each domain refusal. */
  public static int status(DomainException e) {
    if (e instanceof DomainException.BadRequest) {
      return 400;
    } else if (e instanceof DomainException.Unauthenticated) {
      return 401;
    } else if (e instanceof DomainException.Forbidden) {
      return 403;
    } else if (e instanceof DomainException.NotFound) {
      return 404;
    } else if (e instanceof DomainException.Conflict) {
      return 409;
    } else if (e instanceof DomainException.StaleVersion) {
      return 412;
    } else if (e instanceof DomainException.TooLarge) {
      return 413;
    } else if (e instanceof DomainException.UnsupportedMediaType) {
      return 415;
    } else if (e instanceof DomainException.RateLimited) {
      return 429;
    }
    return 422;
  }

  public void write(Context ctx, DomainException e) {
    if (e instanceof DomainException.RateLimited r) {
      ctx.header("Retry-After", Long.toString(r.retryAfterSeconds()));
      ctx.header("X-RateLimit-Limit", Long.toString(r.limit()));
      ctx.header("X-RateLimit-Remaining", "0");
      ctx.header("X-RateLimit-Reset", Long.toString(r.resetEpochSecond()));
    }
    write(ctx, status(e), e.getMessage(), e.extensions());
  }

  public void write(Context ctx, int status, String detail) {
    write(ctx, status, detail, Map.of());
  }

  public void write(Context ctx, int status, String detail, Map<String, Object> extensions) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title(status));
    body.put("status", status);
    if (detail != null && !detail.isBlank()) {
      body.put("detail", detail);
    }
    body.put("instance", ctx.path());
    Object rid = ctx.attribute(RequestIds.ATTRIBUTE);
    if (rid != null) {
      body.put("request_id", rid);
    }
    body.putAll(extensions);
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"tessera\"");
    }
    try {
      ctx.status(status).contentType(CONTENT_TYPE).result(json.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      ctx.status(status).contentType(CONTENT_TYPE).result("{\"status\":" + status + "}");
    }
  }

  /** The reason phrase of an HTTP status (RFC 9110). */
  public static String title(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 301 -> "Moved Permanently";
      case 303 -> "See Other";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 412 -> "Precondition Failed";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> String.format(Locale.ROOT, "HTTP %d", status);
    };
  }
}

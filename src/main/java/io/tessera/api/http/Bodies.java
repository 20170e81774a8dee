package io.tessera.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;

/** Reading requests at the edge: JSON bodies and the authenticated principal. */
public final class Bodies {
  static final String PRINCIPAL = "tessera.principal";
  private final ObjectMapper json;

  public Bodies(ObjectMapper json) {
    this.json = json;
  }

  /** Parses the JSON body; malformed or missing JSON is a 400 that says where it broke. */
  /** The server's JSON mapper, for routes that write a body themselves. */
  public ObjectMapper mapper() {
    return json;
  }

  public <T> T read(Context ctx, Class<T> type) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw new DomainException.BadRequest("a JSON request body is required");
    }
    try {
      T value = json.readValue(body, type);
      if (value == null) {
        throw new DomainException.BadRequest("a JSON object is required");
      }
      return value;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line " + e.getLocation().getLineNr() + ", column "
                  + e.getLocation().getColumnNr() + ")";
      throw new DomainException.BadRequest("malformed JSON" + where + ": " + e.getOriginalMessage());
    }
  }

  /** The caller when the request carried credentials, else null (routes of Access.OPTIONAL). */
  public static Principal optionalPrincipal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  /** The caller, set by the route table before the handler runs. */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new DomainException.Unauthenticated("credentials are required");
    }
    return p;
  }
}

package io.tessera.testing;

import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.api.dto.AdminDtos.CreateClientRequest;
import io.tessera.client.TesseraClient;
import io.tessera.client.TesseraClient.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Clients of the photogrammetry API, with a token got as its document's first example does. */
public final class Pix4dClients {
  private Pix4dClients() {}

  /** A new client credential holding {@code scopes}, made by the desktop. */
  public static ClientDto client(RunningService svc, String scopes) {
    return svc.desktop().post("/api/v1/admin/clients",
        new CreateClientRequest("pix4d script", scopes, null, true), ClientDto.class);
  }

  /** A Bearer client for a new client credential holding {@code scopes}. */
  public static TesseraClient as(RunningService svc, String scopes) throws IOException {
    ClientDto c = client(svc, scopes);
    RawResponse t = svc.anonymous().raw("POST", "/oauth2/token/",
        "application/x-www-form-urlencoded", ("grant_type=client_credentials&token_format=jwt"
            + "&client_id=" + c.clientId() + "&client_secret=" + c.clientSecret())
            .getBytes(StandardCharsets.UTF_8));
    return svc.bearer(svc.desktop().json().readTree(t.body()).path("access_token").asText());
  }

  /** Sends a JSON body (or none when null) with {@code method}; the answer as it came. */
  public static RawResponse send(TesseraClient api, String method, String path, String json) {
    return api.raw(method, path, json == null ? null : "application/json",
        json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  /** A new project named {@code name}; its id. */
  public static long project(TesseraClient api, String name) throws IOException {
    RawResponse r = send(api, "POST", "/project/api/v3/projects/",
        "{\"name\": \"" + name + "\"}");
    if (r.status() != 201) {
      throw new IllegalStateException("project not created: " + r.status() + " " + r.text());
    }
    return api.json().readTree(r.body()).path("id").asLong();
  }

  /** {@code POST /v1/annotations/} with {@code body} as it is. */
  public static RawResponse createAnnotations(TesseraClient api, String body) {
    return send(api, "POST", "/v1/annotations/", body);
  }

  /** {@code GET /v1/annotations/?entity_type=Project&entity_id=…} plus {@code extraQuery}. */
  public static RawResponse searchAnnotations(TesseraClient api, long projectId,
      String extraQuery) {
    return api.raw("GET", "/v1/annotations/?entity_type=Project&entity_id=" + projectId
        + (extraQuery == null ? "" : "&" + extraQuery), null, null);
  }

  /** {@code DELETE /v1/annotations/} with {@code body} as it is. */
  public static RawResponse deleteAnnotations(TesseraClient api, String body) {
    return send(api, "DELETE", "/v1/annotations/", body);
  }

  /**
   * A new share token for project {@code projectId} (read-write when {@code write}), as the
   * document's embedding guide makes one; the created token's body (its secret under
   * {@code token}).
   */
  public static com.fasterxml.jackson.databind.JsonNode shareToken(TesseraClient api,
      long projectId, boolean write) throws IOException {
    RawResponse r = send(api, "POST", "/common/api/v3/permission-token/",
        "{\"enabled\": true, \"write\": " + write + ", \"type\": \"Project\", \"type_id\": "
            + projectId + "}");
    if (r.status() != 201) {
      throw new IllegalStateException("token not created: " + r.status() + " " + r.text());
    }
    return api.json().readTree(r.body());
  }

  /** {@code path} with {@code ?shareToken=} (or {@code &shareToken=}) appended. */
  public static String shared(String path, String token) {
    return path + (path.contains("?") ? "&" : "?") + "shareToken=" + token;
  }
}

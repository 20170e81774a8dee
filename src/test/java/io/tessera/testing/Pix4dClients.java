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
}

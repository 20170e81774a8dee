package io.tessera.store;

import io.tessera.core.model.Records.ApiKey;
import io.tessera.core.model.Records.ClientCredential;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** API keys and OAuth2 client credentials; both stored by the hash of their secret. */
public final class CredentialRepository {

  public void insertApiKey(Handle h, ApiKey k) {
    h.createUpdate(
            "INSERT INTO api_key (id, organization_id, name, key_hash, scopes, created_at)"
                + " VALUES (:id, :organizationId, :name, :keyHash, :scopes, :createdAt)")
        .bindMethods(k)
        .execute();
  }

  public Optional<ApiKey> apiKeyByHash(Handle h, String hash) {
    return h.createQuery("SELECT * FROM api_key WHERE key_hash = :hash AND revoked_at IS NULL")
        .bind("hash", hash)
        .mapTo(ApiKey.class)
        .findOne();
  }

  public List<ApiKey> apiKeys(Handle h, String organizationId) {
    return h.createQuery(
            "SELECT * FROM api_key WHERE organization_id = :org AND revoked_at IS NULL"
                + " ORDER BY created_at")
        .bind("org", organizationId)
        .mapTo(ApiKey.class)
        .list();
  }

  public boolean revokeApiKey(Handle h, String id, Instant now) {
    return h.createUpdate(
            "UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
        .bind("id", id)
        .bind("now", now)
        .execute() == 1;
  }

  public void touchApiKey(Handle h, String id, Instant now) {
    h.createUpdate("UPDATE api_key SET last_used_at = :now WHERE id = :id")
        .bind("id", id)
        .bind("now", now)
        .execute();
  }

  public void insertClient(Handle h, ClientCredential c) {
    h.createUpdate(
            "INSERT INTO client_credential (id, organization_id, name, client_id, secret_hash,"
                + " scopes, rate_limited, rate_per_minute, rate_per_hour, created_at) VALUES"
                + " (:id, :organizationId, :name, :clientId, :secretHash, :scopes, :rateLimited,"
                + " :ratePerMinute, :ratePerHour, :createdAt)")
        .bindMethods(c)
        .execute();
  }

  public Optional<ClientCredential> clientByClientId(Handle h, String clientId) {
    return h.createQuery(
            "SELECT * FROM client_credential WHERE client_id = :clientId AND revoked_at IS NULL")
        .bind("clientId", clientId)
        .mapTo(ClientCredential.class)
        .findOne();
  }

  public Optional<ClientCredential> clientById(Handle h, String id) {
    return h.createQuery("SELECT * FROM client_credential WHERE id = :id AND revoked_at IS NULL")
        .bind("id", id)
        .mapTo(ClientCredential.class)
        .findOne();
  }

  public List<ClientCredential> clients(Handle h, String organizationId) {
    return h.createQuery(
            "SELECT * FROM client_credential WHERE organization_id = :org AND revoked_at IS NULL"
                + " ORDER BY created_at, id")
        .bind("org", organizationId)
        .mapTo(ClientCredential.class)
        .list();
  }

  public boolean revokeClient(Handle h, String id, Instant now) {
    return h.createUpdate(
            "UPDATE client_credential SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
        .bind("id", id)
        .bind("now", now)
        .execute() == 1;
  }
}

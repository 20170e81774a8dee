package io.tessera.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.core.model.Records;
import java.util.List;

/** Users, API keys and client credentials. Secrets appear only in the creation answers. */
public final class AdminDtos {
  private AdminDtos() {}

  public record CreateUserRequest(String email, String password, String role) {}

  public record UserDto(
      String id, String email, String role, @JsonProperty("created_at") String createdAt) {
    public static UserDto of(Records.User u) {
      return new UserDto(u.id(), u.email(), u.role(), Wire.instant(u.createdAt()));
    }
  }

  public record CreateApiKeyRequest(String name) {}

  /** {@code key} is present only in the answer to its creation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ApiKeyDto(
      String id,
      String name,
      String key,
      List<String> scopes,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("last_used_at") String lastUsedAt) {
    /** The key as listed; {@code secret} only in the answer to its creation, else null. */
    public static ApiKeyDto of(Records.ApiKey k, String secret) {
      List<String> scopes =
          k.scopes().isBlank() ? List.of() : List.of(k.scopes().trim().split("\\s+"));
      return new ApiKeyDto(
          k.id(), k.name(), secret, scopes, Wire.instant(k.createdAt()),
          Wire.instant(k.lastUsedAt()));
    }
  }

  /**
   * @param rateLimit {@code PER_MINUTE/PER_HOUR}, e.g. {@code 60/1000}; null for the default
   * @param noRateLimit true to exempt the client from rate limits
   */
  public record CreateClientRequest(
      String name,
      String scopes,
      @JsonProperty("rate_limit") String rateLimit,
      @JsonProperty("no_rate_limit") Boolean noRateLimit) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ClientDto(
      String id,
      String name,
      @JsonProperty("client_id") String clientId,
      @JsonProperty("client_secret") String clientSecret,
      String scope,
      @JsonProperty("rate_limited") boolean rateLimited,
      @JsonProperty("rate_per_minute") Integer ratePerMinute,
      @JsonProperty("rate_per_hour") Integer ratePerHour,
      @JsonProperty("created_at") String createdAt) {
    /** The client as created; {@code secret} is shown this once. */
    public static ClientDto of(Records.ClientCredential c, String secret) {
      return new ClientDto(
          c.id(), c.name(), c.clientId(), secret, c.scopes(), c.rateLimited(), c.ratePerMinute(),
          c.ratePerHour(), Wire.instant(c.createdAt()));
    }
  }
}

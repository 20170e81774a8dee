package io.tessera.api.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Bodies of the field-collection API's {@code /auth} routes. */
public final class AuthDtos {
  private AuthDtos() {}

  public record LoginRequest(String email, String password) {}

  public record TokenResponse(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("refresh_token") String refreshToken,
      @JsonProperty("token_type") String tokenType) {}

  public record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {}

  public record ChangePasswordRequest(
      @JsonProperty("current_password") String currentPassword,
      @JsonProperty("new_password") String newPassword) {}

  /** {@code GET /auth/me}; {@code kind} tells a user from the desktop or a key. */
  public record MeResponse(
      String id,
      String email,
      String role,
      String kind,
      @JsonProperty("organization_id") String organizationId) {}
}

package io.tessera.api.http.fieldforms;

import io.tessera.api.dto.AuthDtos.ChangePasswordRequest;
import io.tessera.api.dto.AuthDtos.LoginRequest;
import io.tessera.api.dto.AuthDtos.MeResponse;
import io.tessera.api.dto.AuthDtos.RefreshRequest;
import io.tessera.api.dto.AuthDtos.TokenResponse;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.service.auth.AuthService;
import io.tessera.service.auth.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The field-collection document's {@code /api/v1/auth} routes, with its bodies. */
public final class AuthRoutes {
  private final ApiContext ctx;
  private final Bodies bodies;

  public AuthRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("/api/v1/auth/login")
            .tag("auth")
            .summary("Sign in with email and password; returns a 15-minute access token and a"
                + " refresh token")
            .access(Access.PUBLIC)
            .body(new LoginRequest("admin@example.com", "your_password"))
            .responses(Map.of(200, "Tokens", 400, "Malformed body", 401, "Wrong email or password"))
            .handle(
                c -> {
                  LoginRequest req = bodies.read(c, LoginRequest.class);
                  c.json(tokens(ctx.auth().login(req.email(), req.password())));
                }),
        Route.post("/api/v1/auth/refresh")
            .tag("auth")
            .summary("Exchange a refresh token for a new access token (the refresh token rotates)")
            .access(Access.PUBLIC)
            .body(new RefreshRequest("eyJ..."))
            .responses(Map.of(200, "Tokens", 400, "Malformed body", 401, "Invalid refresh token"))
            .handle(
                c -> {
                  RefreshRequest req = bodies.read(c, RefreshRequest.class);
                  c.json(tokens(ctx.auth().refresh(req.refreshToken())));
                }),
        Route.post("/api/v1/auth/logout")
            .tag("auth")
            .summary("End the current session")
            .responses(Map.of(204, "Signed out"))
            .handle(
                c -> {
                  ctx.auth().logout(Bodies.principal(c));
                  c.status(204);
                }),
        Route.post("/api/v1/auth/change-password")
            .tag("auth")
            .summary("Change the signed-in user's password; other sessions end")
            .body(new ChangePasswordRequest("old", "NewPass123!"))
            .responses(
                Map.of(204, "Changed", 400, "Malformed body", 403, "Wrong current password",
                    422, "New password too weak"))
            .handle(
                c -> {
                  ChangePasswordRequest req = bodies.read(c, ChangePasswordRequest.class);
                  ctx.auth().changePassword(
                      Bodies.principal(c), req.currentPassword(), req.newPassword());
                  c.status(204);
                }),
        Route.get("/api/v1/auth/me")
            .tag("auth")
            .summary("The authenticated user's profile")
            .handle(c -> c.json(me(Bodies.principal(c)))));
  }

  private static TokenResponse tokens(AuthService.Tokens t) {
    return new TokenResponse(t.accessToken(), t.refreshToken(), "bearer");
  }

  private static MeResponse me(Principal p) {
    return new MeResponse(
        p.id(),
        p.email(),
        p.role() == null ? null : p.role().wire(),
        p.kind().name().toLowerCase(Locale.ROOT),
        p.organizationId());
  }
}

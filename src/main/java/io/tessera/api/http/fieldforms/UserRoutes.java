package io.tessera.api.http.fieldforms;

import io.tessera.api.dto.AdminDtos.ApiKeyDto;
import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.api.dto.AdminDtos.CreateApiKeyRequest;
import io.tessera.api.dto.AdminDtos.CreateClientRequest;
import io.tessera.api.dto.AdminDtos.CreateUserRequest;
import io.tessera.api.dto.AdminDtos.UserDto;
import io.tessera.api.http.Access;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.service.auth.AccountService;
import io.tessera.service.auth.AccountService.RateLimit;
import java.util.List;
import java.util.Map;

/**
 * Users and API keys as the field-collection document has them, plus the route that creates
 * OAuth2 client credentials for the missions API (the document leaves that to the dashboard).
 */
public final class UserRoutes {
  private final ApiContext ctx;
  private final Bodies bodies;

  public UserRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    AccountService accounts = ctx.accounts();
    return List.of(
        Route.get("/api/v1/users")
            .tag("users")
            .summary("List users")
            .access(Access.ADMIN)
            .handle(c -> c.json(accounts.users().stream().map(UserDto::of).toList())),
        Route.post("/api/v1/users")
            .tag("users")
            .summary("Create a user (roles: admin, manager, field_worker)")
            .access(Access.ADMIN)
            .body(new CreateUserRequest("worker@org.com", "Pass123!", "field_worker"))
            .responses(Map.of(201, "Created", 409, "Email taken", 422, "Invalid email, role or"
                + " password"))
            .handle(
                c -> {
                  CreateUserRequest r = bodies.read(c, CreateUserRequest.class);
                  c.status(201).json(UserDto.of(accounts.createUser(r.email(), r.password(), r.role())));
                }),
        Route.delete("/api/v1/users/{user_id}")
            .tag("users")
            .summary("Delete a user (moved to the trash; purged later)")
            .access(Access.ADMIN)
            .responses(Map.of(204, "Deleted", 404, "No such user", 409, "Cannot delete yourself"))
            .handle(
                c -> {
                  accounts.deleteUser(Bodies.principal(c), c.pathParam("user_id"));
                  c.status(204);
                }),
        Route.get("/api/v1/api-keys")
            .tag("api-keys")
            .summary("List API keys (without their secrets)")
            .access(Access.MANAGER)
            .handle(c -> c.json(accounts.apiKeys().stream().map(k -> ApiKeyDto.of(k, null)).toList())),
        Route.post("/api/v1/api-keys")
            .tag("api-keys")
            .summary("Create an API key; the key is shown only in this answer")
            .access(Access.MANAGER)
            .body(new CreateApiKeyRequest("Sensor Lab 3"))
            .responses(Map.of(201, "Created", 422, "Missing name"))
            .handle(
                c -> {
                  CreateApiKeyRequest r = bodies.read(c, CreateApiKeyRequest.class);
                  AccountService.CreatedApiKey k = accounts.createApiKey(r.name());
                  c.status(201).json(ApiKeyDto.of(k.row(), k.key()));
                }),
        Route.delete("/api/v1/api-keys/{key_id}")
            .tag("api-keys")
            .summary("Revoke an API key")
            .access(Access.MANAGER)
            .responses(Map.of(204, "Revoked", 404, "No such key"))
            .handle(
                c -> {
                  accounts.revokeApiKey(c.pathParam("key_id"));
                  c.status(204);
                }),
        Route.get("/api/v1/admin/clients")
            .tag("admin")
            .summary("List the OAuth2 client credentials of the missions API (without secrets)")
            .access(Access.ADMIN)
            .handle(c -> c.json(accounts.clients().stream().map(k -> ClientDto.of(k, null))
                .toList())),
        Route.delete("/api/v1/admin/clients/{id}")
            .tag("admin")
            .summary("Revoke a client credential; its tokens stop working at once")
            .access(Access.ADMIN)
            .responses(Map.of(204, "Revoked", 404, "No such client"))
            .handle(
                c -> {
                  accounts.revokeClient(c.pathParam("id"));
                  ctx.auth().forgetClient(c.pathParam("id"));
                  ctx.rateLimiter().forget(c.pathParam("id"));
                  c.status(204);
                }),
        Route.post("/api/v1/admin/clients")
            .tag("admin")
            .summary("Create an OAuth2 client credential for the missions API; the secret is"
                + " shown only in this answer")
            .access(Access.ADMIN)
            .body(new CreateClientRequest("Field app", "missions:read submissions:read",
                "60/1000", null))
            .responses(Map.of(201, "Created", 422, "Unknown scope or bad rate limit"))
            .handle(
                c -> {
                  CreateClientRequest r = bodies.read(c, CreateClientRequest.class);
                  RateLimit limit = RateLimit.of(r.rateLimit(), r.noRateLimit());
                  AccountService.CreatedClient k = accounts.createClient(r.name(), r.scopes(), limit);
                  c.status(201).json(ClientDto.of(k.row(), k.clientSecret()));
                }));
  }


}

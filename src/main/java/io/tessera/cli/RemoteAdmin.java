package io.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.api.dto.AdminDtos.ApiKeyDto;
import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.api.dto.AdminDtos.CreateApiKeyRequest;
import io.tessera.api.dto.AdminDtos.CreateClientRequest;
import io.tessera.api.dto.AdminDtos.CreateUserRequest;
import io.tessera.api.dto.AdminDtos.UserDto;
import io.tessera.client.ApiException;
import io.tessera.client.TesseraClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Admin operations through the API of an instance that holds the data dir. */
final class RemoteAdmin implements Environment.Admin {
  private final TesseraClient client;

  private RemoteAdmin(TesseraClient client) {
    this.client = client;
  }

  /**
   * The instance named by {@code instance.json} in the data dir, if its process is alive and it
   * answers; a file left behind by a killed process is ignored.
   */
  static Optional<Environment.Admin> find(Path dataDir) {
    Path file = dataDir.resolve("instance.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode n = new ObjectMapper().readTree(file.toFile());
      long pid = n.path("pid").asLong(-1);
      if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        TesseraClient c = TesseraClient.withBearer(n.path("url").asText(), n.path("token").asText());
        c.health();
        return Optional.of(new RemoteAdmin(c));
      }
    } catch (IOException | ApiException e) {
      // unreadable or unanswered: fall back to opening the database
    }
    return Optional.empty();
  }

  @Override
  public UserDto createUser(String email, String password, String role) {
    return client.post("/api/v1/users", new CreateUserRequest(email, password, role), UserDto.class);
  }

  @Override
  public ApiKeyDto createApiKey(String name) {
    return client.post("/api/v1/api-keys", new CreateApiKeyRequest(name), ApiKeyDto.class);
  }

  @Override
  public ClientDto createClient(CreateClientRequest request) {
    return client.post("/api/v1/admin/clients", request, ClientDto.class);
  }

  @Override
  public void close() {}
}

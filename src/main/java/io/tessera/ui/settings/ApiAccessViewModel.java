package io.tessera.ui.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.api.dto.AdminDtos.CreateClientRequest;
import io.tessera.client.TesseraClient;
import io.tessera.ui.task.TaskExecutor;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings → API access: the OAuth2 client credentials that scripts use for the missions API,
 * listed, created (the secret shown once) and revoked, through the service like any other client.
 */
public final class ApiAccessViewModel {
  private static final String PATH = "/api/v1/admin/clients";

  private final TesseraClient client;
  private final TaskExecutor executor;
  private final ObservableList<ClientDto> clients = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<ClientDto> created = new ReadOnlyObjectWrapper<>();

  public ApiAccessViewModel(TesseraClient client, TaskExecutor executor) {
    this.client = client;
    this.executor = executor;
  }

  public ObservableList<ClientDto> clients() {
    return clients;
  }

  /** The last refusal or failure in the user's words; empty when the last action worked. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The client just created, with its secret (shown this once); null before. */
  public ReadOnlyObjectProperty<ClientDto> createdProperty() {
    return created.getReadOnlyProperty();
  }

  public void refresh() {
    executor.run(
        () -> client.get(PATH, new TypeReference<List<ClientDto>>() {}),
        list -> {
          clients.setAll(list);
          error.set("");
        },
        e -> error.set("Cannot list the API clients: " + e.getMessage()));
  }

  /**
   * Creates a client.
   *
   * @param rateLimit {@code PER_MINUTE/PER_HOUR}, or null for the default (60/1000)
   * @param unlimited true for no rate limit
   */
  public void create(String name, List<String> scopes, String rateLimit, boolean unlimited) {
    if (name == null || name.isBlank()) {
      error.set("Give the client a name, e.g. the script or partner that will use it.");
      return;
    }
    if (scopes.isEmpty()) {
      error.set("Choose at least one scope.");
      return;
    }
    CreateClientRequest body =
        new CreateClientRequest(
            name.trim(), String.join(" ", scopes),
            unlimited || rateLimit == null || rateLimit.isBlank() ? null : rateLimit.trim(),
            unlimited ? Boolean.TRUE : null);
    executor.run(
        () -> client.post(PATH, body, ClientDto.class),
        c -> {
          created.set(c);
          error.set("");
          refresh();
        },
        e -> error.set("Cannot create the client: " + e.getMessage()));
  }

  public void revoke(ClientDto c) {
    executor.run(
        () -> {
          client.delete(PATH + "/" + c.id());
          return c;
        },
        gone -> {
          clients.remove(gone);
          error.set("");
        },
        e -> error.set("Cannot revoke " + c.name() + ": " + e.getMessage()));
  }
}

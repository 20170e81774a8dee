package io.tessera.cli;

import io.tessera.api.dto.AdminDtos.ApiKeyDto;
import io.tessera.api.dto.AdminDtos.ClientDto;
import io.tessera.api.dto.AdminDtos.CreateClientRequest;
import io.tessera.api.dto.AdminDtos.UserDto;
import java.nio.file.Path;
import java.util.List;

/** What the commands need from the composition root; the app implements it. */
public interface Environment {

  /** The data dir: the explicit one, else {@code TESSERA_DATA_DIR}, else the platform's. */
  Path dataDir(Path explicit);

  /** Runs the desktop until its window closes; returns the exit code. */
  int desktop(Path dataDir);

  /**
   * What {@code serve} was asked for.
   *
   * @param tlsCert PEM certificate chain for HTTPS, or null (then {@code tlsKey} is null too)
   * @param importRoots folders whose files requests may import by path (none by default)
   */
  record ServeOptions(
      Path dataDir, String host, int port, String dbUrl, Path tlsCert, Path tlsKey,
      List<Path> importRoots) {}

  /** Starts the service; the handle stops it. */
  Running serve(ServeOptions options);

  /** Applies pending migrations; returns how many ran. */
  int migrate(Path dataDir, String dbUrl);

  /** Administration through the database itself, for when no instance is running. */
  Admin localAdmin(Path dataDir, String dbUrl);

  /** A started service. */
  interface Running extends AutoCloseable {
    String url();

    @Override
    void close();
  }

  /** The admin operations, whether through a running instance's API or the database. */
  interface Admin extends AutoCloseable {
    UserDto createUser(String email, String password, String role);

    ApiKeyDto createApiKey(String name);

    ClientDto createClient(CreateClientRequest request);

    @Override
    void close();
  }
}

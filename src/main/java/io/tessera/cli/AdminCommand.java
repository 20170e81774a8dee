package io.tessera.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.api.dto.AdminDtos.CreateClientRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tessera admin …}: create users, API keys and client credentials. Each prints the created
 * record as one JSON object, with its secret this once. A running instance on the same data dir
 * is used through its API; otherwise the database is opened directly.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Create users, API keys and OAuth2 clients.",
    subcommands = {
      AdminCommand.CreateUser.class,
      AdminCommand.CreateClient.class,
      AdminCommand.CreateApiKey.class
    })
final class AdminCommand {
  @ParentCommand TesseraCommand parent;

  /** Runs {@code action} against a running instance when there is one, else the database. */
  private int withAdmin(DbOptions db, AdminAction action) throws IOException {
    Environment env = parent.env;
    Path dataDir = env.dataDir(db.dataDir != null ? db.dataDir : parent.dataDir);
    Environment.Admin admin =
        db.dbUrl == null
            ? RemoteAdmin.find(dataDir).orElseGet(() -> env.localAdmin(dataDir, null))
            : env.localAdmin(dataDir, db.dbUrl);
    try (admin) {
      System.out.println(new ObjectMapper().writeValueAsString(action.run(admin)));
    }
    return 0;
  }

  private interface AdminAction {
    Object run(Environment.Admin admin);
  }

  @Command(name = "create-user", mixinStandardHelpOptions = true,
      description = "Create a user. The password comes from --password, --password-file or"
          + " standard input.")
  static final class CreateUser implements Callable<Integer> {
    @ParentCommand AdminCommand admin;
    @Mixin DbOptions db;

    @Option(names = "--email", required = true)
    String email;

    @Option(names = "--role", required = true, description = "admin, manager or field_worker")
    String role;

    @ArgGroup(exclusive = true)
    PasswordSource password;

    static final class PasswordSource {
      @Option(names = "--password", description = "The password (visible in the process list;"
          + " prefer --password-file or standard input)")
      String value;

      @Option(names = "--password-file", description = "A file whose first line is the password")
      Path file;
    }

    @Override
    public Integer call() throws IOException {
      String pw = readPassword();
      return admin.withAdmin(db, a -> a.createUser(email, pw, role));
    }

    private String readPassword() throws IOException {
      if (password != null && password.value != null) {
        return password.value;
      }
      if (password != null && password.file != null) {
        return Files.readAllLines(password.file, StandardCharsets.UTF_8).stream()
            .findFirst()
            .orElse("");
      }
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return line == null ? "" : line;
    }
  }

  @Command(name = "create-client", mixinStandardHelpOptions = true,
      description = "Create an OAuth2 client credential for the missions API.")
  static final class CreateClient implements Callable<Integer> {
    @ParentCommand AdminCommand admin;
    @Mixin DbOptions db;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--scopes", required = true,
        description = "Space-separated: missions:read missions:write submissions:read"
            + " submissions:write webhooks:manage")
    String scopes;

    @ArgGroup(exclusive = true)
    Limits limits;

    static final class Limits {
      @Option(names = "--rate-limit", paramLabel = "PER_MINUTE/PER_HOUR",
          description = "e.g. 60/1000 (the default)")
      String rateLimit;

      @Option(names = "--no-rate-limit", description = "Exempt this client from rate limits")
      boolean none;
    }

    @Override
    public Integer call() throws IOException {
      String rate = limits == null ? null : limits.rateLimit;
      Boolean none = limits != null && limits.none ? Boolean.TRUE : null;
      return admin.withAdmin(
          db, a -> a.createClient(new CreateClientRequest(name, scopes, rate, none)));
    }
  }

  @Command(name = "create-api-key", mixinStandardHelpOptions = true,
      description = "Create an API key for the headless API (X-API-Key).")
  static final class CreateApiKey implements Callable<Integer> {
    @ParentCommand AdminCommand admin;
    @Mixin DbOptions db;

    @Option(names = "--name", required = true)
    String name;

    @Override
    public Integer call() throws IOException {
      return admin.withAdmin(db, a -> a.createApiKey(name));
    }
  }
}

package io.tessera.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir} and {@code --db-url}, shared by the commands that touch the store. */
final class DbOptions {
  @Option(names = "--data-dir", description = "Data directory (default: TESSERA_DATA_DIR or the"
      + " platform's data folder)")
  Path dataDir;

  @Option(names = "--db-url", paramLabel = "JDBC",
      description = "Database URL, e.g. jdbc:postgresql://host/db?user=u&password=p"
          + " (default: the H2 database in the data dir)")
  String dbUrl;
}

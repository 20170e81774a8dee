package io.tessera.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code tessera migrate}: apply database migrations (backing up first) and exit. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Apply pending database migrations and exit.")
final class MigrateCommand implements Callable<Integer> {
  @ParentCommand TesseraCommand parent;
  @Mixin DbOptions db;

  @Override
  public Integer call() {
    int n = parent.env.migrate(parent.env.dataDir(db.dataDir != null ? db.dataDir : parent.dataDir),
        db.dbUrl);
    System.out.println(n == 0 ? "the database is up to date" : "applied " + n + " migration(s)");
    return 0;
  }
}

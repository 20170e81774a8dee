package io.tessera.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera}: with no command, the desktop; otherwise one of the subcommands. */
@Command(
    name = "tessera",
    mixinStandardHelpOptions = true,
    versionProvider = TesseraCommand.VersionProvider.class,
    description = "Tessera: an offline GIS workstation. Without a command, starts the desktop.",
    subcommands = {ServeCommand.class, AdminCommand.class, MigrateCommand.class,
        TileCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:error", "2:usage error"})
public final class TesseraCommand implements Callable<Integer> {
  final Environment env;

  @Option(names = "--data-dir", description = "Data directory (default: TESSERA_DATA_DIR or the"
      + " platform's data folder)")
  Path dataDir;

  public TesseraCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    return env.desktop(env.dataDir(dataDir));
  }

  /** Builds the command line with Tessera's error handling: usage 2, failures 1. */
  public static CommandLine commandLine(Environment env, String version) {
    CommandLine cl =
        new CommandLine(
            new TesseraCommand(env),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> cls) throws Exception {
                if (cls == VersionProvider.class) {
                  return cls.cast(new VersionProvider(version));
                }
                return CommandLine.defaultFactory().create(cls);
              }
            });
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("error: " + Failures.message(e));
          return 1;
        });
    return cl;
  }

  /** Reports the build's version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    private final String version;

    VersionProvider(String version) {
      this.version = version;
    }

    @Override
    public String[] getVersion() {
      return new String[] {"tessera " + version};
    }
  }
}

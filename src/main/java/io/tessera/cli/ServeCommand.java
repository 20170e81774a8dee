package io.tessera.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tessera serve}: the service alone, until SIGTERM or Ctrl+C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the service without the desktop. Prints 'listening on URL' when ready.")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand TesseraCommand parent;
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind"
      + " (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8000", description = "Port (default: ${DEFAULT-VALUE};"
      + " 0 for any free port)")
  int port;

  @Option(names = "--tls-cert", description = "PEM certificate chain, for a non-loopback --host")
  Path tlsCert;

  @Option(names = "--tls-key", description = "PEM private key (PKCS#8), with --tls-cert")
  Path tlsKey;

  @Option(names = "--import-root", paramLabel = "DIR", description = "A folder whose files"
      + " requests may import by path (repeatable; none by default)")
  List<Path> importRoots = new ArrayList<>();

  @Option(names = "--behind-proxy", description = "Allow a non-loopback --host without TLS because"
      + " a TLS-terminating proxy stands in front")
  boolean behindProxy;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be within 0..65535");
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    if (!isLoopback(host) && !behindProxy && tlsCert == null) {
      throw new ParameterException(
          spec.commandLine(),
          "binding " + host + " exposes the service to the network; give --tls-cert and"
              + " --tls-key, or --behind-proxy when a TLS proxy stands in front");
    }
    Path dataDir = parent.env.dataDir(db.dataDir != null ? db.dataDir : parent.dataDir);
    CountDownLatch stopped = new CountDownLatch(1);
    Environment.Running running =
        parent.env.serve(
            new Environment.ServeOptions(
                dataDir, host, port, db.dbUrl, tlsCert, tlsKey, List.copyOf(importRoots)));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  stopped.countDown();
                },
                "tessera-shutdown"));
    System.out.println("listening on " + running.url());
    System.out.flush();
    stopped.await();
    return 0;
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

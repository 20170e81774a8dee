package io.tessera.service.security;

import io.tessera.service.DomainException;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the server may fetch or open because a request named it (content by URL, webhooks,
 * imports by path). A team server refuses loopback, link-local, private and other non-public
 * addresses, unless the operator allows a host; a server bound to loopback (a desktop, a local
 * {@code serve}) serves one user and may reach them. Paths must lie inside allowed roots after
 * symlinks are resolved. Refusals never echo the server's own paths.
 */
public final class OutboundPolicy {
  private final boolean serverOnLoopback;
  private final Set<String> allowedHosts;
  private final List<Path> allowedRoots;
  private final Resolver resolver;

  /** Name resolution, replaceable so that tests need no DNS. */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  public OutboundPolicy(
      boolean serverOnLoopback, Set<String> allowedHosts, List<Path> allowedRoots) {
    this(serverOnLoopback, allowedHosts, allowedRoots, InetAddress::getAllByName);
  }

  public OutboundPolicy(
      boolean serverOnLoopback, Set<String> allowedHosts, List<Path> allowedRoots,
      Resolver resolver) {
    this.serverOnLoopback = serverOnLoopback;
    this.allowedHosts = Set.copyOf(allowedHosts);
    this.allowedRoots = allowedRoots.stream().map(OutboundPolicy::real).toList();
    this.resolver = resolver;
  }

  /**
   * Checks an http(s) URL before it is fetched (and again for each redirect).
   *
   * @return the parsed URL
   * @throws DomainException.Invalid when it may not be fetched, saying why
   */
  public URI checkUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new DomainException.Invalid("not a valid URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new DomainException.Invalid("only http and https URLs can be fetched");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new DomainException.Invalid("the URL has no host");
    }
    if (serverOnLoopback || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
      return uri;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new DomainException.Invalid("the host " + host + " cannot be resolved");
    }
    for (InetAddress a : addresses) {
      if (!isPublic(a)) {
        throw new DomainException.Invalid(
            "the host " + host + " resolves to a loopback, link-local or private address,"
                + " which this server does not fetch from");
      }
    }
    return uri;
  }

  /** True for addresses on the public internet. */
  public static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isAnyLocalAddress() || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique local
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    boolean cgnat = first == 100 && second >= 64 && second < 128; // 100.64.0.0/10
    boolean zero = first == 0;
    boolean reserved = first >= 240;
    return !(cgnat || zero || reserved);
  }

  /**
   * Checks a local path named by a request (an import by path).
   *
   * @return the real path (symlinks resolved) inside an allowed root
   */
  public Path checkPath(String path) {
    Path p;
    try {
      p = Path.of(path);
    } catch (InvalidPathException | NullPointerException e) {
      throw new DomainException.Invalid("not a valid path");
    }
    if (!p.isAbsolute()) {
      throw new DomainException.Invalid("the path must be absolute");
    }
    if (!Files.exists(p)) {
      throw new DomainException.Invalid("no such file");
    }
    Path realPath = real(p);
    for (Path root : allowedRoots) {
      if (realPath.startsWith(root)) {
        return realPath;
      }
    }
    throw new DomainException.Invalid("the path is outside the folders this server may read");
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}

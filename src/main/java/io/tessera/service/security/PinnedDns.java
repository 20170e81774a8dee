package io.tessera.service.security;

import io.tessera.service.security.OutboundPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Dns;

/**
 * Name resolution shared by the {@link OutboundPolicy} (as its resolver) and the webhook HTTP
 * client (as its {@link Dns}), so that a delivery connects to the very addresses the policy
 * checked. Without it the client would resolve the host a second time, and a name that answers a
 * public address to the check and a private one to the connection (DNS rebinding) would reach
 * what the policy refuses.
 *
 * <p>Inside {@link #pinning}, every name the policy resolves on the current thread is remembered
 * and handed to the client as is. A name the policy did not resolve is one it lets reach any
 * address (the server is on loopback, or the operator allows the host), so the client resolves
 * it afresh. Outside {@link #pinning} the client gets nothing.
 */
public final class PinnedDns implements OutboundPolicy.Resolver, Dns {
  private final OutboundPolicy.Resolver system;
  private final ThreadLocal<Map<String, List<InetAddress>>> pinned = new ThreadLocal<>();

  /** Resolves names with the system resolver. */
  public PinnedDns() {
    this(InetAddress::getAllByName);
  }

  /** Resolves names with {@code system} (tests answer without DNS). */
  public PinnedDns(OutboundPolicy.Resolver system) {
    this.system = system;
  }

  /** Work that checks a URL with the policy and then connects to it. */
  @FunctionalInterface
  public interface Request<T> {
    T run() throws IOException;
  }

  /** Runs {@code request} with the names the policy resolves in it pinned for the client. */
  public <T> T pinning(Request<T> request) throws IOException {
    pinned.set(new HashMap<>());
    try {
      return request.run();
    } finally {
      pinned.remove();
    }
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = system.resolve(host);
    Map<String, List<InetAddress>> names = pinned.get();
    if (names != null) {
      names.put(host.toLowerCase(Locale.ROOT), List.of(addresses));
    }
    return addresses;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    Map<String, List<InetAddress>> names = pinned.get();
    if (names == null) {
      throw new UnknownHostException(hostname + ": not resolved outside a checked request");
    }
    List<InetAddress> checked = names.get(hostname.toLowerCase(Locale.ROOT));
    return checked != null ? checked : List.of(system.resolve(hostname));
  }
}
